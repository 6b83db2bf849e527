import { startTestServer, type TestServer } from '../support/server.js';
import { expectProblem, expectStatus, fixture, itemsOf, sleep, synthetic, versionOf } from './helpers.js';

/** Recording a deliberation, reading it (as of a date, as known at an instant) and listing them; commitments, revocation and the event stream are in deliberations-lifecycle.spec.ts. */
describe('deliberations over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api?.close());

  describe('POST /deliberations', () => {
    it('records a document: 201 {number, id, version}, an ETag and a Location', async () => {
      const res = expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
      expect(res.body).toEqual({ number: '23/045', id: '23-045', version: expect.any(Number) });
      expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);
      expect(res.headers.get('location')).toBe('/deliberations/23-045');
      const got = expectStatus(await api.request('GET', '/deliberations/23-045', { role: 'auditor' }), 200);
      expect(got.body).toMatchObject({ number: '23/045', id: '23-045', version: res.body.version, title: synthetic().title });
    });

    it('records 24/130 from its fixture', async () => {
      const res = expectStatus(await api.request('POST', '/deliberations', { body: fixture('24-130.deliberation.json') }), 201);
      expect(res.body).toMatchObject({ number: '24/130', id: '24-130' });
    });

    it('refuses a number that exists with 409, and records nothing more', async () => {
      const before = await versionOf(api, '23-045');
      const res = await api.request('POST', '/deliberations', { body: synthetic('23/045', { title: 'Another one' }) });
      expect(expectProblem(res, 409).code).toBe('DELIBERATION_EXISTS');
      const got = (await api.request('GET', '/deliberations/23-045', { role: 'auditor' })).body;
      expect(got.version).toBe(before);
      expect(got.title).toBe(synthetic().title);
    });

    it.each([
      ['a missing field (datasets)', (d: any) => void delete d.datasets, '/datasets'],
      ['a malformed number', (d: any) => void (d.number = '2023-45'), '/number'],
      ['an impossible date', (d: any) => void (d.decidedOn = '2023-02-30'), '/decidedOn'],
      ['a dataset naming a table that is not there', (d: any) => void (d.datasets[0].tables = ['panel', 'nope']), '/datasets/0/tables/1'],
      ['an unknown party role', (d: any) => void (d.parties[0].roles = ['owner']), '/parties/0/roles/0'],
      ['an unknown field', (d: any) => void (d.colour = 'blue'), '/'],
      ['a duplicate dataset id', (d: any) => void d.datasets.push({ ...d.datasets[0] }), '/datasets/3'],
      ['a commitment owed by nobody known', (d: any) => void (d.requiredCommitments[2].from = 'nobody'), '/requiredCommitments/2/from'],
    ])('refuses %s with 400 problem+json naming the field, and records nothing', async (_what, spoil, path) => {
      const doc: any = synthetic('23/901');
      spoil(doc);
      const problem = expectProblem(await api.request('POST', '/deliberations', { body: doc }), 400);
      expect(problem.errors).toEqual(expect.arrayContaining([{ path: expect.any(String), message: expect.any(String) }]));
      expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
      expectProblem(await api.request('GET', '/deliberations/23-901', { role: 'auditor' }), 404);
    });

    it('refuses a body that is not an object with 400', async () => {
      expectProblem(await api.request('POST', '/deliberations', { body: [synthetic('23/902')] }), 400);
      expectProblem(await api.request('POST', '/deliberations', { raw: '{"number": ' }), 400);
      expectProblem(await api.request('GET', '/deliberations/23-902', { role: 'auditor' }), 404);
    });
  });

  describe('GET /deliberations/{id}', () => {
    it('gives the deliberation as of `on` with status, version, amendments, commitments and an ETag', async () => {
      const res = expectStatus(await api.request('GET', '/deliberations/23-045?on=2023-05-01', { role: 'steward' }), 200);
      expect(res.body).toMatchObject({
        id: '23-045',
        number: '23/045',
        status: 'in-force',
        on: '2023-05-01',
        amendments: [],
        commitments: [],
        referenceYears: [2015, 2016, 2017, 2018],
      });
      expect(res.body.datasets.map((d: { id: string }) => d.id)).toEqual(['cohort', 'enclave', 'aggregates']);
      expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);
    });

    it('accepts the path id with a slash, URL-encoded', async () => {
      expect(expectStatus(await api.request('GET', '/deliberations/23%2F045', { role: 'auditor' }), 200).body.number).toBe('23/045');
    });

    it('status is not-yet-in-force before effectiveFrom and retention-ended after destroyBy', async () => {
      const before = (await api.request('GET', '/deliberations/23-045?on=2023-03-19', { role: 'auditor' })).body;
      expect(before.status).toBe('not-yet-in-force');
      const onStart = (await api.request('GET', '/deliberations/23-045?on=2023-03-20', { role: 'auditor' })).body;
      expect(onStart.status).toBe('in-force');
      const lastDay = (await api.request('GET', '/deliberations/23-045?on=2027-06-30', { role: 'auditor' })).body;
      expect(lastDay.status).toBe('in-force');
      const after = (await api.request('GET', '/deliberations/23-045?on=2027-07-01', { role: 'auditor' })).body;
      expect(after.status).toBe('retention-ended');
    });

    it('404 problem for an unknown deliberation, 400 for a malformed id or query', async () => {
      expectProblem(await api.request('GET', '/deliberations/99-999', { role: 'auditor' }), 404);
      expectProblem(await api.request('GET', '/deliberations/not-a-number', { role: 'auditor' }), 400);
      const bad = expectProblem(await api.request('GET', '/deliberations/23-045?on=2023-13-01', { role: 'auditor' }), 400);
      expect(bad.errors[0].path).toMatch(/on/);
      expectProblem(await api.request('GET', '/deliberations/23-045?knownAt=yesterday', { role: 'auditor' }), 400);
    });

    it('knownAt limits the answer to what was recorded by then', async () => {
      const doc = synthetic('23/046');
      expectStatus(await api.request('POST', '/deliberations', { body: doc }), 201);
      await sleep(5);
      const between = new Date().toISOString();
      await sleep(5);
      expectStatus(
        await api.request('POST', '/deliberations/23-046/amendments', {
          body: {
            decidedOn: '2023-06-01',
            effectiveFrom: '2023-06-15',
            summary: 'more years',
            changes: [{ op: 'setReferenceYears', years: [2014, 2015, 2016, 2017, 2018] }],
          },
        }),
        201,
      );
      const now = (await api.request('GET', '/deliberations/23-046?on=2023-07-01', { role: 'auditor' })).body;
      expect(now.referenceYears).toEqual([2014, 2015, 2016, 2017, 2018]);
      expect(now.amendments).toHaveLength(1);
      const then = expectStatus(
        await api.request('GET', `/deliberations/23-046?on=2023-07-01&knownAt=${encodeURIComponent(between)}`, { role: 'auditor' }),
        200,
      );
      expect(then.body.referenceYears).toEqual([2015, 2016, 2017, 2018]);
      expect(then.body.amendments).toEqual([]);
      expect(then.body.version).toBeLessThan(now.version);
      expect(then.headers.get('etag')).toBe(`"${then.body.version}"`);
      const beforeRecorded = await api.request('GET', '/deliberations/23-046?knownAt=2000-01-01T00:00:00Z', { role: 'auditor' });
      expectProblem(beforeRecorded, 404);
      // A bare date means the end of that day (Brussels): by the end of 2000-01-01 nothing was known; by the end of today all of it.
      expectProblem(await api.request('GET', '/deliberations/23-046?knownAt=2000-01-01', { role: 'auditor' }), 404);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
      expect(
        expectStatus(await api.request('GET', `/deliberations/23-046?on=2023-07-01&knownAt=${today}`, { role: 'auditor' }), 200).body
          .version,
      ).toBe(now.version);
    });
  });

  describe('GET /deliberations', () => {
    beforeAll(async () => {
      // 22/010 names "vub" as recipient and only takes effect in 2099; 22/011 names "ugent" only as joint controller (no recipient).
      const future = synthetic('22/010', {
        effectiveFrom: '2099-01-01',
        retention: { destroyBy: '2100-12-31' },
        parties: [
          { id: 'vub', name: 'VUB', roles: ['recipient'] },
          { id: 'ugent', name: 'UGent', roles: ['joint-controller'] },
          { id: 'sciensano', name: 'Sciensano', roles: ['joint-controller'] },
          { id: 'healthdata', name: 'Healthdata', roles: ['processor'] },
        ],
      });
      expectStatus(await api.request('POST', '/deliberations', { body: future }), 201);
    });

    it('lists every deliberation (JSON array or {items})', async () => {
      const items = itemsOf(expectStatus(await api.request('GET', '/deliberations', { role: 'auditor' }), 200).body);
      expect(items.map((d: { number: string }) => d.number).sort()).toEqual(['22/010', '23/045', '23/046', '24/130']);
    });

    it('filters by recipient', async () => {
      const ugent = itemsOf((await api.request('GET', '/deliberations?recipient=ugent', { role: 'steward' })).body);
      expect(ugent.map((d: { number: string }) => d.number).sort()).toEqual(['23/045', '23/046']);
      const werk = itemsOf((await api.request('GET', '/deliberations?recipient=steunpunt-werk', { role: 'steward' })).body);
      expect(werk.map((d: { number: string }) => d.number)).toEqual(['24/130']);
      const ksz = itemsOf((await api.request('GET', '/deliberations?recipient=ksz', { role: 'steward' })).body);
      expect(ksz).toEqual([]);
    });

    it('filters by inForceOn', async () => {
      const in2024 = itemsOf((await api.request('GET', '/deliberations?inForceOn=2024-10-01', { role: 'auditor' })).body);
      expect(in2024.map((d: { number: string }) => d.number).sort()).toEqual(['23/045', '23/046', '24/130']);
      const in2023 = itemsOf((await api.request('GET', '/deliberations?inForceOn=2023-03-25', { role: 'auditor' })).body);
      expect(in2023.map((d: { number: string }) => d.number).sort()).toEqual(['23/045', '23/046']);
      const in2099 = itemsOf((await api.request('GET', '/deliberations?inForceOn=2099-06-01&recipient=vub', { role: 'auditor' })).body);
      expect(in2099.map((d: { number: string }) => d.number)).toEqual(['22/010']);
      expect(itemsOf((await api.request('GET', '/deliberations?inForceOn=2098-06-01&recipient=vub', { role: 'auditor' })).body)).toEqual(
        [],
      );
    });

    it('refuses a malformed filter with 400', async () => {
      expectProblem(await api.request('GET', '/deliberations?inForceOn=soon', { role: 'auditor' }), 400);
    });
  });
});
