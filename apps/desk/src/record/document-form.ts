import { dump, load } from 'js-yaml';
import { deliberationDocumentSchema, type DeliberationDocument } from '@registry/domain';
import type { DeliberationDraft } from '../drafting/index.js';
import { translateIssue } from '../i18n/issues.js';

/** The deliberation form as typed: every field a string, so nothing typed is ever lost. */
export interface PartyRow {
  id: string;
  name: string;
  roles: string[];
}
export interface PredecessorRow {
  number: string;
  decidedOn: string;
  note: string;
}
export interface DocumentForm {
  number: string;
  reference: string;
  committee: string;
  chamber: string;
  title: string;
  decidedOn: string;
  effectiveFrom: string;
  purpose: string;
  legalBasis: string;
  sourceParty: string;
  sourceSystem: string;
  population: string;
  referenceYears: string;
  destroyBy: string;
  retentionRule: string;
  retentionClause: string;
  parties: PartyRow[];
  predecessors: PredecessorRow[];
  /** Variables, tables, datasets, required commitments and conditions, in YAML or JSON. */
  catalogue: string;
}

export type FieldErrors = Record<string, string>;
/** The sentence each pre-filled field was read from. */
export type Sources = Record<string, string>;

export const CATALOGUE_TEMPLATE = 'variables: []\ntables: []\ndatasets: []\nrequiredCommitments: []\nconditions: []\n';

export const emptyForm = (): DocumentForm => ({
  number: '',
  reference: '',
  committee: '',
  chamber: '',
  title: '',
  decidedOn: '',
  effectiveFrom: '',
  purpose: '',
  legalBasis: '',
  sourceParty: '',
  sourceSystem: '',
  population: '',
  referenceYears: '',
  destroyBy: '',
  retentionRule: '',
  retentionClause: '',
  parties: [],
  predecessors: [],
  catalogue: CATALOGUE_TEMPLATE,
});

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** "2020, 2021, 2022" or "2020-2022" → [2020, 2021, 2022]; NaN marks what is not a year. */
export function readYears(text: string): number[] {
  const years: number[] = [];
  for (const part of text.split(/[,;\s]+/).filter(Boolean)) {
    const range = /^(\d{4})-(\d{4})$/.exec(part);
    if (range) for (let y = Number(range[1]); y <= Number(range[2]) && years.length < 500; y++) years.push(y);
    else years.push(/^\d{4}$/.test(part) ? Number(part) : Number.NaN);
  }
  return years;
}

/** The document the form describes, or the YAML error of its catalogue part. */
export function toDocument(form: DocumentForm): { document: Record<string, unknown>; catalogueError?: string } {
  let catalogue: Record<string, unknown> = {};
  let catalogueError: string | undefined;
  try {
    const parsed = load(form.catalogue);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) catalogue = parsed as Record<string, unknown>;
    else if (parsed !== undefined && parsed !== null) catalogueError = 'catalogue.notMapping';
  } catch (error) {
    catalogueError = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  const document: Record<string, unknown> = {
    number: form.number.trim(),
    reference: optional(form.reference),
    committee: optional(form.committee),
    chamber: optional(form.chamber),
    title: optional(form.title),
    decidedOn: form.decidedOn,
    effectiveFrom: form.effectiveFrom,
    purpose: optional(form.purpose),
    legalBasis: form.legalBasis.trim()
      ? form.legalBasis
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
      : undefined,
    source: form.sourceParty.trim() ? { party: form.sourceParty.trim(), system: optional(form.sourceSystem) } : undefined,
    predecessors: form.predecessors.length
      ? form.predecessors.map((p) => ({ number: p.number.trim(), decidedOn: optional(p.decidedOn), note: optional(p.note) }))
      : undefined,
    parties: form.parties.map((p) => ({ id: p.id.trim(), name: p.name.trim(), roles: p.roles })),
    population: optional(form.population),
    referenceYears: readYears(form.referenceYears),
    retention: form.destroyBy
      ? { destroyBy: form.destroyBy, rule: optional(form.retentionRule), clause: optional(form.retentionClause) }
      : undefined,
    variables: [],
    tables: [],
    datasets: [],
    ...catalogue,
  };
  for (const key of Object.keys(document)) if (document[key] === undefined) delete document[key];
  return { document, catalogueError };
}

const CATALOGUE_KEYS = ['variables', 'tables', 'datasets', 'requiredCommitments', 'conditions'];

/** Which form field an error at `path` belongs next to. */
export function fieldOf(path: readonly (string | number)[]): string {
  const [head, index, leaf] = path;
  if (head === 'retention') return path[1] === 'destroyBy' ? 'destroyBy' : path[1] === 'rule' ? 'retentionRule' : 'retentionClause';
  if (head === 'source') return path[1] === 'system' ? 'sourceSystem' : 'sourceParty';
  if ((head === 'parties' || head === 'predecessors') && index !== undefined)
    return leaf === undefined ? String(head) : `${head}.${index}.${leaf}`;
  if (CATALOGUE_KEYS.includes(String(head)) || head === undefined) return 'catalogue';
  return String(head);
}

/** Field errors, each one next to its field; catalogue errors say where in the catalogue. */
export function collectErrors(issues: readonly { path: readonly PropertyKey[] | string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = (
      typeof issue.path === 'string'
        ? issue.path.split(/[.[\]]+/).filter(Boolean)
        : issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))
    ).map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
    const field = fieldOf(path);
    const said = translateIssue(issue.message);
    const message = field === 'catalogue' ? `${path.join('.')}: ${said}` : said;
    errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
    // The catalogue's structured editor shows each error next to its own field too.
    if (field === 'catalogue' && path.length) errors[`catalogue:${path.join('.')}`] = said;
  }
  return errors;
}

/** Validates in the browser with the very schema the server uses. */
export function validate(form: DocumentForm): { document?: DeliberationDocument; errors: FieldErrors } {
  const { document, catalogueError } = toDocument(form);
  const result = deliberationDocumentSchema.safeParse(document);
  const errors = result.success ? {} : collectErrors(result.error.issues);
  if (catalogueError) errors.catalogue = catalogueError;
  return Object.keys(errors).length ? { errors } : { document: result.data, errors };
}

/** A whole document (uploaded JSON or YAML) as the form. */
export function fromDocument(doc: Partial<DeliberationDocument>): DocumentForm {
  const catalogue: Record<string, unknown> = {};
  for (const key of CATALOGUE_KEYS)
    if ((doc as Record<string, unknown>)[key] !== undefined) catalogue[key] = (doc as Record<string, unknown>)[key];
  return {
    ...emptyForm(),
    number: doc.number ?? '',
    reference: doc.reference ?? '',
    committee: doc.committee ?? '',
    chamber: doc.chamber ?? '',
    title: doc.title ?? '',
    decidedOn: doc.decidedOn ?? '',
    effectiveFrom: doc.effectiveFrom ?? '',
    purpose: doc.purpose ?? '',
    legalBasis: (doc.legalBasis ?? []).join('\n'),
    sourceParty: doc.source?.party ?? '',
    sourceSystem: doc.source?.system ?? '',
    population: doc.population ?? '',
    referenceYears: (doc.referenceYears ?? []).join(', '),
    destroyBy: doc.retention?.destroyBy ?? '',
    retentionRule: doc.retention?.rule ?? '',
    retentionClause: doc.retention?.clause ?? '',
    parties: (doc.parties ?? []).map((p) => ({ id: p.id, name: p.name, roles: [...p.roles] })),
    predecessors: (doc.predecessors ?? []).map((p) => ({ number: p.number, decidedOn: p.decidedOn ?? '', note: p.note ?? '' })),
    catalogue: Object.keys(catalogue).length ? dump(catalogue, { lineWidth: 120 }) : CATALOGUE_TEMPLATE,
  };
}

/** What a published text states, put into the form; what it does not state stays as it was. */
export function fromDraft(draft: DeliberationDraft, form: DocumentForm): { form: DocumentForm; sources: Sources } {
  const sources: Sources = {};
  const next = { ...form };
  const take = (field: keyof DocumentForm, found: { value: unknown; source: string } | undefined, value = found?.value) => {
    if (!found) return;
    Object.assign(next, { [field]: value });
    sources[field] = found.source;
  };
  take('number', draft.number);
  take('reference', draft.reference);
  take('committee', draft.committee);
  take('chamber', draft.chamber);
  take('title', draft.title);
  take('decidedOn', draft.decidedOn);
  take('effectiveFrom', draft.effectiveFrom);
  take('population', draft.population);
  take('referenceYears', draft.referenceYears, draft.referenceYears?.value.join(', '));
  take('destroyBy', draft.destroyBy);
  if (draft.parties.length) {
    next.parties = draft.parties.map((p, i) => {
      sources[`parties.${i}.name`] = p.source;
      return { id: p.value.id, name: p.value.name, roles: ['recipient'] };
    });
  }
  if (draft.predecessors.length) {
    next.predecessors = draft.predecessors.map((p, i) => {
      sources[`predecessors.${i}.number`] = p.source;
      return { number: p.value.number, decidedOn: p.value.decidedOn ?? '', note: '' };
    });
  }
  return { form: next, sources };
}
