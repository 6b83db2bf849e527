/**
 * Pure translations between this project's event store interface and KurrentDB's client
 * types, kept apart from the client so they are tested without a server.
 */
import type { AppendStreamState, CurrentStreamState, JSONEventData, Position } from '@kurrent/kurrentdb-client';
import {
  ConcurrencyError,
  START,
  type Checkpoint,
  type EventMetadata,
  type ExpectedRevision,
  type NewEvent,
  type StoredEvent,
} from './event-store.js';

/** Our revisions are 1-based with 0 for "no stream"; KurrentDB's are 0-based. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'any') return 'any';
  if (!Number.isSafeInteger(expected) || expected < 0) throw new Error(`invalid expected revision ${expected}`);
  return expected === 0 ? 'no_stream' : BigInt(expected - 1);
}

/** Our revision of a stream whose KurrentDB state is `state`. */
export function toRevision(state: CurrentStreamState | bigint): number {
  return state === 'no_stream' ? 0 : Number(state) + 1;
}

/** What we keep in a KurrentDB event's metadata JSON. */
export interface KurrentDbMetadata {
  type: string;
  schemaVersion: number;
  metadata: EventMetadata;
  previousHash: string;
  hash: string;
  /** Random per append call: tells the writer whether the stored copy is its own or a racing retry's. */
  appendId: string;
  /** KurrentDB's own correlation convention, for its $by_correlation_id projection. */
  $correlationId: string;
  $causationId?: string;
}

export function toEventData(event: NewEvent, chain: { previousHash: string; hash: string; appendId: string }): JSONEventData {
  const metadata: KurrentDbMetadata = {
    type: event.type,
    schemaVersion: event.schemaVersion,
    metadata: event.metadata,
    previousHash: chain.previousHash,
    hash: chain.hash,
    appendId: chain.appendId,
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId === undefined ? {} : { $causationId: event.metadata.causationId }),
  };
  return {
    id: event.eventId,
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: metadata as unknown as Record<string, unknown>,
  };
}

/** The parts of a client RecordedEvent we read. */
export interface KurrentDbRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata?: unknown;
  position?: Position;
}

export interface MappedRecord {
  event: StoredEvent;
  appendId: string;
  checkpoint: Checkpoint;
}

/** Throws on events this store did not write: a registry's KurrentDB must hold only registry events. */
export function fromRecord(record: KurrentDbRecord, streamPrefix = ''): MappedRecord {
  const meta = record.metadata as Partial<KurrentDbMetadata> | undefined;
  const where = `KurrentDB event ${record.id} in ${record.streamId}@${record.revision}`;
  if (!meta || typeof meta !== 'object' || typeof meta.hash !== 'string' || typeof meta.schemaVersion !== 'number' || !meta.metadata) {
    throw new Error(`${where} was not written by the registry's event store (no registry metadata)`);
  }
  if (!record.position) throw new Error(`${where} has no log position (KurrentDB/EventStoreDB 22.6 or later is required)`);
  if (!record.streamId.startsWith(streamPrefix)) throw new Error(`${where} is outside the stream prefix ${streamPrefix}`);
  if (record.data === null || typeof record.data !== 'object' || Array.isArray(record.data)) {
    throw new Error(`${where} has no JSON object data`);
  }
  return {
    event: {
      streamId: record.streamId.slice(streamPrefix.length),
      revision: Number(record.revision) + 1,
      position: record.position.prepare.toString(),
      eventId: record.id.toLowerCase(),
      type: meta.type ?? record.type,
      schemaVersion: meta.schemaVersion,
      data: record.data as Record<string, unknown>,
      metadata: meta.metadata,
      previousHash: meta.previousHash ?? '',
      hash: meta.hash,
    },
    appendId: meta.appendId ?? '',
    checkpoint: encodeCheckpoint(record.position),
  };
}

// The "kdb:" tag makes a PostgreSQL checkpoint ("xid:position") fail loudly instead of being
// misread as a log position after a move between stores.
const CHECKPOINT = /^kdb:(\d+):(\d+)$/;

export function encodeCheckpoint(position: Position): Checkpoint {
  return `kdb:${position.commit}:${position.prepare}`;
}

export function decodeCheckpoint(checkpoint: Checkpoint): Position | undefined {
  if (checkpoint === START) return undefined;
  const match = CHECKPOINT.exec(checkpoint);
  if (!match) throw new Error(`not a KurrentDB event store checkpoint: ${JSON.stringify(checkpoint)}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

/** $all order: by commit position, then prepare position; START before everything. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const pa = decodeCheckpoint(a);
  const pb = decodeCheckpoint(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  if (pa.commit !== pb.commit) return pa.commit < pb.commit ? -1 : 1;
  return pa.prepare === pb.prepare ? 0 : pa.prepare < pb.prepare ? -1 : 1;
}

function errorType(error: unknown): unknown {
  return (error as { type?: unknown } | null)?.type;
}

export function isWrongExpectedVersion(error: unknown): boolean {
  return errorType(error) === 'wrong-expected-version';
}

export function isStreamNotFound(error: unknown): boolean {
  return errorType(error) === 'stream-not-found';
}

/** The client's WrongExpectedVersionError as our ConcurrencyError; anything else unchanged. */
export function mapAppendError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (!isWrongExpectedVersion(error)) return error;
  const actual = (error as { actualState?: CurrentStreamState }).actualState;
  return new ConcurrencyError(streamId, expected, actual === undefined ? Number.NaN : toRevision(actual));
}

export class KurrentDbDeadlineError extends Error {
  constructor(
    readonly operation: string,
    readonly deadlineMs: number,
  ) {
    super(
      `KurrentDB did not answer ${operation} within ${deadlineMs} ms` +
        (operation.startsWith('append') ? ' (the append may or may not be stored: retry with the same event ids)' : ''),
    );
    this.name = 'KurrentDbDeadlineError';
  }
}

/**
 * Settles with `work`, or rejects with KurrentDbDeadlineError after `deadlineMs`: the client
 * can wait forever on an endpoint that accepts TCP and never answers.
 */
export async function withDeadline<T>(operation: string, deadlineMs: number, work: () => Promise<T>, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const running = work();
    running.catch(() => undefined); // a late failure after the deadline is not unhandled
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout?.();
        reject(new KurrentDbDeadlineError(operation, deadlineMs));
      }, deadlineMs);
    });
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Drains a client read (an async iterator) under one deadline; asks it to stop when time runs out. */
export function collectWithDeadline<T>(operation: string, deadlineMs: number, iterable: AsyncIterable<T>): Promise<T[]> {
  const iterator = iterable[Symbol.asyncIterator]();
  return withDeadline(
    operation,
    deadlineMs,
    async () => {
      const items: T[] = [];
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) items.push(next.value);
      return items;
    },
    () => void iterator.return?.()?.catch(() => undefined),
  );
}
