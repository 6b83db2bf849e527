import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/server.js';
import { cohort, recordThreeDeadlines, deliver, expectProblem, expectStatus, itemsOf, sampleRelease } from './helpers.js';

describe('POST /reminders/run and GET /reminders (thresholds, exactly once)', () => {
  let api: TestServer;
  let a: string; // 23/045, destroyBy 2027-06-30
  let b: string; // 24/130 sample, destroyBy 2030-12-31
  let c: string; // 23/045, destroyed before any reminder
  let d: string; // 23/080, destroyBy 2026-03-31, destroyed after its first reminder
  const run = async (asOf: string, role: 'steward' | 'secretariat' = 'secretariat') => {
    const res = expectStatus(await api.request('POST', '/reminders/run', { role, body: { asOf } }), 200);
    return itemsOf(res.body).map((r) => ({ delivery: r.delivery, threshold: r.threshold }));
  };
  const reminders = async (delivery?: string) =>
    itemsOf(expectStatus(await api.request('GET', `/reminders${delivery ? `?delivery=${delivery}` : ''}`, { role: 'auditor' }), 200).body);

  beforeAll(async () => {
    api = await startTestServer();
    await recordThreeDeadlines(api);
    a = (await deliver(api, cohort('23/045', '2023-06-01', 'A'))).id;
    b = (await deliver(api, sampleRelease({ reference: 'B' }))).id;
    c = (await deliver(api, cohort('23/045', '2023-07-01', 'C'))).id;
    d = (await deliver(api, cohort('23/080', '2023-08-01', 'D'))).id;
    await deliver(api, sampleRelease({ dataset: 'scrambled', subjects: undefined, reference: 'no obligation' }));
    expectStatus(
      await api.request('POST', `/deliveries/${c}/destruction`, {
        role: 'steward',
        body: { destroyedOn: '2024-01-10', certificateRef: 'C-CERT', attestedBy: 'DPO' },
      }),
      201,
    );
  });
  afterAll(() => api?.close());

  it('issues the 180-day reminder when it is reached, with every field, exactly once', async () => {
    expect(await run('2025-10-01')).toEqual([]); // 181 days before D's deadline
    const res = expectStatus(await api.request('POST', '/reminders/run', { role: 'steward', body: { asOf: '2025-10-02' } }), 200);
    const items = itemsOf(res.body);
    expect(items).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        delivery: d,
        deliberation: '23/080',
        dataset: 'cohort',
        recipient: 'ugent',
        destroyBy: '2026-03-31',
        threshold: 180,
        asOf: '2025-10-02',
      }),
    ]);
    expect(await run('2025-10-02')).toEqual([]);
    expect(await run('2025-10-03')).toEqual([]);
    const listed = await reminders(d);
    expect(listed).toEqual([expect.objectContaining({ id: items[0].id, delivery: d, threshold: 180, status: expect.any(String) })]);
  });

  it('issues nothing for a delivery once its destruction is recorded', async () => {
    expectStatus(
      await api.request('POST', `/deliveries/${d}/destruction`, {
        role: 'steward',
        body: { destroyedOn: '2025-10-10', certificateRef: 'D-CERT', attestedBy: 'DPO' },
      }),
      201,
    );
    expect(await run('2026-01-01')).toEqual([]); // would be D's 90-day reminder
    expect(await run('2026-04-01')).toEqual([]); // would be D overdue
    expect((await reminders(d)).map((r) => r.threshold)).toEqual([180]);
    expect(await reminders(c)).toEqual([]);
  });

  it('issues 180, 90, 30, 7 and overdue in turn for one delivery', async () => {
    expect(await run('2027-01-01')).toEqual([{ delivery: a, threshold: 180 }]);
    expect(await run('2027-01-01')).toEqual([]);
    expect(await run('2027-03-31')).toEqual([]); // 91 days left
    expect(await run('2027-04-01')).toEqual([{ delivery: a, threshold: 90 }]);
    expect(await run('2027-05-31')).toEqual([{ delivery: a, threshold: 30 }]);
    expect(await run('2027-06-23')).toEqual([{ delivery: a, threshold: 7 }]);
    expect(await run('2027-06-30')).toEqual([]); // the deadline itself is not overdue yet
    expect(await run('2027-07-01')).toEqual([{ delivery: a, threshold: 'overdue' }]);
    expect(await run('2027-07-02')).toEqual([]);
    expect(await run('2027-12-31')).toEqual([]);
    expect((await reminders(a)).map((r) => r.threshold)).toEqual([180, 90, 30, 7, 'overdue']);
  });

  it('issues only the most urgent threshold when several passed, and never the skipped ones later', async () => {
    // B (24/130 sample): first run long after its deadline of 2030-12-31.
    expect(await run('2031-01-10')).toEqual([{ delivery: b, threshold: 'overdue' }]);
    expect(await run('2031-01-11')).toEqual([]);
    expect((await reminders(b)).map((r) => r.threshold)).toEqual(['overdue']);
  });

  it('most urgent of several day thresholds: 30 and 7 both passed gives 7 only', async () => {
    const e = (await deliver(api, cohort('23/045', '2024-02-01', 'E'))).id;
    // 2027-06-25: 5 days before E's deadline; A already had every reminder.
    expect(await run('2027-06-25')).toEqual([{ delivery: e, threshold: 7 }]);
    expect(await run('2027-06-26')).toEqual([]);
    expect((await reminders(e)).map((r) => r.threshold)).toEqual([7]);
  });

  it('GET /reminders lists every reminder with its send status, per delivery', async () => {
    const all = await reminders();
    expect(all).toHaveLength(8);
    for (const r of all) {
      expect(r).toMatchObject({
        id: expect.any(String),
        delivery: expect.any(String),
        threshold: expect.anything(),
        status: expect.any(String),
      });
      expect(r.status).toBe('unsent'); // no webhook or e-mail is configured for this server
    }
    expect(new Set(all.map((r) => r.id)).size).toBe(8);
    expect(await reminders(randomUUID())).toEqual([]);
    expectProblem(await api.request('GET', '/reminders?delivery=nope', { role: 'auditor' }), 400);
  });

  it('refuses a malformed asOf with 400 and issues nothing', async () => {
    expectProblem(await api.request('POST', '/reminders/run', { role: 'steward', body: { asOf: '2031-02-30' } }), 400);
    expectProblem(await api.request('POST', '/reminders/run', { role: 'steward', body: { asOf: '2031-02-03', extra: true } }), 400);
    expect(await reminders()).toHaveLength(8);
  });
});
