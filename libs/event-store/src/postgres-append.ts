import type { QueryRunner } from 'typeorm';
import { ConcurrencyError, type AppendOptions, type AppendResult, type ExpectedRevision, type NewEvent } from './event-store.js';
import { normalize } from './append-input.js';
import { GENESIS_HASH, eventHash } from './hash.js';
import { INSERT_CHUNK, duplicateOf, existingEvents, formatCheckpoint, records } from './postgres-rows.js';

/**
 * Advisory-lock keys. Every appender holds APPENDERS shared until it commits; a catch-up reader
 * takes it exclusively, so it waits for the appends in flight and for nothing else (ADR 0002).
 * CLOCK is held for an instant around "take a transaction id, read the clock" (ADR 0009).
 */
export const APPENDERS_KEY = `hashtextextended('registry:es:appenders', 0)`;
const CLOCK_KEY = `hashtextextended('registry:es:clock', 0)`;

/** Locks an append needs, taken before the transaction has an id; fails if it has written before. */
async function lockForAppend(queryRunner: QueryRunner, streamId: string, condition: AppendOptions['condition']) {
  // Nested subqueries fix the order: APPENDERS first (a reader may be queued on it), then the streams.
  const [row] = await records<{ written_before: boolean }>(
    queryRunner,
    `SELECT pg_advisory_xact_lock(hashtextextended($1, 0)),
            CASE WHEN $2::text IS NULL THEN NULL ELSE pg_advisory_xact_lock_shared(hashtextextended($2, 0)) END,
            g.written_before
     FROM (SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS written_before, pg_advisory_xact_lock_shared(${APPENDERS_KEY}) OFFSET 0) AS g`,
    [streamId, condition?.streamId ?? null],
  );
  if (row.written_before)
    throw new Error(
      `append to ${streamId}: the transaction wrote before appending; append first (a catch-up reader may already be past its id)`,
    );
}

/**
 * Gives the transaction its id and reads the database clock under CLOCK, so ids and instants
 * are handed out in the same order; never earlier than the last committed event in global order.
 */
export async function stampTransaction(queryRunner: QueryRunner): Promise<string> {
  try {
    const [row] = await records<{ at: string }>(
      queryRunner,
      `SELECT pg_advisory_unlock(${CLOCK_KEY}) AS unlocked, stamped.xid::text AS xid, stamped.at FROM (
         SELECT pg_current_xact_id() AS xid,
                to_char(greatest(date_trunc('milliseconds', clock_timestamp()),
                                 (SELECT recorded_at FROM es_events ORDER BY transaction_id DESC, global_position DESC LIMIT 1))
                        AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM (SELECT pg_advisory_lock(${CLOCK_KEY}) OFFSET 0) AS locked OFFSET 0) AS stamped`,
      [],
    );
    return row.at;
  } catch (error) {
    // A statement that failed after taking the session lock must not keep it (the connection is pooled).
    await queryRunner.query(`SELECT pg_advisory_unlock_all()`).catch(() => undefined);
    throw error;
  }
}

async function checkCondition(queryRunner: QueryRunner, condition: NonNullable<AppendOptions['condition']>) {
  const [row] = await records<{ revision: string }>(queryRunner, `SELECT revision::text AS revision FROM es_streams WHERE stream_id = $1`, [
    condition.streamId,
  ]);
  const actual = Number(row?.revision ?? 0);
  if (actual !== condition.revision) throw new ConcurrencyError(condition.streamId, condition.revision, actual);
}

/**
 * Appends inside the caller's open transaction on `queryRunner` (which must be its only
 * connection while the transaction is open), as its first write: a transaction that wrote
 * before is refused. On a duplicate it writes nothing.
 * A unique violation (a racing append of the same ids) aborts the transaction; `append`
 * handles it, callers of this function must roll back and may retry.
 */
export async function appendInTransaction(
  queryRunner: QueryRunner,
  streamId: string,
  newEvents: NewEvent[],
  expected: ExpectedRevision,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const events = normalize(streamId, newEvents, expected);
  // The stream lock serialises appends to the stream before the transaction takes an id, so an
  // appender's id is newer than that of the append it waited for (global order = revision order).
  await lockForAppend(queryRunner, streamId, options.condition);
  const recordedAt = await stampTransaction(queryRunner);
  const stream = await lockStreamRow(queryRunner, streamId);
  // Checked once the stream is locked, so a racing append of the same ids is visible here.
  const duplicate = duplicateOf(
    streamId,
    events,
    await existingEvents(
      queryRunner,
      events.map((e) => e.eventId),
    ),
  );
  if (duplicate) return duplicate;

  const actual = stream ? Number(stream.revision) : 0;
  if (expected !== 'any' && expected !== actual) throw new ConcurrencyError(streamId, expected, actual);
  if (options.condition) await checkCondition(queryRunner, options.condition);

  const { rows, lastHash } = chainedRows(streamId, events, {
    revision: actual,
    lastHash: stream?.last_hash ?? GENESIS_HASH,
    recordedAt: options.keepRecordedAt ? undefined : recordedAt,
  });
  const revision = actual + events.length;
  await advanceStream(queryRunner, streamId, { exists: stream !== undefined, from: actual, to: revision, lastHash, expected });
  const last = await insertEvents(queryRunner, rows);
  return { revision, position: last.position, checkpoint: formatCheckpoint(last.xid, last.position), duplicate: false };
}

/** The stream's row, locked until commit; undefined for a new stream. */
async function lockStreamRow(queryRunner: QueryRunner, streamId: string): Promise<{ revision: string; last_hash: string } | undefined> {
  const [stream] = await records<{ revision: string; last_hash: string }>(
    queryRunner,
    `SELECT revision::text AS revision, last_hash FROM es_streams WHERE stream_id = $1 FOR UPDATE`,
    [streamId],
  );
  return stream;
}

/**
 * The rows to insert, each hashed on the one before it, from the stream's head on. `recordedAt`
 * stamps every event's metadata; undefined keeps the recordedAt each event brings (a copied log).
 */
export function chainedRows(streamId: string, events: NewEvent[], head: { revision: number; lastHash: string; recordedAt?: string }) {
  let previousHash = head.lastHash;
  const rows = events.map((event, index) => {
    const revision = head.revision + index + 1;
    const metadata = head.recordedAt === undefined ? event.metadata : { ...event.metadata, recordedAt: head.recordedAt };
    const hash = eventHash(previousHash, { ...event, metadata, streamId, revision });
    const row = [
      streamId,
      revision,
      event.eventId,
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data),
      JSON.stringify(metadata),
      previousHash,
      hash,
      metadata.recordedAt,
    ];
    previousHash = hash;
    return row;
  });
  return { rows, lastHash: previousHash };
}

/** Moves the stream's head from revision `from` to `to` (creating the stream when it has none yet). */
async function advanceStream(
  queryRunner: QueryRunner,
  streamId: string,
  head: { exists: boolean; from: number; to: number; lastHash: string; expected: ExpectedRevision },
): Promise<void> {
  if (head.exists) {
    const updated = await queryRunner.query(
      `UPDATE es_streams SET revision = $2, last_hash = $3 WHERE stream_id = $1 AND revision = $4`,
      [streamId, head.to, head.lastHash, head.from],
      true,
    );
    if (updated.affected !== 1) throw new ConcurrencyError(streamId, head.expected, head.from);
  } else {
    await queryRunner.query(`INSERT INTO es_streams (stream_id, revision, last_hash) VALUES ($1, $2, $3)`, [
      streamId,
      head.to,
      head.lastHash,
    ]);
  }
}

/** Inserts the rows in chunks; the position and transaction id of the last event (highest revision). */
async function insertEvents(queryRunner: QueryRunner, rows: unknown[][]): Promise<{ position: string; xid: string }> {
  let last: { position: string; xid: string } | undefined;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    const values = chunk.map((_, i) => {
      const p = i * 10;
      return `($${p + 1}, $${p + 2}, $${p + 3}::uuid, $${p + 4}, $${p + 5}, $${p + 6}::jsonb, $${p + 7}::jsonb, $${p + 8}, $${p + 9}, $${p + 10}::timestamptz)`;
    });
    const inserted = await records<{ position: string; xid: string; revision: string }>(
      queryRunner,
      `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, data, metadata, previous_hash, hash, recorded_at)
       VALUES ${values.join(', ')}
       RETURNING global_position::text AS position, transaction_id::text AS xid, revision::text AS revision`,
      chunk.flat(),
    );
    last = inserted.reduce((a, b) => (Number(b.revision) > Number(a.revision) ? b : a));
  }
  return last!;
}
