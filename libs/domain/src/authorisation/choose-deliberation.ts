import type { CheckResult } from './check-release.js';

export interface CandidateAnswer extends CheckResult {
  number: string;
  decidedOn: string;
}

/**
 * When a check names no deliberation, every deliberation naming the recipient is tried:
 * the answer is one that authorises (the most recently decided), else the one that
 * came closest: fewest reasons, then one whose reference years cover the request (so a
 * predecessor answers for its own years), then the most recently decided.
 */
export function chooseDeliberation<C extends CandidateAnswer>(candidates: C[]): C | undefined {
  const byRecency = [...candidates].sort((a, b) =>
    a.decidedOn === b.decidedOn ? b.number.localeCompare(a.number) : a.decidedOn < b.decidedOn ? 1 : -1,
  );
  const yearsWrong = (c: CandidateAnswer) => (c.reasons.some((r) => r.code === 'REFERENCE_YEAR_NOT_AUTHORISED') ? 1 : 0);
  return (
    byRecency.find((c) => c.authorised) ??
    [...byRecency].sort((a, b) => a.reasons.length - b.reasons.length || yearsWrong(a) - yearsWrong(b))[0]
  );
}
