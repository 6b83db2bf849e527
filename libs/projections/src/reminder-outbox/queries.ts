import { query } from '@registry/database';
import type { SqlExecutor } from '../projection.js';
import type { Channel } from './projection.js';

export interface ClaimedSend {
  id: string;
  channel: Channel;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface SendRow {
  reminder_id: string;
  channel: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  next_attempt_at: Date;
}

/**
 * Claims up to 20 due sends for a minute (counting the attempt), skipping rows another instance
 * holds: two instances never send the same row at the same time.
 */
export function claimDueSends(sql: SqlExecutor) {
  return query<ClaimedSend>(
    sql,
    `UPDATE outbox SET claimed_until = now() + interval '60 seconds', attempts = attempts + 1
     WHERE id IN (SELECT id FROM outbox
                  WHERE status IN ('pending', 'retrying') AND next_attempt_at <= now()
                    AND (claimed_until IS NULL OR claimed_until < now())
                  ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
     RETURNING id::text, channel, payload, attempts`,
  );
}

export async function markSent(sql: SqlExecutor, id: string): Promise<void> {
  await query(sql, `UPDATE outbox SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = $1`, [id]);
}

/** A failed send: retried after `retryInSeconds`, or given up for good (`failed`). */
export async function markFailed(sql: SqlExecutor, id: string, status: 'retrying' | 'failed', error: string, retryInSeconds: number) {
  await query(
    sql,
    `UPDATE outbox SET status = $2, last_error = $3, claimed_until = NULL,
       next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
    [id, status, error, retryInSeconds],
  );
}

/** The send rows (one per channel) of these reminders. */
export function sendsOf(sql: SqlExecutor, reminderIds: string[]) {
  return query<SendRow>(
    sql,
    `SELECT reminder_id::text, channel, status, attempts, last_error, sent_at, next_attempt_at FROM outbox
     WHERE reminder_id::text = ANY($1::text[])`,
    [reminderIds],
  );
}

/** How many sends are in each status. */
export function sendCountsByStatus(sql: SqlExecutor) {
  return query<{ status: string; n: string }>(sql, 'SELECT status, count(*)::text AS n FROM outbox GROUP BY status');
}
