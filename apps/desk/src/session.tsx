import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, storedKey, storeKey, UNAUTHORISED_EVENT, unwrap } from './api/client.js';
import type { Role, Session } from './api/types.js';
import { PENDING_KEY } from './auth/callback.js';

/** How the bearer in sessionStorage was obtained: an API key typed, or an identity provider's access token. */
export type SignInMethod = 'key' | 'oidc';

interface SessionState {
  session: Session | null;
  /** Why the person was sent back to the sign-in (expired or wrong key). */
  notice: string | null;
  /** Keeps the credential in sessionStorage (never localStorage, never a URL) and asks /session for the role. */
  signIn(credential: string, method?: SignInMethod): Promise<void>;
  signOut(notice?: string): void;
  can(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionState | null>(null);
const ROLE = 'registry.session';
const METHOD = 'registry.signInMethod';

export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [session, setSession] = useState<Session | null>(() =>
    storedKey() ? (JSON.parse(sessionStorage.getItem(ROLE) ?? 'null') as Session | null) : null,
  );
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback(
    (why?: string) => {
      storeKey(null);
      sessionStorage.removeItem(ROLE);
      sessionStorage.removeItem(METHOD);
      sessionStorage.removeItem(PENDING_KEY);
      setSession(null);
      setNotice(why ?? null);
      navigate('/desk/sign-in');
    },
    [navigate],
  );

  const signIn = useCallback(async (credential: string, method: SignInMethod = 'key') => {
    storeKey(credential);
    sessionStorage.setItem(METHOD, method);
    try {
      const who = await unwrap<Session>(api.GET('/session'));
      sessionStorage.setItem(ROLE, JSON.stringify(who));
      setNotice(null);
      setSession(who);
    } catch (error) {
      storeKey(null);
      sessionStorage.removeItem(METHOD);
      throw error;
    }
  }, []);

  useEffect(() => {
    const expired = () => signOut(sessionStorage.getItem(METHOD) === 'oidc' ? 'oidc.expired' : 'signIn.expired');
    window.addEventListener(UNAUTHORISED_EVENT, expired);
    return () => window.removeEventListener(UNAUTHORISED_EVENT, expired);
  }, [signOut]);

  const value = useMemo<SessionState>(
    () => ({ session, notice, signIn, signOut, can: (...roles) => !!session && roles.includes(session.role) }),
    [session, notice, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
