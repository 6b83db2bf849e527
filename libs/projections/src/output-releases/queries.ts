import { query } from '@registry/database';
import type { SqlExecutor } from '../projection.js';

export interface OutputReleaseFilter {
  knownAt?: string;
  /** Keyset: after this (recorded_at as text, id). */
  after?: string[];
  limit: number;
}

/** A deliberation's output releases in the order they were recorded; `page_key` is recorded_at as text. */
export function outputReleaseRows(sql: SqlExecutor, deliberationId: string, filter: OutputReleaseFilter) {
  return query<{ id: string; page_key: string; data: Record<string, unknown> & { releaseId: string } }>(
    sql,
    `SELECT id::text, recorded_at::text AS page_key, data FROM rm_output_releases
     WHERE deliberation_id = $1 AND ($2::timestamptz IS NULL OR recorded_at <= $2)
       AND ($3::timestamptz IS NULL OR (recorded_at, id) > ($3::timestamptz, $4::uuid))
     ORDER BY recorded_at, id LIMIT $5`,
    [deliberationId, filter.knownAt ?? null, filter.after?.[0] ?? null, filter.after?.[1] ?? null, filter.limit],
  );
}
