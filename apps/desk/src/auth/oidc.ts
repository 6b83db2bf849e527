/**
 * Authorization code with PKCE (S256), state and nonce, through panva's oauth4webapi. Loaded only
 * when someone signs in with the identity provider, so the first page does not carry it.
 */
import * as oauth from 'oauth4webapi';
import { checkState, OidcSignInError, putPending, takePending } from './callback.js';
import { describeFailure } from './failures.js';
import { redirectUri, type DeskOidc } from './desk-config.js';

/** Plain http only for a provider on this machine (development, tests); the service refuses it elsewhere. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const requestOptions = (issuer: URL) => ({
  [oauth.allowInsecureRequests]: issuer.protocol === 'http:' && LOOPBACK.includes(issuer.hostname),
});

async function discover(oidc: DeskOidc): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(oidc.issuer);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...requestOptions(issuer) });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** Sends the person to the provider; the verifier, state and nonce wait in sessionStorage for their return. */
export async function startSignIn(oidc: DeskOidc): Promise<void> {
  try {
    const server = await discover(oidc);
    if (!server.authorization_endpoint) throw new OidcSignInError('oidc.invalidAnswer', 'no authorization_endpoint');
    const pending = {
      verifier: oauth.generateRandomCodeVerifier(),
      state: oauth.generateRandomState(),
      nonce: oauth.generateRandomNonce(),
    };
    const url = new URL(server.authorization_endpoint);
    url.searchParams.set('client_id', oidc.clientId);
    url.searchParams.set('redirect_uri', redirectUri(oidc));
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', oidc.scope);
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(pending.verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('state', pending.state);
    url.searchParams.set('nonce', pending.nonce);
    putPending(sessionStorage, pending);
    window.location.assign(url.href);
  } catch (error) {
    throw describeFailure(error);
  }
}

/**
 * The provider's answer (the callback URL as it arrived) exchanged for an access token: state
 * checked before anything is sent, the code exchanged with the PKCE verifier, the ID token's
 * nonce, issuer, audience and times checked. The token is returned, never stored here.
 */
export async function finishSignIn(oidc: DeskOidc, callback: URL): Promise<string> {
  try {
    const pending = takePending(sessionStorage);
    if (!pending) throw new OidcSignInError('oidc.noPending');
    checkState(callback.search, pending);
    const server = await discover(oidc);
    const client: oauth.Client = { client_id: oidc.clientId };
    const parameters = oauth.validateAuthResponse(server, client, callback, pending.state);
    const options = requestOptions(new URL(oidc.issuer));
    const response = await oauth.authorizationCodeGrantRequest(
      server,
      client,
      oauth.None(),
      parameters,
      redirectUri(oidc),
      pending.verifier,
      options,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(server, client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    return tokens.access_token;
  } catch (error) {
    throw describeFailure(error);
  }
}
