import type { DataSource, QueryRunner } from 'typeorm';
import {
  ConcurrencyError,
  DuplicateEventError,
  START,
  type AppendOptions,
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
import { streamRowCache } from './stream-row-cache.js';
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
 * Advisory-lock keys. Every appender holds APPENDERS shared until it commits; a catch-up reader
 * takes it exclusively, so it waits for the appends in flight and for nothing else (ADR 0002).
 * CLOCK is held for an instant around "take a transaction id, read the clock" (ADR 0009).
 */
const APPENDERS_KEY = `hashtextextended('registry:es:appenders', 0)`;
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
    throw new Error(`append to ${streamId}: the transaction wrote before appending; append first (a catch-up reader may already be past its id)`);
}

/**
 * Gives the transaction its id and reads the database clock under CLOCK, so ids and instants
 * are handed out in the same order; never earlier than the last committed event in global order.
 */
async function stampTransaction(queryRunner: QueryRunner): Promise<string> {
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
  const [row] = await records<{ revision: string }>(queryRunner, `SELECT revision::text AS revision FROM es_streams WHERE stream_id = $1`, [condition.streamId]);
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
  if (options.condition) await checkCondition(queryRunner, options.condition);

  let previousHash = stream?.last_hash ?? GENESIS_HASH;
  const rows = events.map((event, index) => {
    const revision = actual + index + 1;
    const metadata = options.keepRecordedAt ? event.metadata : { ...event.metadata, recordedAt };
    const hash = eventHash(previousHash, { ...event, metadata, streamId, revision });
    const row = [streamId, revision, event.eventId, event.type, event.schemaVersion,
      JSON.stringify(event.data), JSON.stringify(metadata), previousHash, hash, metadata.recordedAt];
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
  return { revision, position: last!.position, checkpoint: formatCheckpoint(last!.xid, last!.position), duplicate: false };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/**
 * The event store on PostgreSQL (or PGlite served by pglite-socket) through a TypeORM
 * DataSource. `upcast` is applied to every event read, except `readAll(..., { raw: true })`.
 */
export class PostgresEventStore implements EventStore {
  private readonly rows = streamRowCache<EventRow>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly upcast: Upcaster = (event) => event,
  ) {}

  /**
   * One transaction per append: locks, stamp, revision (and condition) check, insert. (A
   * one-statement fast path existed before issue 10; it could not take the transaction id and
   * the clock in order, nor hold the appenders' lock the catch-up reader waits on.)
   */
  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    return this.lockingAppend(streamId, events, expected, options);
  }

  /** Lock the stream, check duplicates and the revision, then insert (several round trips). */
  private async lockingAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision, options: AppendOptions): Promise<AppendResult> {
    const queryRunner = this.dataSource.createQueryRunner();
    let raceLost: unknown;
    try {
      await queryRunner.startTransaction();
      const result = await appendInTransaction(queryRunner, streamId, events, expected, options);
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
    return streams;
  }

  /**
   * Waits for the appends in flight (APPENDERS exclusively, in a transaction of its own), then
   * reads: every transaction that could still commit an event below what is returned has ended,
   * and an appender that starts later takes a newer transaction id. Transactions that do not
   * append (in this database or any other of the cluster) are not waited for (ADR 0002).
   */
  async readAll(from: Checkpoint, limit: number, options: ReadAllOptions = {}): Promise<GlobalBatch> {
    const [xid, position] = parseCheckpoint(from);
    const queryRunner = this.dataSource.createQueryRunner();
    let rows: EventRow[];
    try {
      await queryRunner.connect();
      await queryRunner.query(`BEGIN; SELECT pg_advisory_xact_lock(${APPENDERS_KEY})`);
      rows = await records<EventRow>(
        queryRunner,
        `SELECT ${COLUMNS} FROM es_events
         WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
         ORDER BY transaction_id, global_position
         LIMIT $3`,
        [xid.toString(), position.toString(), limit],
      );
      await queryRunner.query('COMMIT');
    } catch (error) {
      // The connection may be gone; its error is the one to report.
      await queryRunner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await queryRunner.release();
    }
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
