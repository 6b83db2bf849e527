/**
 * Response shapes of the registry API. The current OpenAPI document describes request bodies
 * (generated from the zod schemas) but not responses, so the desk states them here, in one
 * place; when the document gains response schemas, derive these from `schema.d.ts` instead.
 */
import type { DeliberationDocument, AmendmentDocument } from '../../../../libs/domain/src/index.js';

export type Role = 'secretariat' | 'steward' | 'auditor';
export type DeliberationStatus = 'in-force' | 'not-yet-in-force' | 'revoked' | 'retention-ended';

export interface Session {
  actor: string;
  role: Role;
}

export interface Written {
  number: string;
  id: string;
  version: number;
  amendment?: number;
}

export interface DeliberationSummary {
  id: string;
  number: string;
  title?: string;
  decidedOn: string;
  effectiveFrom: string;
  status: DeliberationStatus;
  version: number;
  amendments: number;
  destroyBy: string | null;
  parties?: { id: string; name: string; roles: string[] }[];
}

export interface RecordedAmendment extends AmendmentDocument {
  sequence: number;
  recordedAt: string;
  inForce: boolean;
}

export interface RecordedCommitment {
  party: string;
  kind: string;
  signedOn: string;
  documentRef?: string;
  recordedAt: string;
}

export interface Revocation {
  decidedOn: string;
  effectiveFrom: string;
  reason: string;
  recordedAt?: string;
}

export interface DeliberationView extends DeliberationDocument {
  id: string;
  status: DeliberationStatus;
  version: number;
  on: string;
  destroyBy: string | null;
  recordedAt: string;
  amendments: RecordedAmendment[];
  revocation: Revocation | null;
  commitments: RecordedCommitment[];
}

export interface StoredEvent {
  streamId?: string;
  position: string;
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: { actor?: string; recordedAt?: string; correlationId?: string; causationId?: string };
  hash: string;
  previousHash: string;
}

export interface Reason {
  code: string;
  message: string;
  clause?: string;
  details: Record<string, unknown>;
}

export interface CheckAnswer {
  authorised: boolean;
  deliberation: string | null;
  version?: number;
  on: string;
  reasons: Reason[];
}

export interface Delivery {
  id: string;
  deliberation: string;
  recipient: string;
  dataset: string;
  access: string;
  reference?: string;
  checksum?: string;
  medium?: string;
  variables: string[];
  referenceYears: number[];
  deliveredOn: string;
  obligation: boolean;
  destroyBy: string | null;
  destroyed: boolean;
  destruction: { destroyedOn: string; certificateRef: string; attestedBy: string } | null;
  recordedAt: string;
}

export interface ScheduleEntry {
  delivery: string;
  deliberation: string;
  dataset: string;
  recipient: string;
  deliveredOn: string;
  destroyBy: string;
  daysLeft: number;
  status: 'overdue' | 'due' | 'pending';
}

export interface Reminder {
  id: string;
  delivery: string;
  deliberation: string;
  dataset: string;
  recipient: string;
  destroyBy: string;
  threshold: number | 'overdue';
  asOf: string;
  issuedAt: string;
  status: string;
  attempts: number;
  channels: string[];
}

export interface VerifyAnswer {
  ok: boolean;
  events?: number;
  head?: string;
  firstBrokenPosition?: string;
  reason?: string;
}

export interface OutputReleaseRecorded {
  id?: string;
  releaseId?: string;
  [key: string]: unknown;
}

export interface Items<T> {
  items: T[];
}
