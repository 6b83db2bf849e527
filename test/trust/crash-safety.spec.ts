import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from '../support/documents.js';
import { freshDatabaseUrl } from '../support/database.js';
import { buildOnce, kill, ROOT, startService, type ServiceProcess } from '../support/process.js';

const KEYS = 'sec:secretariat:k-sec,stew:steward:k-stew,aud:auditor:k-aud';
const auth = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

/**
 * SIGKILL during a burst of writes: every write acknowledged with 2xx survives, the chain
 * verifies and the read models catch up. The same for a rebuild killed half-way.
 */
describe('crash safety (the real service, killed with SIGKILL)', () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    buildOnce();
    const db = await freshDatabaseUrl();
    drop = db.drop;
    env = {
      REGISTRY_API_KEYS: KEYS,
      REGISTRY_PROJECTION_BATCH: '20',
      ...(db.url ? { DATABASE_URL: db.url } : { REGISTRY_DATA_DIR: mkdtempSync(join(tmpdir(), 'registry-crash-')) }),
    };
  }, 120_000);
  afterAll(async () => {
    if (service) await kill(service);
    await drop();
  });

  const post = (url: string, path: string, body: unknown, key = 'k-sec') =>
    fetch(url + path, { method: 'POST', headers: auth(key), body: JSON.stringify(body) }).then(async (r) => ({
      status: r.status,
      body: (await r.json().catch(() => null)) as any,
    }));
  const get = (url: string, path: string, key = 'k-aud') => fetch(url + path, { headers: auth(key) }).then((r) => r.json() as Promise<any>);

  it('given a burst of commitments and deliveries, when the service is SIGKILLed mid-burst and restarted, then every acknowledged write is there and the log verifies', async () => {
    service = await startService(env);
    const url = service.url;
    expect((await post(url, '/deliberations', fixture('24-130.deliberation.json'))).status).toBe(201);
    for (const party of ['steunpunt-werk', 'dwse'])
      expect(
        (await post(url, '/deliberations/24-130/commitments', { party, kind: 'joint-and-several-liability', signedOn: '2024-09-20' }))
          .status,
      ).toBe(201);
    expect(
      (await post(url, '/deliberations/24-130/commitments', { party: 'dwse', kind: 'non-reidentification', signedOn: '2024-09-20' }))
        .status,
    ).toBe(201);

    const acknowledged = { commitments: [] as string[], deliveries: [] as string[] };
    const burst = Array.from({ length: 120 }, (_, i) =>
      i % 2 === 0
        ? post(url, '/deliberations/24-130/commitments', {
            party: 'steunpunt-werk',
            kind: `annex-${i}`,
            signedOn: '2024-10-01',
            documentRef: `ANNEX-${i}`,
          }).then(
            (r) => r.status === 201 && acknowledged.commitments.push(`annex-${i}`),
            () => undefined,
          )
        : post(
            url,
            '/deliveries',
            {
              deliberation: '24/130',
              recipient: 'dwse',
              dataset: 'sample',
              on: '2025-01-10',
              referenceYears: [2021],
              variables: ['person.sex'],
              reference: `D-${i}`,
            },
            'k-stew',
          ).then(
            (r) => r.status === 201 && acknowledged.deliveries.push(r.body.id),
            () => undefined,
          ),
    );
    // Kill once some writes were acknowledged and others are still in flight.
    for (let waited = 0; acknowledged.commitments.length + acknowledged.deliveries.length < 10 && waited < 30_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await kill(service);
    await Promise.all(burst);
    expect(acknowledged.commitments.length + acknowledged.deliveries.length).toBeGreaterThan(0);

    service = await startService(env);
    const verify = await get(service.url, '/audit/verify');
    expect(verify).toMatchObject({ ok: true });
    const view = await get(service.url, '/deliberations/24-130?on=2025-06-01');
    const kinds = view.commitments.map((c: { kind: string }) => c.kind);
    for (const kind of acknowledged.commitments) expect(kinds).toContain(kind);
    await waitReady(service.url);
    const ledger = (await get(service.url, '/deliveries?recipient=dwse')).items.map((d: { id: string }) => d.id);
    for (const id of acknowledged.deliveries) expect(ledger).toContain(id);
    await kill(service, 'SIGTERM');
    service = undefined;
  }, 180_000);

  it('given the ledger, when a rebuild is SIGKILLed half-way and the service restarts, then the read models answer as before', async () => {
    service = await startService(env);
    await waitReady(service.url);
    const before = await get(service.url, '/deliveries');
    const scheduleBefore = await get(service.url, '/destruction-schedule?asOf=2030-11-15');
    await kill(service, 'SIGTERM');
    service = undefined;

    // The rebuild replays in batches of 20 events; kill it as soon as it has started replaying.
    const rebuild = spawn(process.execPath, ['dist/apps/registry/src/cli.js', 'rebuild', 'delivery-ledger'], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const exited = new Promise((resolve) => rebuild.once('exit', resolve));
    await Promise.race([
      new Promise((resolve) => rebuild.stdout!.once('data', resolve)),
      exited,
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ]);
    rebuild.kill('SIGKILL');
    await exited;

    service = await startService(env);
    await waitReady(service.url);
    expect(await get(service.url, '/deliveries')).toEqual(before);
    expect(await get(service.url, '/destruction-schedule?asOf=2030-11-15')).toEqual(scheduleBefore);
    expect(before.items.length).toBeGreaterThan(0);
  }, 180_000);
});

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ready = (await fetch(`${url}/ready`).then((r) => r.json())) as { status: string };
    if (ready.status === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('read models did not catch up');
}
