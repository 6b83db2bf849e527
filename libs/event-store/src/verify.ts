import { START, type Checkpoint, type EventStore, type StoredEvent, type StreamHead } from './event-store.js';
import { GENESIS_HASH, eventHash } from './hash.js';

/** What verifyLog needs: raw reads in global order and, when the store keeps them, stream heads. */
export type VerifiableLog = Pick<EventStore, 'readAll' | 'headCheckpoint' | 'compareCheckpoints' | 'streamHeads'>;

export type VerifyResult =
  | { ok: true; events: number; head: Checkpoint }
  | {
      ok: false;
      /**
       * Position of the first event found wrong; for a stream whose recorded head has no
       * matching event (its last events deleted), the position of its last stored event,
       * or null when none is left.
       */
      firstBrokenPosition: string | null;
      reason: string;
    };

export interface VerifyOptions {
  batchSize?: number;
  /** How long to wait for events held back by a still-open older transaction. */
  timeoutMs?: number;
}

/**
 * Re-hashes every stream's chain in global order from raw (not upcast) events, and checks
 * the chains against the recorded stream heads: an edited, deleted or inserted event breaks
 * a hash, leaves a revision gap, or disagrees with a head.
 */
export async function verifyLog(log: VerifiableLog, options: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 1000;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  // Heads read before the events must be matched by them; heads read after must not be exceeded.
  const headsBefore = await log.streamHeads?.();
  const target = await log.headCheckpoint();
  const streams = new Map<string, { revision: number; hash: string; position: string }>();
  const pendingHeads = new Map((headsBefore ?? []).filter((h) => h.revision > 0).map((h) => [h.streamId, h]));
  let checkpoint = START;
  let count = 0;
  while (log.compareCheckpoints(checkpoint, target) < 0) {
    const batch = await log.readAll(checkpoint, batchSize, { raw: true });
    if (batch.events.length === 0) {
      if (Date.now() > deadline) throw new Error('verifyLog: the log did not become readable up to its head (a transaction stays open?)');
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    for (const event of batch.events) {
      const broken = checkEvent(event, streams.get(event.streamId));
      if (broken) return { ok: false, firstBrokenPosition: event.position, reason: broken };
      streams.set(event.streamId, { revision: event.revision, hash: event.hash, position: event.position });
      const head = pendingHeads.get(event.streamId);
      if (head?.revision === event.revision) {
        if (head.lastHash !== event.hash) {
          return {
            ok: false,
            firstBrokenPosition: event.position,
            reason: `${event.streamId}@${event.revision}: hash differs from the stream head`,
          };
        }
        pendingHeads.delete(event.streamId);
      }
      count += 1;
    }
    checkpoint = batch.checkpoint;
  }
  for (const head of pendingHeads.values()) {
    const last = streams.get(head.streamId);
    return {
      ok: false,
      firstBrokenPosition: last?.position ?? null,
      reason: `${head.streamId}: head is at revision ${head.revision} but the stored events end at ${last?.revision ?? 0}`,
    };
  }
  const headsAfter = await log.streamHeads?.();
  if (headsAfter) {
    const recorded = new Map(headsAfter.map((h): [string, StreamHead] => [h.streamId, h]));
    for (const [streamId, last] of streams) {
      const head = recorded.get(streamId)?.revision ?? 0;
      if (last.revision > head) {
        return {
          ok: false,
          firstBrokenPosition: last.position,
          reason: `${streamId}@${last.revision}: beyond the stream head at revision ${head}`,
        };
      }
    }
  }
  return { ok: true, events: count, head: checkpoint };
}

function checkEvent(event: StoredEvent, previous: { revision: number; hash: string } | undefined): string | undefined {
  const where = `${event.streamId}@${event.revision}`;
  const expectedRevision = (previous?.revision ?? 0) + 1;
  if (event.revision !== expectedRevision) return `${where}: expected revision ${expectedRevision} (an event is missing or inserted)`;
  if (event.previousHash !== (previous?.hash ?? GENESIS_HASH))
    return `${where}: previous hash does not link to the stream's previous event`;
  if (eventHash(event.previousHash, event) !== event.hash) return `${where}: content does not match its hash`;
  return undefined;
}
