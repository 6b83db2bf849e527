import { query, withTransaction, type Database } from '@registry/database';
import { PostgresEventStore } from '@registry/event-store';
import { openTestDatabase } from '../../../test/support/database.js';
import { deferIndexes } from '../src/deferred-indexes.js';
import { deliberationIndexProjection, deliveryLedgerProjection, ProjectionRunner, type Projection } from '../src/index.js';

/**
 * A rebuild drops the secondary indexes of the tables it rewrites and builds them again at its
 * end; their definitions wait in projection_deferred_indexes, so neither a failed rebuild nor
 * one killed half-way loses an index.
 */
describe('indexes deferred during a rebuild', () => {
  let db: Database;
  let store: PostgresEventStore;
  const TABLES = ['rm_deliberations', 'rm_deliveries', 'rm_reminders'];

  const indexes = () =>
    query<{ indexname: string; indexdef: string }>(
      db.dataSource,
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1::text[]) ORDER BY indexname`,
      [TABLES],
    );
  const deferred = () => query(db.dataSource, 'SELECT index_name FROM projection_deferred_indexes');

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db?.close());

  it('given a rebuild, then every index is there again afterwards, and none is left waiting', async () => {
    const before = await indexes();
    expect(before.map((i) => i.indexname)).toEqual(expect.arrayContaining(['rm_deliveries_page', 'rm_deliveries_obligation_by_day']));
    const runner = new ProjectionRunner(db.dataSource, store, [deliberationIndexProjection, deliveryLedgerProjection]);
    await runner.rebuild('delivery-ledger');
    await runner.rebuild('deliberation-index');
    expect(await indexes()).toEqual(before);
    expect(await deferred()).toEqual([]);
  });

  it('given a rebuild whose projection fails, then its indexes are built again all the same', async () => {
    const before = await indexes();
    await store.append(
      'delivery-x',
      [{ eventId: crypto.randomUUID(), type: 'Broken', schemaVersion: 1, data: {}, metadata: {} as never }],
      0,
    );
    const broken: Projection = {
      name: 'broken',
      handles: ['Broken'],
      tables: ['rm_deliveries'],
      apply: async () => {
        throw new Error('cannot apply');
      },
      reset: async () => {},
    };
    await expect(new ProjectionRunner(db.dataSource, store, [broken]).rebuild('broken')).rejects.toThrow('cannot apply');
    expect(await indexes()).toEqual(before);
    expect(await deferred()).toEqual([]);
  });

  it('given a rebuild killed after dropping the indexes, when a runner next catches up, then it builds them again', async () => {
    const before = await indexes();
    await withTransaction(db.dataSource, (sql) => deferIndexes(sql, ['rm_deliveries', 'rm_reminders']));
    expect((await indexes()).length).toBeLessThan(before.length);
    expect((await deferred()).length).toBeGreaterThan(0);
    await new ProjectionRunner(db.dataSource, store, [deliveryLedgerProjection]).catchUp();
    expect(await indexes()).toEqual(before);
    expect(await deferred()).toEqual([]);
  });
});
