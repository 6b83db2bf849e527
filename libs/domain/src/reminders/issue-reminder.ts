import type { Recorded } from '../deliberation/events.js';
import type { DeliveryEvent, DeliveryRecordedData } from '../delivery/delivery.js';
import type { IsoDate } from '../shared/dates.js';
import { DEFAULT_THRESHOLDS, reminderDue, type Threshold } from './reminder-due.js';

export interface ReminderIssuedData {
  reminderId: string;
  delivery: string;
  deliberation: string;
  dataset: string;
  recipient: string;
  destroyBy: IsoDate;
  threshold: Threshold;
  asOf: IsoDate;
}

export type ReminderEvent = { type: 'ReminderIssued'; data: ReminderIssuedData };

/**
 * Reminders live in the delivery's own stream, so the stream's revision check makes each
 * (delivery, deadline, threshold) reminder happen once, and none is issued after the destruction.
 * Only reminders about the current deadline count: when an amendment moves `destroyBy`, the
 * thresholds are judged afresh for the new date ("Reminders follow the deadline").
 */
export function decideReminder(
  history: Recorded<DeliveryEvent | ReminderEvent>[],
  destroyBy: IsoDate | null,
  asOf: IsoDate,
  reminderId: string,
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
): ReminderEvent[] {
  const delivered = history.find((e) => e.type === 'DeliveryRecorded')?.data as DeliveryRecordedData | undefined;
  if (!delivered?.obligation || !destroyBy || history.some((e) => e.type === 'DestructionRecorded')) return [];
  const issued = history.flatMap((e) => (e.type === 'ReminderIssued' && e.data.destroyBy === destroyBy ? [e.data.threshold] : []));
  const threshold = reminderDue(destroyBy, asOf, issued, thresholds);
  if (threshold === undefined) return [];
  const { deliveryId, deliberation, dataset, recipient } = delivered;
  return [
    { type: 'ReminderIssued', data: { reminderId, delivery: deliveryId, deliberation, dataset, recipient, destroyBy, threshold, asOf } },
  ];
}
