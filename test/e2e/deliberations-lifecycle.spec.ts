import { startTestServer, type TestServer } from '../support/server.js';
import { commitSynthetic, expectProblem, expectStatus, itemsOf, synthetic, versionOf } from './helpers.js';

/** A recorded deliberation's life: commitments, revocation and its event stream; recording and reading are in deliberations.spec.ts. */
describe('deliberations over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
    // The synthetic 23/045 and 23/046, which deliberations.spec.ts records before these tests ran there.
    for (const number of ['23/045', '23/046']) expectStatus(await api.request('POST', '/deliberations', { body: synthetic(number) }), 201);
  });
  afterAll(() => api?.close());

  describe('commitments', () => {
    it('records a party commitment; it is listed from its signing date on', async () => {
      const res = expectStatus(
        await api.request('POST', '/deliberations/23-045/commitments', {
          body: { party: 'ugent', kind: 'confidentiality', signedOn: '2023-04-01', documentRef: 'C-1' },
        }),
        201,
      );
      expect(res.body).toMatchObject({ number: '23/045', id: '23-045', version: expect.any(Number) });
      const before = (await api.request('GET', '/deliberations/23-045?on=2023-03-31', { role: 'auditor' })).body;
      expect(before.commitments).toEqual([]);
      const after = (await api.request('GET', '/deliberations/23-045?on=2023-04-01', { role: 'auditor' })).body;
      expect(after.commitments).toEqual([
        expect.objectContaining({ party: 'ugent', kind: 'confidentiality', signedOn: '2023-04-01', documentRef: 'C-1' }),
      ]);
      expect(after.version).toBe(res.body.version);
    });

    it('refuses a commitment by a non-party with 4xx, recording nothing', async () => {
      const before = await versionOf(api, '23-045');
      const res = await api.request('POST', '/deliberations/23-045/commitments', {
        body: { party: 'stranger', kind: 'confidentiality', signedOn: '2023-04-01' },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(expectProblem(res, res.status).detail).toMatch(/stranger/);
      expect(await versionOf(api, '23-045')).toBe(before);
    });

    it('404 for an unknown deliberation, 400 for an invalid commitment', async () => {
      expectProblem(
        await api.request('POST', '/deliberations/99-998/commitments', { body: { party: 'ugent', kind: 'x', signedOn: '2023-04-01' } }),
        404,
      );
      const bad = expectProblem(
        await api.request('POST', '/deliberations/23-045/commitments', { body: { party: 'ugent', kind: 'x' } }),
        400,
      );
      expect(bad.errors.map((e: { path: string }) => e.path)).toContain('/signedOn');
    });

    it('records the rest of the commitments the synthetic deliberation needs', async () => {
      await commitSynthetic(api, '23-046');
      const view = (await api.request('GET', '/deliberations/23-046?on=2023-05-01', { role: 'auditor' })).body;
      expect(view.commitments).toHaveLength(4);
    });
  });

  describe('revocation', () => {
    beforeAll(async () => {
      expectStatus(await api.request('POST', '/deliberations', { body: synthetic('22/300') }), 201);
    });

    it('revokes with effect from a date; before it the deliberation is in force', async () => {
      const res = expectStatus(
        await api.request('POST', '/deliberations/22-300/revocation', {
          body: { decidedOn: '2024-01-10', effectiveFrom: '2024-02-01', reason: 'Purpose achieved' },
        }),
        201,
      );
      expect(res.body).toMatchObject({ number: '22/300', id: '22-300', version: expect.any(Number) });
      const before = (await api.request('GET', '/deliberations/22-300?on=2024-01-31', { role: 'auditor' })).body;
      expect(before.status).toBe('in-force');
      const after = (await api.request('GET', '/deliberations/22-300?on=2024-02-01', { role: 'auditor' })).body;
      expect(after.status).toBe('revoked');
      expect(after.revocation).toMatchObject({ decidedOn: '2024-01-10', effectiveFrom: '2024-02-01', reason: 'Purpose achieved' });
      const list = itemsOf((await api.request('GET', '/deliberations?inForceOn=2024-03-01', { role: 'auditor' })).body);
      expect(list.map((d: { number: string }) => d.number)).not.toContain('22/300');
    });

    it('a second revocation is 409 and records nothing', async () => {
      const before = await versionOf(api, '22-300');
      const res = await api.request('POST', '/deliberations/22-300/revocation', {
        body: { decidedOn: '2024-03-10', effectiveFrom: '2024-03-11', reason: 'Again' },
      });
      expectProblem(res, 409);
      expect(await versionOf(api, '22-300')).toBe(before);
      const view = (await api.request('GET', '/deliberations/22-300?on=2024-06-01', { role: 'auditor' })).body;
      expect(view.revocation.reason).toBe('Purpose achieved');
    });

    it('a revoked deliberation takes no amendment (409)', async () => {
      const before = await versionOf(api, '22-300');
      const res = await api.request('POST', '/deliberations/22-300/amendments', {
        body: { decidedOn: '2024-03-01', effectiveFrom: '2024-03-02', changes: [{ op: 'setRetention', destroyBy: '2029-01-01' }] },
      });
      expectProblem(res, 409);
      expect(await versionOf(api, '22-300')).toBe(before);
    });

    it('404 for an unknown deliberation, 400 for an invalid revocation', async () => {
      expectProblem(
        await api.request('POST', '/deliberations/99-997/revocation', {
          body: { decidedOn: '2024-01-10', effectiveFrom: '2024-02-01', reason: 'x' },
        }),
        404,
      );
      const bad = expectProblem(
        await api.request('POST', '/deliberations/23-045/revocation', { body: { decidedOn: '2024-01-10', reason: 'x' } }),
        400,
      );
      expect(bad.errors.map((e: { path: string }) => e.path)).toContain('/effectiveFrom');
      expect((await api.request('GET', '/deliberations/23-045?on=2024-06-01', { role: 'auditor' })).body.status).toBe('in-force');
    });
  });

  describe('GET /deliberations/{id}/events', () => {
    it('gives the stream with position, revision, type, data, metadata and hash', async () => {
      const res = await api.request('POST', '/deliberations', {
        body: synthetic('23/050'),
        headers: { 'x-correlation-id': 'corr-23-050' },
      });
      expectStatus(res, 201);
      expectStatus(
        await api.request('POST', '/deliberations/23-050/commitments', {
          body: { party: 'sciensano', kind: 'confidentiality', signedOn: '2023-04-02' },
          headers: { 'x-correlation-id': 'corr-commit' },
        }),
        201,
      );
      const events = itemsOf(expectStatus(await api.request('GET', '/deliberations/23-050/events', { role: 'auditor' }), 200).body);
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({
        position: expect.anything(),
        revision: expect.any(Number),
        type: 'DeliberationRecorded',
        data: { document: expect.objectContaining({ number: '23/050' }) },
        metadata: { actor: 'secretariat-actor', recordedAt: expect.any(String), correlationId: 'corr-23-050' },
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(events[1]).toMatchObject({
        type: 'CommitmentRecorded',
        data: { party: 'sciensano', kind: 'confidentiality', signedOn: '2023-04-02' },
        metadata: { actor: 'secretariat-actor', correlationId: 'corr-commit' },
      });
      expect(events[1].revision).toBeGreaterThan(events[0].revision);
      expect(events[1].hash).not.toBe(events[0].hash);
      expect(Number.isNaN(Date.parse(events[0].metadata.recordedAt))).toBe(false);
      expect(events[1].revision).toBe(await versionOf(api, '23-050'));
    });

    it('without a correlation id, each event still carries one', async () => {
      const events = itemsOf((await api.request('GET', '/deliberations/23-045/events', { role: 'steward' })).body);
      for (const e of events) expect(e.metadata.correlationId).toEqual(expect.any(String));
    });

    it('404 for an unknown deliberation', async () => {
      expectProblem(await api.request('GET', '/deliberations/99-996/events', { role: 'auditor' }), 404);
    });
  });
});
