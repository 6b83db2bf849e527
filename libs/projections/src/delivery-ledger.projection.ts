import type { QueryRunner } from 'typeorm';
import type { StoredEvent } from '../../event-store/src/event-store.js';
import type { DeliveryRecordedData, Destruction } from '../../domain/src/index.js';
import type { ReminderIssuedData } from '../../domain/src/reminders/issue-reminder.js';
import type { Projection } from './projection.js';

function runsOfSameType(events: StoredEvent[]): StoredEvent[][] {
  const runs: StoredEvent[][] = [];
  for (const event of events) {
    const last = runs.at(-1);
    if (last && last[0].type === event.type) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

/** The ledger of deliveries, their destruction certificates and the reminders issued for them. */
export const deliveryLedgerProjection: Projection = {
  name: 'delivery-ledger',
  handles: ['DeliveryRecorded', 'DestructionRecorded', 'ReminderIssued'],
  async apply(sql: QueryRunner, event: StoredEvent) {
    const deliveryId = event.streamId.replace(/^delivery-/, '');
    switch (event.type) {
      case 'DeliveryRecorded': {
        const d = event.data as unknown as DeliveryRecordedData;
        await sql.query(
          `INSERT INTO rm_deliveries (id, deliberation_id, deliberation, dataset, recipient, access, delivered_on, obligation, data, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
          [deliveryId, d.deliberation.replace('/', '-'), d.deliberation, d.dataset, d.recipient, d.access, d.on, d.obligation, d, event.metadata.recordedAt],
        );
        return;
      }
      case 'DestructionRecorded': {
        const d = event.data as unknown as Destruction;
        await sql.query('UPDATE rm_deliveries SET destruction = $2, destroyed_on = $3, destruction_recorded_at = $4 WHERE id = $1', [deliveryId, d, d.destroyedOn, event.metadata.recordedAt]);
        return;
      }
      case 'ReminderIssued': {
        const r = event.data as unknown as ReminderIssuedData;
        await sql.query(
          `INSERT INTO rm_reminders (id, delivery_id, threshold, data, issued_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING`,
          [r.reminderId, deliveryId, String(r.threshold), r, event.metadata.recordedAt],
        );
      }
    }
  },
  /** Consecutive events of one type go in one statement each, so order between types is kept. */
  async applyBatch(sql: QueryRunner, events: StoredEvent[]) {
    for (const run of runsOfSameType(events)) {
      if (run[0].type === 'DeliveryRecorded') {
        const rows = run.map((e) => {
          const d = e.data as unknown as DeliveryRecordedData;
          return { id: e.streamId.replace(/^delivery-/, ''), deliberation_id: d.deliberation.replace('/', '-'), deliberation: d.deliberation, dataset: d.dataset, recipient: d.recipient, access: d.access, delivered_on: d.on, obligation: d.obligation, data: d, recorded_at: e.metadata.recordedAt };
        });
        await sql.query(
          `INSERT INTO rm_deliveries (id, deliberation_id, deliberation, dataset, recipient, access, delivered_on, obligation, data, recorded_at)
           SELECT id, deliberation_id, deliberation, dataset, recipient, access, delivered_on, obligation, data, recorded_at
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, deliberation_id text, deliberation text, dataset text, recipient text, access text,
                                                   delivered_on date, obligation boolean, data jsonb, recorded_at timestamptz)
           ON CONFLICT (id) DO NOTHING`,
          [JSON.stringify(rows)],
        );
      } else for (const event of run) await deliveryLedgerProjection.apply(sql, event);
    }
  },
  async reset(sql) {
    await sql.query('DELETE FROM rm_reminders');
    await sql.query('DELETE FROM rm_deliveries');
  },
};
