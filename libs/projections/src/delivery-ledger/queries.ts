import type { DeliveryRecordedData, Destruction } from '@registry/domain';
import { query } from '@registry/database';
import type { SqlExecutor } from '../projection.js';

export interface DeliveryRow {
  id: string;
  deliberation_id: string;
  deliberation: string;
  dataset: string;
  recipient: string;
  delivered_on: string;
  obligation: boolean;
  data: DeliveryRecordedData;
  recorded_at: Date;
  destruction: Destruction | null;
  destruction_recorded_at: Date | null;
}

const DELIVERY_COLUMNS = `id::text, deliberation_id, deliberation, dataset, recipient, to_char(delivered_on, 'YYYY-MM-DD') AS delivered_on,
  obligation, data, recorded_at, destruction, destruction_recorded_at`;

/** Destroyed as far as the registry knew at `$6` (rows from before the column count as known). */
const KNOWN_DESTROYED = `destruction IS NOT NULL AND ($6::timestamptz IS NULL OR COALESCE(destruction_recorded_at, recorded_at) <= $6)`;

export interface LedgerFilter {
  recipient?: string;
  deliberation?: string;
  dataset?: string;
  deliveredFrom?: string;
  deliveredTo?: string;
  destroyed?: boolean;
  knownAt?: string;
  /** Keyset: after this (delivered_on, recorded_at as text, id). */
  after?: string[];
  limit: number;
}

export function deliveryRowsById(sql: SqlExecutor, id: string) {
  return query<DeliveryRow>(sql, `SELECT ${DELIVERY_COLUMNS} FROM rm_deliveries WHERE id = $1`, [id]);
}

/** Ledger rows in list order (delivered_on, recorded_at, id); `page_key` is recorded_at as text, for the cursor. */
export function ledgerRows(sql: SqlExecutor, filter: LedgerFilter) {
  return query<DeliveryRow & { page_key: string }>(
    sql,
    `SELECT ${DELIVERY_COLUMNS}, recorded_at::text AS page_key FROM rm_deliveries
     WHERE ($1::text IS NULL OR recipient = $1) AND ($2::text IS NULL OR deliberation = $2) AND ($3::text IS NULL OR dataset = $3)
       AND ($4::date IS NULL OR delivered_on >= $4) AND ($5::date IS NULL OR delivered_on <= $5)
       AND ($6::timestamptz IS NULL OR recorded_at <= $6)
       AND ($7::boolean IS NULL OR (${KNOWN_DESTROYED}) = $7)
       AND ($8::date IS NULL OR (delivered_on, recorded_at, id) > ($8::date, $9::timestamptz, $10::uuid))
     ORDER BY delivered_on, recorded_at, id LIMIT $11`,
    [
      filter.recipient ?? null,
      filter.deliberation ?? null,
      filter.dataset ?? null,
      filter.deliveredFrom ?? null,
      filter.deliveredTo ?? null,
      filter.knownAt ?? null,
      filter.destroyed ?? null,
      filter.after?.[0] ?? null,
      filter.after?.[1] ?? null,
      filter.after?.[2] ?? null,
      filter.limit,
    ],
  );
}

/**
 * Obligated deliveries dated on or before `asOf` with no destruction certificate dated on or
 * before it, as known at `knownAt` (a certificate recorded later is returned: the caller hides it).
 */
export function openObligationRows(sql: SqlExecutor, asOf: string, knownAt?: string) {
  return query<DeliveryRow>(
    sql,
    `SELECT ${DELIVERY_COLUMNS} FROM rm_deliveries
     WHERE obligation AND delivered_on <= $1::date AND ($2::timestamptz IS NULL OR recorded_at <= $2)
       AND (destruction IS NULL OR destroyed_on > $1::date OR ($2::timestamptz IS NOT NULL AND destruction_recorded_at > $2))`,
    [asOf, knownAt ?? null],
  );
}

/** Deliberations with at least one open obligation (no destruction recorded). */
export async function deliberationsWithOpenObligations(sql: SqlExecutor): Promise<string[]> {
  const rows = await query<{ id: string }>(
    sql,
    `SELECT DISTINCT deliberation_id AS id FROM rm_deliveries WHERE obligation AND destroyed_on IS NULL`,
  );
  return rows.map((r) => r.id);
}

/** Delivery days [from, to) of one deliberation that share one deadline. */
export interface DeadlineRange {
  id: string;
  from: string;
  to: string;
  destroyBy: string;
}

/** An open obligation in one of the ranges, with the thresholds already issued for that deadline. */
export interface OpenObligationWithReminders {
  delivery: string;
  deliberation: string;
  deliveredOn: string;
  destroyBy: string;
  /** Thresholds already issued for this deadline, as stored in rm_reminders ("180", "overdue", ...). */
  issued: string[];
}

/** Open obligations delivered on or before `asOf` within the ranges (index rm_deliveries_open_by_day). */
export function openObligationsIn(sql: SqlExecutor, ranges: DeadlineRange[], asOf: string) {
  return query<OpenObligationWithReminders>(
    sql,
    `SELECT d.id::text AS delivery, d.deliberation, to_char(d.delivered_on, 'YYYY-MM-DD') AS "deliveredOn", w.destroy_by AS "destroyBy",
            ARRAY(SELECT r.threshold FROM rm_reminders r WHERE r.delivery_id = d.id AND r.data->>'destroyBy' = w.destroy_by) AS issued
     FROM unnest($1::text[], $2::date[], $3::date[], $4::text[]) AS w(deliberation_id, from_day, to_day, destroy_by)
     JOIN rm_deliveries d ON d.deliberation_id = w.deliberation_id AND d.delivered_on >= w.from_day AND d.delivered_on < w.to_day
     WHERE d.obligation AND d.destroyed_on IS NULL AND d.delivered_on <= $5::date`,
    [ranges.map((r) => r.id), ranges.map((r) => r.from), ranges.map((r) => r.to), ranges.map((r) => r.destroyBy), asOf],
  );
}

export interface ReminderRow {
  id: string;
  delivery_id: string;
  threshold: string;
  data: Record<string, unknown>;
  issued_at: Date;
}

export interface ReminderFilter {
  delivery?: string;
  knownAt?: string;
  /** Keyset: after this (issued_at as text, id). */
  after?: string[];
  limit: number;
}

/** Reminders in issue order; `page_key` is issued_at as text, for the cursor. */
export function reminderRows(sql: SqlExecutor, filter: ReminderFilter) {
  return query<ReminderRow & { page_key: string }>(
    sql,
    `SELECT id::text, delivery_id::text, threshold, data, issued_at, issued_at::text AS page_key FROM rm_reminders
     WHERE ($1::uuid IS NULL OR delivery_id = $1) AND ($2::timestamptz IS NULL OR issued_at <= $2)
       AND ($3::timestamptz IS NULL OR (issued_at, id) > ($3::timestamptz, $4::uuid))
     ORDER BY issued_at, id LIMIT $5`,
    [filter.delivery ?? null, filter.knownAt ?? null, filter.after?.[0] ?? null, filter.after?.[1] ?? null, filter.limit],
  );
}

/** A schedule row: an open obligation with the deadline of the range it falls in. */
export interface ScheduleRow {
  delivery: string;
  deliberation: string;
  dataset: string;
  recipient: string;
  deliveredOn: string;
  destroyBy: string;
}

export interface ScheduleChunk {
  /** The ranges to look in: whole deadlines (every range of each deadline), or the order breaks. */
  ranges: DeadlineRange[];
  asOf: string;
  knownAt?: string;
  /** Keyset: after this (destroyBy, deliveredOn, delivery id). */
  after?: string[];
  limit: number;
}

/**
 * Obligations open on `asOf` as known at `knownAt` (delivered on or before it, no certificate
 * dated on or before it) within the ranges, by (deadline, delivery day, id), after the cursor:
 * at most `limit` rows per range through rm_deliveries_obligation_by_day, then the first `limit`.
 */
export function scheduleRowsIn(sql: SqlExecutor, chunk: ScheduleChunk) {
  const { ranges, after } = chunk;
  return query<ScheduleRow>(
    sql,
    `SELECT d.id::text AS delivery, d.deliberation, d.dataset, d.recipient, to_char(d.delivered_on, 'YYYY-MM-DD') AS "deliveredOn",
            to_char(w.destroy_by, 'YYYY-MM-DD') AS "destroyBy"
     FROM unnest($1::text[], $2::date[], $3::date[], $4::date[]) AS w(deliberation_id, from_day, to_day, destroy_by)
     CROSS JOIN LATERAL (
       SELECT id, deliberation, dataset, recipient, delivered_on FROM rm_deliveries
       WHERE deliberation_id = w.deliberation_id AND obligation AND delivered_on >= w.from_day AND delivered_on < w.to_day
         AND delivered_on <= $5::date AND ($6::timestamptz IS NULL OR recorded_at <= $6)
         AND (destruction IS NULL OR destroyed_on > $5::date OR ($6::timestamptz IS NOT NULL AND destruction_recorded_at > $6))
         AND ($7::date IS NULL OR (w.destroy_by, delivered_on, id) > ($7::date, $8::date, $9::uuid))
       ORDER BY delivered_on, id LIMIT $10
     ) d
     ORDER BY w.destroy_by, d.delivered_on, d.id LIMIT $10`,
    [
      ranges.map((r) => r.id),
      ranges.map((r) => r.from),
      ranges.map((r) => r.to),
      ranges.map((r) => r.destroyBy),
      chunk.asOf,
      chunk.knownAt ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      after?.[2] ?? null,
      chunk.limit,
    ],
  );
}
