import { z } from 'zod';
import { ACCESS_MODES } from '../deliberation/document.js';
import { calendarDate, deliberationNumber, identifier, instant, referenceYear } from '../shared/schema-primitives.js';
import { parseVariableReference } from './variable-reference.js';

export const variableReference = z
  .string()
  .max(250)
  .refine(
    (v) => parseVariableReference(v) !== undefined,
    'a variable reference such as "person.sex", "person.deceased@T+1" or "work.nace_code@T-1"',
  );

/** A release the steward asks about (and, for deliveries, records). */
export const releaseFields = {
  deliberation: deliberationNumber.optional(),
  recipient: identifier,
  dataset: identifier,
  access: z.enum(ACCESS_MODES).optional(),
  on: calendarDate.optional(),
  referenceYears: z.array(referenceYear).max(200),
  variables: z.array(variableReference).max(5000),
  table: identifier.optional(),
  subjects: z.number().int().min(0).max(1e10).optional(),
  knownAt: instant.optional(),
};
export const releaseSchema = z.strictObject(releaseFields);
export type ReleaseRequest = z.infer<typeof releaseSchema>;

/** A release with its defaults filled in: `on` is a date, `access` is `transfer` unless asked otherwise. */
export type Release = Omit<ReleaseRequest, 'on' | 'access'> & { on: string; access: (typeof ACCESS_MODES)[number] };
