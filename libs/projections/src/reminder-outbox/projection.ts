import { createHash } from 'node:crypto';
import { isEventOfType } from '@registry/domain';
import type { Projection } from '../projection.js';

export type Channel = 'webhook' | 'email';

/** A stable id per (reminder, channel), so a replayed event finds its row instead of adding one. */
const outboxId = (reminderId: string, channel: Channel): string => {
  const hex = createHash('sha256').update(`${reminderId}:${channel}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * The transactional outbox: each issued reminder becomes one row per configured channel in
 * the same transaction as the projection's checkpoint; the sender delivers them with retries.
 */
export function outboxProjection(channels: () => Channel[]): Projection {
  return {
    name: 'reminder-outbox',
    handles: ['ReminderIssued'],
    rebuildable: false,
    async apply(sql, event) {
      if (!isEventOfType(event, 'ReminderIssued')) return;
      const r = event.data;
      const payload = {
        type: 'destruction-reminder',
        id: r.reminderId,
        delivery: r.delivery,
        deliberation: r.deliberation,
        dataset: r.dataset,
        recipient: r.recipient,
        destroyBy: r.destroyBy,
        threshold: r.threshold,
        asOf: r.asOf,
      };
      // No conflict target: the id is derived from (reminder, channel), so two instances inserting
      // the same row at once collide on the primary key as well as on (reminder_id, channel);
      // either conflict means the row is there, and neither may fail the batch (issue 10).
      for (const channel of channels())
        await sql.query(`INSERT INTO outbox (id, reminder_id, channel, payload) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
          outboxId(r.reminderId, channel),
          r.reminderId,
          channel,
          payload,
        ]);
    },
    async reset() {
      throw new Error('the outbox is never rebuilt');
    },
  };
}
