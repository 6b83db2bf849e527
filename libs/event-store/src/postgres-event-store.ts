import type { DataSource, QueryRunner } from 'typeorm';
import {
  ConcurrencyError,
  DuplicateEventError,
  START,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type ExpectedRevision,
  type GlobalBatch,
  type NewEvent,
  type ReadAllOptions,
  type StoredEvent,
  type StreamHead,
  type Upcaster,
} from './event-store.js';
import { normalize } from './append-input.js';
import { fastAppend, streamHeadCache, streamRowCache } from './postgres-fast-append.js';
import { GENESIS_HASH, canonicalJson, eventHash } from './hash.js';

type Sql = DataSource | QueryRunner;

const COLUMNS = `global_position::text AS position, transaction_id::text AS xid, stream_id, revision::text AS revision,
  event_id::text AS event_id, type, schema_version, data, metadata, previous_hash, hash`;

interface EventRow {
  position: string;
  xid: string;
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  previous_hash: string;
  hash: string;
}

/** Rows per INSERT statement, well under PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 1000;

export function formatCheckpoint(xid: string, position: string): Checkpoint {
  return `${xid}:${position}`;
}

export function parseCheckpoint(checkpoint: Checkpoint): [xid: bigint, position: bigint] {
  if (checkpoint === START) return [0n, 0n];
  const match = /^(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`not a PostgreSQL event store checkpoint: ${JSON.stringify(checkpoint)}`);
  return [BigInt(match[1]), BigInt(match[2])];
}

export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const [ax, ap] = parseCheckpoint(a);
  const [bx, bp] = parseCheckpoint(b);
  if (ax !== bx) return ax < bx ? -1 : 1;
  return ap === bp ? 0 : ap < bp ? -1 : 1;
}

function toEvent(row: EventRow): StoredEvent {
  return {
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** Result rows of a query on a DataSource (a pooled connection) or on a QueryRunner. */
async function records<T>(sql: Sql, query: string, parameters: unknown[]): Promise<T[]> {
  if ('createQueryRunner' in sql) return (await sql.query(query, parameters)) as T[];
  return (await sql.query(query, parameters, true)).records as T[];
}

/** Stored rows of these event ids; the result decides duplicate, conflict or new. */
async function existingEvents(sql: Sql, ids: string[]): Promise<EventRow[]> {
  return records<EventRow>(sql, `SELECT ${COLUMNS} FROM es_events WHERE event_id = ANY($1::uuid[])`, [ids]);
}

/** A duplicate result when `events` were all stored before in this stream; throws when only partly. */
function duplicateOf(streamId: string, events: NewEvent[], existing: EventRow[]): AppendResult | undefined {
  if (existing.length === 0) return undefined;
  const byId = new Map(existing.map((row) => [row.event_id, row]));
  for (const event of events) {
    const row = byId.get(event.eventId);
    const same =
      row?.stream_id === streamId &&
      row.type === event.type &&
      row.schema_version === event.schemaVersion &&
      canonicalJson(row.data) === canonicalJson(event.data);
    if (!same) throw new DuplicateEventError((row ?? existing[0]).event_id, streamId);
  }
  const last = existing.reduce((a, b) => (Number(b.revision) > Number(a.revision) ? b : a));
  return {
    revision: Number(last.revision),
    position: last.position,
    checkpoint: formatCheckpoint(last.xid, last.position),
    duplicate: true,
  };
}


/**
 * Appends inside the caller's open transaction on `queryRunner` (which must be its only
 * connection while the transaction is open). On a duplicate it writes nothing. Call it
 * before the transaction's other writes: a transaction whose id was assigned before the
 * stream's previous append committed is refused with ConcurrencyError (retry in a new one),
 * so that global order never contradicts revision order inside a stream.
 * A unique violation (a racing append of the same ids) aborts the transaction; `append`
 * handles it, callers of this function must roll back and may retry.
 */
export async function appendInTransaction(
  queryRunner: QueryRunner,
  streamId: string,
  newEvents: NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const events = normalize(streamId, newEvents, expected);
  // Serialises appends to the stream before the transaction takes an id (advisory locks need
  // none): an appender's xid is then newer than the xid of the append it waited for.
  await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [streamId]);
  const [stream] = await records<{ revision: string; last_hash: string }>(
    queryRunner,
    `SELECT revision::text AS revision, last_hash FROM es_streams WHERE stream_id = $1 FOR UPDATE`,
    [streamId],
  );
  // Checked once the stream is locked, so a racing append of the same ids is visible here.
  const duplicate = duplicateOf(streamId, events, await existingEvents(queryRunner, events.map((e) => e.eventId)));
  if (duplicate) return duplicate;

  const actual = stream ? Number(stream.revision) : 0;
  if (expected !== 'any' && expected !== actual) throw new ConcurrencyError(streamId, expected, actual);
  if (stream && actual > 0) await refuseOlderTransaction(queryRunner, streamId, expected, actual);

  let previousHash = stream?.last_hash ?? GENESIS_HASH;
  const rows = events.map((event, index) => {
    const revision = actual + index + 1;
    const hash = eventHash(previousHash, { ...event, streamId, revision });
    const row = [streamId, revision, event.eventId, event.type, event.schemaVersion,
      JSON.stringify(event.data), JSON.stringify(event.metadata), previousHash, hash];
    previousHash = hash;
    return row;
  });
  const revision = actual + events.length;

  if (stream) {
    const updated = await queryRunner.query(
      `UPDATE es_streams SET revision = $2, last_hash = $3 WHERE stream_id = $1 AND revision = $4`,
      [streamId, revision, previousHash, actual],
      true,
    );
    if (updated.affected !== 1) throw new ConcurrencyError(streamId, expected, actual);
  } else {
    await queryRunner.query(`INSERT INTO es_streams (stream_id, revision, last_hash) VALUES ($1, $2, $3)`, [
      streamId, revision, previousHash,
    ]);
  }

  let last: { position: string; xid: string } | undefined;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    const values = chunk.map((_, i) => {
      const p = i * 9;
      return `($${p + 1}, $${p + 2}, $${p + 3}::uuid, $${p + 4}, $${p + 5}, $${p + 6}::jsonb, $${p + 7}::jsonb, $${p + 8}, $${p + 9})`;
    });
    const inserted = await records<{ position: string; xid: string; revision: string }>(
      queryRunner,
      `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, data, metadata, previous_hash, hash)
       VALUES ${values.join(', ')}
       RETURNING global_position::text AS position, transaction_id::text AS xid, revision::text AS revision`,
      chunk.flat(),
    );
    last = inserted.reduce((a, b) => (Number(b.revision) > Number(a.revision) ? b : a));
  }
  return { revision, position: last!.position, checkpoint: formatCheckpoint(last!.xid, last!.position), duplicate: false };
}

/** See appendInTransaction: keeps (transaction_id, global_position) order equal to revision order. */
async function refuseOlderTransaction(sql: Sql, streamId: string, expected: ExpectedRevision, actual: number) {
  const [row] = await records<{ older: boolean }>(
    sql,
    `SELECT pg_current_xact_id() < transaction_id AS older FROM es_events WHERE stream_id = $1 AND revision = $2`,
    [streamId, actual],
  );
  if (row?.older) {
    const error = new ConcurrencyError(streamId, expected, actual);
    error.message = `stream ${streamId} was appended by a newer transaction; retry in a new transaction`;
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/**
 * The event store on PostgreSQL (or PGlite served by pglite-socket) through a TypeORM
 * DataSource. `upcast` is applied to every event read, except `readAll(..., { raw: true })`.
 */
export class PostgresEventStore implements EventStore {
  private readonly heads = streamHeadCache();
  private readonly rows = streamRowCache<EventRow>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly upcast: Upcaster = (event) => event,
  ) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (expected !== 'any') {
      const normalized = normalize(streamId, events, expected);
      const cached = this.heads.get(streamId);
      const previous = cached?.revision === expected ? cached.hash : undefined;
      const fast = await fastAppend(this.dataSource, streamId, normalized, expected, previous).catch((error) => {
        if (isUniqueViolation(error)) return undefined; // an id already stored: the locking path tells duplicate from conflict
        throw error;
      });
      if (fast) {
        const { lastHash, ...result } = fast;
        this.heads.set(streamId, result.revision, lastHash);
        return result;
      }
      this.heads.delete(streamId);
    }
    return this.lockingAppend(streamId, events, expected);
  }

  /** The general path: lock the stream, check duplicates and the revision, then insert (several round trips). */
  private async lockingAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const queryRunner = this.dataSource.createQueryRunner();
    let raceLost: unknown;
    try {
      await queryRunner.startTransaction();
      const result = await appendInTransaction(queryRunner, streamId, events, expected);
      if (result.duplicate) await queryRunner.rollbackTransaction();
      else await queryRunner.commitTransaction();
      return result;
    } catch (error) {
      // A failed rollback (connection gone) must not hide the error that caused it.
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      if (!isUniqueViolation(error)) throw error;
      raceLost = error;
    } finally {
      await queryRunner.release();
    }
    // A concurrent append stored some of these ids first: now committed, so visible here.
    const normalized = normalize(streamId, events, expected);
    const duplicate = duplicateOf(streamId, normalized, await existingEvents(this.dataSource, normalized.map((e) => e.eventId)));
    if (duplicate) return duplicate;
    const constraint = (raceLost as { constraint?: string }).constraint;
    if (constraint === 'es_streams_pkey' || constraint === 'es_events_stream_revision_key') {
      const [row] = await records<{ revision: string }>(this.dataSource, `SELECT revision::text AS revision FROM es_streams WHERE stream_id = $1`, [streamId]);
      throw new ConcurrencyError(streamId, expected, Number(row?.revision ?? 0));
    }
    throw raceLost;
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    return (await this.readStreams([streamId])).get(streamId) ?? [];
  }


  /**
   * Events are immutable and streams only grow, so the rows of a stream read before stay valid:
   * only rows after the cached revision are fetched (usually none). One query either way.
   */
  async readStreams(streamIds: string[]): Promise<Map<string, StoredEvent[]>> {
    const ids = [...new Set(streamIds)];
    const after = ids.map((id) => this.rows.get(id)?.length ?? 0);
    const fresh = await records<EventRow>(
      this.dataSource,
      // LATERAL keeps the planner on the (stream_id, revision) index, one probe per stream.
      `SELECT e.* FROM unnest($1::text[], $2::bigint[]) AS known(sid, after)
       CROSS JOIN LATERAL (SELECT ${COLUMNS} FROM es_events
                           WHERE es_events.stream_id = known.sid AND es_events.revision > known.after) AS e
       ORDER BY e.stream_id, e.revision::bigint`,
      [ids, after],
    );
    for (const row of fresh) this.rows.append(row.stream_id, row, Number(row.revision));
    const seen = new Map<string, number>();
    for (const row of fresh) seen.set(row.stream_id, Number(row.revision));
    // A stream evicted from the cache while this read ran: read it whole, once more.
    const incomplete = ids.filter((id, i) => (this.rows.get(id)?.length ?? 0) < Math.max(after[i], seen.get(id) ?? 0));
    const whole = incomplete.length
      ? await records<EventRow>(this.dataSource, `SELECT ${COLUMNS} FROM es_events WHERE stream_id = ANY($1::text[]) ORDER BY es_events.stream_id, es_events.revision`, [incomplete])
      : [];
    const streams = new Map<string, StoredEvent[]>();
    for (const id of ids) {
      const rows = incomplete.includes(id) ? whole.filter((row) => row.stream_id === id) : (this.rows.get(id) ?? []);
      if (rows.length) streams.set(id, rows.map((row) => this.upcast(toEvent(row))));
    }
    // What was just read is the best guess of each stream's head for the next append.
    for (const [id, list] of streams) this.heads.set(id, list.at(-1)!.revision, list.at(-1)!.hash);
    return streams;
  }

  async readAll(from: Checkpoint, limit: number, options: ReadAllOptions = {}): Promise<GlobalBatch> {
    const [xid, position] = parseCheckpoint(from);
    // Only transactions older than every running one: none of them can still commit below us.
    const rows = await records<EventRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM es_events
       WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         AND (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
       ORDER BY transaction_id, global_position
       LIMIT $3`,
      [xid.toString(), position.toString(), limit],
    );
    const events = rows.map((row) => (options.raw ? toEvent(row) : this.upcast(toEvent(row))));
    const last = rows.at(-1);
    return { events, checkpoint: last ? formatCheckpoint(last.xid, last.position) : from };
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return compareCheckpoints(a, b);
  }

  async headCheckpoint(): Promise<Checkpoint> {
    const [row] = await records<{ xid: string; position: string }>(
      this.dataSource,
      `SELECT transaction_id::text AS xid, global_position::text AS position FROM es_events
       ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      [],
    );
    return row ? formatCheckpoint(row.xid, row.position) : START;
  }

  async streamHeads(): Promise<StreamHead[]> {
    const rows = await records<{ stream_id: string; revision: string; last_hash: string }>(
      this.dataSource,
      `SELECT stream_id, revision::text AS revision, last_hash FROM es_streams`,
      [],
    );
    return rows.map((row) => ({ streamId: row.stream_id, revision: Number(row.revision), lastHash: row.last_hash }));
  }

  async close(): Promise<void> {}
}
