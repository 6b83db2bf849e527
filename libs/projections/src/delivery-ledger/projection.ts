import type { QueryRunner } from 'typeorm';
import type { StoredEvent } from '@registry/event-store';
import { isDeliveryStreamEvent } from '@registry/domain';
import type { Projection } from '../projection.js';

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
        const d = event.data;
        await sql.query(
          `INSERT INTO rm_deliveries (id, deliberation_id, deliberation, dataset, recipient, access, delivered_on, obligation, data, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
          [
            deliveryId,
            d.deliberation.replace('/', '-'),
            d.deliberation,
            d.dataset,
            d.recipient,
            d.access,
            d.on,
            d.obligation,
            d,
            event.metadata.recordedAt,
          ],
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
        const r = event.data;
        await sql.query(
          `INSERT INTO rm_reminders (id, delivery_id, threshold, data, issued_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING`,
          [r.reminderId, deliveryId, String(r.threshold), r, event.metadata.recordedAt],
        );
      }
    }
  },
  /**
   * One statement per event type (see byType), each over every event of that type in the batch.
   * A destruction of a delivery recorded in the same batch goes into that delivery's INSERT (a
   * rebuild or a copied log holds a delivery and its certificate close together): the row is the
   * one the INSERT and the UPDATE give, without updating a just-written row in every index.
   */
  async applyBatch(sql: QueryRunner, events: StoredEvent[]) {
    const groups = byType(events);
    const recorded = groups.get('DeliveryRecorded') ?? [];
    const recordedIds = new Set(recorded.map(deliveryIdOf));
    const destructionOf = new Map<string, StoredEvent>();
    for (const e of groups.get('DestructionRecorded') ?? []) if (recordedIds.has(deliveryIdOf(e))) destructionOf.set(deliveryIdOf(e), e);
    if (recorded.length)
      await sql.query(
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
    const destroyed = (groups.get('DestructionRecorded') ?? []).filter((e) => !recordedIds.has(deliveryIdOf(e)));
    if (destroyed.length)
      await sql.query(
        `UPDATE rm_deliveries SET destruction = r.destruction, destroyed_on = (r.destruction->>'destroyedOn')::date, destruction_recorded_at = r.recorded_at
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, destruction jsonb, recorded_at timestamptz) WHERE rm_deliveries.id = r.id`,
        [JSON.stringify(destroyed.map((e) => ({ id: deliveryIdOf(e), destruction: e.data, recorded_at: e.metadata.recordedAt })))],
      );
    const reminders = groups.get('ReminderIssued') ?? [];
    if (reminders.length)
      await sql.query(
        `INSERT INTO rm_reminders (id, delivery_id, threshold, data, issued_at)
         SELECT (r.data->>'reminderId')::uuid, r.delivery_id, r.data->>'threshold', r.data, r.issued_at
         FROM jsonb_to_recordset($1::jsonb) AS r(delivery_id uuid, data jsonb, issued_at timestamptz)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(reminders.map((e) => ({ delivery_id: deliveryIdOf(e), data: e.data, issued_at: e.metadata.recordedAt })))],
      );
  },
  async reset(sql) {
    // TRUNCATE, not DELETE: a rebuild then writes into empty files and indexes, not past a million dead rows.
    await sql.query('TRUNCATE rm_reminders, rm_deliveries');
  },
};
