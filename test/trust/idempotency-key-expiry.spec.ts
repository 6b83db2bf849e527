import { startTestServer, type TestServer } from '../support/server.js';
import { expectProblem, expectStatus, record24130, sampleRelease } from '../e2e/helpers.js';

/**
 * The interceptor forgets a key after 48 hours, but the events written under it remember it for
 * ever. A key used again after that, for another request, must be refused (422) and record
 * nothing; the same request again still finds what it wrote and records nothing new.
 */
describe('an Idempotency-Key used again after the interceptor forgot it', () => {
  let api: TestServer;
  const sql = (text: string, params: unknown[] = []) => api.server.database.dataSource.query(text, params);
  const events = async (type: string) => Number((await sql('SELECT count(*)::int AS n FROM es_events WHERE type = $1', [type]))[0].n);
  const forgetKeys = () => sql(`UPDATE idempotency_keys SET created_at = now() - interval '49 hours'`);

  beforeAll(async () => {
    api = await startTestServer();
    await record24130(api);
  }, 60_000);
  afterAll(async () => api?.close());

  const outputRelease = (description: string) => ({
    dataset: 'population',
    description,
    releasedOn: '2025-03-02',
    smallCellRiskAnalysis: { performedOn: '2025-03-01', performedBy: 'KSZ statistics unit', passed: true, reportRef: 'SCA-2025-01' },
  });

  const cases = [
    {
      write: 'output release',
      type: 'OutputReleaseRecorded',
      path: '/deliberations/24-130/output-releases',
      first: outputRelease('Labour reserve by province, 2022'),
      other: outputRelease('Labour reserve by age class, 2023'),
    },
    {
      write: 'delivery',
      type: 'DeliveryRecorded',
      path: '/deliveries',
      first: sampleRelease({ reference: 'KSZ-EXP-1', checksum: 'a'.repeat(64), medium: 'sftp' }),
      other: sampleRelease({ reference: 'KSZ-EXP-2', checksum: 'b'.repeat(64), medium: 'sftp' }),
    },
  ];

  it.each(cases)('$write: another body is 422 IDEMPOTENCY_KEY_REUSED; the same body is answered and recorded once', async (c) => {
    const key = `expired-${c.type}`;
    const headers = { 'idempotency-key': key };
    const first = expectStatus(await api.request('POST', c.path, { role: 'steward', body: c.first, headers }), 201);
    const recorded = await events(c.type);
    await forgetKeys();

    const reused = await api.request('POST', c.path, { role: 'steward', body: c.other, headers });
    expect(expectProblem(reused, 422).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await events(c.type)).toBe(recorded);

    await forgetKeys();
    const again = expectStatus(await api.request('POST', c.path, { role: 'steward', body: c.first, headers }), 201);
    expect(again.body.id).toBe(first.body.id);
    expect(await events(c.type)).toBe(recorded);
  });
});
