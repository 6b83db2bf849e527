import { startTestServer, type TestServer } from '../support/server.js';
import { cohort, commitSynthetic, deliver, expectProblem, expectStatus, record24130, sampleRelease, synthetic } from './helpers.js';

/** Every list answers one page at a time: `limit` (default 100, at most 1000), an opaque `cursor`, `next`. */
describe('paging and filters on every list', () => {
  let api: TestServer;
  const get = async (path: string) => expectStatus(await api.request('GET', path, { role: 'auditor' }), 200).body;
  /** Follows `next` from the first page to the last; returns every item and the page sizes. */
  async function walk(path: string) {
    const items: any[] = [];
    const sizes: number[] = [];
    let next: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page: { items: any[]; next: string | null } = await get(next ? `${path}${sep}cursor=${encodeURIComponent(next)}` : path);
      items.push(...page.items);
      sizes.push(page.items.length);
      next = page.next;
    } while (next);
    return { items, sizes };
  }
  let werk: string[];
  let cohortId: string;

  beforeAll(async () => {
    api = await startTestServer();
    await record24130(api);
    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
    await commitSynthetic(api, '23-045');
    werk = [];
    for (const [on, reference] of [
      ['2024-12-02', 'P-1'],
      ['2025-01-10', 'P-2'],
      ['2025-02-03', 'P-3'],
    ])
      werk.push((await deliver(api, sampleRelease({ on, reference }))).id);
    cohortId = (await deliver(api, cohort('23/045', '2023-06-01', 'C-1'))).id;
    expectStatus(
      await api.request('POST', `/deliveries/${werk[0]}/destruction`, {
        role: 'steward',
        body: { destroyedOn: '2025-03-01', certificateRef: 'C', attestedBy: 'DPO' },
      }),
      201,
    );
  });
  afterAll(() => api?.close());

  it('walks 2,500 deliveries in pages of 1,000 and sees each exactly once', async () => {
    // Read-model rows written straight in (2,500 HTTP writes would be slow); many share a date and a recording time, so ties are broken by id.
    await api.server.database.dataSource.query(
      `INSERT INTO rm_deliveries (id, deliberation_id, deliberation, dataset, recipient, access, delivered_on, obligation, data, recorded_at)
       SELECT md5('bulk-' || i)::uuid, '24-130', '24/130', 'scrambled', 'dwse', 'transfer', DATE '2025-01-01' + (i % 7), false,
              jsonb_build_object('deliveryId', md5('bulk-' || i)::uuid::text, 'deliberation', '24/130', 'recipient', 'dwse', 'dataset', 'scrambled',
                                 'access', 'transfer', 'on', to_char(DATE '2025-01-01' + (i % 7), 'YYYY-MM-DD'), 'referenceYears', '[2021]'::jsonb,
                                 'variables', '[]'::jsonb, 'obligation', false, 'destroyByAtDelivery', null),
              TIMESTAMPTZ '2025-01-08T10:00:00Z'
       FROM generate_series(1, 2500) AS i`,
    );
    const { items, sizes } = await walk('/deliveries?recipient=dwse&limit=1000');
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(new Set(items.map((d) => d.id)).size).toBe(2500);
    const dates = items.map((d) => d.deliveredOn);
    expect(dates).toEqual([...dates].sort());
    const all = await walk('/deliveries?limit=1000');
    expect(all.items).toHaveLength(2504);
    expect((await get('/deliveries')).items).toHaveLength(100);
  });

  it('refuses a limit above 1000 or below 1, and a cursor it did not give, naming the parameter', async () => {
    expect(expectProblem(await api.request('GET', '/deliveries?limit=1001', { role: 'auditor' }), 400).errors[0].path).toBe('/query/limit');
    expect(expectProblem(await api.request('GET', '/deliveries?limit=0', { role: 'auditor' }), 400).errors[0].path).toBe('/query/limit');
    expect(expectProblem(await api.request('GET', '/deliveries?limit=', { role: 'auditor' }), 400).errors[0].path).toBe('/query/limit');
    expect(expectProblem(await api.request('GET', '/destruction-schedule?within=', { role: 'auditor' }), 400).errors[0].path).toBe(
      '/query/within',
    );
    for (const path of [
      '/deliveries',
      '/deliberations',
      '/reminders',
      '/destruction-schedule',
      '/deliberations/24-130/events',
      '/deliberations/24-130/output-releases',
    ])
      expect([path, expectProblem(await api.request('GET', `${path}?cursor=not-ours`, { role: 'auditor' }), 400).errors[0].path]).toEqual([
        path,
        '/query/cursor',
      ]);
  });

  it('refuses a cursor of the right shape holding values it never gave (a day that does not exist, not a uuid), naming the parameter', async () => {
    const cursor = (key: string[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const junk: [string, string[]][] = [
      ['/deliveries', ['2024-02-30', '2024-12-02 10:00:00+00', 'x']],
      ['/deliveries', ['2024-12-02', 'yesterday', '6f1c2f4e-0d7b-4c1e-8f3a-2b9d4e5f6a7b']],
      ['/deliberations', ['2024-13-01', '24-130']],
      ['/reminders', ['not a time', 'x']],
      ['/destruction-schedule', ['2030-02-30', '2024-12-02', '6f1c2f4e-0d7b-4c1e-8f3a-2b9d4e5f6a7b']],
      ['/deliberations/24-130/events', ['one']],
      ['/deliberations/24-130/output-releases', ['2025-03-02 10:00:00+00', 'x']],
    ];
    for (const [path, key] of junk)
      expect([
        path,
        key,
        expectProblem(await api.request('GET', `${path}?cursor=${cursor(key)}`, { role: 'auditor' }), 400).errors[0].path,
      ]).toEqual([path, key, '/query/cursor']);
  });

  it('filters deliveries by recipient, deliberation, dataset, delivery dates and destruction', async () => {
    const ids = async (query: string) => (await walk(`/deliveries?${query}`)).items.map((d) => d.id);
    expect(await ids('recipient=steunpunt-werk')).toEqual(werk);
    expect(await ids('deliberation=23-045')).toEqual([cohortId]);
    expect(await ids('dataset=cohort')).toEqual([cohortId]);
    expect(await ids('recipient=steunpunt-werk&deliveredFrom=2025-01-10&deliveredTo=2025-02-03')).toEqual(werk.slice(1));
    expect(await ids('recipient=steunpunt-werk&destroyed=true')).toEqual([werk[0]]);
    expect(await ids('recipient=steunpunt-werk&destroyed=false')).toEqual(werk.slice(1));
    expectProblem(await api.request('GET', '/deliveries?destroyed=maybe', { role: 'auditor' }), 400);
    expectProblem(await api.request('GET', '/deliveries?deliveredFrom=2025-02-30', { role: 'auditor' }), 400);
  });

  it('filters deliberations by recipient, status on a date and text in the number or title, one page at a time', async () => {
    const numbers = async (query: string) => (await walk(`/deliberations?${query}`)).items.map((d) => d.number);
    expect(await numbers('limit=1')).toEqual(['23/045', '24/130']);
    expect(await numbers('q=24/1')).toEqual(['24/130']);
    expect(await numbers('q=HOSPITAL')).toEqual(['23/045']);
    expect(await numbers('q=%25')).toEqual([]);
    expect(await numbers('recipient=ugent')).toEqual(['23/045']);
    expect(await numbers('status=not-yet-in-force&on=2024-09-10')).toEqual(['24/130']);
    expect(await numbers('status=in-force&on=2024-12-01&limit=1')).toEqual(['23/045', '24/130']);
    const page = await get('/deliberations?on=2024-09-10');
    expect(page).toMatchObject({ on: '2024-09-10', next: null });
    expect(page.items.map((d: { status: string }) => d.status)).toEqual(['in-force', 'not-yet-in-force']);
  });

  it('pages the schedule, the events of a deliberation and the reminders', async () => {
    const schedule = await walk('/destruction-schedule?asOf=2025-06-01&limit=1');
    expect(schedule.items.map((e) => e.delivery)).toEqual([cohortId, werk[1], werk[2]]);
    const events = await walk('/deliberations/24-130/events?limit=2');
    expect(events.items.map((e) => e.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.sizes).toEqual([2, 2, 2]);
    expectStatus(await api.request('POST', '/reminders/run', { role: 'steward', body: { asOf: '2030-12-01' } }), 200);
    const reminders = await walk('/reminders?limit=1');
    expect(new Set(reminders.items.map((r) => r.delivery))).toEqual(new Set([werk[1], werk[2], cohortId]));
    expect(reminders.sizes.every((n) => n === 1)).toBe(true);
  });
});
