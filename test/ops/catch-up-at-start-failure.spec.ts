import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../support/server.js';
import { freshDatabaseUrl, testTarget } from '../support/database.js';
import { capturedLog } from '../support/captured-log.js';
import { fixture } from '../support/documents.js';
import { expectStatus } from '../e2e/helpers.js';

/**
 * Issue 10, fault 8: a catch-up that fails while the service starts is logged with its cause
 * and counted (registry_background_failures_total{task="catch-up-at-start"}); the service still starts.
 */
describe(`fault 8 on ${testTarget}: a failing catch-up at start is logged and counted`, () => {
  let servers: TestServer[] = [];
  let drop = async () => {};
  afterAll(async () => {
    for (const s of servers.reverse()) await s.close().catch(() => undefined);
    await drop();
  });

  it('a read model that cannot be written at start', async () => {
    const database = await freshDatabaseUrl();
    drop = database.drop;
    const env: Record<string, string> = database.url ? {} : { REGISTRY_DATA_DIR: mkdtempSync(join(tmpdir(), 'registry-catchup-')) };
    const options = database.url ? { databaseUrl: database.url } : {};
    const first = await startTestServer(env, options);
    expectStatus(await first.request('POST', '/deliberations', { body: fixture('24-130.deliberation.json') }), 201);
    // The index must be replayed at the next start, and its table refuses every row.
    await first.server.database.dataSource.query(`DELETE FROM projection_checkpoints WHERE name = 'deliberation-index'`);
    await first.server.database.dataSource.query(`DELETE FROM rm_deliberations`);
    await first.server.database.dataSource.query(`ALTER TABLE rm_deliberations ADD CONSTRAINT refuse_all CHECK (false) NOT VALID`);
    await first.close();
    servers = [];
    const captured = capturedLog();
    const second = await startTestServer(env, { ...options, log: captured.log });
    servers.push(second);
    const lines = captured.errors().filter((l) => l.task === 'catch-up-at-start');
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).toMatch(/refuse_all/);
    const metrics = (await second.request('GET', '/metrics', { role: null })).text;
    expect(metrics).toMatch(/registry_background_failures_total\{task="catch-up-at-start"\} 1/);
  }, 60_000);
});
