import { query } from '@registry/database';
import type { SqlExecutor } from '../projection.js';

/** A deliberation as the index knows it: enough to order candidates by recency. */
export interface IndexedDeliberation {
  id: string;
  number: string;
  decidedOn: string;
  effectiveFrom: string;
}

export interface DeliberationListFilter {
  /** Deliberations that ever named this party. */
  recipient?: string;
  /** Text in the number or the title (taken literally). */
  q?: string;
  /** Recorded at or before this instant. */
  knownAt?: string;
  /** Keyset: after this (decided_on, id). */
  after?: string[];
  limit: number;
}

/** One page of the index in list order (oldest decision first), for the list to judge. */
export function deliberationListRows(sql: SqlExecutor, filter: DeliberationListFilter) {
  return query<{ id: string; decided_on: string }>(
    sql,
    `SELECT id, to_char(decided_on, 'YYYY-MM-DD') AS decided_on FROM rm_deliberations
     WHERE ($1::text IS NULL OR party_ids @> ARRAY[$1]::text[])
       AND ($2::text IS NULL OR number ILIKE '%' || $2 || '%' OR title ILIKE '%' || $2 || '%')
       AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       AND ($4::date IS NULL OR (decided_on, id) > ($4::date, $5::text))
     ORDER BY decided_on, id LIMIT $6`,
    [
      filter.recipient ?? null,
      filter.q?.replace(/[\\%_]/g, (c) => `\\${c}`) ?? null,
      filter.knownAt ?? null,
      filter.after?.[0] ?? null,
      filter.after?.[1] ?? null,
      filter.limit,
    ],
  );
}

/** Ids of every deliberation (or of those that ever named `party`), oldest decision first. */
export async function deliberationIds(sql: SqlExecutor, party?: string): Promise<string[]> {
  const rows = party
    ? await query<{ id: string }>(
        sql,
        'SELECT deliberation_id AS id FROM rm_deliberation_parties WHERE party_id = $1 ORDER BY decided_on, deliberation_id',
        [party],
      )
    : await query<{ id: string }>(sql, 'SELECT id FROM rm_deliberations ORDER BY decided_on, id');
  return rows.map((r) => r.id);
}

/** Every deliberation that ever named the party (rm_deliberation_parties), in no order. */
export function deliberationsNaming(sql: SqlExecutor, party: string) {
  return query<IndexedDeliberation>(
    sql,
    `SELECT deliberation_id AS id, number, to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom"
     FROM rm_deliberation_parties WHERE party_id = $1`,
    [party],
  );
}

/**
 * The most recently decided deliberations naming the party that took effect on or before `on`
 * (only those can authorise a release on that day): the latest `limit`, plus every other one
 * decided on the same day as the last of them (WITH TIES), so that a caller ordering by number
 * within a day always sees whole days. `before`: only decisions before that day (the next
 * chunk). Latest decision first; the order within a day is the caller's.
 * An index-only scan of rm_deliberation_parties_recency (party_id, decided_on DESC) INCLUDE
 * (effective_from, deliberation_id, number), from `before` down, skipping those not yet in
 * effect: a handful of index entries (ADR 16). 'infinity' rather than `$3 IS NULL OR …` keeps
 * `before` an index condition in a generic plan.
 */
export function inForceDeliberationsNaming(sql: SqlExecutor, party: string, on: string, chunk: { before?: string; limit: number }) {
  return query<IndexedDeliberation>(
    sql,
    `SELECT deliberation_id AS id, number, to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom"
     FROM rm_deliberation_parties
     WHERE party_id = $1 AND decided_on < COALESCE($3::date, 'infinity'::date) AND effective_from <= $2::date
     ORDER BY decided_on DESC FETCH FIRST $4 ROWS WITH TIES`,
    [party, on, chunk.before ?? null, chunk.limit],
  );
}

/** Every deliberation's id and version (its stream's revision as last applied), recorded by `knownAt` if given. */
export function deliberationVersions(sql: SqlExecutor, knownAt?: string) {
  return query<{ id: string; version: number }>(
    sql,
    'SELECT id, version FROM rm_deliberations WHERE ($1::timestamptz IS NULL OR recorded_at <= $1)',
    [knownAt ?? null],
  );
}
