import { randomUUID } from 'node:crypto';
import { ConcurrencyError, type AppendOptions, type AppendResult, type EventStore, type StoredEvent } from '@registry/event-store';
import type { ProjectionRunner } from '@registry/projections';
import { isUniqueViolation, sqlStateOf } from '@registry/database';
import { currentIdempotentWrite, IdempotencyKeyReusedError, type IdempotentWrite } from './idempotent-write.js';

/** Who asked, and under which request: stamped on every event (SPEC "Guarantees"). */
export interface CommandContext {
  actor: string;
  correlationId: string;
  causationId?: string;
  /** The stream revision the caller read (If-Match); a mismatch is refused instead of retried. */
  expectedRevision?: number;
}

export type DomainRecorded = { type: string; data: unknown; revision: number; recordedAt: string };

export class PreconditionFailedError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`the deliberation is at version ${actual}, not ${expected} (If-Match)`);
    this.name = 'PreconditionFailedError';
  }
}

export const toRecorded = (e: StoredEvent): DomainRecorded => ({
  type: e.type,
  data: e.data,
  revision: e.revision,
  recordedAt: e.metadata.recordedAt,
});

const MAX_ATTEMPTS = 8;
/** Attempts of a batch (handleMany) before it is handled stream by stream. */
const BATCH_ATTEMPTS = 3;
/** Streams handled at once when a batch goes stream by stream. */
const EACH_CONCURRENCY = 8;

export type Decide = (history: DomainRecorded[]) => { type: string; data: unknown }[];
export type Handled = { result: AppendResult; events: { type: string; data: unknown }[] };

/** A batch lost a race (revision, same ids, or a deadlock): nothing of it was stored. */
function raceLost(error: unknown): boolean {
  return error instanceof ConcurrencyError || isUniqueViolation(error) || sqlStateOf(error) === '40P01';
}

/**
 * Load a stream, decide, append with the revision that was read. Without If-Match a lost race
 * is retried against the new state (no lost updates); with If-Match it is a 412.
 * Returns once the read models include the append (read-your-writes).
 */
export class EventSourcedRepository {
  constructor(
    private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  /** Read-your-writes for several appends at once: returns when the read models include the latest. */
  async awaitReadModels(checkpoints: string[]): Promise<void> {
    const written = checkpoints.filter((c) => c !== '');
    if (written.length === 0) return;
    const latest = written.reduce((a, b) => (this.store.compareCheckpoints(a, b) >= 0 ? a : b));
    await this.projections.waitFor(latest);
  }

  async load(streamId: string): Promise<DomainRecorded[]> {
    return (await this.store.readStream(streamId)).map(toRecorded);
  }

  /**
   * `handle` for many streams (each once), appended in one transaction when the store can
   * (`appendMany`): read together, decided, appended all or nothing. A lost race re-reads and
   * decides the whole batch again; after BATCH_ATTEMPTS (or with an Idempotency-Key already
   * used, or If-Match) each stream goes through `handle`. Does not wait for the read models.
   */
  async handleMany(items: { streamId: string; decide: Decide }[], ctx: CommandContext): Promise<Handled[]> {
    const unique = new Set(items.map((i) => i.streamId)).size === items.length;
    if (this.store.appendMany && unique && ctx.expectedRevision === undefined)
      for (let attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
        try {
          const handled = await this.batchOnce(items, ctx);
          if (handled) return handled;
          break;
        } catch (error) {
          if (!raceLost(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
        }
      }
    const handled: Handled[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < items.length; i = next++)
        handled[i] = await this.handle(items[i].streamId, items[i].decide, ctx, { awaitReadModels: false });
    };
    await Promise.all(Array.from({ length: EACH_CONCURRENCY }, worker));
    return handled;
  }

  /** One read, decisions and one appendMany; undefined when a stream holds this request's Idempotency-Key. */
  private async batchOnce(items: { streamId: string; decide: Decide }[], ctx: CommandContext): Promise<Handled[] | undefined> {
    const write = currentIdempotentWrite();
    const streams = await this.store.readStreams(items.map((i) => i.streamId));
    const planned = items.map(({ streamId, decide }) => {
      const stored = streams.get(streamId) ?? [];
      const history = stored.map(toRecorded);
      const retried = write !== undefined && stored.some((e) => e.metadata.idempotencyKey === write.id);
      return { streamId, revision: history.at(-1)?.revision ?? 0, events: retried ? undefined : decide(history) };
    });
    if (planned.some((p) => p.events === undefined)) return undefined;
    const appends = planned.filter((p) => p.events!.length > 0);
    const results = await this.store.appendMany!(
      appends.map((p) => ({ streamId: p.streamId, events: this.newEvents(p.events!, ctx, write), expected: p.revision })),
    );
    const resultOf = new Map(appends.map((p, i) => [p.streamId, results[i]]));
    return planned.map((p) => ({
      result: resultOf.get(p.streamId) ?? { revision: p.revision, position: '', checkpoint: '', duplicate: false },
      events: p.events!,
    }));
  }

  private newEvents(events: { type: string; data: unknown }[], ctx: CommandContext, write: IdempotentWrite | undefined) {
    const recordedAt = new Date().toISOString();
    return events.map((e) => ({
      eventId: randomUUID(),
      type: e.type,
      schemaVersion: 1,
      data: e.data as Record<string, unknown>,
      metadata: {
        actor: ctx.actor,
        recordedAt,
        correlationId: ctx.correlationId,
        causationId: ctx.causationId,
        ...(write ? { idempotencyKey: write.id, requestDigest: write.request } : {}),
      },
    }));
  }

  async handle(
    streamId: string,
    decide: Decide,
    ctx: CommandContext,
    /** awaitReadModels false: return once appended; the caller then waits once for many (see awaitReadModels). */
    { awaitReadModels = true, ...options }: AppendOptions & { awaitReadModels?: boolean } = {},
  ): Promise<Handled> {
    const write = currentIdempotentWrite();
    for (let attempt = 1; ; attempt++) {
      const stored = await this.store.readStream(streamId);
      const history = stored.map(toRecorded);
      const revision = history.at(-1)?.revision ?? 0;
      const already = write ? stored.filter((e) => e.metadata.idempotencyKey === write.id) : [];
      // Events from before requestDigest was recorded carry none: taken as the same request, as before.
      if (already.some((e) => e.metadata.requestDigest !== undefined && e.metadata.requestDigest !== write?.request))
        throw new IdempotencyKeyReusedError();
      if (already.length > 0) return this.alreadyRecorded(revision, already);
      if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== revision)
        throw new PreconditionFailedError(ctx.expectedRevision, revision);
      const events = decide(history);
      if (events.length === 0) return { result: { revision, position: '', checkpoint: '', duplicate: false }, events };
      try {
        const result = await this.store.append(streamId, this.newEvents(events, ctx, write), revision, options);
        if (awaitReadModels) await this.projections.waitFor(result.checkpoint);
        return { result, events };
      } catch (error) {
        // Another stream's condition failed (options.condition): the caller decides again, not this loop.
        if (!(error instanceof ConcurrencyError) || error.streamId !== streamId) throw error;
        if (ctx.expectedRevision !== undefined) throw new PreconditionFailedError(ctx.expectedRevision, error.actual);
        if (attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  /** A retry of a write that committed under the same Idempotency-Key: its events, once the read models have them. */
  private async alreadyRecorded(revision: number, events: StoredEvent[]) {
    await this.projections.waitFor(await this.store.headCheckpoint());
    const last = events.at(-1)!;
    return {
      result: { revision, position: last.position, checkpoint: '', duplicate: true },
      events: events.map(({ type, data }) => ({ type, data })),
    };
  }
}
