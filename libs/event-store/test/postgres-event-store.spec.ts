import { testTarget, openTestDatabase } from '../../../test/support/database.js';
import type { Database } from '@registry/database';
import { NO_STREAM } from '../src/event-store.js';
import { PostgresEventStore, appendInTransaction } from '../src/postgres-event-store.js';
import { describeEventStoreContract, newEvent } from './contract.js';
import { sqlTamper } from './sql-tamper.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describeEventStoreContract(`PostgresEventStore on ${testTarget}`, async ({ upcast }) => ({
  store: new PostgresEventStore(db.dataSource, upcast),
  cleanup: async () => {},
  tamper: sqlTamper(db.dataSource),
  gaplessPositions: true,
}));

// Needs two sessions with open transactions side by side, which pglite-socket serialises.
const onPostgres = testTarget === 'postgres';
(onPostgres ? describe : describe.skip)(`two-connection races${onPostgres ? '' : ' (SKIPPED: PostgreSQL only, set DATABASE_URL)'}`, () => {
  it('holds back a later commit until the transaction holding a lower position commits (the reader waits for the appender in flight)', async () => {
    const store = new PostgresEventStore(db.dataSource);
    const from = await store.headCheckpoint();
    const a = db.dataSource.createQueryRunner();
    let first, second, pending: ReturnType<PostgresEventStore['readAll']> | undefined;
    try {
      await a.startTransaction();
      first = await appendInTransaction(a, 'race-a', [newEvent()], NO_STREAM);
      second = await store.append('race-b', [newEvent()], NO_STREAM);
      expect(BigInt(first.position)).toBeLessThan(BigInt(second.position));
      // A reader checkpointing by position alone would now pass A's position and skip A.
      const byPosition = await db.dataSource.query(`SELECT global_position::text AS position FROM es_events WHERE global_position >= $1`, [
        first.position,
      ]);
      expect(byPosition).toEqual([{ position: second.position }]);
      // A reader now waits for A (an append in flight) instead of returning B alone (issue 10).
      let settled = false;
      pending = store.readAll(from, 100).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await a.commitTransaction();
    } finally {
      if (a.isTransactionActive) await a.rollbackTransaction();
      await a.release();
    }
    const batch = await pending!;
    expect(batch.events.map((e) => [e.streamId, e.position])).toEqual([
      ['race-a', first!.position],
      ['race-b', second!.position],
    ]);
    expect(batch.checkpoint).toBe(second!.checkpoint);
  });

  it('refuses to append from a transaction that wrote before (its id may be older than appends a reader has passed)', async () => {
    const store = new PostgresEventStore(db.dataSource);
    const old = db.dataSource.createQueryRunner();
    try {
      await old.startTransaction();
      await old.query(`SELECT pg_current_xact_id()`);
      await store.append('older-tx', [newEvent()], NO_STREAM);
      // Stored, this event would precede revision 1 in global order.
      await expect(appendInTransaction(old, 'older-tx', [newEvent()], 'any')).rejects.toThrow(/wrote before appending/);
    } finally {
      await old.rollbackTransaction();
      await old.release();
    }
    expect((await store.append('older-tx', [newEvent()], 1)).revision).toBe(2);
  });
});

describe('two store instances on one database (two service instances, each with its own head cache)', () => {
  it('given instance B appended since A last saw the stream, when A appends with its stale revision, then ConcurrencyError, and with the right one the chain stays intact', async () => {
    const { verifyLog } = await import('../src/verify.js');
    const { ConcurrencyError } = await import('../src/event-store.js');
    const a = new PostgresEventStore(db.dataSource);
    const b = new PostgresEventStore(db.dataSource);
    const id = `two-instances-${Date.now()}`;
    await a.append(id, [newEvent()], NO_STREAM);
    await b.readStream(id);
    await b.append(id, [newEvent()], 1);
    await expect(a.append(id, [newEvent()], 1)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await a.append(id, [newEvent()], 2)).revision).toBe(3);
    expect((await b.append(id, [newEvent()], 3)).revision).toBe(4);
    const events = await a.readStream(id);
    expect(events.map((e) => e.revision)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < events.length; i++) expect(events[i].previousHash).toBe(events[i - 1].hash);
    expect((await verifyLog(a)).ok).toBe(true);
  });
});

describe('reading streams through the row cache', () => {
  it('given 20 concurrent reads of a stream while it grows, when read again, then every read is the whole stream in revision order, without repeats', async () => {
    const store = new PostgresEventStore(db.dataSource);
    const id = `cached-${Date.now()}`;
    await store.append(id, [newEvent()], NO_STREAM);
    const reads = Array.from({ length: 20 }, async (_, i) => {
      if (i % 4 === 0) await store.append(id, [newEvent()], 'any');
      return store.readStream(id);
    });
    for (const read of await Promise.all(reads)) expect(read.map((e) => e.revision)).toEqual(read.map((_, i) => i + 1));
    const final = await store.readStream(id);
    expect(final.map((e) => e.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(final).toEqual(await new PostgresEventStore(db.dataSource).readStream(id));
  });
});
