import { readFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../support/server.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));

describe('operations: health, readiness, metrics, OpenAPI', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api?.close());

  it('given a fresh service, when /health and /ready are asked without a key, then both answer', async () => {
    expect(await api.request('GET', '/health', { role: null })).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await api.request('GET', '/ready', { role: null })).toMatchObject({ status: 200, body: { status: 'ready', behind: [] } });
  });

  it('given a recorded deliberation and a check, when /metrics is scraped, then it shows appended events, request latency, projection lag and the outbox', async () => {
    expect((await api.request('POST', '/deliberations', { body: fixture('24-130.deliberation.json') })).status).toBe(201);
    await api.request('POST', '/authorisation-checks', {
      role: 'steward',
      body: { deliberation: '24/130', recipient: 'dwse', dataset: 'sample', on: '2025-01-01', referenceYears: [2021], variables: [] },
    });
    const scrape = await api.request('GET', '/metrics', { role: null });
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/text\/plain/);
    expect(scrape.text).toMatch(/registry_events_appended_total\{type="DeliberationRecorded"\} 1/);
    expect(scrape.text).toMatch(
      /registry_http_request_duration_seconds_count\{method="POST",route="\/authorisation-checks",status="200"\} 1/,
    );
    expect(scrape.text).toMatch(/registry_projection_lag_events\{projection="deliberation-index"\} 0/);
    expect(scrape.text).toMatch(/registry_reminders_outbox\{status="failed"\} 0/);
  });

  it('given the service, when /docs is asked for JSON, then it is an OpenAPI document listing the routes of SPEC', async () => {
    const docs = await api.request('GET', '/docs', { role: null, headers: { accept: 'application/json' } });
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/deliberations',
      '/deliberations/{id}',
      '/authorisation-checks',
      '/deliveries',
      '/destruction-schedule',
      '/reminders/run',
      '/audit/verify',
    ])
      expect(Object.keys(docs.body.paths)).toContain(path);
    const ui = await api.request('GET', '/docs', { role: null, headers: { accept: 'text/html' } });
    expect(ui.text).toContain('swagger');
  });
});

describe('health when the database is gone', () => {
  it('given a running service whose database connection is closed, when /health is asked, then 503 problem (not 200, not a crash)', async () => {
    const api = await startTestServer();
    try {
      await api.server.database.dataSource.destroy();
      const health = await api.request('GET', '/health', { role: null });
      expect(health.status).toBe(503);
      expect(health.headers.get('content-type')).toMatch(/problem\+json/);
      expect(health.body.code).toBe('STORE_UNREACHABLE');
    } finally {
      await api.close();
    }
  });
});
