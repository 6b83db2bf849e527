import { readFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../support/server.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));

describe('the service over HTTP (smoke)', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api?.close());

  it('given 24/130 recorded, when a steward checks the scrambled dataset before the amendment takes effect, then NOT_YET_IN_FORCE', async () => {
    expect((await api.request('GET', '/health', { role: null })).body).toEqual({ status: 'ok' });
    expect((await api.request('POST', '/deliberations', { body: fixture('24-130.deliberation.json') })).status).toBe(201);
    expect((await api.request('POST', '/deliberations/24-130/amendments', { body: fixture('24-130.amendment-1.json') })).status).toBe(201);
    const check = await api.request('POST', '/authorisation-checks', {
      role: 'steward',
      body: {
        deliberation: '24/130',
        recipient: 'steunpunt-werk',
        dataset: 'scrambled',
        on: '2024-11-20',
        referenceYears: [2021],
        variables: ['person.sex'],
      },
    });
    expect(check.status).toBe(200);
    expect(check.body.reasons.map((r: { code: string }) => r.code)).toEqual(['NOT_YET_IN_FORCE', 'COMMITMENT_MISSING']);
  });
});
