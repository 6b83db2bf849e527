import { applyChange, type Change, type DeliberationDocument } from '@registry/domain';
import type { DeliberationView } from '../api/types.js';
import { translateIssue } from '../i18n/issues.js';

const DOCUMENT_KEYS = [
  'number',
  'reference',
  'committee',
  'chamber',
  'title',
  'decidedOn',
  'effectiveFrom',
  'purpose',
  'legalBasis',
  'source',
  'predecessors',
  'parties',
  'population',
  'referenceYears',
  'variables',
  'tables',
  'datasets',
  'retention',
  'requiredCommitments',
  'conditions',
];

/** The recorded document inside a deliberation as the server shows it (without its history). */
export const documentOf = (view: DeliberationView): DeliberationDocument =>
  Object.fromEntries(
    Object.entries(view).filter(([k, v]) => (DOCUMENT_KEYS as readonly string[]).includes(k) && v != null),
  ) as DeliberationDocument;

/** The decision after the changes (applied by the domain's own rule), or the first change that does not apply. */
export function preview(view: DeliberationView, changes: Change[]): { document?: DeliberationDocument; error?: string } {
  let document = documentOf(view);
  for (const [i, change] of changes.entries()) {
    const result = applyChange(document, change, `changes.${i}`);
    if (!result.ok) return { error: `${i + 1}: ${translateIssue(result.error.message)}` };
    document = result.document;
  }
  return { document };
}
