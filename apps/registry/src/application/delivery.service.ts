import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  brusselsDate,
  createsDestructionObligation,
  decideDestruction,
  deliberationId,
  deliberationStreamId,
  deliveryStreamId,
  destroyByFor,
  documentAsOf,
  notFound,
  obligationStatus,
  timelineOf,
  type DeliberationEvent,
  type DeliberationTimeline,
  type DeliveryEvent,
  type DeliveryRecordedData,
  type DeliveryRequest,
  type Destruction,
  type Recorded,
} from '../../../../libs/domain/src/index.js';
import { query } from '../../../../libs/database/src/sql.js';
import type { EventStore } from '../../../../libs/event-store/src/event-store.js';
import type { CheckAnswer, DeliberationService } from './deliberation.service.js';
import { toRecorded, type CommandContext, type EventSourcedRepository } from './event-sourced-repository.js';
import { dueObligations } from './due-obligations.js';

/** A delivery refused by the authorisation check: 422 with the reasons, nothing recorded. */
export class ReleaseNotAuthorisedError extends Error {
  constructor(readonly answer: CheckAnswer) {
    super('this release is not authorised');
    this.name = 'ReleaseNotAuthorisedError';
  }
}

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

const DELIVERY_COLUMNS = `id::text, deliberation_id, deliberation, dataset, recipient, to_char(delivered_on, 'YYYY-MM-DD') AS delivered_on,
  obligation, data, recorded_at, destruction`;

export class DeliveryService {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly deliberations: DeliberationService,
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  /** Checks the release, then records it; a refused release records nothing. */
  async record(request: DeliveryRequest, ctx: CommandContext) {
    const { knownAt: _ignored, ...now } = request;
    const answer = await this.deliberations.check(now);
    if (!answer.authorised || !answer.deliberation) throw new ReleaseNotAuthorisedError(answer);
    const t = (await this.deliberations.timeline(deliberationId(answer.deliberation)))!;
    const on = answer.on;
    const access = request.access ?? 'transfer';
    const dataset = documentAsOf(t, on).datasets.find((d) => d.id === request.dataset)!;
    const obligation = createsDestructionObligation(dataset, access);
    const deliveryId = randomUUID();
    const data: DeliveryRecordedData = {
      ...now,
      deliveryId,
      deliberation: answer.deliberation,
      on,
      access,
      obligation,
      destroyByAtDelivery: obligation ? destroyByFor(t, on) : null,
    };
    await this.repository.handle(deliveryStreamId(deliveryId), () => [{ type: 'DeliveryRecorded', data }], ctx);
    return this.get(deliveryId);
  }

  async recordDestruction(id: string, destruction: Destruction, ctx: CommandContext) {
    await this.repository.handle(
      deliveryStreamId(id),
      (history) => decideDestruction(history as Recorded<DeliveryEvent>[], destruction),
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

  /** Open obligations with a deadline within `horizonDays` of `asOf` or past (the reminder run's input). */
  dueObligations(asOf: string, horizonDays: number) {
    return dueObligations(this.db, this.store, asOf, horizonDays);
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
