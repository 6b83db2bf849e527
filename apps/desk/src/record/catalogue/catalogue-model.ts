import { dump, load } from 'js-yaml';
import type { Dataset, OffsetRule, Table, Variable } from '@registry/domain';

/**
 * The catalogue part of the record form (variables, tables, datasets and the rest), as the
 * structured editor reads and writes it. The YAML/JSON text stays the one source: every edit
 * here is written back to it, and what the editor does not show (commitments, conditions,
 * outputs rules) passes through untouched.
 */
export interface Catalogue {
  variables: Partial<Variable>[];
  tables: (Partial<Omit<Table, 'offsets'>> & { offsets?: Record<string, OffsetRule> })[];
  datasets: Partial<Dataset>[];
  [key: string]: unknown;
}

/** The offsets the editor offers for each table: the year before, the reference year, the year after. */
export const OFFSETS = ['T-1', 'T', 'T+1'] as const;

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The catalogue in the text, or undefined when the text is not a YAML/JSON mapping (the text's own error says why). */
export function readCatalogue(text: string): Catalogue | undefined {
  try {
    const parsed = load(text);
    if (parsed === undefined || parsed === null) return { variables: [], tables: [], datasets: [] };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const c = parsed as Record<string, unknown>;
    return { ...c, variables: list(c.variables), tables: list(c.tables), datasets: list(c.datasets) };
  } catch {
    return undefined;
  }
}

export const writeCatalogue = (catalogue: Catalogue): string => dump(catalogue, { lineWidth: 120, noRefs: true });

/** `items` with the one at `index` replaced by `patch` applied to it; an undefined value removes that key. */
export function patchAt<T extends object>(items: T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, i) => {
    if (i !== index) return item;
    const next = { ...item, ...patch } as Record<string, unknown>;
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    return next as T;
  });
}

export const without = <T>(items: T[], index: number): T[] => items.filter((_, i) => i !== index);

/** A subject limit as typed: a whole number (10 000 and 10.000 read alike), empty for none; anything else is kept as typed, for the schema to refuse. */
export function readLimit(typed: string): number | string | undefined {
  const digits = typed.replace(/[\s.,_']/g, '');
  if (digits === '') return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : typed;
}

/** The categories the catalogue's variables fall into, in the order they first appear. */
export const categoriesOf = (variables: Partial<Variable>[]): string[] => [
  ...new Set(variables.map((v) => v.category).filter((c): c is string => !!c)),
];
