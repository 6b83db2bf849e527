import * as oauth from 'oauth4webapi';
import { OidcSignInError } from './callback.js';

/** What went wrong, in words the sign-in page can translate; the provider's own text as detail. */
export function describeFailure(error: unknown): OidcSignInError {
  if (error instanceof OidcSignInError) return error;
  if (error instanceof oauth.AuthorizationResponseError)
    return new OidcSignInError('oidc.refusedByProvider', error.error_description ?? error.error);
  if (error instanceof oauth.ResponseBodyError) return new OidcSignInError('oidc.tokenRefused', error.error_description ?? error.error);
  if (error instanceof oauth.OperationProcessingError) {
    const claim = (error.cause as { claim?: unknown } | undefined)?.claim;
    if (error.code === oauth.JWT_CLAIM_COMPARISON && claim === 'nonce') return new OidcSignInError('oidc.nonceMismatch');
    return new OidcSignInError('oidc.invalidAnswer', error.message);
  }
  // fetch's TypeError: the provider is down, or not allowed by the page's connect-src.
  if (error instanceof TypeError) return new OidcSignInError('oidc.unreachable', error.message);
  return new OidcSignInError('oidc.invalidAnswer', error instanceof Error ? error.message : String(error));
}
