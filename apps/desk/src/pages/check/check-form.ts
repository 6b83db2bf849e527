import { deliveryRequestSchema, releaseSchema } from '@registry/domain';
import type { Reason } from '../../api/types.js';
import { readYears } from '../../record/document-form.js';
import { translateIssue } from '../../i18n/issues.js';

export interface CheckForm {
  deliberation: string;
  recipient: string;
  dataset: string;
  access: string;
  on: string;
  knownAt: string;
  years: string;
  variables: string;
  table: string;
  subjects: string;
}

export const emptyCheck = (): CheckForm => ({
  deliberation: '',
  recipient: '',
  dataset: '',
  access: 'transfer',
  on: '',
  knownAt: '',
  years: '',
  variables: '',
  table: '',
  subjects: '',
});

const codes = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);

export function toRelease(form: CheckForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    deliberation: form.deliberation.trim() || undefined,
    recipient: form.recipient.trim(),
    dataset: form.dataset.trim(),
    access: form.access || undefined,
    on: form.on || undefined,
    referenceYears: readYears(form.years),
    variables: codes(form.variables),
    table: form.table.trim() || undefined,
    subjects: form.subjects.trim() === '' ? undefined : Number(form.subjects),
    knownAt: form.knownAt || undefined,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

const FIELD: Record<string, keyof CheckForm> = { referenceYears: 'years' };
export function checkErrors(body: unknown, delivery = false): Record<string, string> {
  const result = (delivery ? deliveryRequestSchema : releaseSchema).safeParse(body);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    errors[FIELD[key] ?? key] = translateIssue(issue.message);
  }
  return errors;
}

/** What would make a refused release pass, as a change the steward can apply to the form. */
export type Fix =
  | { kind: 'drop-variables'; variables: string[] }
  | { kind: 'drop-years'; years: number[] }
  | { kind: 'subjects'; max: number }
  | { kind: 'wait'; until: string }
  | { kind: 'access'; access: string }
  | { kind: 'sign'; missing: { party: string; kind: string }[] }
  | { kind: 'none' };

export function fixFor(reason: Reason): Fix {
  const d = reason.details ?? {};
  switch (reason.code) {
    case 'VARIABLE_NOT_AUTHORISED':
      return { kind: 'drop-variables', variables: [...((d.variables as string[]) ?? []), ...((d.unknown as string[]) ?? [])] };
    case 'REFERENCE_YEAR_NOT_AUTHORISED':
      return { kind: 'drop-years', years: (d.years as number[]) ?? [] };
    case 'SUBJECT_LIMIT_EXCEEDED':
      return { kind: 'subjects', max: Number(d.maxSubjects ?? d.max ?? d.limit ?? 0) };
    case 'NOT_YET_IN_FORCE':
      return { kind: 'wait', until: String(d.effectiveFrom ?? d.from ?? '') };
    case 'ACCESS_MODE_NOT_ALLOWED':
      return { kind: 'access', access: String(d.allowed ?? d.access ?? 'secure-onsite') };
    case 'COMMITMENT_MISSING':
      return { kind: 'sign', missing: (d.missing as { party: string; kind: string }[]) ?? [] };
    default:
      return { kind: 'none' };
  }
}

export function applyFix(form: CheckForm, fix: Fix): CheckForm {
  switch (fix.kind) {
    case 'drop-variables':
      return {
        ...form,
        variables: codes(form.variables)
          .filter((v) => !fix.variables.includes(v) && !fix.variables.includes(v.split('@')[0]))
          .join('\n'),
      };
    case 'drop-years':
      return {
        ...form,
        years: readYears(form.years)
          .filter((y) => !fix.years.includes(y))
          .join(', '),
      };
    case 'subjects':
      return fix.max ? { ...form, subjects: String(fix.max) } : form;
    case 'wait':
      return fix.until ? { ...form, on: fix.until } : form;
    case 'access':
      return { ...form, access: fix.access };
    default:
      return form;
  }
}
