import * as oauth from 'oauth4webapi';
import {
  checkState,
  isCallback,
  OidcSignInError,
  PENDING_KEY,
  putPending,
  takePending,
  withoutCallbackParameters,
  type KeyValueStore,
} from './callback.js';
import { describeFailure } from './failures.js';

const memoryStore = (): KeyValueStore & { entries: Map<string, string> } => {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
};
const pending = { verifier: 'v'.repeat(43), state: 'state-1', nonce: 'nonce-1' };

describe('the pending sign-in between the redirect and the return', () => {
  it('is read once: a second read finds nothing, so a code cannot be exchanged twice from one tab', () => {
    const store = memoryStore();
    putPending(store, pending);
    expect(takePending(store)).toEqual(pending);
    expect(takePending(store)).toBeNull();
    expect(store.entries.size).toBe(0);
  });

  it('is refused when damaged or incomplete, and removed all the same', () => {
    for (const stored of ['{not json', JSON.stringify({ verifier: 'v', state: 's' }), JSON.stringify({ ...pending, nonce: '' })]) {
      const store = memoryStore();
      store.setItem(PENDING_KEY, stored);
      expect(takePending(store)).toBeNull();
      expect(store.getItem(PENDING_KEY)).toBeNull();
    }
  });
});

describe("the identity provider's answer in the URL", () => {
  it('is recognised by a code or an error together with a state', () => {
    expect(isCallback('?code=abc&state=s')).toBe(true);
    expect(isCallback('?error=access_denied&state=s')).toBe(true);
    expect(isCallback('?code=abc')).toBe(false);
    expect(isCallback('?state=s')).toBe(false);
    expect(isCallback('')).toBe(false);
  });

  it('leaves the address bar without code, state, error or issuer, and keeps any other parameter', () => {
    expect(withoutCallbackParameters('?code=abc&state=s&iss=https%3A%2F%2Fidp&session_state=x')).toBe('');
    expect(withoutCallbackParameters('?error=access_denied&error_description=no&state=s&lang=fr')).toBe('?lang=fr');
  });

  it('is refused before any exchange when its state is not the one this tab sent', () => {
    expect(() => checkState('?code=abc&state=state-1', pending)).not.toThrow();
    for (const search of ['?code=abc&state=forged', '?code=abc', '?code=abc&state=STATE-1'])
      expect(() => checkState(search, pending)).toThrow(new OidcSignInError('oidc.stateMismatch'));
  });
});

describe('what the sign-in page says when the provider refuses', () => {
  const server: oauth.AuthorizationServer = { issuer: 'https://idp.test', token_endpoint: 'https://idp.test/token' };
  const client: oauth.Client = { client_id: 'desk' };

  it("an error answer from the authorization endpoint: refused, with the provider's reason", () => {
    const answer = new URLSearchParams({ error: 'access_denied', error_description: 'The user said no', state: 's' });
    const failure = describeFailure(captured(() => oauth.validateAuthResponse(server, client, answer, 's')));
    expect(failure).toMatchObject({ messageKey: 'oidc.refusedByProvider', detail: 'The user said no' });
  });

  it('an OAuth error from the token endpoint (a wrong PKCE verifier): token refused, with the error code', async () => {
    const response = new Response(JSON.stringify({ error: 'invalid_grant' }), {
      status: 400,
      headers: { 'content-type': 'application/json' },
    });
    const failure = describeFailure(await capturedAsync(() => oauth.processAuthorizationCodeResponse(server, client, response)));
    expect(failure).toMatchObject({ messageKey: 'oidc.tokenRefused', detail: 'invalid_grant' });
  });

  it('an answer with a mismatching state inside the library, a network failure, and anything else each have their own words', () => {
    const answer = new URLSearchParams({ code: 'c', state: 'other' });
    expect(describeFailure(captured(() => oauth.validateAuthResponse(server, client, answer, 's'))).messageKey).toBe('oidc.invalidAnswer');
    expect(describeFailure(new TypeError('Failed to fetch')).messageKey).toBe('oidc.unreachable');
    expect(describeFailure(new OidcSignInError('oidc.noPending')).messageKey).toBe('oidc.noPending');
    expect(describeFailure('strange').messageKey).toBe('oidc.invalidAnswer');
  });
});

function captured(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

async function capturedAsync(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
