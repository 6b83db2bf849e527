import { z } from 'zod';
import {
  amendmentDocumentSchema,
  calendarDate,
  commitmentSchema,
  deliberationDocumentSchema,
  deliberationNumber,
  destructionSchema,
  outputReleaseSchema,
  revocationSchema,
} from '@registry/domain';
import { PROBLEM_CODES, type ProblemCode } from '../problem-catalogue.js';

/**
 * What each route answers, as zod schemas turned into the OpenAPI document. Objects are strict,
 * so the response check of the end-to-end suite fails on a field the document does not name.
 */

const dateTime = z.string().meta({ format: 'date-time' });
const uuid = z.string().meta({ format: 'uuid' });
const next = z.string().nullable().meta({ description: 'Pass as `cursor` to get the next page; `null` on the last page.' });
const statusEnum = z.enum(['in-force', 'not-yet-in-force', 'revoked', 'retention-ended']);
const asOfEcho = { on: calendarDate, knownAt: dateTime.optional().meta({ description: 'Echoed when asked.' }) };
const page = <T extends z.ZodType>(item: T, extra: z.ZodRawShape = {}) => z.strictObject({ items: z.array(item), next, ...extra });

export const problemSchema = z
  .object({
    type: z
      .string()
      .meta({ format: 'uri-reference', description: 'A page of this service that explains the problem: `/problems/{code}`.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z
      .enum(PROBLEM_CODES as [ProblemCode, ...ProblemCode[]])
      .meta({ description: 'Machine-readable, UPPER_SNAKE_CASE; `type` is `/problems/{code}`, a page that explains it.' }),
    instance: z.string().optional(),
    errors: z
      .array(z.strictObject({ path: z.string(), message: z.string() }))
      .optional()
      .meta({
        description:
          'Each field refused, as a JSON pointer (`/query/on`, `/path/id`, `/header/if-match`, `/body/...` or `/...` for the body) and why.',
      }),
    hint: z.string().optional(),
  })
  .catchall(z.unknown())
  .meta({ description: 'RFC 9457 problem details. Some problems add members (e.g. `reasons` on a refused delivery).' });

export const writtenSchema = z.strictObject({
  number: deliberationNumber,
  id: z.string(),
  version: z.number().int(),
  amendment: z.number().int().optional().meta({ description: 'The sequence number given to a recorded amendment.' }),
});

export const reasonSchema = z.strictObject({
  code: z.string(),
  message: z.string(),
  clause: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const checkAnswerSchema = z.strictObject({
  authorised: z.boolean(),
  deliberation: deliberationNumber.nullable(),
  version: z.number().int().nullable(),
  on: calendarDate,
  knownAt: dateTime.optional(),
  reasons: z.array(reasonSchema),
});

const { deliberation: _d, ...amendmentFields } = amendmentDocumentSchema.shape;
export const deliberationViewSchema = z.strictObject({
  id: z.string(),
  ...deliberationDocumentSchema.shape,
  status: statusEnum,
  version: z.number().int(),
  ...asOfEcho,
  destroyBy: calendarDate.nullable(),
  recordedAt: dateTime,
  amendments: z.array(z.strictObject({ ...amendmentFields, sequence: z.number().int(), recordedAt: dateTime, inForce: z.boolean() })),
  revocation: z.strictObject({ ...revocationSchema.shape, recordedAt: dateTime }).nullable(),
  commitments: z.array(z.strictObject({ ...commitmentSchema.shape, recordedAt: dateTime })),
});

export const deliberationSummarySchema = z.strictObject({
  id: z.string(),
  number: deliberationNumber,
  title: z.string().nullable(),
  decidedOn: calendarDate,
  effectiveFrom: calendarDate,
  status: statusEnum,
  version: z.number().int(),
  amendments: z.number().int(),
  destroyBy: calendarDate.nullable(),
});
export const deliberationPageSchema = page(deliberationSummarySchema, asOfEcho);

export const eventSchema = z.strictObject({
  position: z.string(),
  revision: z.number().int(),
  eventId: uuid,
  type: z.string(),
  schemaVersion: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  metadata: z.strictObject({ actor: z.string(), recordedAt: dateTime, correlationId: z.string(), causationId: z.string().optional() }),
  hash: z.string(),
  previousHash: z.string(),
});
export const eventPageSchema = page(eventSchema);
export const feedSchema = z.strictObject({
  items: z.array(eventSchema.extend({ streamId: z.string() })),
  next: z.string().meta({ description: 'Pass as `after` to resume.' }),
});

export const deliverySchema = z.strictObject({
  id: uuid,
  deliberation: deliberationNumber,
  recipient: z.string(),
  dataset: z.string(),
  access: z.enum(['transfer', 'secure-onsite']),
  referenceYears: z.array(z.number().int()),
  variables: z.array(z.string()),
  table: z.string().optional(),
  subjects: z.number().int().optional(),
  reference: z.string().optional(),
  checksum: z.string().optional(),
  medium: z.string().optional(),
  deliveredOn: calendarDate,
  obligation: z.boolean().meta({ description: 'Whether the recipient must destroy its copy (personal data, transferred).' }),
  destroyBy: calendarDate.nullable(),
  destroyed: z.boolean(),
  destruction: destructionSchema.nullable(),
  recordedAt: dateTime,
});
export const deliveryPageSchema = page(deliverySchema, { knownAt: dateTime.optional() });

export const scheduleEntrySchema = z.strictObject({
  delivery: uuid,
  deliberation: deliberationNumber,
  dataset: z.string(),
  recipient: z.string(),
  deliveredOn: calendarDate,
  destroyBy: calendarDate,
  daysLeft: z.number().int(),
  status: z.enum(['overdue', 'due', 'pending']),
});
export const schedulePageSchema = page(scheduleEntrySchema, {
  asOf: calendarDate,
  on: calendarDate,
  within: z.number().int(),
  knownAt: dateTime.optional(),
});

const threshold = z.union([z.number().int(), z.literal('overdue')]);
const reminderIssued = {
  id: uuid,
  reminderId: uuid,
  delivery: uuid,
  deliberation: deliberationNumber,
  dataset: z.string(),
  recipient: z.string(),
  destroyBy: calendarDate,
  threshold,
  asOf: calendarDate,
};
export const reminderSchema = z.strictObject({
  ...reminderIssued,
  issuedAt: dateTime,
  status: z.enum(['sent', 'failed', 'retrying', 'pending', 'unsent']),
  attempts: z.number().int(),
  channels: z.array(
    z.strictObject({
      channel: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      sentAt: dateTime.nullable(),
      nextAttemptAt: dateTime.nullable(),
    }),
  ),
});
export const reminderPageSchema = page(reminderSchema, { knownAt: dateTime.optional() });
export const remindersRunSchema = z.strictObject({ asOf: calendarDate, items: z.array(z.strictObject(reminderIssued)) });

export const outputReleaseViewSchema = z.strictObject({ id: uuid, deliberation: deliberationNumber, ...outputReleaseSchema.shape });
export const outputReleasePageSchema = page(outputReleaseViewSchema, { knownAt: dateTime.optional() });

export const verifySchema = z.union([
  z.strictObject({ ok: z.literal(true), events: z.number().int(), head: z.string() }),
  z.strictObject({ ok: z.literal(false), firstBrokenPosition: z.string(), reason: z.string() }),
]);
export const sessionSchema = z.strictObject({ actor: z.string(), role: z.enum(['secretariat', 'steward', 'auditor']) });
export const healthSchema = z.strictObject({ status: z.literal('ok') });
export const readySchema = z.strictObject({ status: z.enum(['ready', 'catching-up']), behind: z.array(z.string()) });
