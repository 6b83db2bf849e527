import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../apps/registry/src/core/config.js';
import { RegistryInfrastructure } from '../../apps/registry/src/core/registry-infrastructure.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { check, codes, deliver, expectProblem, expectStatus, itemsOf, reasonOf, record24130, sampleRelease, sleep } from './helpers.js';

/** The rules the contract left open, each decided once ("Decisions added", docs/api.md), by name. */
describe('decisions added where the contract was silent', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
    await record24130(api);
  });
  afterAll(() => api?.close());

  it('Waiting for an amendment: a dataset brought in by an amendment not yet in force is NOT_YET_IN_FORCE naming it, not DATASET_NOT_AUTHORISED', async () => {
    const answer = await check(api, sampleRelease({ dataset: 'scrambled', subjects: undefined, on: '2024-11-20' }));
    expect(codes(answer.reasons)).toEqual(['NOT_YET_IN_FORCE']);
    expect(JSON.stringify(reasonOf(answer, 'NOT_YET_IN_FORCE')!.details)).toContain('2024-11-21');
  });

  it('Unknown names: a variable the catalogue never had is listed in details.unknown', async () => {
    const answer = await check(api, sampleRelease({ variables: ['person.sex', 'person.sexx'] }));
    const reason = reasonOf(answer, 'VARIABLE_NOT_AUTHORISED')!;
    expect(reason.details.unknown).toEqual(['person.sexx']);
  });

  it('Output releases: a small-cell analysis dated after the release is SMALL_CELL_ANALYSIS_REQUIRED', async () => {
    const body = {
      dataset: 'population',
      description: 'Anonymous tables',
      releasedOn: '2025-03-01',
      smallCellRiskAnalysis: { performedOn: '2025-03-02', performedBy: 'KSZ', passed: true },
    };
    expect(expectProblem(await api.request('POST', '/deliberations/24-130/output-releases', { role: 'steward', body }), 422).code).toBe(
      'SMALL_CELL_ANALYSIS_REQUIRED',
    );
    body.smallCellRiskAnalysis.performedOn = '2025-03-01';
    expectStatus(await api.request('POST', '/deliberations/24-130/output-releases', { role: 'steward', body }), 201);
  });

  it('Reminders follow the deadline: after setRetention moves destroyBy, overdue stops and the thresholds are judged afresh, each naming its deadline', async () => {
    const delivery = await deliver(api, sampleRelease({ reference: 'R-1' }));
    const run = async (asOf: string) =>
      expectStatus(await api.request('POST', '/reminders/run', { role: 'steward', body: { asOf } }), 200).body.items;
    expect((await run('2031-01-02')).filter((r: { delivery: string }) => r.delivery === delivery.id)).toMatchObject([
      { threshold: 'overdue', destroyBy: '2030-12-31' },
    ]);
    const amendment = { decidedOn: '2031-01-10', effectiveFrom: '2031-01-10', changes: [{ op: 'setRetention', destroyBy: '2032-12-31' }] };
    expectStatus(await api.request('POST', '/deliberations/24-130/amendments', { body: amendment }), 201);
    expect((await run('2031-01-11')).filter((r: { delivery: string }) => r.delivery === delivery.id)).toEqual([]);
    expect((await run('2032-12-02')).filter((r: { delivery: string }) => r.delivery === delivery.id)).toMatchObject([
      { threshold: 30, destroyBy: '2032-12-31' },
    ]);
  });

  it('One clock for known time: recordedAt never goes backwards along the global order', async () => {
    const feed = expectStatus(await api.request('GET', '/events?limit=1000', { role: 'auditor' }), 200).body;
    const times = itemsOf(feed).map((e: { metadata: { recordedAt: string } }) => e.metadata.recordedAt);
    expect(times.length).toBeGreaterThan(5);
    expect(times).toEqual([...times].sort());
  });

  it('Every recorded delivery is authorised as recorded: a revocation recorded between the check and the write makes the delivery a 422', async () => {
    const store = api.server.store;
    const original = store.readStreams.bind(store);
    let armed = true;
    // The delivery reads the deliberation, then another secretary revokes it before the delivery is written.
    store.readStreams = async (ids) => {
      const read = await original(ids);
      if (armed && ids.some((id) => id.includes('24-130'))) {
        armed = false;
        expectStatus(
          await api.request('POST', '/deliberations/24-130/revocation', {
            body: { decidedOn: '2024-11-25', effectiveFrom: '2024-11-25', reason: 'race' },
          }),
          201,
        );
      }
      return read;
    };
    try {
      const before = itemsOf(expectStatus(await api.request('GET', '/deliveries?limit=1000', { role: 'auditor' }), 200).body).length;
      const problem = expectProblem(
        await api.request('POST', '/deliveries', { role: 'steward', body: sampleRelease({ reference: 'RACE' }) }),
        422,
      );
      expect(armed).toBe(false);
      expect(codes(problem.reasons)).toContain('REVOKED');
      expect(itemsOf(expectStatus(await api.request('GET', '/deliveries?limit=1000', { role: 'auditor' }), 200).body)).toHaveLength(before);
    } finally {
      store.readStreams = original;
    }
  });

  it('One registry process per embedded data directory: a second process on a directory in use refuses to start with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-one-process-'));
    const config = loadConfig({ REGISTRY_DATA_DIR: dir, REGISTRY_API_KEYS: 'a:auditor:k', LOG_LEVEL: 'silent' });
    const first = await RegistryInfrastructure.open(config, pino({ level: 'silent' }));
    try {
      await expect(RegistryInfrastructure.open(config, pino({ level: 'silent' }))).rejects.toThrow(/in use|another|lock/i);
    } finally {
      await first.close();
    }
    await sleep(10);
  });
});
