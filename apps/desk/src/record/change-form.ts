import { changeSchema, type Change } from '@registry/domain';
import { readYears } from './document-form.js';
import { translateIssue } from '../i18n/issues.js';

export const OPS = [
  'addDataset',
  'removeDataset',
  'updateDataset',
  'addVariables',
  'removeVariables',
  'addParty',
  'removeParty',
  'setReferenceYears',
  'setRetention',
] as const;
export type Op = (typeof OPS)[number];

/** One change as typed. */
export interface ChangeForm {
  op: Op;
  id: string;
  description: string;
  kind: string;
  access: string;
  maxSubjects: string;
  tables: string[];
  personalData: boolean;
  name: string;
  roles: string[];
  lines: string;
  years: string;
  destroyBy: string;
}

export const emptyChange = (op: Op = 'addDataset'): ChangeForm => ({
  op,
  id: '',
  description: '',
  kind: 'pseudonymised',
  access: 'transfer',
  maxSubjects: '',
  tables: [],
  personalData: true,
  name: '',
  roles: [],
  lines: '',
  years: '',
  destroyBy: '',
});

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const subjects = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

/** The change the form describes, before validation. */
export function toChange(c: ChangeForm): unknown {
  switch (c.op) {
    case 'addDataset':
      return {
        op: c.op,
        dataset: {
          id: c.id.trim(),
          description: c.description.trim() || undefined,
          kind: c.kind,
          access: c.access,
          maxSubjects: subjects(c.maxSubjects),
          tables: c.tables,
          personalData: c.personalData,
        },
      };
    case 'removeDataset':
      return { op: c.op, datasetId: c.id };
    case 'updateDataset': {
      const set: Record<string, unknown> = {};
      if (c.description.trim()) set.description = c.description.trim();
      if (c.access) set.access = c.access;
      if (c.maxSubjects.trim()) set.maxSubjects = subjects(c.maxSubjects);
      return { op: c.op, datasetId: c.id, set };
    }
    case 'addVariables':
      return {
        op: c.op,
        variables: lines(c.lines).map((l) => {
          const [code = '', category = '', label = ''] = l.split('|').map((p) => p.trim());
          return { code, category, label };
        }),
      };
    case 'removeVariables':
      return { op: c.op, codes: lines(c.lines) };
    case 'addParty':
      return { op: c.op, party: { id: c.id.trim(), name: c.name.trim(), roles: c.roles } };
    case 'removeParty':
      return { op: c.op, partyId: c.id };
    case 'setReferenceYears':
      return { op: c.op, years: readYears(c.years) };
    case 'setRetention':
      return { op: c.op, destroyBy: c.destroyBy };
  }
}

/** The change, or the errors to show next to its fields (keyed by the last path segment). */
export function readChange(c: ChangeForm): { change?: Change; errors: Record<string, string> } {
  const result = changeSchema.safeParse(toChange(c));
  if (result.success) return { change: result.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const leaf = issue.path.filter((p) => typeof p === 'string').at(-1);
    const field =
      leaf === 'datasetId' || leaf === 'partyId'
        ? 'id'
        : leaf === 'variables' || leaf === 'codes' || leaf === 'code' || leaf === 'category' || leaf === 'label'
          ? 'lines'
          : leaf === 'set'
            ? 'description'
            : String(leaf ?? 'op');
    const said = translateIssue(issue.message);
    errors[field] = errors[field] ? `${errors[field]}; ${said}` : said;
  }
  return { errors };
}
