import { daysBetween, type IsoDate } from '../shared/dates.js';

export type Threshold = number | 'overdue';

export const DEFAULT_THRESHOLDS = [180, 90, 30, 7] as const;

/** Thresholds passed on `asOf`, most urgent first: `overdue` after `destroyBy`, then the smallest day count. */
export function passedThresholds(destroyBy: IsoDate, asOf: IsoDate, thresholds: readonly number[] = DEFAULT_THRESHOLDS): Threshold[] {
  const daysLeft = daysBetween(asOf, destroyBy);
  const days = thresholds.filter((t) => daysLeft <= t).sort((a, b) => a - b);
  return daysLeft < 0 ? ['overdue', ...days] : days;
}

/** Lower is more urgent: `overdue` first, then fewer days before the deadline. */
export const urgency = (t: Threshold): number => (t === 'overdue' ? -1 : t);

/**
 * The reminder a run on `asOf` must issue: the most urgent threshold passed, unless it or a
 * more urgent one was already issued. Less urgent thresholds skipped over are never sent late.
 */
export function reminderDue(
  destroyBy: IsoDate,
  asOf: IsoDate,
  issued: readonly Threshold[],
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
): Threshold | undefined {
  const mostUrgent = passedThresholds(destroyBy, asOf, thresholds)[0];
  if (mostUrgent === undefined || issued.some((t) => urgency(t) <= urgency(mostUrgent))) return undefined;
  return mostUrgent;
}
