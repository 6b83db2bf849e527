import { z } from 'zod';
import { calendarDate, identifier, text } from '../shared/schema-primitives.js';
import type { AmendmentDocument } from './amendment.js';
import type { DeliberationDocument } from './document.js';

export const revocationSchema = z.strictObject({
  decidedOn: calendarDate,
  effectiveFrom: calendarDate,
  reason: text(),
});

export const commitmentSchema = z.strictObject({
  party: identifier,
  kind: identifier,
  signedOn: calendarDate,
  documentRef: text(500).optional(),
});

export type Revocation = z.infer<typeof revocationSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;

/** Amendments are numbered 1, 2, ... in the order they were recorded. */
export type RecordedAmendment = Omit<AmendmentDocument, 'deliberation'> & { sequence: number };

export type DeliberationEvent =
  | { type: 'DeliberationRecorded'; data: { document: DeliberationDocument } }
  | { type: 'DeliberationAmended'; data: RecordedAmendment }
  | { type: 'DeliberationRevoked'; data: Revocation }
  | { type: 'CommitmentRecorded'; data: Commitment };

/** A stored event as the domain sees it: what happened, its stream revision and when it was recorded. */
export type Recorded<E extends { type: string; data: unknown }> = E & { revision: number; recordedAt: string };

export const deliberationStreamId = (id: string): string => `deliberation-${id}`;
/** `24/130` is addressed as `24-130` in paths and stream names. */
export const deliberationId = (number: string): string => number.replace('/', '-');
export const deliberationNumberOf = (id: string): string => id.replace('-', '/');
