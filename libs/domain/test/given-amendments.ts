/** Given-builders shared by the amendment specs: 24/130 with amendment 1, and a test amendment of 1 March 2025. */
import {
  decideDeliberation,
  documentAsOf,
  timelineOf,
  type AmendmentDocument,
  type Change,
  type DeliberationEvent,
  type Recorded,
} from '../src/index.js';
import { amended, amendment24130, decided, decision24130, history, refusal } from './given.js';

export const stream = (...more: DeliberationEvent[]): Recorded<DeliberationEvent>[] =>
  history(decided(decision24130()), amended(amendment24130()), ...more);
export const amendment = (changes: Change[], effectiveFrom = '2025-03-01'): AmendmentDocument => ({
  deliberation: '24/130',
  decidedOn: '2025-02-01',
  effectiveFrom,
  summary: 'test amendment',
  changes,
});
export const amend = (changes: Change[], h = stream(), effectiveFrom = '2025-03-01') =>
  decideDeliberation({ type: 'AmendDeliberation', amendment: amendment(changes, effectiveFrom) }, h);
/** Records the amendment and returns the deliberation as of its effective date. */
export const afterAmending = (changes: Change[], effectiveFrom = '2025-03-01') => {
  const h = stream();
  const events = amend(changes, h, effectiveFrom);
  return documentAsOf(timelineOf(history(...h, ...events))!, effectiveFrom);
};
export const refused = (changes: Change[], h = stream(), effectiveFrom = '2025-03-01') => refusal(() => amend(changes, h, effectiveFrom));

export const newDataset = {
  id: 'extract-2023',
  kind: 'pseudonymised' as const,
  access: 'transfer' as const,
  maxSubjects: 5000,
  tables: ['with-next-year'],
  personalData: true,
};
