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
  type DeliveryRecordedData,
  type DeliveryRequest,
  type Destruction,
  type Recorded,
} from '../../../../libs/domain/src/index.js';
import { query } from '../../../../libs/database/src/sql.js';
import { ConcurrencyError, type EventStore } from '../../../../libs/event-store/src/event-store.js';
import type { DeliberationService } from './deliberation.service.js';
import { idempotentId } from './idempotent-write.js';
import { toRecorded, type CommandContext, type DomainRecorded, type EventSourcedRepository } from './event-sourced-repository.js';

export interface DeliveryRow {
  id: string;
  deliberation_id: string;
  deliberation: string;
  dataset: string;
  recipient: string;
  delivered_on: string;
  obligation: boolean;
  data: DeliveryRecordedData;
  recorded_at: Date;
  destruction: Destruction | null;
}

/** Checks re-run when the deliberation changes between check and append; beyond, 409 (retry). */
const MAX_CHECKS = 8;

const DELIVERY_COLUMNS = `id::text, deliberation_id, deliberation, dataset, recipient, to_char(delivered_on, 'YYYY-MM-DD') AS delivered_on,
  obligation, data, recorded_at, destruction`;

export class DeliveryService {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly deliberations: DeliberationService,
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

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
    const rows = await query<DeliveryRow>(this.db, `SELECT ${DELIVERY_COLUMNS} FROM rm_deliveries WHERE id = $1`, [id]);
    if (rows.length === 0) throw notFound(`no delivery ${id} is recorded`);
    return (await this.present(rows))[0];
  }

  async list(filter: { recipient?: string; deliberation?: string }) {
    const rows = await query<DeliveryRow>(
      this.db,
      `SELECT ${DELIVERY_COLUMNS} FROM rm_deliveries
       WHERE ($1::text IS NULL OR recipient = $1) AND ($2::text IS NULL OR deliberation = $2)
       ORDER BY delivered_on, recorded_at, id`,
      [filter.recipient ?? null, filter.deliberation ?? null],
    );
    return this.present(rows);
  }

  /** Every delivery still to be destroyed, with its deadline as amended, sorted by deadline. */
  async schedule(asOf: string = brusselsDate(), within?: number) {
    const rows = await query<DeliveryRow>(
      this.db,
      `SELECT ${DELIVERY_COLUMNS} FROM rm_deliveries WHERE obligation AND destruction IS NULL`,
    );
    const deadlines = await this.deadlines(rows);
    return rows
      .flatMap((row) => {
        const destroyBy = deadlines.get(row.id);
        if (!destroyBy) return [];
        return [{
          delivery: row.id,
          deliberation: row.deliberation,
          dataset: row.dataset,
          recipient: row.recipient,
          deliveredOn: row.delivered_on,
          destroyBy,
          ...obligationStatus(destroyBy, asOf, within),
        }];
      })
      .sort((a, b) => a.destroyBy.localeCompare(b.destroyBy) || a.deliveredOn.localeCompare(b.deliveredOn) || a.delivery.localeCompare(b.delivery));
  }

  private async present(rows: DeliveryRow[]) {
    const deadlines = await this.deadlines(rows);
    return rows.map((row) => {
      const { deliveryId, on, obligation, destroyByAtDelivery: _, ...rest } = row.data;
      return {
        id: deliveryId,
        ...rest,
        deliveredOn: on,
        obligation,
        destroyBy: deadlines.get(row.id) ?? null,
        destroyed: row.destruction !== null,
        destruction: row.destruction,
        recordedAt: new Date(row.recorded_at).toISOString(),
      };
    });
  }

  /** Each obligated delivery's deadline, from its deliberation as amended up to now. */
  private async deadlines(rows: DeliveryRow[]): Promise<Map<string, string | null>> {
    const obligated = rows.filter((r) => r.obligation);
    const ids = [...new Set(obligated.map((r) => r.deliberation_id))];
    const streams = await this.store.readStreams(ids.map(deliberationStreamId));
    const timelines = new Map<string, DeliberationTimeline | undefined>(
      ids.map((id) => [id, timelineOf((streams.get(deliberationStreamId(id)) ?? []).map(toRecorded) as Recorded<DeliberationEvent>[])]),
    );
    return new Map(obligated.map((r) => {
      const t = timelines.get(r.deliberation_id);
      return [r.id, t ? destroyByFor(t, r.delivered_on) : r.data.destroyByAtDelivery];
    }));
  }
}
