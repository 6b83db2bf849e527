import { startTestServer, type TestServer } from '../support/server.js';
import { expectProblem, expectStatus, fixture } from './helpers.js';

/** Every refusal says what is wrong and how to fix it, in one style of code, with a page behind its type. */
describe('errors that teach', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
    expectStatus(await api.request('POST', '/deliberations', { body: fixture('24-130.deliberation.json') }), 201);
  });
  afterAll(() => api?.close());

  it('names every problem code in UPPER_SNAKE_CASE, a not-found included', async () => {
    const missing = expectProblem(await api.request('GET', '/deliveries/0b6f3a52-8f1e-4c63-9a57-2d1f0c6d9e41', { role: 'auditor' }), 404);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', type: '/problems/NOT_FOUND' });
    const route = expectProblem(await api.request('GET', '/no-such-route', { role: 'auditor' }), 404);
    expect(route.code).toBe('NOT_FOUND');
  });

  it('GET /deliberations/24/130 (an unencoded slash) answers 404 with a hint to write 24-130', async () => {
    const problem = expectProblem(await api.request('GET', '/deliberations/24/130?on=2025-01-01', { role: 'auditor' }), 404);
    expect(problem.hint).toContain('/deliberations/24-130?on=2025-01-01');
    expect(expectProblem(await api.request('GET', '/deliberations/24/130/events', { role: 'auditor' }), 404).hint).toContain(
      '/deliberations/24-130/events',
    );
    expectStatus(await api.request('GET', '/deliberations/24%2F130', { role: 'auditor' }), 200);
  });

  it('a path parameter error has a detail and names the parameter', async () => {
    const bad = expectProblem(await api.request('GET', '/deliberations/twenty-four', { role: 'auditor' }), 400);
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/path/id', message: expect.any(String) }] });
    expect(bad.detail).toContain('24-130');
    const uuid = expectProblem(await api.request('GET', '/deliveries/42', { role: 'auditor' }), 400);
    expect(uuid.detail).toMatch(/"42" is not a delivery id/);
    expect(uuid.errors).toEqual([{ path: '/path/id', message: 'must be a UUID' }]);
  });

  it('a query error says which parameter and why in detail too', async () => {
    const bad = expectProblem(await api.request('GET', '/deliberations/24-130?on=2024-02-30', { role: 'auditor' }), 400);
    expect(bad.errors).toEqual([{ path: '/query/on', message: expect.stringContaining('calendar date') }]);
    expect(bad.detail).toContain('/query/on');
  });

  it('a body without Content-Type, or with another one, is 415 saying so, and records nothing', async () => {
    const body = JSON.stringify({ ...fixture('24-130.deliberation.json'), number: '24/131' });
    const none = await fetch(`${api.url}/deliberations`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-secretariat' },
      body: new Blob([body]),
    });
    expect(none.status).toBe(415);
    expect(await none.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: expect.stringContaining('no Content-Type') });
    const text = expectProblem(await api.request('POST', '/deliberations', { raw: body, headers: { 'content-type': 'text/plain' } }), 415);
    expect(text.detail).toContain('text/plain');
    expectProblem(await api.request('GET', '/deliberations/24-131', { role: 'auditor' }), 404);
  });

  it('each problem type leads to a page of the service saying what went wrong and how to fix it', async () => {
    const problem = expectProblem(await api.request('POST', '/deliberations', { body: { number: 'x' } }), 400);
    const page = expectStatus(await api.request('GET', problem.type, { role: null }), 200);
    expect(page.text).toContain('What went wrong');
    expect(page.text).toContain('How to fix it');
    const json = expectStatus(await api.request('GET', problem.type, { role: null, headers: { accept: 'application/json' } }), 200);
    expect(json.body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expectProblem(await api.request('GET', '/problems/NO_SUCH_CODE', { role: null }), 404);
  });
});
