import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** Who the next person to pass /authorize is, and how the provider behaves (tests change these). */
export interface FakeIdpSettings {
  user: { sub: string; roles: string[] };
  /** Lifetime of the access token the registry checks. */
  accessTokenSeconds: number;
  /** Put another nonce in the ID token than the one the desk sent (a replayed or mixed-up token). */
  wrongNonce: boolean;
}

export interface FakeIdp {
  issuer: string;
  jwksUrl: string;
  /** The audience of the access tokens (REGISTRY_OIDC_AUDIENCE). */
  audience: string;
  settings: FakeIdpSettings;
  /** Every request to /token, answered or refused. */
  tokenRequests: URLSearchParams[];
  close(): Promise<void>;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string;
  user: FakeIdpSettings['user'];
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/**
 * A small OpenID provider for the browser tests: discovery, /authorize that signs the configured
 * person in at once and redirects back with a code, /token that checks the code, the redirect URI
 * and the PKCE verifier (S256) and answers with an access token and an ID token signed by an ES256
 * key whose JWKS it serves. CORS is open, as a real provider's is for a registered web origin.
 */
export async function startFakeIdp(clientId: string, audience = 'registry'): Promise<FakeIdp> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'fake-1', alg: 'ES256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const idp: FakeIdp = {
    issuer: '',
    jwksUrl: '',
    audience,
    settings: { user: { sub: 'marie@committee.test', roles: ['secretariat'] }, accessTokenSeconds: 300, wrongNonce: false },
    tokenRequests: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    const url = new URL(req.url ?? '/', idp.issuer);
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    if (url.pathname === '/.well-known/openid-configuration') return json(res, 200, discovery(idp.issuer));
    if (url.pathname === '/jwks.json') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') return authorize(url, res, idp, clientId, grants);
    if (url.pathname === '/token' && req.method === 'POST')
      return void readForm(req).then((form) => token(form, res, { idp, clientId, grants, key: privateKey }));
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  idp.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  idp.jwksUrl = `${idp.issuer}/jwks.json`;
  return idp;
}

const discovery = (issuer: string) => ({
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks.json`,
  response_types_supported: ['code'],
  grant_types_supported: ['authorization_code'],
  code_challenge_methods_supported: ['S256'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['ES256'],
  token_endpoint_auth_methods_supported: ['none'],
});

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** Refuses a malformed request as a provider does (400, no redirect); otherwise signs the person in at once. */
function authorize(url: URL, res: ServerResponse, idp: FakeIdp, clientId: string, grants: Map<string, Grant>): void {
  const q = url.searchParams;
  const wrong =
    q.get('client_id') !== clientId
      ? 'unknown client_id'
      : q.get('response_type') !== 'code'
        ? 'response_type must be code'
        : q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')
          ? 'PKCE with S256 is required'
          : !q.get('scope')?.split(' ').includes('openid')
            ? 'scope must include openid'
            : !q.get('state') || !q.get('nonce') || !q.get('redirect_uri')
              ? 'state, nonce and redirect_uri are required'
              : undefined;
  if (wrong) return json(res, 400, { error: 'invalid_request', error_description: wrong });
  const code = randomBytes(16).toString('base64url');
  grants.set(code, {
    clientId,
    redirectUri: q.get('redirect_uri')!,
    challenge: q.get('code_challenge')!,
    nonce: q.get('nonce')!,
    user: idp.settings.user,
  });
  const back = new URL(q.get('redirect_uri')!);
  back.searchParams.set('code', code);
  back.searchParams.set('state', q.get('state')!);
  res.writeHead(302, { location: back.href }).end();
}

interface TokenContext {
  idp: FakeIdp;
  clientId: string;
  grants: Map<string, Grant>;
  key: CryptoKey;
}

/** The code once, for the redirect URI it was issued to, with the verifier whose S256 is the challenge. */
async function token(form: URLSearchParams, res: ServerResponse, { idp, clientId, grants, key }: TokenContext): Promise<void> {
  idp.tokenRequests.push(form);
  const grant = grants.get(form.get('code') ?? '');
  grants.delete(form.get('code') ?? '');
  const refuse = (description: string) => json(res, 400, { error: 'invalid_grant', error_description: description });
  if (form.get('grant_type') !== 'authorization_code') return json(res, 400, { error: 'unsupported_grant_type' });
  if (!grant) return refuse('unknown or used code');
  if (form.get('client_id') !== grant.clientId || form.get('redirect_uri') !== grant.redirectUri)
    return refuse('client or redirect_uri differs');
  if (s256(form.get('code_verifier') ?? '') !== grant.challenge) return refuse('PKCE verification failed');
  const now = Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, aud: string, seconds: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'fake-1' })
      .setIssuer(idp.issuer)
      .setSubject(grant.user.sub)
      .setAudience(aud)
      .setIssuedAt(now)
      .setExpirationTime(now + seconds)
      .sign(key);
  json(res, 200, {
    token_type: 'Bearer',
    expires_in: idp.settings.accessTokenSeconds,
    access_token: await sign({ roles: grant.user.roles }, idp.audience, idp.settings.accessTokenSeconds),
    id_token: await sign({ nonce: idp.settings.wrongNonce ? 'another-nonce' : grant.nonce }, clientId, 300),
  });
}
