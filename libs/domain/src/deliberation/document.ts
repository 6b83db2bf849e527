import { z } from 'zod';
import { calendarDate, deliberationNumber, identifier, referenceYear, text, uniqueBy, variableCode } from '../shared/schema-primitives.js';

/** The deliberation document format of `shared/fixtures/24-130.deliberation.json`. */

export const PARTY_ROLES = ['joint-controller', 'controller', 'processor', 'recipient', 'source'] as const;
export const DATASET_KINDS = ['pseudonymised', 'scrambled', 'anonymous'] as const;
export const ACCESS_MODES = ['transfer', 'secure-onsite'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const partySchema = z.strictObject({
  id: identifier,
  name: text(500),
  roles: z.array(z.enum(PARTY_ROLES)).min(1).max(5),
});

export const variableSchema = z.strictObject({
  code: variableCode,
  category: identifier,
  label: text(500),
});

/** `T`, `T+1`, `T-1`, ...: which reference-year offset a table row covers. */
export const offsetKey = z.string().regex(/^T([+-][1-9]\d?)?$/, 'an offset such as "T", "T+1" or "T-1"');

export const offsetRuleSchema = z
  .strictObject({
    all: z.boolean().optional(),
    except: z.array(variableCode).max(1000).optional(),
    categories: z.array(identifier).max(200).optional(),
    variables: z.array(variableCode).max(1000).optional(),
  })
  .refine((r) => r.all || r.categories || r.variables, 'give "all": true, "categories" or "variables"');

export const tableSchema = z.strictObject({
  id: identifier,
  description: text().optional(),
  offsets: z.record(offsetKey, offsetRuleSchema).refine((o) => Object.keys(o).length > 0, 'at least one offset'),
});

export const outputsRuleSchema = z.strictObject({
  only: z.enum(DATASET_KINDS),
  requires: z.literal('small-cell-risk-analysis').optional(),
  clause: text(200).optional(),
});

export const datasetSchema = z.strictObject({
  id: identifier,
  description: text().optional(),
  kind: z.enum(DATASET_KINDS),
  access: z.enum(ACCESS_MODES),
  maxSubjects: z.number().int().positive().max(1e10).optional(),
  tables: z.array(identifier).min(1).max(100),
  personalData: z.boolean(),
  outputs: outputsRuleSchema.optional(),
});

export const retentionSchema = z.strictObject({
  destroyBy: calendarDate,
  appliesTo: text(200).optional(),
  rule: text().optional(),
  clause: text(200).optional(),
});

export const commitmentRuleSchema = z.strictObject({
  kind: identifier,
  /** `each-joint-controller`, `each-recipient`, or one party id. */
  from: identifier,
  clause: text(200).optional(),
});

export const deliberationDocumentSchema = z
  .strictObject({
    number: deliberationNumber,
    reference: text(200).optional(),
    committee: text(500).optional(),
    chamber: text(500).optional(),
    title: text(2000).optional(),
    decidedOn: calendarDate,
    effectiveFrom: calendarDate,
    purpose: text().optional(),
    legalBasis: z.array(text()).max(50).optional(),
    source: z.strictObject({ party: identifier, system: text(500).optional() }).optional(),
    predecessors: z
      .array(z.strictObject({ number: deliberationNumber, decidedOn: calendarDate.optional(), note: text().optional() }))
      .max(50)
      .optional(),
    parties: z
      .array(partySchema)
      .min(1)
      .max(200)
      .superRefine(uniqueBy((p) => p.id, 'party id')),
    population: text().optional(),
    referenceYears: z.array(referenceYear).min(1).max(200),
    variables: z
      .array(variableSchema)
      .max(5000)
      .superRefine(uniqueBy((v) => v.code, 'variable code')),
    tables: z
      .array(tableSchema)
      .min(1)
      .max(100)
      .superRefine(uniqueBy((t) => t.id, 'table id')),
    datasets: z
      .array(datasetSchema)
      .min(1)
      .max(100)
      .superRefine(uniqueBy((d) => d.id, 'dataset id')),
    retention: retentionSchema.optional(),
    requiredCommitments: z.array(commitmentRuleSchema).max(50).optional(),
    conditions: z
      .array(z.strictObject({ code: identifier, clause: text(200).optional(), text: text() }))
      .max(100)
      .optional(),
  })
  .superRefine((doc, ctx) => {
    for (const issue of crossReferenceIssues(doc)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type Party = z.infer<typeof partySchema>;
export type Variable = z.infer<typeof variableSchema>;
export type OffsetRule = z.infer<typeof offsetRuleSchema>;
export type Table = z.infer<typeof tableSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type CommitmentRule = z.infer<typeof commitmentRuleSchema>;
export type DeliberationDocument = z.infer<typeof deliberationDocumentSchema>;

/**
 * Ids a document must define itself. Variables and categories named by a table but absent
 * from the catalogue are not refused: they simply authorise nothing (the catalogue decides).
 */
export function crossReferenceIssues(
  doc: Pick<DeliberationDocument, 'tables' | 'datasets' | 'parties'> & Partial<Pick<DeliberationDocument, 'requiredCommitments'>>,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const tableIds = new Set(doc.tables.map((t) => t.id));
  const partyIds = new Set(doc.parties.map((p) => p.id));
  doc.datasets.forEach((d, i) =>
    d.tables.forEach((t, j) => {
      if (!tableIds.has(t)) issues.push({ path: ['datasets', i, 'tables', j], message: `unknown table "${t}"` });
    }),
  );
  doc.requiredCommitments?.forEach((c, i) => {
    if (!['each-joint-controller', 'each-recipient'].includes(c.from) && !partyIds.has(c.from))
      issues.push({
        path: ['requiredCommitments', i, 'from'],
        message: `must be "each-joint-controller", "each-recipient" or a party id, not "${c.from}"`,
      });
  });
  return issues;
}
