import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { query, withTransaction, type Database } from '@registry/database';
import { NO_STREAM, PostgresEventStore, START } from '@registry/event-store';
import { event } from './timed-event.js';
import { openTestDatabase } from '../../../test/support/database.js';
import { DeliberationParties1732000001700 } from '../../../migrations/1732000001700-deliberation-parties.js';
import { deliberationIndexProjection, deliveryLedgerProjection, ProjectionRunner } from '../src/index.js';

const document = JSON.parse(readFileSync(new URL('../../../fixtures/24-130.deliberation.json', import.meta.url), 'utf8'));

/**
 * Rebuilds apply a whole batch in a few statements (applyBatch); catch-up of single events
 * applies them one by one (apply). Both must leave the same rows, whatever the mix of types,
 * and a batch applied twice (a replay) must change nothing.
 */
describe('batched projection writes', () => {
  let db: Database;
  let store: PostgresEventStore;
  const projections = [deliberationIndexProjection, deliveryLedgerProjection];

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    for (let n = 0; n < 12; n++) {
      const number = `31/${String(n).padStart(3, '0')}`;
      const stream = `deliberation-31-${String(n).padStart(3, '0')}`;
      await store.append(
        stream,
        [event('DeliberationRecorded', { document: { ...document, number, title: n % 2 ? undefined : `T ${n}` } })],
        NO_STREAM,
      );
      if (n % 2)
        await store.append(
          stream,
          [
            event('DeliberationAmended', {
              decidedOn: '2025-02-01',
              effectiveFrom: '2025-02-15',
              changes: [{ op: 'addParty', party: { id: `new-${n}`, name: 'N', roles: ['recipient'] } }],
              sequence: 1,
            }),
          ],
          1,
        );
      if (n % 4 === 1)
        await store.append(
          stream,
          [event('DeliberationRevoked', { decidedOn: '2026-01-01', effectiveFrom: '2026-02-01', reason: 'done' })],
          2,
        );
      // Several delivery streams interleaved in one append order: recorded, reminders, destruction.
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const [i, deliveryId] of ids.entries()) {
        const delivery = {
          deliveryId,
          deliberation: number,
          dataset: i === 2 ? 'population' : 'sample',
          recipient: 'dwse',
          access: i === 2 ? 'secure-onsite' : 'transfer',
          on: `2025-01-1${i}`,
          referenceYears: [2021],
          variables: ['person.sex'],
          obligation: i !== 2,
          destroyByAtDelivery: i === 2 ? null : '2030-12-31',
        };
        await store.append(`delivery-${deliveryId}`, [event('DeliveryRecorded', delivery)], NO_STREAM);
      }
      for (const [i, deliveryId] of ids.slice(0, 2).entries()) {
        const reminder = (threshold: number | string) =>
          event('ReminderIssued', {
            reminderId: randomUUID(),
            delivery: deliveryId,
            deliberation: number,
            dataset: 'sample',
            recipient: 'dwse',
            destroyBy: '2030-12-31',
            threshold,
            asOf: '2030-07-04',
          });
        await store.append(`delivery-${deliveryId}`, [reminder(180), reminder(90)], 1);
        if (i === 0)
          await store.append(
            `delivery-${deliveryId}`,
            [event('DestructionRecorded', { destroyedOn: `2030-0${1 + (n % 9)}-01`, certificateRef: `C-${n}`, attestedBy: 'DPO' })],
            3,
          );
        else await store.append(`delivery-${deliveryId}`, [reminder('overdue')], 3);
      }
    }
  });
  afterAll(() => db?.close());

  const snapshot = async () => ({
    deliberations: await query(db.dataSource, 'SELECT * FROM rm_deliberations ORDER BY id'),
    parties: await query<{ party_id: string }>(db.dataSource, 'SELECT * FROM rm_deliberation_parties ORDER BY party_id, deliberation_id'),
    deliveries: await query<{ destroyed_on: unknown }>(db.dataSource, 'SELECT * FROM rm_deliveries ORDER BY id'),
    reminders: await query(db.dataSource, 'SELECT * FROM rm_reminders ORDER BY id'),
  });

  it('given a log mixing every event type, when applied one event at a time and when rebuilt in one batch, then the rows are identical', async () => {
    const oneByOne = new ProjectionRunner(db.dataSource, store, projections, { batchSize: 1 });
    await oneByOne.catchUp();
    const expected = await snapshot();
    expect(expected.deliberations).toHaveLength(12);
    // Every party of the document, and the one each odd deliberation's amendment adds.
    expect(expected.parties).toHaveLength(12 * document.parties.length + 6);
    expect(expected.parties.filter((p) => p.party_id.startsWith('new-'))).toHaveLength(6);
    expect(expected.deliveries).toHaveLength(36);
    expect(expected.reminders).toHaveLength(12 * 5);
    expect(expected.deliveries.filter((d) => d.destroyed_on !== null)).toHaveLength(12);
    const batched = new ProjectionRunner(db.dataSource, store, projections);
    for (const p of projections) await batched.rebuild(p.name);
    expect(await snapshot()).toEqual(expected);
  });

  it('given batches of 7 events (a certificate in its delivery’s batch or in a later one), when rebuilt, then the rows are those of one event at a time', async () => {
    const expected = await snapshot();
    for (const p of projections)
      await withTransaction(db.dataSource, async (sql) => {
        await p.reset(sql);
        await sql.query('DELETE FROM projection_checkpoints WHERE name = $1', [p.name]);
      });
    await new ProjectionRunner(db.dataSource, store, projections, { batchSize: 7 }).catchUp();
    expect(await snapshot()).toEqual(expected);
  });

  it('given the rows of the whole log, when every batch is applied again (a replay), then nothing changes', async () => {
    const before = await snapshot();
    const { events } = await store.readAll(START, 10_000);
    for (const p of projections)
      await withTransaction(db.dataSource, (sql) =>
        p.applyBatch!(
          sql,
          events.filter((e) => p.handles.includes(e.type)),
        ),
      );
    expect(await snapshot()).toEqual(before);
  });

  it('given a database migrated before rm_deliberation_parties, when its migration runs, then it fills the table with the rows the projection writes', async () => {
    const before = await snapshot();
    const migration = new DeliberationParties1732000001700();
    await withTransaction(db.dataSource, (sql) => migration.down(sql));
    await withTransaction(db.dataSource, (sql) => migration.up(sql));
    expect(await snapshot()).toEqual(before);
  });
});
