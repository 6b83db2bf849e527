import { daysBetween, type IsoDate } from '../shared/dates.js';

export type ObligationStatus = 'overdue' | 'due' | 'pending';

export const DEFAULT_DUE_WITHIN_DAYS = 90;

/** Overdue once past `destroyBy`, due within `within` days of it, pending before that. */
export function obligationStatus(destroyBy: IsoDate, asOf: IsoDate, within = DEFAULT_DUE_WITHIN_DAYS) {
  const daysLeft = daysBetween(asOf, destroyBy);
  const status: ObligationStatus = daysLeft < 0 ? 'overdue' : daysLeft <= within ? 'due' : 'pending';
  return { daysLeft, status };
}
