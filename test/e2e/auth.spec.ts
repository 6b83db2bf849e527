import { startTestServer, type TestRole, type TestServer } from '../support/server.js';
import { deliver, expectProblem, expectStatus, itemsOf, record24130, sampleRelease, synthetic } from './helpers.js';

const ROLES: TestRole[] = ['secretariat', 'steward', 'auditor'];

describe('authentication and roles', () => {
  let api: TestServer;
  let delivery: string;
  let version: number;

  beforeAll(async () => {
    api = await startTestServer();
    await record24130(api);
    delivery = (await deliver(api, sampleRelease({ reference: 'AUTH-1' }))).id;
    version = (await api.request('GET', '/deliberations/24-130', { role: 'auditor' })).body.version;
  });
  afterAll(() => api?.close());

  /** Every write of the HTTP table, with a body that would succeed for the right role. */
  const writes = () => [
    { path: '/deliberations', body: synthetic('23/777'), allowed: ['secretariat'] },
    {
      path: '/deliberations/24-130/amendments',
      body: { decidedOn: '2025-01-01', effectiveFrom: '2025-02-01', changes: [{ op: 'setRetention', destroyBy: '2032-12-31' }] },
      allowed: ['secretariat'],
    },
    {
      path: '/deliberations/24-130/revocation',
      body: { decidedOn: '2025-01-01', effectiveFrom: '2025-02-01', reason: 'test' },
      allowed: ['secretariat'],
    },
    { path: '/deliberations/24-130/commitments', body: { party: 'dwse', kind: 'extra', signedOn: '2025-01-01' }, allowed: ['secretariat'] },
    { path: '/deliveries', body: sampleRelease({ reference: 'AUTH-FORBIDDEN' }), allowed: ['steward'] },
    {
      path: `/deliveries/${delivery}/destruction`,
      body: { destroyedOn: '2025-01-01', certificateRef: 'C', attestedBy: 'A' },
      allowed: ['steward'],
    },
    {
      path: '/deliberations/24-130/output-releases',
      body: {
        dataset: 'population',
        description: 'x',
        releasedOn: '2025-03-02',
        smallCellRiskAnalysis: { performedOn: '2025-03-01', performedBy: 'x', passed: true },
      },
      allowed: ['steward'],
    },
    { path: '/reminders/run', body: { asOf: '2030-07-04' }, allowed: ['secretariat', 'steward'] },
  ];

  const reads = () => [
    '/deliberations',
    '/deliberations?recipient=steunpunt-werk',
    '/deliberations/24-130',
    '/deliberations/24-130/events',
    '/deliberations/24-130/output-releases',
    '/deliveries',
    `/deliveries/${delivery}`,
    '/destruction-schedule?asOf=2030-11-15',
    '/destruction-schedule.ics',
    '/reminders',
    `/reminders?delivery=${delivery}`,
  ];

  async function nothingChanged() {
    const view = (await api.request('GET', '/deliberations/24-130?on=2025-06-01', { role: 'auditor' })).body;
    expect(view.version).toBe(version);
    expect(view.status).toBe('in-force');
    expectProblem(await api.request('GET', '/deliberations/23-777', { role: 'auditor' }), 404);
    const deliveries = itemsOf((await api.request('GET', '/deliveries', { role: 'auditor' })).body);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].destroyed).toBe(false);
    expect(itemsOf((await api.request('GET', '/deliberations/24-130/output-releases', { role: 'auditor' })).body)).toEqual([]);
    expect(itemsOf((await api.request('GET', '/reminders', { role: 'auditor' })).body)).toEqual([]);
  }

  it('GET /health needs no key', async () => {
    expect(expectStatus(await api.request('GET', '/health', { role: null }), 200).body).toEqual({ status: 'ok' });
  });

  it('401 problem without a key, with a wrong key, or with another scheme, on reads, checks and writes', async () => {
    const calls: [string, string, unknown?][] = [
      ['GET', '/deliberations'],
      ['GET', '/deliberations/24-130'],
      ['GET', '/deliveries'],
      ['GET', '/destruction-schedule'],
      ['POST', '/authorisation-checks', sampleRelease()],
      ...writes().map((w) => ['POST', w.path, w.body] as [string, string, unknown]),
    ];
    for (const [method, path, body] of calls) {
      const none = await api.request(method, path, { role: null, body });
      expectProblem(none, 401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expectProblem(await api.request(method, path, { role: null, body, headers: { authorization: 'Bearer not-a-key' } }), 401);
      expectProblem(await api.request(method, path, { role: null, body, headers: { authorization: 'Bearer test-secretariatX' } }), 401);
      expectProblem(await api.request(method, path, { role: null, body, headers: { authorization: 'Basic test-secretariat' } }), 401);
    }
    await nothingChanged();
  });

  it('403 when the role may not write: steward recording a deliberation, secretariat recording a delivery, auditor writing anything', async () => {
    for (const write of writes())
      for (const role of ROLES.filter((r) => !write.allowed.includes(r))) {
        const res = await api.request('POST', write.path, { role, body: write.body });
        const problem = expectProblem(res, 403);
        expect(problem.code).toBe('FORBIDDEN');
      }
    await nothingChanged();
  });

  it('every role may read', async () => {
    for (const role of ROLES) for (const path of reads()) expectStatus(await api.request('GET', path, { role }), 200);
  });

  it('every role may run checks', async () => {
    for (const role of ROLES) {
      const res = expectStatus(await api.request('POST', '/authorisation-checks', { role, body: sampleRelease() }), 200);
      expect(res.body).toMatchObject({ authorised: true, deliberation: '24/130' });
    }
  });

  it('the allowed roles may write (each event names its actor)', async () => {
    expectStatus(await api.request('POST', '/reminders/run', { role: 'secretariat', body: { asOf: '2030-07-04' } }), 200);
    expectStatus(await api.request('POST', '/reminders/run', { role: 'steward', body: { asOf: '2030-10-02' } }), 200);
    expect(itemsOf((await api.request('GET', '/reminders', { role: 'auditor' })).body).map((r) => r.threshold)).toEqual([180, 90]);
    expectStatus(
      await api.request('POST', '/deliberations/24-130/commitments', {
        role: 'secretariat',
        body: { party: 'dwse', kind: 'extra', signedOn: '2025-01-01' },
      }),
      201,
    );
    const events = itemsOf((await api.request('GET', '/deliberations/24-130/events', { role: 'auditor' })).body);
    expect(events.at(-1).metadata.actor).toBe('secretariat-actor');
    expect(events[0].metadata.actor).toBe('secretariat-actor');
  });
});
