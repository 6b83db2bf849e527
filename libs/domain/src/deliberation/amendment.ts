import { z } from 'zod';
import { calendarDate, deliberationNumber, identifier, referenceYear, text, variableCode } from '../shared/schema-primitives.js';
import { datasetSchema, partySchema, variableSchema } from './document.js';

/** The fields of a dataset that `updateDataset` may set (the id never changes). */
export const datasetPatchSchema = datasetSchema
  .omit({ id: true })
  .partial()
  .extend({ maxSubjects: datasetSchema.shape.maxSubjects.nullable() })
  .refine((set) => Object.keys(set).length > 0, 'set at least one field');

export const changeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('addDataset'), dataset: datasetSchema }),
  z.strictObject({ op: z.literal('removeDataset'), datasetId: identifier }),
  z.strictObject({ op: z.literal('updateDataset'), datasetId: identifier, set: datasetPatchSchema }),
  z.strictObject({ op: z.literal('addVariables'), variables: z.array(variableSchema).min(1).max(5000) }),
  z.strictObject({ op: z.literal('removeVariables'), codes: z.array(variableCode).min(1).max(5000) }),
  z.strictObject({ op: z.literal('addParty'), party: partySchema }),
  z.strictObject({ op: z.literal('removeParty'), partyId: identifier }),
  z.strictObject({ op: z.literal('setReferenceYears'), years: z.array(referenceYear).min(1).max(200) }),
  z.strictObject({ op: z.literal('setRetention'), destroyBy: calendarDate }),
]);

export const amendmentDocumentSchema = z.strictObject({
  deliberation: deliberationNumber.optional(),
  decidedOn: calendarDate,
  effectiveFrom: calendarDate,
  summary: text().optional(),
  changes: z.array(changeSchema).min(1).max(200),
});

export type Change = z.infer<typeof changeSchema>;
export type AmendmentDocument = z.infer<typeof amendmentDocumentSchema>;
export const CHANGE_OPS = changeSchema.options.map((o) => o.shape.op.value);
