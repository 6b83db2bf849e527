/**
 * The one interface every event store implements (PostgreSQL/PGlite, KurrentDB).
 * Both pass the shared contract suite in `libs/event-store/test/contract.ts`.
 */

/** Stream revisions start at 1; `0` means "the stream must not exist yet". */
export type ExpectedRevision = number | 'any';

export const NO_STREAM = 0;

export interface EventMetadata {
  actor: string;
  /**
   * ISO instant the event was recorded; the basis of "as known at" queries. The PostgreSQL
   * store replaces what the caller gives with the database clock, never earlier than the
   * previous event's in global order (ADR 0009), unless the append says `keepRecordedAt`.
   */
  recordedAt: string;
  correlationId: string;
  causationId?: string;
  /** Digest of (actor, Idempotency-Key) of the request that wrote it: its retry finds it by this. */
  idempotencyKey?: string;
  /** Digest of that request (method, path, actor, body): the key used again for another request is refused. */
  requestDigest?: string;
}

/** What a caller hands to `append`. */
export interface NewEvent {
  /** UUID; appending the same id twice is a no-op (idempotent retry). */
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/** What the store hands back: after upcasting to the newest schema version. */
export interface StoredEvent extends NewEvent {
  streamId: string;
  /** 1-based position inside the stream. */
  revision: number;
  /** Position in the global order (monotonic, may have gaps). */
  position: string;
  /** SHA-256 of this event chained to the previous event of the same stream. */
  hash: string;
  previousHash: string;
}

/** Opaque resume point of a global read; compare only through the store. */
export type Checkpoint = string;

export const START: Checkpoint = '';

export interface AppendResult {
  /** Revision of the stream after the append. */
  revision: number;
  /** Global position of the last appended event. */
  position: string;
  /** Checkpoint of the last appended event; a reader at or past it has seen the append. */
  checkpoint: Checkpoint;
  /** True when every event id was already stored (an idempotent retry): nothing was written. */
  duplicate: boolean;
}

/** Rewrites a stored event to the newest schema version of its type (see `Upcasters`). */
export type Upcaster = (event: StoredEvent) => StoredEvent;

export interface AppendOptions {
  /**
   * Also require another stream to be at this revision when the events are stored, checked in
   * the same atomic step as the append (ConcurrencyError naming that stream otherwise).
   */
  condition?: { streamId: string; revision: number };
  /** Store `metadata.recordedAt` as given (copying a log between stores); default: stamp it. */
  keepRecordedAt?: boolean;
}

/** One stream's part of `appendMany`. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
}

export interface ReadAllOptions {
  /** Skip upcasting: events exactly as stored, as hashed (for `verifyLog`). */
  raw?: boolean;
}

/** What the store records as the end of a stream, independently of the events themselves. */
export interface StreamHead {
  streamId: string;
  revision: number;
  lastHash: string;
}

export interface GlobalBatch {
  events: StoredEvent[];
  /** Where the next read resumes; equals the input checkpoint when nothing new is visible. */
  checkpoint: Checkpoint;
}

export interface EventStore {
  /**
   * Appends atomically (`events` must not be empty); throws ConcurrencyError when the stream
   * is not at `expected`. When every event id is already stored in this stream with the same
   * type, version and data, writes nothing and returns `duplicate: true` with the revision,
   * position and checkpoint of the last of them; an id stored elsewhere, or only some ids
   * stored, throws DuplicateEventError.
   */
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several streams (each at most once) atomically: every stream is checked as
   * `append` checks it, and one ConcurrencyError or DuplicateEventError stores nothing of any.
   * Results in the order given. Optional: a store without it is appended to stream by stream.
   */
  appendMany?(appends: StreamAppend[]): Promise<AppendResult[]>;
  /** Every event of a stream in revision order; [] for an unknown stream. */
  readStream(streamId: string): Promise<StoredEvent[]>;
  /** Events of many streams, grouped by stream id (missing streams are absent). */
  readStreams(streamIds: string[]): Promise<Map<string, StoredEvent[]>>;
  /**
   * The next events in global order after `from`, never skipping one that commits later
   * with a lower position (see ADR 0002). At most `limit` events. Upcast unless `raw`.
   */
  readAll(from: Checkpoint, limit: number, options?: ReadAllOptions): Promise<GlobalBatch>;
  /** Orders two checkpoints: negative when a is before b. */
  compareCheckpoints(a: Checkpoint, b: Checkpoint): number;
  /**
   * The checkpoint of the newest committed event, or START. A reader may need a moment to
   * reach it: readAll holds back events while an older transaction is still open.
   */
  headCheckpoint(): Promise<Checkpoint>;
  /** Every stream's recorded head, when the store keeps one (lets verifyLog detect a deleted last event). */
  streamHeads?(): Promise<StreamHead[]>;
  /** Releases what the store owns (PostgresEventStore owns nothing: the DataSource is the caller's). */
  close(): Promise<void>;
}

export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at revision ${actual}, expected ${expected}`);
    this.name = 'ConcurrencyError';
  }
}

export class DuplicateEventError extends Error {
  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(`event ${eventId} is already stored in another stream or with other content`);
    this.name = 'DuplicateEventError';
  }
}
