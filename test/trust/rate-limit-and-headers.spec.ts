import { startTestServer, type TestServer } from '../support/server.js';

describe('rate limiting per key and security headers', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ REGISTRY_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => api?.close());

  it('given 5 requests a minute per key, when a key sends a sixth, then 429 problem with Retry-After, while another key still passes', async () => {
    for (let i = 0; i < 5; i++) expect((await api.request('GET', '/deliberations', { role: 'auditor' })).status).toBe(200);
    const limited = await api.request('GET', '/deliberations', { role: 'auditor' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/problem\+json/);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await api.request('GET', '/deliberations', { role: 'steward' })).status).toBe(200);
  });

  it('given any answer, when read, then it carries helmet security headers and no X-Powered-By', async () => {
    const answer = await api.request('GET', '/health', { role: null });
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toBeTruthy();
    expect(answer.headers.get('x-powered-by')).toBeNull();
    expect(answer.headers.get('x-request-id')).toMatch(/^[\w.:-]+$/);
  });
});
