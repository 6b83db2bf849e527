import type { AccessMode, Dataset } from '../deliberation/document.js';
import { documentAsOf, type DeliberationTimeline } from '../deliberation/timeline.js';
import { isAfter, type IsoDate } from '../shared/dates.js';

/**
 * Only personal data handed over by transfer must be destroyed by the recipient:
 * scrambled, anonymous and secure-onsite data leave no copy to destroy.
 */
export function createsDestructionObligation(dataset: Dataset, access: AccessMode): boolean {
  return dataset.personalData && access === 'transfer' && dataset.kind === 'pseudonymised';
}

/**
 * The date a delivery must be destroyed by: the retention in force on the delivery date,
 * moved by every `setRetention` amendment that takes effect after it.
 */
export function destroyByFor(t: DeliberationTimeline, deliveredOn: IsoDate): IsoDate | null {
  let destroyBy = documentAsOf(t, deliveredOn).retention?.destroyBy ?? null;
  for (const amendment of t.amendments)
    if (isAfter(amendment.effectiveFrom, deliveredOn))
      for (const change of amendment.changes) if (change.op === 'setRetention') destroyBy = change.destroyBy;
  return destroyBy;
}
