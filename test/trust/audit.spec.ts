import { fixture } from '../support/documents.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Tampering made with SQL behind the service is caught by GET /audit/verify. */
describe('audit chain', () => {
  let api: TestServer;
  const sql = (text: string, params: unknown[] = []) => api.server.database.dataSource.query(text, params);

  beforeAll(async () => {
    api = await startTestServer();
    expect((await api.request('POST', '/deliberations', { body: fixture('24-130.deliberation.json') })).status).toBe(201);
    expect((await api.request('POST', '/deliberations/24-130/amendments', { body: fixture('24-130.amendment-1.json') })).status).toBe(201);
    for (const party of ['steunpunt-werk', 'dwse'])
      expect(
        (
          await api.request('POST', '/deliberations/24-130/commitments', {
            body: { party, kind: 'joint-and-several-liability', signedOn: '2024-10-01', documentRef: `JSL-${party}` },
          })
        ).status,
      ).toBe(201);
  });
  afterAll(() => api?.close());

  const verify = async () => {
    const answer = await api.request('GET', '/audit/verify', { role: 'auditor' });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('given an untouched log, when an auditor verifies, then ok with the count and head', async () => {
    expect(await verify()).toMatchObject({ ok: true, events: 4, head: expect.any(String) });
  });

  it('given the verify route, when a steward or the secretariat asks, then 403', async () => {
    expect((await api.request('GET', '/audit/verify', { role: 'steward' })).status).toBe(403);
    expect((await api.request('GET', '/audit/verify', { role: 'secretariat' })).status).toBe(403);
  });

  it('given an amendment edited with SQL (the effective date moved back), when verified, then not ok at its position; undone, ok again', async () => {
    const [row] = await sql(`SELECT global_position::text AS position, data FROM es_events WHERE type = 'DeliberationAmended'`);
    await sql(`UPDATE es_events SET data = jsonb_set(data, '{effectiveFrom}', '"2024-09-18"') WHERE global_position = $1`, [row.position]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenPosition: row.position });
    await sql('UPDATE es_events SET data = $2 WHERE global_position = $1', [row.position, row.data]);
    expect((await verify()).ok).toBe(true);
  });

  it('given a commitment deleted with SQL, when verified, then not ok', async () => {
    const [row] = await sql(`SELECT * FROM es_events WHERE type = 'CommitmentRecorded' ORDER BY revision LIMIT 1`);
    await sql('DELETE FROM es_events WHERE global_position = $1', [row.global_position]);
    const answer = await verify();
    expect(answer.ok).toBe(false);
    expect(answer.firstBrokenPosition).toBeDefined();
  });
});
