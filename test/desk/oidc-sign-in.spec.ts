import type { Browser, Page } from 'playwright-core';
import { ensureDeskBuilt, launchChromium, screenshot, see, seeUrl, seriousViolations } from '../support/browser.js';
import { startFakeIdp, type FakeIdp } from '../support/fake-idp.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { smallDeliberation } from '../support/documents.js';

/**
 * The desk's sign-in through an identity provider (authorization code with PKCE), in headless
 * Chromium against the real service and a fake provider run in the test.
 */
const CLIENT_ID = 'registry-desk';
let idp: FakeIdp;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ensureDeskBuilt();
  browser = await launchChromium();
  idp = await startFakeIdp(CLIENT_ID);
  server = await startTestServer({
    REGISTRY_OIDC_JWKS_URL: idp.jwksUrl,
    REGISTRY_OIDC_ISSUER: idp.issuer,
    REGISTRY_OIDC_AUDIENCE: idp.audience,
    REGISTRY_OIDC_ROLE_CLAIM: 'roles',
    REGISTRY_OIDC_CLIENT_ID: CLIENT_ID,
    REGISTRY_OIDC_PROVIDER_NAME: 'Test IdP',
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await idp?.close();
});

beforeEach(() => {
  idp.settings.user = { sub: 'marie@committee.test', roles: ['secretariat'] };
  idp.settings.accessTokenSeconds = 300;
  idp.settings.wrongNonce = false;
});

async function signInPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/desk/sign-in`);
  await page.getByRole('button', { name: 'Sign in with Test IdP' }).waitFor();
  return page;
}

/** What the tab keeps: sessionStorage entries, and everything in localStorage as one text. */
const stored = (page: Page) =>
  page.evaluate(
    `({ session: Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])),
        local: Object.values(localStorage).join(' ') })`,
  ) as Promise<{ session: Record<string, string>; local: string }>;

async function expectRefusedAtSignIn(page: Page, message: string): Promise<void> {
  await see(page.getByRole('alert')).toContainText(message);
  await seeUrl(page, /\/desk\/sign-in$/);
  expect((await stored(page)).session['registry.apiKey']).toBeUndefined();
  await see(page.getByLabel('API key')).toBeVisible();
}

describe('signing in to the desk through the identity provider', () => {
  it('tells the desk where the provider is, publicly, and lets the page fetch from it', async () => {
    // A page resource like /desk-assets, not an API route (so not in the OpenAPI document).
    const config = await fetch(`${server.url}/desk-config.json`);
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toMatch(/application\/json/);
    expect(await config.json()).toEqual({
      oidc: { issuer: idp.issuer, clientId: CLIENT_ID, scope: 'openid', providerName: 'Test IdP', redirectPath: '/desk/sign-in' },
    });
    const page = await fetch(`${server.url}/desk/sign-in`);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${idp.issuer}`);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('a steward signs in with PKCE, sees only the steward actions, and the service accepts the token but still refuses a secretariat write', async () => {
    idp.settings.user = { sub: 'stefan@steward.test', roles: ['steward'] };
    const page = await signInPage();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'oidc-sign-in');
    await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
    await page.getByRole('heading', { name: 'Register of deliberations' }).waitFor();
    await see(page.locator('header')).toContainText('stefan@steward.test');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await see(nav.getByRole('link', { name: 'Output release' })).toBeVisible();
    await see(nav.getByRole('link', { name: 'Record a deliberation' })).toHaveCount(0);
    await see(nav.getByRole('link', { name: 'Audit' })).toHaveCount(0);
    // No code or state left in the address bar; the token in this tab's sessionStorage only.
    expect(page.url()).toBe(`${server.url}/`);
    const { session, local } = await stored(page);
    const token = session['registry.apiKey'];
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(local).not.toContain(token);
    expect(session['registry.oidc.pending']).toBeUndefined();

    const bearer = { role: null, headers: { authorization: `Bearer ${token}` } };
    expect((await server.request('GET', '/session', bearer)).body).toEqual({ actor: 'stefan@steward.test', role: 'steward' });
    expect((await server.request('POST', '/deliberations', { ...bearer, body: smallDeliberation('25/201') })).status).toBe(403);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await seeUrl(page, /\/desk\/sign-in$/);
    expect((await stored(page)).session).toEqual({});
    await page.context().close();
  });

  it('a secretariat member signs in and records through the desk with the provider token', async () => {
    const page = await signInPage();
    await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
    await page.getByRole('heading', { name: 'Register of deliberations' }).waitFor();
    await see(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Record a deliberation' })).toBeVisible();
    const token = (await stored(page)).session['registry.apiKey'];
    const recorded = await server.request('POST', '/deliberations', {
      role: null,
      headers: { authorization: `Bearer ${token}` },
      body: smallDeliberation('25/202'),
    });
    expect(recorded.status).toBe(201);
    await page.reload();
    await see(page.locator('main')).toContainText('25/202');
    await page.context().close();
  });

  it('a wrong PKCE verifier is refused by the provider, and the desk says so at the sign-in', async () => {
    const page = await signInPage();
    await page.route(`${idp.issuer}/token`, (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      form.set('code_verifier', 'x'.repeat(43));
      return route.continue({ postData: form.toString() });
    });
    await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
    await expectRefusedAtSignIn(page, 'The identity provider refused to give a token');
    await see(page.getByRole('alert')).toContainText('PKCE verification failed');
    await screenshot(page, 'oidc-pkce-refused');
    await page.context().close();
  });

  it('an answer whose state was tampered with is refused before any code is exchanged', async () => {
    const page = await signInPage();
    await page.route(`${idp.issuer}/authorize?**`, (route) =>
      route.fulfill({ status: 302, headers: { location: `${server.url}/desk/sign-in?code=stolen&state=forged` } }),
    );
    const exchanged = idp.tokenRequests.length;
    await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
    await expectRefusedAtSignIn(page, 'does not belong to the sign-in started in this tab (the state differs)');
    expect(idp.tokenRequests.length).toBe(exchanged);
    await page.context().close();
  });

  it('an ID token with another nonce is refused', async () => {
    idp.settings.wrongNonce = true;
    const page = await signInPage();
    await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
    await expectRefusedAtSignIn(page, 'the nonce differs');
    await page.context().close();
  });

  it('a provider token without a registry role, or expired, returns to the sign-in with a message', async () => {
    idp.settings.user = { sub: 'nobody@elsewhere.test', roles: ['reader'] };
    let page = await signInPage();
    await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
    await expectRefusedAtSignIn(page, 'Your sign-in through the identity provider has expired or was refused');
    await page.context().close();

    idp.settings.user = { sub: 'stefan@steward.test', roles: ['steward'] };
    idp.settings.accessTokenSeconds = 2;
    page = await signInPage();
    await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
    await page.getByRole('heading', { name: 'Register of deliberations' }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await page.getByRole('link', { name: 'Deliveries' }).click();
    await expectRefusedAtSignIn(page, 'Your sign-in through the identity provider has expired or was refused');
    await page.context().close();
  });
});
