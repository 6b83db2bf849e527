import { DuplicateEventError, START, type Checkpoint, type EventStore, type NewEvent, type StoredEvent } from './event-store.js';
import { verifyLog, type VerifyResult } from './verify.js';

export interface CopyProgress {
  /** Source events read so far. */
  read: number;
  /** Of those, written to the target now. */
  appended: number;
  /** Of those, already in the target (an earlier run). */
  skipped: number;
  checkpoint: Checkpoint;
}

export interface CopyLogResult extends CopyProgress {
  /** verifyLog on the target after the copy. */
  verify: VerifyResult & { ok: true };
}

export interface CopyLogOptions {
  batchSize?: number;
  /** How long to wait for source events held back by a still-open transaction. */
  timeoutMs?: number;
}

export class CopyLogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyLogError';
  }
}

function asNew({ eventId, type, schemaVersion, data, metadata }: StoredEvent): NewEvent {
  return { eventId, type, schemaVersion, data, metadata };
}

/**
 * Copies every event of `from`, up to its head when the copy starts, into `to` in global
 * order, as stored (not upcast), at the same stream revisions: the target computes the same
 * hashes. Re-running is safe: event ids already in the target are skipped. A target stream that
 * holds other events at those revisions fails the copy (ConcurrencyError or DuplicateEventError).
 * Stop writers first, or re-run afterwards to copy what they added.
 */
export async function copyLog(
  from: EventStore,
  to: EventStore,
  onProgress?: (progress: CopyProgress) => void,
  options: CopyLogOptions = {},
): Promise<CopyLogResult> {
  const batchSize = options.batchSize ?? 500;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const head = await from.headCheckpoint();
  const hashes = new Map<string, string>();
  const progress: CopyProgress = { read: 0, appended: 0, skipped: 0, checkpoint: START };

  while (from.compareCheckpoints(progress.checkpoint, head) < 0) {
    const batch = await from.readAll(progress.checkpoint, batchSize, { raw: true });
    if (batch.events.length === 0) {
      if (Date.now() > deadline) throw new CopyLogError('the source did not become readable up to its head (a transaction stays open?)');
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    for (const group of runsOfOneStream(batch.events)) {
      for (const event of group) hashes.set(event.eventId, event.hash);
      await appendGroup(to, group, progress);
    }
    progress.read += batch.events.length;
    progress.checkpoint = batch.checkpoint;
    onProgress?.({ ...progress });
  }

  const verify = await verifyLog(to);
  if (!verify.ok) throw new CopyLogError(`the target fails verification at ${verify.firstBrokenPosition}: ${verify.reason}`);
  await compareHashes(to, hashes);
  return { ...progress, verify };
}

/** Consecutive events of one stream, appended together as they were most likely written. */
function runsOfOneStream(events: StoredEvent[]): StoredEvent[][] {
  const runs: StoredEvent[][] = [];
  for (const event of events) {
    const run = runs.at(-1);
    if (run && run[0].streamId === event.streamId && run.at(-1)!.revision + 1 === event.revision) run.push(event);
    else runs.push([event]);
  }
  return runs;
}

async function appendGroup(to: EventStore, group: StoredEvent[], progress: CopyProgress): Promise<void> {
  const { streamId, revision } = group[0];
  try {
    const result = await to.append(streamId, group.map(asNew), revision - 1, { keepRecordedAt: true });
    if (result.duplicate) progress.skipped += group.length;
    else progress.appended += group.length;
  } catch (error) {
    // An earlier run may have copied part of this run under other batch boundaries.
    if (!(error instanceof DuplicateEventError) || group.length === 1) throw error;
    for (const event of group) await appendGroup(to, [event], progress);
  }
}

/** Each copied event must carry the source's hash in the target (same fields, same chain). */
async function compareHashes(to: EventStore, hashes: Map<string, string>): Promise<void> {
  let checkpoint = START;
  let seen = 0;
  for (;;) {
    const batch = await to.readAll(checkpoint, 1000, { raw: true });
    if (batch.events.length === 0) break;
    for (const event of batch.events) {
      const expected = hashes.get(event.eventId);
      if (expected === undefined) continue;
      if (expected !== event.hash)
        throw new CopyLogError(`${event.streamId}@${event.revision}: hash in the target differs from the source`);
      seen += 1;
    }
    checkpoint = batch.checkpoint;
  }
  if (seen !== hashes.size) throw new CopyLogError(`only ${seen} of ${hashes.size} copied events are readable in the target`);
}
