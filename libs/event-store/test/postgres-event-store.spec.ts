import { testTarget, openTestDatabase } from '../../../test/support/database.js';
import type { Database } from '../../database/src/database.js';
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
(onPostgres ? describe : describe.skip)(
  `two-connection races${onPostgres ? '' : ' (SKIPPED: PostgreSQL only, set DATABASE_URL)'}`,
  () => {
    it('holds back a later commit until the transaction holding a lower position commits', async () => {
      const store = new PostgresEventStore(db.dataSource);
      const from = await store.headCheckpoint();
      const a = db.dataSource.createQueryRunner();
      let first, second;
      try {
        await a.startTransaction();
        first = await appendInTransaction(a, 'race-a', [newEvent()], NO_STREAM);
        second = await store.append('race-b', [newEvent()], NO_STREAM);
        expect(BigInt(first.position)).toBeLessThan(BigInt(second.position));
        // A reader checkpointing by position alone would now pass A's position and skip A.
        const byPosition = await db.dataSource.query(
          `SELECT global_position::text AS position FROM es_events WHERE global_position >= $1`,
          [first.position],
        );
        expect(byPosition).toEqual([{ position: second.position }]);
        expect(await store.readAll(from, 100)).toEqual({ events: [], checkpoint: from });
        await a.commitTransaction();
      } finally {
        if (a.isTransactionActive) await a.rollbackTransaction();
        await a.release();
      }
      const batch = await store.readAll(from, 100);
      expect(batch.events.map((e) => [e.streamId, e.position])).toEqual([
        ['race-a', first!.position],
        ['race-b', second!.position],
      ]);
      expect(batch.checkpoint).toBe(second!.checkpoint);
    });

    it('refuses to append from a transaction older than the stream\'s last append', async () => {
      const store = new PostgresEventStore(db.dataSource);
      const old = db.dataSource.createQueryRunner();
      try {
        await old.startTransaction();
        await old.query(`SELECT pg_current_xact_id()`);
        await store.append('older-tx', [newEvent()], NO_STREAM);
        // Stored, this event would precede revision 1 in global order.
        await expect(appendInTransaction(old, 'older-tx', [newEvent()], 'any')).rejects.toThrow(/newer transaction/);
      } finally {
        await old.rollbackTransaction();
        await old.release();
      }
      expect((await store.append('older-tx', [newEvent()], 1)).revision).toBe(2);
    });
  },
);
