import type { QueryRunner } from 'typeorm';
import { ConcurrencyError, type AppendResult, type StreamAppend } from './event-store.js';
import { normalize } from './append-input.js';
import { GENESIS_HASH } from './hash.js';
import { APPENDERS_KEY, chainedRows, stampTransaction } from './postgres-append.js';
import { INSERT_CHUNK, duplicateOf, existingEvents, formatCheckpoint, records } from './postgres-rows.js';

type Head = { stream_id: string; revision: string; last_hash: string };

/**
 * Takes APPENDERS shared, then every stream's lock in the order of the lock keys (two batches
 * over overlapping streams cannot deadlock); fails if the transaction has written before.
 */
async function lockStreams(queryRunner: QueryRunner, streamIds: string[]) {
  const [row] = await records<{ written_before: boolean }>(
    queryRunner,
    `SELECT g.written_before,
            (SELECT count(pg_advisory_xact_lock(k.key)) FROM
               (SELECT DISTINCT hashtextextended(s, 0) AS key FROM unnest($1::text[]) AS s ORDER BY 1 OFFSET 0) AS k) AS locked
     FROM (SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS written_before, pg_advisory_xact_lock_shared(${APPENDERS_KEY}) OFFSET 0) AS g`,
    [streamIds],
  );
  if (row.written_before) throw new Error(`append to ${streamIds.length} streams: the transaction wrote before appending; append first`);
}

/** Moves the heads of existing streams and creates the new ones: one statement each. */
async function advanceStreams(
  queryRunner: QueryRunner,
  moves: { streamId: string; from: number; to: number; lastHash: string; exists: boolean }[],
) {
  const existing = moves.filter((m) => m.exists);
  if (existing.length > 0) {
    const updated = await records<{ stream_id: string }>(
      queryRunner,
      `UPDATE es_streams AS s SET revision = v.upto, last_hash = v.hash
       FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[]) AS v(id, since, upto, hash)
       WHERE s.stream_id = v.id AND s.revision = v.since RETURNING s.stream_id`,
      [existing.map((m) => m.streamId), existing.map((m) => m.from), existing.map((m) => m.to), existing.map((m) => m.lastHash)],
    );
    if (updated.length !== existing.length) {
      const moved = new Set(updated.map((r) => r.stream_id));
      const lost = existing.find((m) => !moved.has(m.streamId))!;
      throw new ConcurrencyError(lost.streamId, lost.from, lost.from);
    }
  }
  const created = moves.filter((m) => !m.exists);
  if (created.length > 0)
    await queryRunner.query(
      `INSERT INTO es_streams (stream_id, revision, last_hash) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])`,
      [created.map((m) => m.streamId), created.map((m) => m.to), created.map((m) => m.lastHash)],
    );
}

/** Inserts every row in chunks; the last event (highest revision) of each stream. */
async function insertAll(queryRunner: QueryRunner, rows: unknown[][]) {
  const last = new Map<string, { position: string; xid: string; revision: number }>();
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    const values = chunk.map((_, i) => {
      const p = i * 10;
      return `($${p + 1}, $${p + 2}, $${p + 3}::uuid, $${p + 4}, $${p + 5}, $${p + 6}::jsonb, $${p + 7}::jsonb, $${p + 8}, $${p + 9}, $${p + 10}::timestamptz)`;
    });
    const inserted = await records<{ stream_id: string; position: string; xid: string; revision: string }>(
      queryRunner,
      `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, data, metadata, previous_hash, hash, recorded_at)
       VALUES ${values.join(', ')}
       RETURNING stream_id, global_position::text AS position, transaction_id::text AS xid, revision::text AS revision`,
      chunk.flat(),
    );
    for (const row of inserted) {
      const revision = Number(row.revision);
      if ((last.get(row.stream_id)?.revision ?? 0) < revision) last.set(row.stream_id, { position: row.position, xid: row.xid, revision });
    }
  }
  return last;
}

/**
 * Appends to several streams in the caller's open transaction, as its first write: all or
 * nothing once the caller commits or rolls back. Each stream is checked as `append` checks it
 * (duplicate ids, expected revision, ConcurrencyError naming the stream); the events of all
 * streams share one transaction id and one recordedAt. Each stream may appear once.
 */
export async function appendManyInTransaction(queryRunner: QueryRunner, appends: StreamAppend[]): Promise<AppendResult[]> {
  const batch = appends.map((a) => ({ ...a, events: normalize(a.streamId, a.events, a.expected) }));
  const streamIds = batch.map((a) => a.streamId);
  if (new Set(streamIds).size !== streamIds.length) throw new Error('appendMany: a stream appears twice');
  await lockStreams(queryRunner, streamIds);
  const recordedAt = await stampTransaction(queryRunner);
  const heads = await records<Head>(
    queryRunner,
    `SELECT stream_id, revision::text AS revision, last_hash FROM es_streams WHERE stream_id = ANY($1::text[]) ORDER BY stream_id FOR UPDATE`,
    [streamIds],
  );
  const headOf = new Map(heads.map((h) => [h.stream_id, h]));
  const existing = await existingEvents(
    queryRunner,
    batch.flatMap((a) => a.events.map((e) => e.eventId)),
  );
  const results: (AppendResult | undefined)[] = batch.map((a) => {
    const ids = new Set(a.events.map((e) => e.eventId));
    return duplicateOf(
      a.streamId,
      a.events,
      existing.filter((row) => ids.has(row.event_id)),
    );
  });
  const rows: unknown[][] = [];
  const moves = batch.flatMap((a, i) => {
    if (results[i]) return [];
    const head = headOf.get(a.streamId);
    const actual = head ? Number(head.revision) : 0;
    if (a.expected !== 'any' && a.expected !== actual) throw new ConcurrencyError(a.streamId, a.expected, actual);
    const chained = chainedRows(a.streamId, a.events, { revision: actual, lastHash: head?.last_hash ?? GENESIS_HASH, recordedAt });
    rows.push(...chained.rows);
    return [{ streamId: a.streamId, from: actual, to: actual + a.events.length, lastHash: chained.lastHash, exists: head !== undefined }];
  });
  if (moves.length > 0) await advanceStreams(queryRunner, moves);
  const last = rows.length > 0 ? await insertAll(queryRunner, rows) : new Map();
  return batch.map((a, i) => {
    if (results[i]) return results[i];
    const end = last.get(a.streamId)!;
    return { revision: end.revision, position: end.position, checkpoint: formatCheckpoint(end.xid, end.position), duplicate: false };
  });
}
