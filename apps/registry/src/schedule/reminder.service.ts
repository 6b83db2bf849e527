import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { deliveryStreamId, reminderDue, type Recorded, type DeliveryEvent, type Threshold } from '@registry/domain';
import { decideReminder, type ReminderEvent } from '@registry/domain';
import { reminderRows, sendsOf, type ReminderRow } from '@registry/projections';
import type { DeliveryService } from '../releases/delivery.service.js';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type PageRequest } from '../core/paging.js';
import type { CommandContext, EventSourcedRepository } from '../core/event-sourced-repository.js';

const thresholdOf = (t: string): Threshold => (t === 'overdue' ? 'overdue' : Number(t));

/** Reminders appended in one transaction (all or nothing; a lost race decides the group again). */
const ISSUED_PER_TRANSACTION = 200;

/** Issues destruction reminders as events in each delivery's stream, exactly once per threshold. */
export class ReminderService {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly deliveries: DeliveryService,
    private readonly db: DataSource,
    private readonly thresholds: readonly number[],
    private readonly afterIssue: () => void = () => {},
  ) {}

  /**
   * Issues every reminder due on `asOf` that was not issued yet; returns those issued now, in
   * deadline order. Reads only open obligations whose deadline is within the largest threshold
   * (or past), and appends them ISSUED_PER_TRANSACTION to a transaction, waiting for the read
   * models once at the end.
   */
  async run(asOf: string, ctx: CommandContext) {
    const horizon = Math.max(0, ...this.thresholds);
    const candidates = (await this.deliveries.dueObligations(asOf, horizon)).filter(
      (entry) => reminderDue(entry.destroyBy, asOf, entry.issued.map(thresholdOf), this.thresholds) !== undefined,
    );
    const issuedPer: ReminderEvent['data'][][] = [];
    const checkpoints: string[] = [];
    for (let from = 0; from < candidates.length; from += ISSUED_PER_TRANSACTION) {
      const group = candidates.slice(from, from + ISSUED_PER_TRANSACTION);
      // The read model only narrows the search; the delivery streams decide (and races lose there).
      const handled = await this.repository.handleMany(
        group.map((entry) => ({
          streamId: deliveryStreamId(entry.delivery),
          decide: (history) =>
            decideReminder(history as Recorded<DeliveryEvent | ReminderEvent>[], entry.destroyBy, asOf, randomUUID(), this.thresholds),
        })),
        ctx,
      );
      for (const { events, result } of handled) {
        issuedPer.push((events as ReminderEvent[]).map((e) => e.data));
        checkpoints.push(result.checkpoint);
      }
    }
    // One read-your-writes wait for the whole run.
    await this.repository.awaitReadModels(checkpoints);
    const issued = issuedPer.flat();
    if (issued.length > 0) this.afterIssue();
    return issued.map((r) => ({ id: r.reminderId, ...r }));
  }

  /** One page of the reminders issued (as known at `knownAt`), with the send status of each channel. */
  async list(filter: PageRequest & { delivery?: string; knownAt?: string } = {}) {
    const after = decodeCursor(filter.cursor, ['instant', 'uuid']);
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const rows = await reminderRows(this.db, { delivery: filter.delivery, knownAt: filter.knownAt, after, limit: limit + 1 });
    const page = pageOf(rows, limit, (r) => [r.page_key, r.id]);
    return { next: page.next, items: await this.withSends(page.items) };
  }

  private async withSends(reminders: ReminderRow[]) {
    const sends = await sendsOf(
      this.db,
      reminders.map((r) => r.id),
    );
    return reminders.map((r) => {
      const channels = sends
        .filter((s) => s.reminder_id === r.id)
        .map((s) => ({
          channel: s.channel,
          status: s.status,
          attempts: s.attempts,
          lastError: s.last_error,
          sentAt: s.sent_at ? new Date(s.sent_at).toISOString() : null,
          nextAttemptAt: s.status === 'sent' ? null : new Date(s.next_attempt_at).toISOString(),
        }));
      return {
        ...r.data,
        id: r.id,
        delivery: r.delivery_id,
        threshold: thresholdOf(r.threshold),
        issuedAt: new Date(r.issued_at).toISOString(),
        status: overallStatus(channels.map((c) => c.status)),
        attempts: channels.reduce((n, c) => n + c.attempts, 0),
        channels,
      };
    });
  }
}

/** `sent` once every channel sent; `failed` when one gave up; `unsent` when no channel is configured. */
function overallStatus(statuses: string[]): string {
  if (statuses.length === 0) return 'unsent';
  if (statuses.every((s) => s === 'sent')) return 'sent';
  if (statuses.includes('failed')) return 'failed';
  return statuses.includes('retrying') ? 'retrying' : 'pending';
}
