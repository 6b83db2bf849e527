import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  brusselsDate,
  decideDelivery,
  deliberationHistory,
  deliberationId,
  deliberationStreamId,
  deliveryHistory,
  deliveryStreamId,
  destroyByFor,
  notFound,
  obligationStatus,
  timelineOf,
  type DeliberationEvent,
  type DeliberationTimeline,
  type DeliveryCommand,
  type DeliveryRequest,
  type Destruction,
  type Recorded,
} from '@registry/domain';
import { deliveryRowsById, ledgerRows, openObligationRows, type DeliveryRow, type LedgerFilter } from '@registry/projections';
import { ConcurrencyError, type EventStore } from '@registry/event-store';
import type { DeliberationService } from '../deliberations/deliberation.service.js';
import { idempotentId } from '../core/idempotent-write.js';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page, type PageRequest } from '../core/paging.js';
import { toRecorded, type CommandContext, type DomainRecorded, type EventSourcedRepository } from '../core/event-sourced-repository.js';
import { dueObligations } from './due-obligations.js';
import { DeadlineRangeCache } from './deadline-ranges.js';
import { schedulePage, type ScheduleRange } from './schedule-page.js';

/** Checks re-run when the deliberation changes between check and append; beyond, 409 (retry). */
const MAX_CHECKS = 8;

/** The ledger's filters (its read model's own), one page of them. */
export type DeliveryFilter = Omit<LedgerFilter, 'after' | 'limit'> & PageRequest;

/** A row as known at `at`: a destruction recorded later is not known yet. */
function asKnownAt<R extends DeliveryRow>(row: R, at: string | undefined): R {
  if (!at || !row.destruction || !row.destruction_recorded_at) return row;
  return new Date(row.destruction_recorded_at) <= new Date(at) ? row : { ...row, destruction: null };
}

function presentRow(row: DeliveryRow, destroyBy: string | null) {
  const { deliveryId, on, obligation, destroyByAtDelivery: _, ...rest } = row.data;
  return {
    id: deliveryId,
    ...rest,
    deliveredOn: on,
    obligation,
    destroyBy,
    destroyed: row.destruction !== null,
    destruction: row.destruction,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
export type DeliveryView = ReturnType<typeof presentRow>;

export class DeliveryService {
  private readonly deadlineRanges: DeadlineRangeCache;

  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly deliberations: DeliberationService,
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {
    this.deadlineRanges = new DeadlineRangeCache(db, store);
  }

  /**
   * Decides the delivery in the domain (decideDelivery) against the deliberations as read at one
   * revision each, then records it on condition that the deliberation it falls under is still at
   * that revision (one atomic append, ADR 2): an amendment or revocation recorded in between makes
   * the append fail, and the decision runs again on the new state. A refused release records nothing.
   */
  async record(request: DeliveryRequest, ctx: CommandContext) {
    // Under an Idempotency-Key the id is derived from it, so a retry finds the delivery it recorded.
    const deliveryId = idempotentId('delivery') ?? randomUUID();
    if (idempotentId('delivery') && (await this.store.readStream(deliveryStreamId(deliveryId))).length > 0) {
      await this.repository.handle(deliveryStreamId(deliveryId), () => [], ctx); // waits for the read models
      return this.get(deliveryId);
    }
    const command: DeliveryCommand = { type: 'RecordDelivery', request, today: brusselsDate(), deliveryId };
    for (let attempt = 1; ; attempt++) {
      const streams = await this.deliberationStreams(request);
      const deliberations = [...streams.values()].map((events) => deliberationHistory(events.map(toRecorded)));
      const decide = (history: DomainRecorded[]) => decideDelivery(command, { deliberations, delivery: deliveryHistory(history) });
      const [recorded] = decide([]);
      const streamId = deliberationStreamId(deliberationId(recorded.type === 'DeliveryRecorded' ? recorded.data.deliberation : ''));
      const condition = { streamId, revision: streams.get(streamId)?.at(-1)?.revision ?? 0 };
      try {
        await this.repository.handle(deliveryStreamId(deliveryId), decide, ctx, { condition });
        return this.get(deliveryId);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || error.streamId !== condition.streamId || attempt >= MAX_CHECKS) throw error;
      }
    }
  }

  /** The streams of the deliberations a release may fall under: the one it names, or each naming the recipient. */
  private async deliberationStreams(request: DeliveryRequest) {
    const ids = request.deliberation ? [deliberationId(request.deliberation)] : await this.deliberations.candidateIds(request.recipient);
    return this.store.readStreams(ids.map(deliberationStreamId));
  }

  async recordDestruction(id: string, destruction: Destruction, ctx: CommandContext) {
    await this.repository.handle(
      deliveryStreamId(id),
      (history) => decideDelivery({ type: 'RecordDestruction', destruction }, { deliberations: [], delivery: deliveryHistory(history) }),
      ctx,
    );
    return this.get(id);
  }

  async get(id: string) {
    const rows = await deliveryRowsById(this.db, id);
    if (rows.length === 0) throw notFound(`no delivery ${id} is recorded`);
    return (await this.present(rows))[0];
  }

  /** One page of the ledger, oldest delivery first, as known at `knownAt` (default now). */
  async list(filter: DeliveryFilter): Promise<Page<DeliveryView>> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(filter.cursor, ['day', 'instant', 'uuid']);
    const rows = await ledgerRows(this.db, {
      recipient: filter.recipient,
      deliberation: filter.deliberation,
      dataset: filter.dataset,
      deliveredFrom: filter.deliveredFrom,
      deliveredTo: filter.deliveredTo,
      knownAt: filter.knownAt,
      destroyed: filter.destroyed,
      after,
      limit: limit + 1,
    });
    const page = pageOf(
      rows.map((row) => asKnownAt(row, filter.knownAt)),
      limit,
      (row) => [row.delivered_on, row.page_key, row.id],
    );
    return { ...page, items: await this.present(page.items, filter.knownAt) };
  }

  /**
   * The obligations as they stood on `asOf` (SPEC "Schedule as of a date"): deliveries dated on or
   * before it with no destruction certificate dated on or before it, sorted by deadline.
   */
  async schedule(asOf: string = brusselsDate(), within?: number, knownAt?: string) {
    const rows = await openObligationRows(this.db, asOf, knownAt);
    const open = rows.map((row) => asKnownAt(row, knownAt)).filter((row) => !row.destruction || row.destruction.destroyedOn > asOf);
    const deadlines = await this.deadlines(open, knownAt);
    return open
      .flatMap((row) => {
        const destroyBy = deadlines.get(row.id);
        if (!destroyBy) return [];
        return [
          {
            delivery: row.id,
            deliberation: row.deliberation,
            dataset: row.dataset,
            recipient: row.recipient,
            deliveredOn: row.delivered_on,
            destroyBy,
            ...obligationStatus(destroyBy, asOf, within),
          },
        ];
      })
      .sort(
        (a, b) =>
          a.destroyBy.localeCompare(b.destroyBy) || a.deliveredOn.localeCompare(b.deliveredOn) || a.delivery.localeCompare(b.delivery),
      );
  }

  /** One page of the schedule, read page by page in the database (schedule-page.ts). */
  schedulePage(asOf: string, within: number | undefined, knownAt: string | undefined, request: ScheduleRange) {
    return schedulePage(this.db, this.deadlineRanges, { ...request, asOf, within, knownAt });
  }

  /** Open obligations with a deadline within `horizonDays` of `asOf` or past (the reminder run's input). */
  dueObligations(asOf: string, horizonDays: number) {
    return dueObligations(this.db, this.store, asOf, horizonDays);
  }

  private async present(rows: DeliveryRow[], knownAt?: string): Promise<DeliveryView[]> {
    const deadlines = await this.deadlines(rows, knownAt);
    return rows.map((row) => presentRow(row, deadlines.get(row.id) ?? null));
  }

  /** Each obligated delivery's deadline, from its deliberation as amended up to now. */
  private async deadlines(rows: DeliveryRow[], knownAt?: string): Promise<Map<string, string | null>> {
    const obligated = rows.filter((r) => r.obligation);
    const ids = [...new Set(obligated.map((r) => r.deliberation_id))];
    const streams = await this.store.readStreams(ids.map(deliberationStreamId));
    const timelines = new Map<string, DeliberationTimeline | undefined>(
      ids.map((id) => [
        id,
        timelineOf((streams.get(deliberationStreamId(id)) ?? []).map(toRecorded) as Recorded<DeliberationEvent>[], knownAt),
      ]),
    );
    return new Map(
      obligated.map((r) => {
        const t = timelines.get(r.deliberation_id);
        return [r.id, t ? destroyByFor(t, r.delivered_on) : r.data.destroyByAtDelivery];
      }),
    );
  }
}
