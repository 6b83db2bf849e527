import { startTestServer, type TestServer } from '../support/server.js';
import { testTarget } from '../support/database.js';
import { capturedLog } from '../support/captured-log.js';
import { commitSynthetic, deliver, expectStatus, synthetic } from '../e2e/helpers.js';

/**
 * Issue 10, fault 7: two instances on one database project the same ReminderIssued events into
 * the outbox. Their inserts of the same (reminder, channel) row must not collide: no error line
 * in either log. Two servers cannot share an in-memory PGlite, so this runs on PostgreSQL only.
 */
const onPostgres = testTarget === 'postgres' ? describe : describe.skip;

onPostgres('fault 7: outbox inserts of two instances under the reminder race', () => {
  const logs = [capturedLog(), capturedLog()];
  let first: TestServer;
  let second: TestServer;
  // A webhook nobody listens on: rows are inserted in the outbox (sending is not the point here).
  const env = { REGISTRY_WEBHOOK_URL: 'http://127.0.0.1:9/hook', LOG_LEVEL: 'info' };

  beforeAll(async () => {
    first = await startTestServer(env, { log: logs[0].log });
    second = await startTestServer(env, { databaseUrl: first.databaseUrl, log: logs[1].log });
    expectStatus(await first.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
    await commitSynthetic(first, '23-045');
    for (let i = 0; i < 12; i++)
      await deliver(i % 2 ? second : first, {
        deliberation: '23/045',
        recipient: 'ugent',
        dataset: 'cohort',
        on: `2023-06-${String(i + 1).padStart(2, '0')}`,
        referenceYears: [2016],
        variables: ['demo.age'],
        reference: `R-${i}`,
      });
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('logs no error line on either instance while both project the same reminders', async () => {
    for (const asOf of ['2027-01-01', '2027-04-01', '2027-07-01']) {
      const runs = await Promise.all(
        [first, second, first, second].map((api, i) =>
          api.request('POST', '/reminders/run', { role: i % 2 ? 'steward' : 'secretariat', body: { asOf } }),
        ),
      );
      for (const run of runs) expectStatus(run, 200);
    }
    // Both instances have applied every reminder to the outbox.
    for (const api of [first, second]) expectStatus(await api.request('GET', '/ready'), 200);
    const errors = logs.flatMap((l) => l.errors()).map((l) => `${l.msg} ${l.error ?? l.err?.message ?? ''}`);
    expect(errors).toEqual([]);
  }, 60_000);
});
