/**
 * Given-builders for the domain specs: domain events in, `Recorded<...>` history out.
 * Revisions are 0, 1, 2, ... in list order; `recordedAt` defaults to noon UTC of the event's
 * own date (decidedOn, signedOn, delivery date) and is kept strictly increasing; `at(instant, event)`
 * pins it when a spec is about known time.
 */
import { readFileSync } from 'node:fs';
import {
  amendmentDocumentSchema,
  checkRelease,
  deliberationDocumentSchema,
  timelineOf,
  type AmendmentDocument,
  type Commitment,
  type DeliberationDocument,
  type DeliberationEvent,
  type DeliberationTimeline,
  type Recorded,
  type RecordedAmendment,
  type Reason,
  type Release,
  type Revocation,
} from '../src/index.js';

type Event = { type: string; data: unknown };
type Entry<E extends Event> = E | { event: E; recordedAt: string };

const FIXTURES = new URL('../../../fixtures/', import.meta.url);
const readFixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

/** The 24/130 decision of 3 September 2024, as the fixture gives it (a fresh copy every call). */
export const decision24130 = (): DeliberationDocument => deliberationDocumentSchema.parse(readFixture('24-130.deliberation.json'));
/** The amendment of 5 November 2024, in force from 21 November 2024: adds the scrambled dataset. */
export const amendment24130 = (): AmendmentDocument => amendmentDocumentSchema.parse(readFixture('24-130.amendment-1.json'));
export const rawFixture = readFixture;

/** A deliberation like 21/144: same recipients and data types, reference years 2005-2019. */
export const decision21144 = (): DeliberationDocument => ({
  ...decision24130(),
  number: '21/144',
  reference: 'IVC/KSZG/21/000',
  decidedOn: '2021-10-05',
  effectiveFrom: '2021-10-20',
  predecessors: [],
  referenceYears: Array.from({ length: 15 }, (_, i) => 2005 + i),
  retention: { destroyBy: '2027-12-31', appliesTo: 'personal-data' },
});

export const at = <E extends Event>(recordedAt: string, event: E): { event: E; recordedAt: string } => ({ event, recordedAt });

export const decided = (document: DeliberationDocument): DeliberationEvent => ({ type: 'DeliberationRecorded', data: { document } });

/** An amendment event; its `sequence` is filled in by `history` (1, 2, ... in recording order) unless given. */
export const amended = (amendment: AmendmentDocument | RecordedAmendment): DeliberationEvent => {
  const { deliberation: _ignored, ...rest } = amendment as AmendmentDocument;
  return { type: 'DeliberationAmended', data: { sequence: 0, ...rest } as RecordedAmendment };
};

export const revoked = (revocation: Revocation): DeliberationEvent => ({ type: 'DeliberationRevoked', data: revocation });

export const committed = (party: string, kind: string, signedOn: string, documentRef?: string): DeliberationEvent => ({
  type: 'CommitmentRecorded',
  data: { party, kind, signedOn, ...(documentRef ? { documentRef } : {}) } satisfies Commitment,
});

/** Every commitment 24/130 requires (§11, §17, §18), signed on `signedOn`. */
export const commitments24130 = (signedOn = '2024-09-10'): DeliberationEvent[] =>
  ['steunpunt-werk', 'dwse'].flatMap((party) => [
    committed(party, 'joint-and-several-liability', signedOn),
    committed(party, 'non-reidentification', signedOn),
  ]);

function naturalDate(event: Event): string | undefined {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'DeliberationRecorded') return (data.document as DeliberationDocument).decidedOn;
  for (const key of ['decidedOn', 'signedOn', 'destroyedOn', 'on', 'releasedOn'])
    if (typeof data[key] === 'string') return data[key] as string;
  return undefined;
}

/** Any stream: revisions from 0, `recordedAt` as described above. */
export function recorded<E extends Event>(entries: Entry<E>[]): Recorded<E>[] {
  let last = -Infinity;
  return entries.map((entry, revision) => {
    const pinned = 'event' in entry && 'recordedAt' in entry;
    const event = (pinned ? entry.event : entry) as E;
    let recordedAt: string;
    if (pinned) recordedAt = entry.recordedAt;
    else {
      const natural = naturalDate(event);
      let ms = natural ? Date.parse(`${natural}T12:00:00.000Z`) : last + 60_000;
      if (!(ms > last)) ms = last + 60_000;
      recordedAt = new Date(ms).toISOString();
    }
    last = Math.max(last, Date.parse(recordedAt));
    return { ...event, revision, recordedAt } as Recorded<E>;
  });
}

/** A deliberation stream; amendments without a sequence are numbered in recording order. */
export function history(...entries: (Entry<DeliberationEvent> | Entry<DeliberationEvent>[])[]): Recorded<DeliberationEvent>[] {
  let sequence = 0;
  return recorded(entries.flat()).map((e) => {
    if (e.type !== 'DeliberationAmended') return e;
    sequence += 1;
    return e.data.sequence ? e : { ...e, data: { ...e.data, sequence } };
  });
}

/** The folded timeline of the given events (as known now). */
export function timeline(...entries: (Entry<DeliberationEvent> | Entry<DeliberationEvent>[])[]): DeliberationTimeline {
  const t = timelineOf(history(...entries));
  if (!t) throw new Error('given: the history holds no DeliberationRecorded event');
  return t;
}

/** 24/130 decided, amended, and every commitment signed on 10 September 2024. */
export const given24130 = (...more: (Entry<DeliberationEvent> | Entry<DeliberationEvent>[])[]): DeliberationTimeline =>
  timeline(decided(decision24130()), amended(amendment24130()), commitments24130(), ...more);

/** A release of the 24/130 sample that every rule allows on 15 January 2025. */
export const release = (overrides: Partial<Release> = {}): Release => ({
  deliberation: '24/130',
  recipient: 'steunpunt-werk',
  dataset: 'sample',
  access: 'transfer',
  on: '2025-01-15',
  referenceYears: [2020, 2021, 2022],
  variables: ['person.sequence_number', 'person.sex', 'sep.nomenclature_code@T+1', 'person.deceased@T+1'],
  subjects: 10_000,
  ...overrides,
});

export const codesOf = (result: { reasons: { code: string }[] }): string[] => result.reasons.map((r) => r.code);
export const reasonOf = (result: { reasons: Reason[] }, code: Reason['code']): Reason => {
  const reason = result.reasons.find((r) => r.code === code);
  if (!reason) throw new Error(`expected a ${code} reason, got ${result.reasons.map((r) => r.code).join(', ') || 'none'}`);
  return reason;
};

/** Runs `fn` and returns the DomainError-like value it throws (fails when it does not throw). */
export function refusal(fn: () => unknown): { kind: string; code?: string; message: string; errors: { path: string; message: string }[] } {
  try {
    fn();
  } catch (error) {
    return error as never;
  }
  throw new Error('expected a refusal, but nothing was thrown');
}

/** A release checked against 24/130 as folded in `t` (overrides change the default release). */
export const check = (t: DeliberationTimeline | undefined, overrides: Partial<Release> = {}) =>
  checkRelease(t, release(overrides), '24/130');
