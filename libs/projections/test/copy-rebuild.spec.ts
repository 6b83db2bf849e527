import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { query, withTransaction, type Database } from '@registry/database';
import { NO_STREAM, PostgresEventStore, START } from '@registry/event-store';
import { event } from './timed-event.js';
import { openTestDatabase, testTarget } from '../../../test/support/database.js';
import { deliveryLedgerProjection, ProjectionRunner, type Projection } from '../src/index.js';

const onPostgres = testTarget === 'postgres' ? describe : describe.skip;

const reminder = (deliveryId: string, threshold: number | string) =>
  event('ReminderIssued', {
    reminderId: randomUUID(),
    delivery: deliveryId,
    deliberation: '31/001',
    dataset: 'sample',
    recipient: 'dwse',
    destroyBy: '2030-12-31',
    threshold,
    asOf: '2030-07-04',
  });

/** The first words of every statement the ledger runs through its QueryRunner (COPY goes past it). */
const statements: string[] = [];
const recordingLedger: Projection = {
  ...deliveryLedgerProjection,
  applyBatch(sql, events, options) {
    const run = sql.query.bind(sql);
    sql.query = ((text: string, ...rest: unknown[]) => {
      statements.push(text.trim().split(/\s+/).slice(0, 3).join(' '));
      return (run as (...a: unknown[]) => Promise<unknown>)(text, ...rest);
    }) as QueryRunner['query'];
    return deliveryLedgerProjection.applyBatch!(sql, events, options);
  },
};

/**
 * On PostgreSQL a rebuild writes new ledger rows by COPY (ADR 13). The rows must be those of
 * applying the log one event at a time: none dropped, none doubled, whatever the batch bounds,
 * with a reminder the log holds twice (the COPY fails, the INSERT … ON CONFLICT keeps the first)
 * and when a batch is applied again.
 */
onPostgres('ledger rows written by COPY', () => {
  let db: Database;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    const ids = Array.from({ length: 30 }, () => randomUUID());
    for (const [i, deliveryId] of ids.entries()) {
      const delivery = {
        deliveryId,
        deliberation: `31/00${i % 3}`,
        // Characters COPY's text format escapes, in a column and in the JSON.
        dataset: i % 5 === 0 ? 'tab\there, back\\slash, line\nend' : 'sample',
        recipient: 'dwse',
        access: 'transfer',
        on: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`,
        obligation: i % 4 !== 0,
        destroyByAtDelivery: '2030-12-31',
      };
      const stream = `delivery-${deliveryId}`;
      await store.append(stream, [event('DeliveryRecorded', delivery), reminder(deliveryId, 180)], NO_STREAM);
      // Every third one destroyed at once (the same batch as its delivery when the batch is large).
      if (i % 3 === 0)
        await store.append(
          stream,
          [event('DestructionRecorded', { destroyedOn: '2025-06-01', certificateRef: `C\\${i}`, attestedBy: 'DPO' })],
          2,
        );
    }
    // Later: reminders, certificates of deliveries from earlier batches, one reminder twice.
    for (const [i, deliveryId] of ids.entries()) {
      const stream = `delivery-${deliveryId}`;
      if (i % 3 === 0) continue;
      await store.append(stream, [reminder(deliveryId, 90), reminder(deliveryId, 'overdue')], 2);
      if (i % 3 === 1)
        await store.append(
          stream,
          [event('DestructionRecorded', { destroyedOn: '2026-01-02', certificateRef: `L-${i}`, attestedBy: 'DPO' })],
          4,
        );
      if (i === 2) await store.append(stream, [reminder(deliveryId, 90)], 4);
    }
  });
  afterAll(() => db?.close());

  const snapshot = async () => ({
    deliveries: await query<{ destroyed_on: unknown }>(db.dataSource, 'SELECT * FROM rm_deliveries ORDER BY id'),
    reminders: await query(db.dataSource, 'SELECT * FROM rm_reminders ORDER BY id'),
  });
  let expected: Awaited<ReturnType<typeof snapshot>>;

  it('given the log applied one event at a time, then the ledger holds every delivery, certificate and reminder once', async () => {
    await new ProjectionRunner(db.dataSource, store, [deliveryLedgerProjection], { batchSize: 1 }).catchUp();
    expected = await snapshot();
    expect(expected.deliveries).toHaveLength(30);
    expect(expected.deliveries.filter((d) => d.destroyed_on !== null)).toHaveLength(20);
    expect(expected.reminders).toHaveLength(30 + 20 * 2);
  });

  it.each([5000, 7])('when rebuilt in batches of %i by COPY, then the rows are those of one event at a time', async (batchSize) => {
    statements.length = 0;
    const runner = new ProjectionRunner(db.dataSource, store, [recordingLedger], { batchSize, copyFrom: 1 });
    if (batchSize === 5000) await runner.rebuild('delivery-ledger');
    else {
      await withTransaction(db.dataSource, async (sql) => {
        await deliveryLedgerProjection.reset(sql);
        await sql.query(`DELETE FROM projection_checkpoints WHERE name = 'delivery-ledger'`);
      });
      await runner.catchUp();
    }
    expect(await snapshot()).toEqual(expected);
    // COPY wrote rows (a savepoint released), and the reminder held twice made one COPY fall back.
    expect(statements).toContain('RELEASE SAVEPOINT projection_copy');
    expect(statements.filter((s) => s === 'ROLLBACK TO SAVEPOINT')).toHaveLength(1);
  });

  it('given the rebuilt ledger, when every batch is applied again (a replay), then nothing changes', async () => {
    statements.length = 0;
    for (let from = START; ;) {
      const batch = await store.readAll(from, 13);
      if (batch.events.length === 0) break;
      await withTransaction(db.dataSource, (sql) => recordingLedger.applyBatch!(sql, batch.events, { copyFrom: 1 }));
      from = batch.checkpoint;
    }
    expect(await snapshot()).toEqual(expected);
    expect(statements).toContain('ROLLBACK TO SAVEPOINT');
  });
});
