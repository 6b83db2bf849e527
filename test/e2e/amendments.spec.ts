import { startTestServer, type TestServer } from '../support/server.js';
import { icuAmendment, ids, noSubjectLimitAmendment, secondAmendment, view } from './amendments-of-23-045.js';
import { expectProblem, expectStatus, synthetic, versionOf } from './helpers.js';

/** Each change taking effect from its amendment's effectiveFrom, and backdating; refusals and If-Match are in amendments-refused.spec.ts. */
describe('amendments over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
  });
  afterAll(() => api?.close());

  it('addDataset, addVariables and addParty take effect from the amendment’s effectiveFrom', async () => {
    const res = expectStatus(
      await api.request('POST', '/deliberations/23-045/amendments', {
        body: icuAmendment,
      }),
      201,
    );
    expect(res.body).toMatchObject({ number: '23/045', id: '23-045', version: expect.any(Number) });
    expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);

    const before = await view(api, '2023-08-31');
    expect(ids(before.datasets)).toEqual(['cohort', 'enclave', 'aggregates']);
    expect(before.variables.map((v: { code: string }) => v.code)).not.toContain('hosp.icu_days');
    expect(ids(before.parties)).not.toContain('vub');
    expect(before.amendments).toEqual([expect.objectContaining({ sequence: 1, effectiveFrom: '2023-09-01', inForce: false })]);

    const after = await view(api, '2023-09-01');
    expect(ids(after.datasets)).toEqual(['cohort', 'enclave', 'aggregates', 'icu']);
    expect(after.variables.map((v: { code: string }) => v.code)).toContain('hosp.icu_days');
    expect(after.parties).toContainEqual({ id: 'vub', name: 'VUB', roles: ['recipient'] });
    expect(after.amendments).toEqual([
      expect.objectContaining({ sequence: 1, decidedOn: '2023-08-10', summary: expect.stringMatching(/ICU/), inForce: true }),
    ]);
    expect(after.version).toBe(res.body.version);
  });

  it('removeDataset, updateDataset, removeVariables, removeParty, setReferenceYears and setRetention take effect too', async () => {
    expectStatus(
      await api.request('POST', '/deliberations/23-045/amendments', {
        body: secondAmendment,
      }),
      201,
    );
    const before = await view(api, '2023-12-31');
    expect(ids(before.datasets)).toContain('aggregates');
    expect(before.datasets.find((d: { id: string }) => d.id === 'cohort').maxSubjects).toBe(5000);
    expect(before.referenceYears).toEqual([2015, 2016, 2017, 2018]);
    expect(before.destroyBy).toBe('2027-06-30');

    const after = await view(api, '2024-01-01');
    expect(ids(after.datasets)).toEqual(['cohort', 'enclave', 'icu']);
    expect(after.datasets.find((d: { id: string }) => d.id === 'cohort')).toMatchObject({
      maxSubjects: 8000,
      description: 'A larger cohort',
      access: 'transfer',
    });
    expect(after.variables.map((v: { code: string }) => v.code)).not.toContain('inc.benefits');
    expect(ids(after.parties)).not.toContain('healthdata');
    expect(after.referenceYears).toEqual([2016, 2017, 2018, 2019]);
    expect(after.destroyBy).toBe('2028-12-31');
    expect(after.retention.destroyBy).toBe('2028-12-31');
    expect(after.amendments.map((a: { sequence: number }) => a.sequence)).toEqual([1, 2]);
    // The retention moved: 2027-07-01 is no longer after the deadline.
    expect((await view(api, '2027-07-01')).status).toBe('in-force');
    expect((await view(api, '2029-01-01')).status).toBe('retention-ended');
  });

  it('updateDataset can drop the subject limit with maxSubjects: null', async () => {
    expectStatus(
      await api.request('POST', '/deliberations/23-045/amendments', {
        body: noSubjectLimitAmendment,
      }),
      201,
    );
    expect((await view(api, '2024-02-29')).datasets.find((d: { id: string }) => d.id === 'cohort').maxSubjects).toBe(8000);
    expect((await view(api, '2024-03-01')).datasets.find((d: { id: string }) => d.id === 'cohort')).not.toHaveProperty('maxSubjects');
  });

  it('a backdated amendment that would make a later one no longer apply is refused, naming it', async () => {
    const before = await versionOf(api, '23-045');
    // Amendment 1 adds "vub" from 2023-09-01; adding it again from 2023-07-01 would break amendment 1.
    const res = await api.request('POST', '/deliberations/23-045/amendments', {
      body: {
        decidedOn: '2023-06-01',
        effectiveFrom: '2023-07-01',
        changes: [{ op: 'addParty', party: { id: 'vub', name: 'VUB', roles: ['recipient'] } }],
      },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(expectProblem(res, res.status))).toMatch(/addParty/);
    expect(await versionOf(api, '23-045')).toBe(before);
    // A backdated amendment that breaks nothing is recorded and takes effect from its own date.
    expectStatus(
      await api.request('POST', '/deliberations/23-045/amendments', {
        body: {
          decidedOn: '2023-06-01',
          effectiveFrom: '2023-07-01',
          changes: [{ op: 'addVariables', variables: [{ code: 'hosp.ward', category: 'hospital', label: 'Ward' }] }],
        },
      }),
      201,
    );
    expect((await view(api, '2023-06-30')).variables.map((v: { code: string }) => v.code)).not.toContain('hosp.ward');
    expect((await view(api, '2023-07-01')).variables.map((v: { code: string }) => v.code)).toContain('hosp.ward');
  });
});
