/**
 * The parts of the OIDC sign-in that need no library: what the desk remembers between sending
 * the person to the identity provider and their return, and reading that return from the URL.
 */

/** What the desk must check on the way back; kept in sessionStorage for this tab only. */
export interface PendingSignIn {
  verifier: string;
  state: string;
  nonce: string;
}

/** sessionStorage, or any store with its three methods (the unit tests pass a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const PENDING_KEY = 'registry.oidc.pending';

/** The answer parameters the identity provider adds to the redirect URI (RFC 6749, RFC 9207). */
const CALLBACK_PARAMETERS = ['code', 'state', 'error', 'error_description', 'error_uri', 'iss', 'session_state'];

/** A sign-in that failed: a catalogue key (oidc.*) and, when there is one, the provider's own words. */
export class OidcSignInError extends Error {
  constructor(
    readonly messageKey: string,
    readonly detail?: string,
  ) {
    super(detail ? `${messageKey}: ${detail}` : messageKey);
  }
}

export function putPending(storage: KeyValueStore, pending: PendingSignIn): void {
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
}

/** The pending sign-in, removed as it is read: a code can be exchanged once, and only in this tab. */
export function takePending(storage: KeyValueStore): PendingSignIn | null {
  const stored = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as Partial<PendingSignIn>;
    const complete = [value.verifier, value.state, value.nonce].every((v) => typeof v === 'string' && v.length > 0);
    return complete ? (value as PendingSignIn) : null;
  } catch {
    return null;
  }
}

/** True when the page was opened by the identity provider's answer (a code or an error, with a state). */
export function isCallback(search: string): boolean {
  const parameters = new URLSearchParams(search);
  return (parameters.has('code') || parameters.has('error')) && parameters.has('state');
}

/** The query string without the answer's parameters, so no code or state stays in the address bar or history. */
export function withoutCallbackParameters(search: string): string {
  const parameters = new URLSearchParams(search);
  for (const name of CALLBACK_PARAMETERS) parameters.delete(name);
  const rest = parameters.toString();
  return rest ? `?${rest}` : '';
}

/** The state the provider sent back must be the one this tab sent: anything else is refused before any exchange. */
export function checkState(search: string, pending: PendingSignIn): void {
  const returned = new URLSearchParams(search).get('state');
  if (returned !== pending.state) throw new OidcSignInError('oidc.stateMismatch');
}
