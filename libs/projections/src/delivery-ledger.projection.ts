import type { QueryRunner } from 'typeorm';
import type { StoredEvent } from '../../event-store/src/event-store.js';
import type { DeliveryRecordedData, Destruction } from '../../domain/src/index.js';
import type { ReminderIssuedData } from '../../domain/src/reminders/issue-reminder.js';
import type { Projection } from './projection.js';

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
        await sql.query('UPDATE rm_deliveries SET destruction = $2, destroyed_on = $3 WHERE id = $1', [deliveryId, d, d.destroyedOn]);
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
  async reset(sql) {
    await sql.query('DELETE FROM rm_reminders');
    await sql.query('DELETE FROM rm_deliveries');
  },
};
