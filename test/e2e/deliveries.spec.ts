import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/server.js';
import { codes, commitSynthetic, deliver, expectProblem, expectStatus, itemsOf, record24130, sampleRelease, synthetic } from './helpers.js';

const checksum = 'ab'.repeat(32);
const cohort = (overrides: Record<string, unknown> = {}) => ({
  deliberation: '23/045',
  recipient: 'ugent',
  dataset: 'cohort',
  on: '2023-06-01',
  referenceYears: [2016],
  variables: ['demo.age', 'inc.class@T-2'],
  subjects: 4000,
  reference: 'DEL-23-045-1',
  checksum,
  medium: 'sftp',
  ...overrides,
});

describe('deliveries over HTTP', () => {
  let api: TestServer;
  const ledger = async (query = '') =>
    itemsOf(expectStatus(await api.request('GET', `/deliveries${query}`, { role: 'auditor' }), 200).body);

  beforeAll(async () => {
    api = await startTestServer();
    await record24130(api);
    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
    await commitSynthetic(api, '23-045');
  });
  afterAll(() => api?.close());

  let sampleId: string;
  let cohortId: string;

  describe('POST /deliveries', () => {
    it('records an authorised delivery of the 24/130 sample by transfer: 201 with destroyBy 2030-12-31', async () => {
      const res = expectStatus(
        await api.request('POST', '/deliveries', {
          role: 'steward',
          body: sampleRelease({ reference: 'DEL-2024-001', checksum, medium: 'sftp' }),
        }),
        201,
      );
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        destroyBy: '2030-12-31',
        deliberation: '24/130',
        dataset: 'sample',
        recipient: 'steunpunt-werk',
        deliveredOn: '2024-12-02',
        reference: 'DEL-2024-001',
        checksum,
        medium: 'sftp',
      });
      sampleId = res.body.id;
      const got = expectStatus(await api.request('GET', `/deliveries/${sampleId}`, { role: 'auditor' }), 200).body;
      expect(got).toMatchObject({ id: sampleId, destroyBy: '2030-12-31', deliberation: '24/130', dataset: 'sample' });
    });

    it('scrambled data and secure-onsite data create no destruction obligation: destroyBy null', async () => {
      const scrambled = await deliver(api, sampleRelease({ dataset: 'scrambled', subjects: undefined, reference: 'DEL-2024-002' }));
      expect(scrambled).toMatchObject({ destroyBy: null, dataset: 'scrambled', deliberation: '24/130' });
      const population = await deliver(
        api,
        sampleRelease({ dataset: 'population', access: 'secure-onsite', subjects: 7_000_000, reference: 'DEL-2024-003' }),
      );
      expect(population).toMatchObject({ destroyBy: null, dataset: 'population' });
      expect((await api.request('GET', `/deliveries/${population.id}`, { role: 'steward' })).body.destroyBy).toBeNull();
    });

    it('refuses an unauthorised delivery with 422 and every reason, recording nothing', async () => {
      const before = await ledger();
      const res = await api.request('POST', '/deliveries', {
        role: 'steward',
        body: sampleRelease({
          dataset: 'population',
          access: 'transfer',
          referenceYears: [2019],
          variables: ['person.deceased'],
          reference: 'DEL-REFUSED',
        }),
      });
      const problem = expectProblem(res, 422);
      expect(codes(problem.reasons)).toEqual(['ACCESS_MODE_NOT_ALLOWED', 'VARIABLE_NOT_AUTHORISED', 'REFERENCE_YEAR_NOT_AUTHORISED']);
      expect(problem.reasons.find((r: { code: string }) => r.code === 'VARIABLE_NOT_AUTHORISED').details.variables).toEqual([
        'person.deceased',
      ]);
      const after = await ledger();
      expect(after).toHaveLength(before.length);
      expect(after.map((d: { reference?: string }) => d.reference)).not.toContain('DEL-REFUSED');
    });

    it('refuses a delivery before the scrambled dataset is in force (422 NOT_YET_IN_FORCE)', async () => {
      const problem = expectProblem(
        await api.request('POST', '/deliveries', {
          role: 'steward',
          body: sampleRelease({ dataset: 'scrambled', subjects: undefined, on: '2024-11-20' }),
        }),
        422,
      );
      expect(codes(problem.reasons)).toEqual(['NOT_YET_IN_FORCE']);
    });

    it('refuses a delivery of personal data after the retention date (422 RETENTION_ENDED)', async () => {
      const problem = expectProblem(
        await api.request('POST', '/deliveries', { role: 'steward', body: sampleRelease({ on: '2031-01-02' }) }),
        422,
      );
      expect(codes(problem.reasons)).toEqual(['RETENTION_ENDED']);
    });

    it('refuses an unknown deliberation with 422 UNKNOWN_DELIBERATION', async () => {
      const problem = expectProblem(
        await api.request('POST', '/deliveries', { role: 'steward', body: sampleRelease({ deliberation: '99/999' }) }),
        422,
      );
      expect(codes(problem.reasons)).toEqual(['UNKNOWN_DELIBERATION']);
    });

    it('records a synthetic delivery, finding the deliberation when none is named', async () => {
      const { deliberation: _, ...unnamed } = cohort();
      const delivery = await deliver(api, unnamed);
      expect(delivery).toMatchObject({
        deliberation: '23/045',
        dataset: 'cohort',
        recipient: 'ugent',
        destroyBy: '2027-06-30',
        deliveredOn: '2023-06-01',
      });
      cohortId = delivery.id;
    });

    it('refuses an invalid body with 400 naming the fields, recording nothing', async () => {
      const before = (await ledger()).length;
      const problem = expectProblem(
        await api.request('POST', '/deliveries', { role: 'steward', body: cohort({ checksum: 'not-a-digest', subjects: -1 }) }),
        400,
      );
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/checksum', '/subjects']));
      expect(await ledger()).toHaveLength(before);
    });
  });

  describe('GET /deliveries', () => {
    it('lists the ledger, filtered by recipient and by deliberation', async () => {
      const all = await ledger();
      expect(all).toHaveLength(4);
      const werk = await ledger('?recipient=steunpunt-werk');
      expect(werk.map((d: { reference: string }) => d.reference).sort()).toEqual(['DEL-2024-001', 'DEL-2024-002', 'DEL-2024-003']);
      const ugent = await ledger('?recipient=ugent');
      expect(ugent.map((d: { id: string }) => d.id)).toEqual([cohortId]);
      const under23 = await ledger('?deliberation=23/045');
      expect(under23.map((d: { id: string }) => d.id)).toEqual([cohortId]);
      expect(await ledger(`?deliberation=${encodeURIComponent('24/130')}&recipient=ugent`)).toEqual([]);
      expect((await ledger('?deliberation=23-045')).map((d: { id: string }) => d.id)).toEqual([cohortId]);
      expect(await ledger('?recipient=nobody')).toEqual([]);
    });

    it('404 for an unknown delivery, 400 for a malformed id or filter', async () => {
      expectProblem(await api.request('GET', `/deliveries/${randomUUID()}`, { role: 'auditor' }), 404);
      expectProblem(await api.request('GET', '/deliveries/not-a-uuid', { role: 'auditor' }), 400);
      expectProblem(await api.request('GET', '/deliveries?deliberation=24-130-x', { role: 'auditor' }), 400);
    });
  });

  describe('destroyBy follows a later setRetention amendment', () => {
    it('moves the deadline of a delivery made before the amendment takes effect', async () => {
      expectStatus(
        await api.request('POST', '/deliberations/23-045/amendments', {
          body: {
            decidedOn: '2024-11-01',
            effectiveFrom: '2025-01-01',
            summary: 'Retention extended',
            changes: [{ op: 'setRetention', destroyBy: '2029-12-31' }],
          },
        }),
        201,
      );
      expect((await api.request('GET', `/deliveries/${cohortId}`, { role: 'auditor' })).body.destroyBy).toBe('2029-12-31');
      expect((await ledger('?recipient=ugent'))[0].destroyBy).toBe('2029-12-31');
      // The 24/130 sample is untouched.
      expect((await api.request('GET', `/deliveries/${sampleId}`, { role: 'auditor' })).body.destroyBy).toBe('2030-12-31');
    });

    it('a delivery made after the extension takes the new deadline at once', async () => {
      const later = await deliver(api, cohort({ on: '2025-03-01', reference: 'DEL-23-045-2' }));
      expect(later.destroyBy).toBe('2029-12-31');
    });
  });

  describe('knownAt in a delivery body', () => {
    it('is accepted but the delivery is checked against what is known now: a revocation recorded later still refuses it', async () => {
      const before = new Date().toISOString();
      expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/046') }), 201);
      await commitSynthetic(api, '23-046');
      expectStatus(
        await api.request('POST', '/deliberations/23-046/revocation', {
          body: { decidedOn: '2023-05-01', effectiveFrom: '2023-05-02', reason: 'Withdrawn' },
        }),
        201,
      );
      const refused = expectProblem(
        await api.request('POST', '/deliveries', { role: 'steward', body: cohort({ deliberation: '23/046', knownAt: before }) }),
        422,
      );
      expect(codes(refused.reasons)).toContain('REVOKED');
    });
  });

  describe('POST /deliveries/{id}/destruction', () => {
    it('records the destruction certificate', async () => {
      const res = expectStatus(
        await api.request('POST', `/deliveries/${cohortId}/destruction`, {
          role: 'steward',
          body: { destroyedOn: '2026-05-04', certificateRef: 'CERT-1', attestedBy: 'DPO UGent' },
        }),
        201,
      );
      expect(res.body).toMatchObject({ id: cohortId });
      const got = (await api.request('GET', `/deliveries/${cohortId}`, { role: 'auditor' })).body;
      expect(JSON.stringify(got)).toContain('CERT-1');
      expect(got.destruction ?? got).toMatchObject({ destroyedOn: '2026-05-04', certificateRef: 'CERT-1', attestedBy: 'DPO UGent' });
    });

    it('a second destruction is 409 and changes nothing', async () => {
      const res = await api.request('POST', `/deliveries/${cohortId}/destruction`, {
        role: 'steward',
        body: { destroyedOn: '2026-06-01', certificateRef: 'CERT-2', attestedBy: 'Someone else' },
      });
      expectProblem(res, 409);
      const got = (await api.request('GET', `/deliveries/${cohortId}`, { role: 'auditor' })).body;
      expect(JSON.stringify(got)).toContain('CERT-1');
      expect(JSON.stringify(got)).not.toContain('CERT-2');
    });

    it('a destruction dated before the delivery is refused (4xx) and nothing is recorded', async () => {
      const res = await api.request('POST', `/deliveries/${sampleId}/destruction`, {
        role: 'steward',
        body: { destroyedOn: '2024-12-01', certificateRef: 'CERT-EARLY', attestedBy: 'DPO' },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectProblem(res, res.status);
      const got = (await api.request('GET', `/deliveries/${sampleId}`, { role: 'auditor' })).body;
      expect(JSON.stringify(got)).not.toContain('CERT-EARLY');
      // On the delivery day itself it is accepted.
      expectStatus(
        await api.request('POST', `/deliveries/${sampleId}/destruction`, {
          role: 'steward',
          body: { destroyedOn: '2024-12-02', certificateRef: 'CERT-SAME-DAY', attestedBy: 'DPO' },
        }),
        201,
      );
    });

    it('404 for an unknown delivery, 400 for a malformed id or body', async () => {
      const body = { destroyedOn: '2026-05-04', certificateRef: 'C', attestedBy: 'A' };
      expectProblem(await api.request('POST', `/deliveries/${randomUUID()}/destruction`, { role: 'steward', body }), 404);
      expectProblem(await api.request('POST', '/deliveries/12345/destruction', { role: 'steward', body }), 400);
      const problem = expectProblem(
        await api.request('POST', `/deliveries/${sampleId}/destruction`, {
          role: 'steward',
          body: { destroyedOn: 'tomorrow', certificateRef: 'C' },
        }),
        400,
      );
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/destroyedOn', '/attestedBy']));
    });
  });
});
