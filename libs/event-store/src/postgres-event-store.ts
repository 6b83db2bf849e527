import type { DataSource } from 'typeorm';
import {
  ConcurrencyError,
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
  type StreamAppend,
  type Upcaster,
} from './event-store.js';
import { normalize } from './append-input.js';
import { streamRowCache } from './stream-row-cache.js';
import { APPENDERS_KEY, appendInTransaction } from './postgres-append.js';
import { appendManyInTransaction } from './postgres-append-many.js';
import {
  COLUMNS,
  compareCheckpoints,
  duplicateOf,
  existingEvents,
  formatCheckpoint,
  parseCheckpoint,
  records,
  toEvent,
  type EventRow,
} from './postgres-rows.js';

export { appendInTransaction } from './postgres-append.js';
export { compareCheckpoints, formatCheckpoint, parseCheckpoint } from './postgres-rows.js';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/**
 * The event store on PostgreSQL (or PGlite served by pglite-socket) through a TypeORM
 * DataSource. `upcast` is applied to every event read, except `readAll(..., { raw: true })`.
 */
export class PostgresEventStore implements EventStore {
  /** JSON text of the row's data and metadata, plus its fixed columns: what the cache weighs. */
  private readonly rows = streamRowCache<EventRow>({
    weigh: (row) => JSON.stringify(row.data).length + JSON.stringify(row.metadata).length + 300,
  });

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

  /**
   * One transaction for every stream: one lock statement, one stamp, one revision read, one
   * update of the heads and one insert per thousand events. A unique violation (a racing append
   * of the same ids) is thrown as it is: nothing was stored, the caller may append stream by stream.
   */
  async appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      await queryRunner.startTransaction();
      const results = await appendManyInTransaction(queryRunner, appends);
      await queryRunner.commitTransaction();
      return results;
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  /** Lock the stream, check duplicates and the revision, then insert (several round trips). */
  private async lockingAppend(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    options: AppendOptions,
  ): Promise<AppendResult> {
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
    const duplicate = duplicateOf(
      streamId,
      normalized,
      await existingEvents(
        this.dataSource,
        normalized.map((e) => e.eventId),
      ),
    );
    if (duplicate) return duplicate;
    const constraint = (raceLost as { constraint?: string }).constraint;
    if (constraint === 'es_streams_pkey' || constraint === 'es_events_stream_revision_key') {
      const [row] = await records<{ revision: string }>(
        this.dataSource,
        `SELECT revision::text AS revision FROM es_streams WHERE stream_id = $1`,
        [streamId],
      );
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
      ? await records<EventRow>(
          this.dataSource,
          `SELECT ${COLUMNS} FROM es_events WHERE stream_id = ANY($1::text[]) ORDER BY es_events.stream_id, es_events.revision`,
          [incomplete],
        )
      : [];
    const streams = new Map<string, StoredEvent[]>();
    for (const id of ids) {
      const rows = incomplete.includes(id) ? whole.filter((row) => row.stream_id === id) : (this.rows.get(id) ?? []);
      if (rows.length)
        streams.set(
          id,
          rows.map((row) => this.upcast(toEvent(row))),
        );
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
