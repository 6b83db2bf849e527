import { startTestServer, type TestServer } from '../support/server.js';
import { freshDatabaseUrl, testTarget } from '../support/database.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { fixture } from '../support/documents.js';
import { expectStatus } from '../e2e/helpers.js';

/**
 * Issue 10, fault 6: with the database stalled (a proxy that stops forwarding) or refused,
 * the service answers fast with 503 and a short message that names no internals, on every
 * route. PostgreSQL only: the embedded PGlite runs inside the process, there is no network
 * path to stall.
 */
const onPostgres = testTarget === 'postgres' ? describe : describe.skip;

onPostgres('fault 6: a sick database gives fast 503s', () => {
  let proxy: TcpProxy;
  let api: TestServer;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await freshDatabaseUrl();
    drop = database.drop;
    const target = new URL(database.url!);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(database.url!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    api = await startTestServer({ DATABASE_URL: viaProxy.toString(), REGISTRY_DB_QUERY_TIMEOUT_MS: '2000' }, { databaseUrl: database.url });
    expectStatus(await api.request('POST', '/deliberations', { body: fixture('24-130.deliberation.json') }), 201);
  }, 60_000);
  afterAll(async () => {
    proxy?.heal();
    await api?.close().catch(() => undefined);
    await proxy?.close();
    await drop?.();
  }, 60_000);

  const timed = async (request: () => ReturnType<TestServer['request']>) => {
    const started = Date.now();
    const response = await request();
    return { response, ms: Date.now() - started };
  };

  const expectShortProblem = (body: any) => {
    expect(body.status).toBe(503);
    expect(JSON.stringify(body)).not.toMatch(/ECONN|timeout exceeded|terminated|read timeout|at \w+ \(|postgres:\/\//i);
  };

  it('stalled: /health answers 503 within 3 s with a short message', async () => {
    proxy.stall();
    const { response, ms } = await timed(() => api.request('GET', '/health', { role: null }));
    expect(response.status).toBe(503);
    expect(ms).toBeLessThan(3000);
    expectShortProblem(response.body);
  }, 30_000);

  it('stalled: /ready and a read answer 503, not a hang', async () => {
    const ready = await timed(() => api.request('GET', '/ready', { role: null }));
    expect(ready.response.status).toBe(503);
    expect(ready.ms).toBeLessThan(3000);
    const read = await timed(() => api.request('GET', '/deliberations/24-130', { role: 'auditor' }));
    expect(read.response.status).toBe(503);
    expect(read.ms).toBeLessThan(10_000);
    expectShortProblem(read.response.body);
  }, 30_000);

  it('refused: /ready, /health, /audit/verify and /events answer 503', async () => {
    await proxy.refuse();
    for (const path of ['/ready', '/health', '/audit/verify', '/events']) {
      const { response } = await timed(() =>
        api.request('GET', path, { role: path.startsWith('/audit') || path === '/events' ? 'auditor' : null }),
      );
      if (response.status !== 503) throw new Error(`${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
      expectShortProblem(response.body);
    }
  }, 60_000);
});
