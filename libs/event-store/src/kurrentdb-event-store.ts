import { randomUUID } from 'node:crypto';
import {
  KurrentDBClient,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
  type ReadAllOptions as KdbReadAllOptions,
} from '@kurrent/kurrentdb-client';
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
  type Upcaster,
} from './event-store.js';
import { normalize } from './append-input.js';
import { GENESIS_HASH, canonicalJson, eventHash } from './hash.js';
import {
  collectWithDeadline,
  compareCheckpoints,
  decodeCheckpoint,
  fromRecord,
  isStreamNotFound,
  isWrongExpectedVersion,
  mapAppendError,
  toEventData,
  toStreamState,
  withDeadline,
  type KurrentDbRecord,
  type MappedRecord,
} from './kurrentdb-mapping.js';

export interface KurrentDbStoreOptions {
  /** Bound on every client call; the client itself can wait forever. Default 5,000 ms. */
  deadlineMs?: number;
  /** Prepended to every stream name in KurrentDB; readAll then sees only these streams. */
  streamPrefix?: string;
  /** Appends with expected revision 'any' retried this often when another writer moves the stream first. */
  maxAttempts?: number;
}

/**
 * A duplicate result when every event was stored before in this stream with the same content;
 * throws when only some were. KurrentDB has no index by event id, so an id stored in another
 * stream is not detected here (the PostgreSQL store's unique index does detect it).
 */
function duplicateOf(streamId: string, events: NewEvent[], stored: MappedRecord[]): AppendResult | undefined {
  const byId = new Map(stored.map((record) => [record.event.eventId, record]));
  const found = events.map((event) => byId.get(event.eventId));
  if (found.every((record) => record === undefined)) return undefined;
  events.forEach((event, i) => {
    const record = found[i]?.event;
    const same =
      record?.type === event.type &&
      record.schemaVersion === event.schemaVersion &&
      canonicalJson(record.data) === canonicalJson(event.data);
    if (!same) throw new DuplicateEventError(event.eventId, streamId);
  });
  const last = found.reduce((a, b) => (b!.event.revision > a!.event.revision ? b : a))!;
  return { revision: last.event.revision, position: last.event.position, checkpoint: last.checkpoint, duplicate: true };
}

/**
 * The event store on KurrentDB. Each append reads the stream (for its last hash and for
 * duplicate ids), then appends with the revision it read as `streamState`, so a racing writer
 * makes it fail instead of forking the hash chain.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly deadlineMs: number;
  private readonly prefix: string;
  private readonly maxAttempts: number;
  private readonly filter: Filter;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly upcast: Upcaster = (event) => event,
    options: KurrentDbStoreOptions = {},
  ) {
    this.deadlineMs = options.deadlineMs ?? 5_000;
    this.prefix = options.streamPrefix ?? '';
    this.maxAttempts = options.maxAttempts ?? 10;
    this.filter = this.prefix ? streamNameFilter({ prefixes: [this.prefix] }) : excludeSystemEvents();
  }

  /**
   * `options.condition` is checked right before the append, not atomically with it: KurrentDB
   * has no multi-stream transaction, so a change of the other stream in the milliseconds
   * between the check and the append is not seen (ADR 0001, a known gap of this store).
   * `recordedAt` is kept as the caller gives it (the application clock; ADR 0009).
   */
  async append(streamId: string, newEvents: NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    const events = normalize(streamId, newEvents, expected);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.readRecords(streamId);
      const duplicate = duplicateOf(streamId, events, stored);
      if (duplicate) return duplicate;
      const actual = stored.length;
      if (expected !== 'any' && expected !== actual) throw new ConcurrencyError(streamId, expected, actual);
      if (options.condition) {
        const other = (await this.readRecords(options.condition.streamId)).length;
        if (other !== options.condition.revision) throw new ConcurrencyError(options.condition.streamId, options.condition.revision, other);
      }

      const appendId = randomUUID();
      let previousHash = stored.at(-1)?.event.hash ?? GENESIS_HASH;
      const data = events.map((event, i) => {
        const hash = eventHash(previousHash, { ...event, streamId, revision: actual + i + 1 });
        const eventData = toEventData(event, { previousHash, hash, appendId });
        previousHash = hash;
        return eventData;
      });
      try {
        await withDeadline(`append to ${streamId}`, this.deadlineMs, () =>
          this.client.appendToStream(this.prefix + streamId, data, { streamState: toStreamState(actual), deadline: this.deadlineMs }),
        );
      } catch (error) {
        // Another writer moved the stream: the next pass finds our ids (a racing retry), a
        // revision other than `expected`, or, for 'any', a new head to chain onto.
        if (isWrongExpectedVersion(error) && attempt < this.maxAttempts) continue;
        throw mapAppendError(error, streamId, expected);
      }
      const written = await this.readRecords(streamId, actual, events.length);
      const last = written.at(-1);
      if (written.length !== events.length || last?.event.eventId !== events.at(-1)!.eventId) {
        throw new Error(`append to ${streamId}: KurrentDB reported success but the events are not at revisions ${actual + 1}..`);
      }
      // KurrentDB acknowledges a repeat of already stored ids as a success: only our appendId tells.
      return {
        revision: last.event.revision,
        position: last.event.position,
        checkpoint: last.checkpoint,
        duplicate: written[0].appendId !== appendId,
      };
    }
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    return (await this.readRecords(streamId)).map((record) => this.upcast(record.event));
  }

  async readStreams(streamIds: string[]): Promise<Map<string, StoredEvent[]>> {
    const streams = new Map<string, StoredEvent[]>();
    const read = await Promise.all([...new Set(streamIds)].map(async (id) => [id, await this.readStream(id)] as const));
    for (const [id, events] of read) if (events.length > 0) streams.set(id, events);
    return streams;
  }

  async readAll(from: Checkpoint, limit: number, options: ReadAllOptions = {}): Promise<GlobalBatch> {
    const fromPosition = decodeCheckpoint(from) ?? 'start';
    // One extra: whether the read includes the event at `fromPosition` is left to the server.
    const records = await this.readAllRecords({ fromPosition, maxCount: limit + 1, direction: 'forwards' });
    const next = records.filter((record) => compareCheckpoints(record.checkpoint, from) > 0).slice(0, limit);
    return {
      events: next.map((record) => (options.raw ? record.event : this.upcast(record.event))),
      checkpoint: next.at(-1)?.checkpoint ?? from,
    };
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return compareCheckpoints(a, b);
  }

  async headCheckpoint(): Promise<Checkpoint> {
    const [last] = await this.readAllRecords({ fromPosition: 'end', maxCount: 1, direction: 'backwards' });
    return last?.checkpoint ?? START;
  }

  async close(): Promise<void> {
    await withDeadline('dispose', this.deadlineMs, () => this.client.dispose());
  }

  /** The stream's events (all, or `count` from 0-based `from`); [] when it does not exist. */
  private async readRecords(streamId: string, from?: number, count?: number): Promise<MappedRecord[]> {
    const name = this.prefix + streamId;
    try {
      const resolved = await collectWithDeadline(
        `read of stream ${streamId}`,
        this.deadlineMs,
        this.client.readStream(name, {
          fromRevision: from === undefined ? 'start' : BigInt(from),
          maxCount: count ?? Number.MAX_SAFE_INTEGER,
          deadline: this.deadlineMs,
        }),
      );
      return resolved.flatMap(({ event }) => (event ? [fromRecord(event as KurrentDbRecord, this.prefix)] : []));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
  }

  private async readAllRecords(options: KdbReadAllOptions): Promise<MappedRecord[]> {
    const resolved = await collectWithDeadline(
      'read of $all',
      this.deadlineMs,
      this.client.readAll({ ...options, filter: this.filter, resolveLinkTos: false, deadline: this.deadlineMs }),
    );
    return resolved.flatMap(({ event }) =>
      event && !event.streamId.startsWith('$') && !event.type.startsWith('$') ? [fromRecord(event as KurrentDbRecord, this.prefix)] : [],
    );
  }
}

/**
 * Connects and probes the server once (bounded by the deadline), so a wrong KURRENTDB_URL
 * fails at start-up rather than at the first request.
 */
export async function openKurrentDbEventStore(url: string, upcast: Upcaster, options: KurrentDbStoreOptions = {}): Promise<EventStore> {
  const store = new KurrentDbEventStore(KurrentDBClient.connectionString(url), upcast, options);
  try {
    await store.headCheckpoint();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new Error(`KurrentDB at ${redact(url)} is not usable: ${(error as Error).message}`, { cause: error });
  }
  return store;
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
