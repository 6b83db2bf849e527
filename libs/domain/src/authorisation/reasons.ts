export const REASON_CODES = [
  'UNKNOWN_DELIBERATION',
  'NOT_YET_IN_FORCE',
  'REVOKED',
  'RETENTION_ENDED',
  'DATASET_NOT_AUTHORISED',
  'RECIPIENT_NOT_AUTHORISED',
  'ACCESS_MODE_NOT_ALLOWED',
  'VARIABLE_NOT_AUTHORISED',
  'REFERENCE_YEAR_NOT_AUTHORISED',
  'SUBJECT_LIMIT_EXCEEDED',
  'COMMITMENT_MISSING',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** Why a release is refused: one per failing rule, with the clause of the decision it comes from. */
export interface Reason {
  code: ReasonCode;
  message: string;
  clause: string | null;
  details: Record<string, unknown>;
}

/** The clause a description cites at its end, e.g. "... (§2, §13)" gives "§2, §13". */
export function clauseCitedIn(text: string | undefined): string | null {
  const match = text && /\((§[^()]*)\)\s*$/.exec(text);
  return match ? match[1] : null;
}

export const joinClauses = (clauses: (string | null | undefined)[]): string | null => {
  const unique = [...new Set(clauses.filter((c): c is string => Boolean(c)))];
  return unique.length ? unique.join('; ') : null;
};
