import { isAfter, isBefore, type IsoDate } from '../shared/dates.js';
import { applyChange } from './apply-change.js';
import type { DeliberationDocument } from './document.js';
import type { Commitment, DeliberationEvent, RecordedAmendment, Recorded, Revocation } from './events.js';

export type RecordedCommitment = Commitment & { recordedAt: string };

/** Everything recorded about one deliberation, as known at some instant. */
export interface DeliberationTimeline {
  original: DeliberationDocument;
  /** In the order they take effect: by `effectiveFrom`, then by recording order. */
  amendments: (RecordedAmendment & { recordedAt: string })[];
  revocation?: Revocation & { recordedAt: string };
  commitments: RecordedCommitment[];
  version: number;
  recordedAt: string;
}

export type DeliberationStatus = 'in-force' | 'not-yet-in-force' | 'revoked' | 'retention-ended';

/** Folds a deliberation stream, ignoring what was recorded after `knownAt`; undefined when nothing is known. */
export function timelineOf(history: Recorded<DeliberationEvent>[], knownAt?: string): DeliberationTimeline | undefined {
  const limit = knownAt === undefined ? Infinity : Date.parse(knownAt);
  let timeline: DeliberationTimeline | undefined;
  for (const event of history) {
    if (Date.parse(event.recordedAt) > limit) continue;
    timeline = evolve(timeline, event);
  }
  if (timeline) timeline.amendments = sortByEffect(timeline.amendments);
  return timeline;
}

function evolve(t: DeliberationTimeline | undefined, event: Recorded<DeliberationEvent>): DeliberationTimeline | undefined {
  const at = { recordedAt: event.recordedAt };
  if (event.type === 'DeliberationRecorded')
    return { original: event.data.document, amendments: [], commitments: [], version: event.revision, recordedAt: event.recordedAt };
  if (!t) return t;
  const next = { ...t, version: event.revision };
  switch (event.type) {
    case 'DeliberationAmended':
      return { ...next, amendments: [...t.amendments, { ...event.data, ...at }] };
    case 'DeliberationRevoked':
      return { ...next, revocation: { ...event.data, ...at } };
    case 'CommitmentRecorded':
      return { ...next, commitments: [...t.commitments, { ...event.data, ...at }] };
  }
}

const sortByEffect = <A extends { effectiveFrom: IsoDate; sequence: number }>(amendments: A[]): A[] =>
  [...amendments].sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom ? a.sequence - b.sequence : a.effectiveFrom < b.effectiveFrom ? -1 : 1,
  );

/** The decision with the given amendments applied in order; a change that no longer applies is skipped. */
export function amend(original: DeliberationDocument, amendments: readonly RecordedAmendment[]): DeliberationDocument {
  let doc = original;
  for (const amendment of amendments)
    for (const change of amendment.changes) {
      const result = applyChange(doc, change);
      if (result.ok) doc = result.document;
    }
  return doc;
}

export const amendmentsInForce = (t: DeliberationTimeline, on: IsoDate) => t.amendments.filter((a) => !isAfter(a.effectiveFrom, on));
export const amendmentsPending = (t: DeliberationTimeline, on: IsoDate) => t.amendments.filter((a) => isAfter(a.effectiveFrom, on));

/** The deliberation as of date `on`: the decision plus every amendment in effect on that date. */
export const documentAsOf = (t: DeliberationTimeline, on: IsoDate): DeliberationDocument => amend(t.original, amendmentsInForce(t, on));

/** The decision once every recorded amendment, including those not yet in force, has taken effect. */
export const documentEventually = (t: DeliberationTimeline): DeliberationDocument => amend(t.original, t.amendments);

export const isRevokedOn = (t: DeliberationTimeline, on: IsoDate): boolean =>
  t.revocation !== undefined && !isAfter(t.revocation.effectiveFrom, on);

export function statusOn(t: DeliberationTimeline, on: IsoDate): DeliberationStatus {
  if (isRevokedOn(t, on)) return 'revoked';
  if (isBefore(on, t.original.effectiveFrom)) return 'not-yet-in-force';
  const destroyBy = documentAsOf(t, on).retention?.destroyBy;
  if (destroyBy && isAfter(on, destroyBy)) return 'retention-ended';
  return 'in-force';
}

/** Commitments on file for `on`: signed on or before that date. */
export const commitmentsSignedBy = (t: DeliberationTimeline, on: IsoDate): RecordedCommitment[] =>
  t.commitments.filter((c) => !isAfter(c.signedOn, on));
