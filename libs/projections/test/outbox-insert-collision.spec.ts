import { randomUUID } from 'node:crypto';
import type { Database } from '@registry/database';
import { query } from '@registry/database';
import type { StoredEvent } from '@registry/event-store';
import { openTestDatabase, testTarget } from '../../../test/support/database.js';
import { outboxProjection } from '../src/index.js';

const reminderIssued = (reminderId: string): StoredEvent => ({
  streamId: 'delivery-x',
  revision: 2,
  position: '2',
  eventId: randomUUID(),
  type: 'ReminderIssued',
  schemaVersion: 1,
  data: {
    reminderId,
    delivery: randomUUID(),
    deliberation: '23/045',
    dataset: 'cohort',
    recipient: 'ugent',
    destroyBy: '2027-06-01',
    threshold: 180,
    asOf: '2027-01-01',
  },
  metadata: { actor: 'test', recordedAt: new Date().toISOString(), correlationId: 'c' },
  previousHash: '',
  hash: '',
});

/**
 * Issue 10, fault 7: two instances apply the same ReminderIssued in two open transactions.
 * The second insert waits for the first and, once it commits, must do nothing instead of
 * failing on the primary key. Needs two concurrent transactions: PostgreSQL only (PGlite
 * serves one transaction at a time, so the race cannot happen there).
 */
const onPostgres = testTarget === 'postgres' ? describe : describe.skip;

onPostgres('fault 7: outbox inserts of two instances cannot collide', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => db?.close());

  it('a second transaction inserting the same (reminder, channel) row waits, then inserts nothing and raises nothing', async () => {
    const projection = outboxProjection(() => ['webhook', 'email']);
    const event = reminderIssued(randomUUID());
    const [one, two] = [db.dataSource.createQueryRunner(), db.dataSource.createQueryRunner()];
    try {
      await one.startTransaction();
      await two.startTransaction();
      await projection.apply(one, event);
      const second = projection.apply(two, event).then(
        () => 'ok',
        (error: Error) => error.message,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await one.commitTransaction();
      expect(await second).toBe('ok');
      await two.commitTransaction();
    } finally {
      if (two.isTransactionActive) await two.rollbackTransaction();
      if (one.isTransactionActive) await one.rollbackTransaction();
      await one.release();
      await two.release();
    }
    const rows = await query<{ n: string }>(db.dataSource, 'SELECT count(*)::text AS n FROM outbox WHERE reminder_id = $1', [
      (event.data as { reminderId: string }).reminderId,
    ]);
    expect(rows[0].n).toBe('2');
  });

  it('two transactions racing on the same rows, 200 times over, never fail', async () => {
    const projection = outboxProjection(() => ['webhook', 'email']);
    const applyAndCommit = async (event: StoredEvent) => {
      const sql = db.dataSource.createQueryRunner();
      try {
        await sql.startTransaction();
        await projection.apply(sql, event);
        await sql.commitTransaction();
        return 'ok';
      } catch (error) {
        if (sql.isTransactionActive) await sql.rollbackTransaction();
        return (error as Error).message;
      } finally {
        await sql.release();
      }
    };
    const outcomes: string[] = [];
    for (let i = 0; i < 200; i++) {
      const event = reminderIssued(randomUUID());
      outcomes.push(...(await Promise.all([applyAndCommit(event), applyAndCommit(event)])));
    }
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
  }, 60_000);
});
