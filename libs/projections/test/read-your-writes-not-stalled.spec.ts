import pg from 'pg';
import type { Database } from '@registry/database';
import { NO_STREAM } from '@registry/event-store';
import { PostgresEventStore } from '@registry/event-store';
import { newEvent } from '../../event-store/test/contract.js';
import { openTestDatabase, testTarget } from '../../../test/support/database.js';
import { deliberationIndexProjection, ProjectionRunner } from '../src/index.js';

/**
 * Issue 10, fault 3: read-your-writes (ProjectionRunner.waitFor after an append) must not wait
 * for a transaction that never appends, here one left open in another database of the cluster.
 */
const onPostgres = testTarget === 'postgres';
(onPostgres ? describe : describe.skip)(
  `fault 3: read-your-writes beside an open foreign transaction${onPostgres ? '' : ' (SKIPPED: PGlite has one database and serves one transaction at a time, so no foreign transaction can be open beside the write; set DATABASE_URL)'}`,
  () => {
    let db: Database;
    beforeAll(async () => {
      db = await openTestDatabase();
    });
    afterAll(async () => db?.close());

    it('an open transaction in another database of the same cluster does not delay read-your-writes beyond 1 s', async () => {
      const store = new PostgresEventStore(db.dataSource);
      const runner = new ProjectionRunner(db.dataSource, store, [deliberationIndexProjection], { waitTimeoutMs: 1000 });
      await runner.catchUp();
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('CREATE TABLE held_open_elsewhere (x int)'); // a transaction id, held
        const appended = await store.append('ryw-probe', [newEvent('contract.Unrelated')], NO_STREAM);
        await expect(runner.waitFor(appended.checkpoint)).resolves.toBeUndefined();
      } finally {
        await other.query('ROLLBACK').catch(() => undefined);
        await other.end();
      }
    });
  },
);
