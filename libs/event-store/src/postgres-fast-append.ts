import type { DataSource } from 'typeorm';
import type { AppendResult, NewEvent } from './event-store.js';
import { GENESIS_HASH, eventHash } from './hash.js';

export interface StreamHeadCache {
  get(streamId: string): { revision: number; hash: string } | undefined;
  set(streamId: string, revision: number, hash: string): void;
  delete(streamId: string): void;
}

/** Remembers the head (revision, last hash) of recently used streams; bounded, oldest dropped first. */
export function streamHeadCache(limit = 10_000): StreamHeadCache {
  const heads = new Map<string, { revision: number; hash: string }>();
  return {
    get: (id) => heads.get(id),
    set(id, revision, hash) {
      heads.delete(id);
      heads.set(id, { revision, hash });
      if (heads.size > limit) heads.delete(heads.keys().next().value!);
    },
    delete: (id) => void heads.delete(id),
  };
}

/** The rows of recently read streams, in revision order; bounded by stream count, oldest dropped first. */
export function streamRowCache<Row>(limit = 5_000) {
  const streams = new Map<string, Row[]>();
  return {
    get: (id: string) => streams.get(id),
    /** Concurrent readers may bring the same row twice: a row is kept only at the next revision. */
    append(id: string, row: Row, revision: number) {
      const rows = streams.get(id) ?? [];
      if (revision <= rows.length) return;
      if (revision !== rows.length + 1) return void streams.delete(id);
      rows.push(row);
      streams.delete(id);
      streams.set(id, rows);
      if (streams.size > limit) streams.delete(streams.keys().next().value!);
    },
  };
}

/**
 * One statement, one round trip: move the stream head from the (revision, hash) the caller
 * believes in, and insert the events only if that succeeded. Hashes are computed from the
 * cached head, and the database re-checks it, so a stale cache costs a fallback, never a
 * broken chain. Returns undefined when the head moved (or is unknown): the caller then takes
 * the locking path, which reports conflicts and duplicates precisely. No row is inserted, so
 * no position is burned, unless the head matched.
 *
 * Only for an explicit expected revision: the row lock of the conditional UPDATE serialises
 * appenders of a stream, and the one that waited re-checks the revision and inserts nothing,
 * so revisions can never commit out of transaction order.
 */
export async function fastAppend(
  db: DataSource,
  streamId: string,
  events: NewEvent[],
  expected: number,
  previous: string | undefined,
): Promise<(AppendResult & { lastHash: string }) | undefined> {
  if (expected > 0 && previous === undefined) return undefined;
  let previousHash = expected === 0 ? GENESIS_HASH : previous!;
  const rows = events.map((event, index) => {
    const revision = expected + index + 1;
    const hash = eventHash(previousHash, { ...event, streamId, revision });
    const row = { revision, event_id: event.eventId, type: event.type, schema_version: event.schemaVersion, data: event.data, metadata: event.metadata, previous_hash: previousHash, hash };
    previousHash = hash;
    return row;
  });
  const revision = expected + events.length;
  const head =
    expected === 0
      ? `INSERT INTO es_streams (stream_id, revision, last_hash) SELECT $1::text, $2::bigint, $3::text
         WHERE $4::bigint = 0 AND $5::text IS NOT NULL ON CONFLICT (stream_id) DO NOTHING RETURNING 1`
      : `UPDATE es_streams SET revision = $2::bigint, last_hash = $3::text WHERE stream_id = $1::text AND revision = $4::bigint AND last_hash = $5::text RETURNING 1`;
  const inserted: { position: string; xid: string }[] = await db.query(
    `WITH head AS (${head}),
     ins AS (
       INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, data, metadata, previous_hash, hash)
       SELECT $1::text, r.revision, r.event_id, r.type, r.schema_version, r.data, r.metadata, r.previous_hash, r.hash
       FROM jsonb_to_recordset($6::jsonb) AS r(revision bigint, event_id uuid, type text, schema_version int, data jsonb, metadata jsonb, previous_hash text, hash text)
       WHERE EXISTS (SELECT 1 FROM head)
       ORDER BY r.revision
       RETURNING global_position, transaction_id, revision
     )
     SELECT global_position::text AS position, transaction_id::text AS xid FROM ins ORDER BY revision DESC LIMIT 1`,
    [streamId, revision, previousHash, expected, previous ?? GENESIS_HASH, JSON.stringify(rows)],
  );
  const last = inserted[0];
  if (!last) return undefined;
  return { revision, position: last.position, checkpoint: `${last.xid}:${last.position}`, duplicate: false, lastHash: previousHash };
}
