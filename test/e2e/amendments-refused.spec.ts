import { startTestServer, type TestServer } from '../support/server.js';
import { record23045WithThreeAmendments, view } from './amendments-of-23-045.js';
import { expectProblem, expectStatus, versionOf } from './helpers.js';

/** Amendments refused (a change that does not apply, a bad request, an unknown deliberation) and If-Match; each records nothing. */
describe('amendments over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
    await record23045WithThreeAmendments(api);
  });
  afterAll(() => api?.close());

  describe('a change that does not apply is refused with a problem naming it, and nothing is recorded', () => {
    const amendment = (changes: unknown[], effectiveFrom = '2024-06-01') => ({
      decidedOn: '2024-05-01',
      effectiveFrom,
      summary: 'refused',
      changes,
    });
    it.each([
      ['removeDataset of a dataset that is not there', [{ op: 'removeDataset', datasetId: 'nope' }], /nope/],
      ['removeDataset of a dataset an earlier amendment removed', [{ op: 'removeDataset', datasetId: 'aggregates' }], /aggregates/],
      ['updateDataset of a dataset that is not there', [{ op: 'updateDataset', datasetId: 'nope', set: { maxSubjects: 3 } }], /nope/],
      ['updateDataset to a table that is not there', [{ op: 'updateDataset', datasetId: 'cohort', set: { tables: ['ghost'] } }], /ghost/],
      [
        'addDataset of an id that exists',
        [{ op: 'addDataset', dataset: { id: 'cohort', kind: 'anonymous', access: 'transfer', tables: ['panel'], personalData: false } }],
        /cohort/,
      ],
      [
        'addDataset naming a table that is not there',
        [{ op: 'addDataset', dataset: { id: 'new', kind: 'anonymous', access: 'transfer', tables: ['ghost'], personalData: false } }],
        /ghost/,
      ],
      [
        'addVariables of a code that exists',
        [{ op: 'addVariables', variables: [{ code: 'demo.age', category: 'demography', label: 'Age again' }] }],
        /demo\.age/,
      ],
      ['removeVariables of a code that is not there', [{ op: 'removeVariables', codes: ['inc.benefits'] }], /inc\.benefits/],
      ['addParty of a party that exists', [{ op: 'addParty', party: { id: 'ugent', name: 'UGent', roles: ['recipient'] } }], /ugent/],
      ['removeParty of a party that is not there', [{ op: 'removeParty', partyId: 'healthdata' }], /healthdata/],
      [
        'a valid change followed by one that does not apply',
        [
          { op: 'setRetention', destroyBy: '2035-01-01' },
          { op: 'removeParty', partyId: 'nobody' },
        ],
        /nobody/,
      ],
    ])('%s', async (_what, changes, names) => {
      const before = await versionOf(api, '23-045');
      const res = await api.request('POST', '/deliberations/23-045/amendments', { body: amendment(changes) });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const problem = expectProblem(res, res.status);
      const index = changes.length - 1;
      const text = JSON.stringify(problem);
      expect(text).toMatch(names);
      expect(text).toContain((changes[index] as { op: string }).op);
      expect(problem.errors?.map((e: { path: string }) => e.path).join(' ')).toMatch(new RegExp(`/changes/${index}`));
      expect(await versionOf(api, '23-045')).toBe(before);
      const later = await view(api, '2036-01-01');
      expect(later.amendments).toHaveLength(3);
      expect(later.amendments.map((a: { sequence: number }) => a.sequence)).toEqual([1, 2, 3]);
      expect(later.destroyBy).toBe('2028-12-31');
    });

    it('an unknown op is refused (400) naming the change', async () => {
      const before = await versionOf(api, '23-045');
      const problem = expectProblem(
        await api.request('POST', '/deliberations/23-045/amendments', {
          body: amendment([{ op: 'renameDataset', datasetId: 'cohort', to: 'x' }]),
        }),
        400,
      );
      expect(problem.errors.map((e: { path: string }) => e.path).join(' ')).toMatch(/\/changes\/0/);
      expect(await versionOf(api, '23-045')).toBe(before);
    });

    it('an amendment without changes, or naming another deliberation, is refused', async () => {
      const before = await versionOf(api, '23-045');
      expectProblem(await api.request('POST', '/deliberations/23-045/amendments', { body: amendment([]) }), 400);
      const other = await api.request('POST', '/deliberations/23-045/amendments', {
        body: { ...amendment([{ op: 'setRetention', destroyBy: '2030-01-01' }]), deliberation: '24/130' },
      });
      expect(other.status).toBeGreaterThanOrEqual(400);
      expect(other.status).toBeLessThan(500);
      expect(JSON.stringify(other.body)).toMatch(/deliberation/);
      expect(await versionOf(api, '23-045')).toBe(before);
    });

    it('an amendment of an unknown deliberation is 404', async () => {
      expectProblem(
        await api.request('POST', '/deliberations/99-999/amendments', {
          body: amendment([{ op: 'setRetention', destroyBy: '2030-01-01' }]),
        }),
        404,
      );
      expectProblem(await api.request('GET', '/deliberations/99-999', { role: 'auditor' }), 404);
    });
  });

  describe('If-Match', () => {
    const body = (destroyBy: string) => ({
      decidedOn: '2024-05-01',
      effectiveFrom: '2024-06-01',
      changes: [{ op: 'setRetention', destroyBy }],
    });

    it('412 when If-Match is not the current version, and nothing is recorded', async () => {
      const current = await api.request('GET', '/deliberations/23-045', { role: 'auditor' });
      const etag = current.headers.get('etag')!;
      const stale = `"${current.body.version - 1}"`;
      const res = await api.request('POST', '/deliberations/23-045/amendments', {
        body: body('2031-01-01'),
        headers: { 'if-match': stale },
      });
      expectProblem(res, 412);
      const after = await api.request('GET', '/deliberations/23-045?on=2024-07-01', { role: 'auditor' });
      expect(after.headers.get('etag')).toBe(etag);
      expect(after.body.destroyBy).toBe('2028-12-31');
    });

    it('succeeds when If-Match is the current ETag, and the answer carries the next ETag', async () => {
      const current = await api.request('GET', '/deliberations/23-045', { role: 'auditor' });
      const res = expectStatus(
        await api.request('POST', '/deliberations/23-045/amendments', {
          body: body('2031-06-30'),
          headers: { 'if-match': current.headers.get('etag')! },
        }),
        201,
      );
      expect(res.body.version).toBeGreaterThan(current.body.version);
      expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);
      expect((await view(api, '2024-07-01')).destroyBy).toBe('2031-06-30');
      // The ETag just used is now stale.
      expectProblem(
        await api.request('POST', '/deliberations/23-045/amendments', {
          body: body('2032-01-01'),
          headers: { 'if-match': current.headers.get('etag')! },
        }),
        412,
      );
      expect((await view(api, '2024-07-01')).destroyBy).toBe('2031-06-30');
    });

    it('revocations and commitments honour If-Match too', async () => {
      const current = await api.request('GET', '/deliberations/23-045', { role: 'auditor' });
      const stale = `"${current.body.version - 1}"`;
      expectProblem(
        await api.request('POST', '/deliberations/23-045/commitments', {
          body: { party: 'ugent', kind: 'confidentiality', signedOn: '2024-01-01' },
          headers: { 'if-match': stale },
        }),
        412,
      );
      expectProblem(
        await api.request('POST', '/deliberations/23-045/revocation', {
          body: { decidedOn: '2035-01-01', effectiveFrom: '2035-02-01', reason: 'x' },
          headers: { 'if-match': stale },
        }),
        412,
      );
      const after = await api.request('GET', '/deliberations/23-045?on=2036-01-01', { role: 'auditor' });
      expect(after.body.version).toBe(current.body.version);
      expect(after.body.status).not.toBe('revoked');
      expect(after.body.commitments).toEqual([]);
      const ok = await api.request('POST', '/deliberations/23-045/commitments', {
        body: { party: 'ugent', kind: 'confidentiality', signedOn: '2024-01-01' },
        headers: { 'if-match': current.headers.get('etag')! },
      });
      expectStatus(ok, 201);
      expect(ok.headers.get('etag')).toBe(`"${current.body.version + 1}"`);
    });
  });
});
