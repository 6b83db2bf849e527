import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Field } from '../components/Field.js';
import { ProblemMessage } from '../components/Status.js';
import { OidcSignIn } from '../auth/OidcSignIn.js';
import { useSession } from '../session.js';

export function SignInPage() {
  const { t } = useTranslation();
  const { session, notice, signIn } = useSession();
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (session) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!key.trim()) return setError(new Error(t('signIn.empty')));
    setBusy(true);
    setError(null);
    try {
      await signIn(key.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      {notice && (
        <p className="notice" role="alert">
          {t(notice)}
        </p>
      )}
      <OidcSignIn />
      <p>{t('signIn.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t('signIn.key')} type="password" value={key} onChange={setKey} name="apiKey" hint={t('signIn.keyHint')} />
        <ProblemMessage error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('common.working') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
