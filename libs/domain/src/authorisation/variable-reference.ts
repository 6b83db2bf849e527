import type { Dataset, DeliberationDocument, Table } from '../deliberation/document.js';

/** `code` (year T), `code@T+1`, `code@T-1`: a variable of the reference year or of a year next to it. */
export interface VariableReference {
  raw: string;
  code: string;
  offset: number;
}

const REFERENCE = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:@T(?:([+-])([1-9]\d?))?)?$/;

export function parseVariableReference(raw: string): VariableReference | undefined {
  const match = REFERENCE.exec(raw);
  if (!match) return undefined;
  const [, code, sign, amount] = match;
  return { raw, code, offset: sign ? Number(`${sign}${amount}`) : 0 };
}

export const offsetKeyOf = (offset: number): string => (offset === 0 ? 'T' : offset > 0 ? `T+${offset}` : `T${offset}`);

/** A table allows a reference when the variable is in the catalogue and the offset's rule covers it. */
export function tableAllows(table: Table, doc: DeliberationDocument, ref: VariableReference): boolean {
  const rule = table.offsets[offsetKeyOf(ref.offset)];
  const variable = doc.variables.find((v) => v.code === ref.code);
  if (!rule || !variable || rule.except?.includes(ref.code)) return false;
  return Boolean(rule.all || rule.categories?.includes(variable.category) || rule.variables?.includes(ref.code));
}

/** The tables a request may draw from: the named one (when the dataset has it) or all of the dataset's. */
export function tablesFor(doc: DeliberationDocument, dataset: Dataset, tableId?: string): Table[] {
  const ids = tableId === undefined ? dataset.tables : dataset.tables.filter((t) => t === tableId);
  return doc.tables.filter((t) => ids.includes(t.id));
}

export const isVariableAllowed = (doc: DeliberationDocument, datasetId: string, ref: VariableReference, tableId?: string): boolean => {
  const dataset = doc.datasets.find((d) => d.id === datasetId);
  return dataset !== undefined && tablesFor(doc, dataset, tableId).some((table) => tableAllows(table, doc, ref));
};
