import { loadConfig } from '../src/core/config.js';
import { deskConfig, withConnectSource } from '../src/http/desk.js';

const base = {
  REGISTRY_API_KEYS: 'a:auditor:k',
  REGISTRY_OIDC_JWKS_URL: 'https://idp.example/jwks',
  REGISTRY_OIDC_ISSUER: 'https://idp.example/realms/cbss',
};

describe("the desk's OIDC client from the environment", () => {
  it('without REGISTRY_OIDC_CLIENT_ID the desk offers API keys only, even when the service accepts JWTs', () => {
    expect(loadConfig(base).oidc?.desk).toBeUndefined();
    expect(deskConfig(loadConfig(base).oidc?.desk)).toEqual({ oidc: null });
  });

  it('with a client id: issuer, client, scope (openid by default), a provider name (the host by default) and the callback path', () => {
    expect(deskConfig(loadConfig({ ...base, REGISTRY_OIDC_CLIENT_ID: 'registry-desk' }).oidc?.desk)).toEqual({
      oidc: {
        issuer: 'https://idp.example/realms/cbss',
        clientId: 'registry-desk',
        scope: 'openid',
        providerName: 'idp.example',
        redirectPath: '/desk/sign-in',
      },
    });
    const named = loadConfig({
      ...base,
      REGISTRY_OIDC_CLIENT_ID: 'd',
      REGISTRY_OIDC_DESK_SCOPE: 'openid email',
      REGISTRY_OIDC_PROVIDER_NAME: 'eHealth',
    });
    expect(named.oidc?.desk).toMatchObject({ scope: 'openid email', providerName: 'eHealth' });
  });

  it('refuses at start a client id without issuer or JWKS, a scope without openid, and a plain-http issuer off this machine', () => {
    const client = { REGISTRY_OIDC_CLIENT_ID: 'd' };
    expect(() => loadConfig({ ...client, REGISTRY_OIDC_ISSUER: 'https://idp.example' })).toThrow(/REGISTRY_OIDC_JWKS_URL/);
    expect(() => loadConfig({ ...client, REGISTRY_OIDC_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/REGISTRY_OIDC_ISSUER/);
    expect(() => loadConfig({ ...base, ...client, REGISTRY_OIDC_DESK_SCOPE: 'profile' })).toThrow(/openid/);
    expect(() => loadConfig({ ...base, ...client, REGISTRY_OIDC_ISSUER: 'http://idp.example' })).toThrow(/https/);
    expect(() => loadConfig({ ...base, ...client, REGISTRY_OIDC_ISSUER: 'not a url' })).toThrow(/https URL/);
    expect(loadConfig({ ...base, ...client, REGISTRY_OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidc?.desk?.issuer).toBe(
      'http://127.0.0.1:8080',
    );
  });
});

describe("the desk page's Content-Security-Policy", () => {
  it("lets the page fetch from the provider's origin and from itself, and leaves every other directive as it was", () => {
    const helmet = "default-src 'self';script-src 'self';connect-src 'self';object-src 'none'";
    expect(withConnectSource(helmet, 'https://idp.example')).toBe(
      "default-src 'self';script-src 'self';object-src 'none';connect-src 'self' https://idp.example",
    );
    expect(withConnectSource("default-src 'self'", 'https://idp.example')).toBe(
      "default-src 'self';connect-src 'self' https://idp.example",
    );
  });
});
