import type { QueryRunner } from 'typeorm';
import type { StoredEvent } from '@registry/event-store';
import { isDeliveryStreamEvent } from '@registry/domain';
import type { BatchOptions, Projection } from '../projection.js';
import { copyOrElse, copyRows } from '../copy-rows.js';
import { deliveryLedgerTables } from './tables.js';

/**
 * Events of one type in batch order. Applying the batch type by type (deliveries, then
 * destructions, then reminders) gives the rows applying it event by event gives: a delivery's
 * first event is its DeliveryRecorded, a destruction only updates its own delivery's row, and
 * reminders touch only rm_reminders.
 */
function byType(events: StoredEvent[]): Map<string, StoredEvent[]> {
  const groups = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const group = groups.get(event.type);
    if (group) group.push(event);
    else groups.set(event.type, [event]);
  }
  return groups;
}

const deliveryIdOf = (event: StoredEvent) => event.streamId.replace(/^delivery-/, '');

/** The columns a DeliveryRecorded fills, in the order of rm_deliveries' columns (tables.ts). */
function deliveryValues(event: StoredEvent) {
  const d = event.data as Record<string, unknown> & { deliberation: string };
  return [
    deliveryIdOf(event),
    d.deliberation.replace('/', '-'),
    d.deliberation,
    d.dataset,
    d.recipient,
    d.access,
    d.on,
    d.obligation,
    d,
    event.metadata.recordedAt,
  ];
}

/** The columns a ReminderIssued fills, in the order of rm_reminders' columns (tables.ts). */
function reminderValues(event: StoredEvent) {
  const r = event.data as Record<string, unknown> & { threshold: number | string };
  return [r.reminderId, deliveryIdOf(event), String(r.threshold), r, event.metadata.recordedAt];
}

/** The rows `apply` inserts (DeliveryRecorded, with a certificate of the same batch folded in), by COPY. */
function copyDeliveries(sql: QueryRunner, recorded: StoredEvent[], destructionOf: Map<string, StoredEvent>) {
  return copyRows(
    sql,
    'rm_deliveries',
    deliveryLedgerTables.tables.rm_deliveries,
    recorded.map((e) => {
      const destruction = destructionOf.get(deliveryIdOf(e));
      return [...deliveryValues(e), destruction?.data, destruction?.data.destroyedOn, destruction?.metadata.recordedAt];
    }),
  );
}

function insertDeliveries(sql: QueryRunner, recorded: StoredEvent[], destructionOf: Map<string, StoredEvent>) {
  return sql.query(
    `INSERT INTO rm_deliveries (id, deliberation_id, deliberation, dataset, recipient, access, delivered_on, obligation, data, recorded_at,
                                destruction, destroyed_on, destruction_recorded_at)
     SELECT r.id, r.deliberation_id, r.data->>'deliberation', r.data->>'dataset', r.data->>'recipient', r.data->>'access', (r.data->>'on')::date,
            (r.data->>'obligation')::boolean, r.data, r.recorded_at, r.destruction, (r.destruction->>'destroyedOn')::date, r.destruction_recorded_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, deliberation_id text, data jsonb, recorded_at timestamptz, destruction jsonb, destruction_recorded_at timestamptz)
     ON CONFLICT (id) DO UPDATE SET destruction = EXCLUDED.destruction, destroyed_on = EXCLUDED.destroyed_on,
                                    destruction_recorded_at = EXCLUDED.destruction_recorded_at
       WHERE EXCLUDED.destruction IS NOT NULL`,
    [
      JSON.stringify(
        recorded.map((e) => {
          const destruction = destructionOf.get(deliveryIdOf(e));
          return {
            id: deliveryIdOf(e),
            deliberation_id: (e.data as { deliberation: string }).deliberation.replace('/', '-'),
            data: e.data,
            recorded_at: e.metadata.recordedAt,
            destruction: destruction?.data ?? null,
            destruction_recorded_at: destruction?.metadata.recordedAt ?? null,
          };
        }),
      ),
    ],
  );
}

/** The rows `apply` inserts for ReminderIssued, by COPY. */
function copyReminders(sql: QueryRunner, reminders: StoredEvent[]) {
  return copyRows(sql, 'rm_reminders', deliveryLedgerTables.tables.rm_reminders, reminders.map(reminderValues));
}

function insertReminders(sql: QueryRunner, reminders: StoredEvent[]) {
  return sql.query(
    `INSERT INTO rm_reminders (id, delivery_id, threshold, data, issued_at)
     SELECT (r.data->>'reminderId')::uuid, r.delivery_id, r.data->>'threshold', r.data, r.issued_at
     FROM jsonb_to_recordset($1::jsonb) AS r(delivery_id uuid, data jsonb, issued_at timestamptz)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(reminders.map((e) => ({ delivery_id: deliveryIdOf(e), data: e.data, issued_at: e.metadata.recordedAt })))],
  );
}

/** The ledger of deliveries, their destruction certificates and the reminders issued for them. */
export const deliveryLedgerProjection: Projection = {
  name: 'delivery-ledger',
  tables: ['rm_deliveries', 'rm_reminders'],
  handles: ['DeliveryRecorded', 'DestructionRecorded', 'ReminderIssued'],
  async apply(sql: QueryRunner, event: StoredEvent) {
    if (!isDeliveryStreamEvent(event)) return;
    const deliveryId = event.streamId.replace(/^delivery-/, '');
    switch (event.type) {
      case 'DeliveryRecorded': {
        await sql.query(
          `INSERT INTO rm_deliveries (id, deliberation_id, deliberation, dataset, recipient, access, delivered_on, obligation, data, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
          deliveryValues(event),
        );
        return;
      }
      case 'DestructionRecorded': {
        const d = event.data;
        await sql.query('UPDATE rm_deliveries SET destruction = $2, destroyed_on = $3, destruction_recorded_at = $4 WHERE id = $1', [
          deliveryId,
          d,
          d.destroyedOn,
          event.metadata.recordedAt,
        ]);
        return;
      }
      case 'ReminderIssued': {
        await sql.query(
          `INSERT INTO rm_reminders (id, delivery_id, threshold, data, issued_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING`,
          reminderValues(event),
        );
      }
    }
  },
  /**
   * One statement per event type (see byType), each over every event of that type in the batch.
   * A destruction of a delivery recorded in the same batch goes into that delivery's INSERT (a
   * rebuild or a copied log holds a delivery and its certificate close together): the row is the
   * one the INSERT and the UPDATE give, without updating a just-written row in every index.
   * On PostgreSQL, large groups of new rows are written by COPY (ADR 13), falling back to the
   * INSERT … ON CONFLICT when one of them is already there.
   */
  async applyBatch(sql: QueryRunner, events: StoredEvent[], options: BatchOptions = {}) {
    const groups = byType(events);
    const recorded = groups.get('DeliveryRecorded') ?? [];
    const recordedIds = new Set(recorded.map(deliveryIdOf));
    const destructionOf = new Map<string, StoredEvent>();
    for (const e of groups.get('DestructionRecorded') ?? []) if (recordedIds.has(deliveryIdOf(e))) destructionOf.set(deliveryIdOf(e), e);
    const byCopy = (rows: number) => options.copyFrom !== undefined && rows >= options.copyFrom;
    if (recorded.length) {
      const insert = () => insertDeliveries(sql, recorded, destructionOf);
      if (byCopy(recorded.length)) await copyOrElse(sql, () => copyDeliveries(sql, recorded, destructionOf), insert);
      else await insert();
    }
    const destroyed = (groups.get('DestructionRecorded') ?? []).filter((e) => !recordedIds.has(deliveryIdOf(e)));
    if (destroyed.length)
      await sql.query(
        `UPDATE rm_deliveries SET destruction = r.destruction, destroyed_on = (r.destruction->>'destroyedOn')::date, destruction_recorded_at = r.recorded_at
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, destruction jsonb, recorded_at timestamptz) WHERE rm_deliveries.id = r.id`,
        [JSON.stringify(destroyed.map((e) => ({ id: deliveryIdOf(e), destruction: e.data, recorded_at: e.metadata.recordedAt })))],
      );
    const reminders = groups.get('ReminderIssued') ?? [];
    if (reminders.length) {
      const insert = () => insertReminders(sql, reminders);
      if (byCopy(reminders.length)) await copyOrElse(sql, () => copyReminders(sql, reminders), insert);
      else await insert();
    }
  },
  async reset(sql) {
    // TRUNCATE, not DELETE: a rebuild then writes into empty files and indexes, not past a million dead rows.
    await sql.query('TRUNCATE rm_reminders, rm_deliveries');
  },
};
