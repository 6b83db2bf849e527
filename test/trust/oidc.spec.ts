import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { smallDeliberation } from '../support/documents.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Bearer JWTs checked against a local JWKS, the role taken from a claim, beside API keys. */
describe('OIDC bearer tokens', () => {
  let jwks: Server;
  let api: TestServer;
  let key: CryptoKey;
  let stranger: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    ({ privateKey: stranger } = await generateKeyPair('ES256'));
    key = pair.privateKey;
    const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    api = await startTestServer({
      REGISTRY_OIDC_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      REGISTRY_OIDC_ISSUER: 'https://idp.test',
      REGISTRY_OIDC_AUDIENCE: 'registry',
      REGISTRY_OIDC_ROLE_CLAIM: 'roles',
    });
  });
  afterAll(async () => {
    await api?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  const token = (claims: Record<string, unknown>, options: { signer?: CryptoKey; issuer?: string; expires?: string | number } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('marie@committee.test')
      .setIssuer(options.issuer ?? 'https://idp.test')
      .setAudience('registry')
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '5m')
      .sign(options.signer ?? key);
  const post = async (jwt: string, number: string) =>
    api.request('POST', '/deliberations', { role: null, headers: { authorization: `Bearer ${jwt}` }, body: smallDeliberation(number) });

  it('given a token with the secretariat role, when it records a deliberation, then 201 and the actor is the subject', async () => {
    expect((await post(await token({ roles: ['secretariat'] }), '25/101')).status).toBe(201);
    const events = await api.request('GET', '/deliberations/25-101/events');
    expect(events.body.items[0].metadata.actor).toBe('marie@committee.test');
  });

  it('given a token with only the steward role, when it records a deliberation, then 403', async () => {
    expect((await post(await token({ roles: 'steward' }), '25/102')).status).toBe(403);
  });

  it('given tokens signed by another key, from another issuer, expired, or without a role, when used, then 401 and nothing recorded', async () => {
    for (const jwt of [
      await token({ roles: ['secretariat'] }, { signer: stranger }),
      await token({ roles: ['secretariat'] }, { issuer: 'https://evil.test' }),
      await token({ roles: ['secretariat'] }, { expires: Math.floor(Date.now() / 1000) - 3600 }),
      await token({}),
    ])
      expect((await post(jwt, '25/103')).status).toBe(401);
    expect((await api.request('GET', '/deliberations/25-103')).status).toBe(404);
  });

  it('given OIDC configured, when an API key is used, then it still works', async () => {
    expect((await api.request('POST', '/deliberations', { body: smallDeliberation('25/104') })).status).toBe(201);
  });
});
