import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isProblem } from '../api/problem.js';
import { ProblemMessage } from '../components/Status.js';
import { useSession } from '../session.js';
import { isCallback, OidcSignInError, withoutCallbackParameters } from './callback.js';
import { loadDeskConfig, type DeskOidc } from './desk-config.js';

// oauth4webapi comes with the first click or the provider's answer, not with the first page.
const oidcFlow = () => import('./oidc.js');

/** One exchange per answer, even if React runs the effect twice: a code can be used only once. */
const exchanges = new Map<string, Promise<string>>();
function exchangeOnce(oidc: DeskOidc, callback: string): Promise<string> {
  let exchange = exchanges.get(callback);
  if (!exchange) {
    exchange = oidcFlow().then((flow) => flow.finishSignIn(oidc, new URL(callback)));
    exchanges.set(callback, exchange);
    // Forgotten once settled: the token is not kept here after the session has it.
    void exchange.catch(() => undefined).finally(() => setTimeout(() => exchanges.delete(callback), 0));
  }
  return exchange;
}

/**
 * "Sign in with <provider>" when the service has an OIDC client for the desk, and the handling of
 * the provider's answer on the same page (`?code=&state=`, or `?error=`).
 */
export function OidcSignIn() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const config = useQuery({ queryKey: ['desk-config'], queryFn: loadDeskConfig, staleTime: Infinity });
  const oidc = config.data?.oidc ?? null;
  // The answer as it arrived, read once: the address bar is cleaned at once below.
  const [callback] = useState(() => (isCallback(location.search) ? window.location.href : null));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(callback !== null);

  useEffect(() => {
    // history.replaceState: the code and state leave the address bar and the history, whatever happens next.
    if (callback) navigate({ search: withoutCallbackParameters(location.search) }, { replace: true });
  }, []); // once, on arrival

  useEffect(() => {
    if (!callback || !config.data) return;
    if (!oidc) return void (setError(new OidcSignInError('oidc.notConfigured')), setBusy(false));
    exchangeOnce(oidc, callback)
      .then((token) => signIn(token, 'oidc'))
      // A 401 from /session already brought the sign-in's own notice (token refused or expired).
      .catch((e: unknown) => !(isProblem(e) && e.status === 401) && setError(e))
      .finally(() => setBusy(false));
  }, [callback, config.data, oidc, signIn]);

  if (!oidc) return callback ? <OidcFailure error={error} busy={busy} /> : null;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await (await oidcFlow()).startSignIn(oidc);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <div className="oidc-sign-in">
      <p>{t('oidc.intro', { provider: oidc.providerName })}</p>
      <OidcFailure error={error} busy={busy} />
      <button type="button" onClick={() => void start()} disabled={busy}>
        {busy ? t('common.working') : t('oidc.signIn', { provider: oidc.providerName })}
      </button>
      <p className="or">{t('oidc.orKey')}</p>
    </div>
  );
}

function OidcFailure({ error, busy }: { error: unknown; busy: boolean }) {
  const { t } = useTranslation();
  if (busy && !error)
    return (
      <p className="loading" role="status" aria-live="polite">
        {t('oidc.working')}
      </p>
    );
  if (!(error instanceof OidcSignInError)) return <ProblemMessage error={error} />;
  return (
    <div className="problem" role="alert">
      <strong>{t(error.messageKey)}</strong>
      {error.detail && <p>{t('oidc.providerSaid', { detail: error.detail })}</p>}
    </div>
  );
}
