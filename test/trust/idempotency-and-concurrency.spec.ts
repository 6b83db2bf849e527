import { fixture, smallDeliberation } from '../support/documents.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe('idempotent writes and concurrent writers', () => {
  let api: TestServer;
  const eventCount = async () => Number((await api.server.database.dataSource.query('SELECT count(*)::int AS n FROM es_events'))[0].n);

  beforeAll(async () => {
    api = await startTestServer();
    expect((await api.request('POST', '/deliberations', { body: fixture('24-130.deliberation.json') })).status).toBe(201);
  });
  afterAll(() => api?.close());

  describe('Idempotency-Key', () => {
    it('given a recorded deliberation, when the same request is repeated with its key, then the first response comes back and nothing new is recorded', async () => {
      const body = smallDeliberation('25/001');
      const first = await api.request('POST', '/deliberations', { body, headers: { 'idempotency-key': 'k-record-25-001' } });
      expect(first.status).toBe(201);
      const before = await eventCount();
      const again = await api.request('POST', '/deliberations', { body, headers: { 'idempotency-key': 'k-record-25-001' } });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await eventCount()).toBe(before);
    });

    it('given a used key, when another body is sent with it, then 422 and nothing is recorded', async () => {
      const before = await eventCount();
      const other = await api.request('POST', '/deliberations', {
        body: smallDeliberation('25/002'),
        headers: { 'idempotency-key': 'k-record-25-001' },
      });
      expect(other.status).toBe(422);
      expect(other.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await eventCount()).toBe(before);
      expect((await api.request('GET', '/deliberations/25-002')).status).toBe(404);
    });

    it('given a refused write (409), when it is replayed with its key, then the same refusal comes back', async () => {
      const body = smallDeliberation('25/001');
      const first = await api.request('POST', '/deliberations', { body, headers: { 'idempotency-key': 'k-conflict' } });
      const again = await api.request('POST', '/deliberations', { body, headers: { 'idempotency-key': 'k-conflict' } });
      expect([first.status, again.status]).toEqual([409, 409]);
      expect(again.body).toEqual(first.body);
    });

    it('given ten concurrent repeats of one commitment with one key, when they land, then exactly one commitment is recorded', async () => {
      const body = { party: 'dwse', kind: 'non-reidentification', signedOn: '2024-10-01', documentRef: 'NR-dwse' };
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          api.request('POST', '/deliberations/24-130/commitments', { body, headers: { 'idempotency-key': 'k-commit-dwse' } }),
        ),
      );
      expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
      const view = await api.request('GET', '/deliberations/24-130?on=2025-01-01');
      expect(
        view.body.commitments.filter((c: { party: string; kind: string }) => c.party === 'dwse' && c.kind === 'non-reidentification'),
      ).toHaveLength(1);
    });
  });

  describe('concurrent writers to one deliberation', () => {
    it('given 8 commitments sent at once without If-Match, when they land, then all 8 are recorded (no lost update)', async () => {
      const before = (await api.request('GET', '/deliberations/24-130')).body.version;
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          api.request('POST', '/deliberations/24-130/commitments', {
            body: { party: 'steunpunt-werk', kind: `annex-${i}`, signedOn: '2024-10-02', documentRef: `A-${i}` },
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
      const after = await api.request('GET', '/deliberations/24-130?on=2025-01-01');
      expect(after.body.version).toBe(before + 8);
      expect(new Set(answers.map((a) => a.body.version)).size).toBe(8);
    });

    it('given 6 amendments sent at once with the same If-Match, when they land, then exactly one wins and the rest get 412', async () => {
      const current = await api.request('GET', '/deliberations/24-130');
      const etag = current.headers.get('etag')!;
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          api.request('POST', '/deliberations/24-130/amendments', {
            headers: { 'if-match': etag },
            body: {
              decidedOn: '2025-02-04',
              effectiveFrom: '2025-02-10',
              summary: `variant ${i}`,
              changes: [{ op: 'setRetention', destroyBy: `2031-0${i + 1}-01` }],
            },
          }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 412, 412, 412, 412, 412]);
      const after = await api.request('GET', '/deliberations/24-130');
      expect(after.body.version).toBe(current.body.version + 1);
      expect(after.headers.get('etag')).toBe(`"${current.body.version + 1}"`);
    });

    it('given a stale If-Match, when an amendment is sent, then 412 problem and nothing recorded', async () => {
      const before = await eventCount();
      const stale = await api.request('POST', '/deliberations/24-130/amendments', {
        headers: { 'if-match': '"1"' },
        body: {
          decidedOn: '2025-03-04',
          effectiveFrom: '2025-03-10',
          changes: [{ op: 'setReferenceYears', years: [2020, 2021, 2022, 2023] }],
        },
      });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('content-type')).toMatch(/problem\+json/);
      expect(await eventCount()).toBe(before);
    });
  });
});
