import type { DeliberationTimeline } from '../deliberation/timeline.js';
import { checkRelease, type CheckResult } from './check-release.js';
import { chooseDeliberation } from './choose-deliberation.js';
import type { Reason } from './reasons.js';
import type { Release } from './release.js';

/** The answer to "is this release authorised?": under which deliberation, at which version, and why not. */
export interface CheckAnswer extends CheckResult {
  deliberation: string | null;
  version: number | null;
  on: string;
  knownAt?: string;
}

/**
 * Answers a check from the deliberations it may fall under, folded as known at `release.knownAt`:
 * when the release names a deliberation, that one (absent when none is recorded under its number);
 * otherwise every deliberation that names the recipient as a party (the caller finds them, e.g.
 * through the deliberation index), one of which `chooseDeliberation` picks.
 */
export function answerCheck(release: Release, deliberations: readonly DeliberationTimeline[]): CheckAnswer {
  const frame = { on: release.on, ...(release.knownAt ? { knownAt: release.knownAt } : {}) };
  if (release.deliberation) {
    const t = deliberations.find((d) => d.original.number === release.deliberation);
    const { authorised, reasons } = checkRelease(t, release, release.deliberation);
    return { authorised, deliberation: release.deliberation, version: t?.version ?? null, ...frame, reasons };
  }
  const candidates = deliberations.map((t) => ({
    ...checkRelease(t, release, t.original.number),
    number: t.original.number,
    decidedOn: t.original.decidedOn,
    version: t.version,
  }));
  const chosen = chooseDeliberation(candidates);
  if (!chosen) return { authorised: false, deliberation: null, version: null, ...frame, reasons: [noDeliberationNames(release.recipient)] };
  const { number, version, authorised, reasons } = chosen;
  return { authorised, deliberation: number, version, ...frame, reasons };
}

/** The answer when no recorded deliberation names the recipient at all: there is nothing to check against. */
export function noDeliberationNames(recipient: string): Reason {
  return {
    code: 'RECIPIENT_NOT_AUTHORISED',
    message: `No recorded deliberation names "${recipient}" as a party.`,
    clause: null,
    details: { recipient },
  };
}
