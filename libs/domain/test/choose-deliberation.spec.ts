import { checkRelease, chooseDeliberation, type CandidateAnswer, type DeliberationTimeline, type Release } from '../src/index.js';
import { commitments24130, decided, decision21144, given24130, release, timeline } from './given.js';

/** What the check endpoint does when no deliberation is named: every deliberation naming the recipient is a candidate. */
const answer = (t: DeliberationTimeline, r: Release): CandidateAnswer => ({
  ...checkRelease(t, r, t.original.number),
  number: t.original.number,
  decidedOn: t.original.decidedOn,
});

const given21144 = () => timeline(decided(decision21144()), commitments24130('2021-11-01'));
const both = (r: Release) => [answer(given21144(), r), answer(given24130(), r)];

describe('chooseDeliberation', () => {
  it('given 24/130 (2020-2022) and a 21/144-like predecessor (2005-2019), when year 2019 is asked with no deliberation named, then 21/144 answers and authorises', () => {
    const r = release({ deliberation: undefined, referenceYears: [2019] });
    const chosen = chooseDeliberation(both(r));
    expect(chosen).toMatchObject({ number: '21/144', authorised: true, reasons: [] });
  });

  it('given the same two, when year 2019 is asked, then 24/130 alone would refuse it with REFERENCE_YEAR_NOT_AUTHORISED', () => {
    const r = release({ deliberation: undefined, referenceYears: [2019] });
    expect(answer(given24130(), r).reasons.map((x) => x.code)).toEqual(['REFERENCE_YEAR_NOT_AUTHORISED']);
  });

  it('given the same two, when year 2021 is asked, then 24/130 answers', () => {
    const chosen = chooseDeliberation(both(release({ deliberation: undefined, referenceYears: [2021] })));
    expect(chosen).toMatchObject({ number: '24/130', authorised: true });
  });

  it('given the same two, when 2019 and 2020 are asked together, then neither authorises and the most recent of the closest (24/130) answers with its reasons', () => {
    const chosen = chooseDeliberation(both(release({ deliberation: undefined, referenceYears: [2019, 2020] })));
    expect(chosen?.number).toBe('24/130');
    expect(chosen?.authorised).toBe(false);
    expect(chosen?.reasons.map((x) => ({ code: x.code, years: x.details.years }))).toEqual([
      { code: 'REFERENCE_YEAR_NOT_AUTHORISED', years: [2019] },
    ]);
  });

  it('given two candidates that both authorise, when chosen, then the most recently decided wins whatever the input order', () => {
    const r = release({ deliberation: undefined, referenceYears: [2021] });
    const newer = given21144();
    const older: CandidateAnswer = { ...answer(newer, r), authorised: true, reasons: [] };
    const a = { ...older, number: '21/144', decidedOn: '2021-10-05' };
    const b = { ...older, number: '24/130', decidedOn: '2024-09-03' };
    expect(chooseDeliberation([a, b])?.number).toBe('24/130');
    expect(chooseDeliberation([b, a])?.number).toBe('24/130');
  });

  it('given an authorising candidate with more reasons elsewhere, when chosen, then the authorising one wins over a more recent refusing one', () => {
    const refusing: CandidateAnswer = { number: '25/001', decidedOn: '2025-01-01', authorised: false, reasons: [] as never[] };
    const refusingWithReason = { ...refusing, reasons: [{ code: 'REVOKED' as const, message: '', clause: null, details: {} }] };
    const authorising: CandidateAnswer = { number: '20/001', decidedOn: '2020-01-01', authorised: true, reasons: [] };
    expect(chooseDeliberation([refusingWithReason, authorising])?.number).toBe('20/001');
  });

  it('given refusing candidates, when chosen, then the one with fewest reasons wins even if older', () => {
    const reason = { code: 'REVOKED' as const, message: '', clause: null, details: {} };
    const older: CandidateAnswer = { number: '20/001', decidedOn: '2020-01-01', authorised: false, reasons: [reason] };
    const newer: CandidateAnswer = { number: '25/001', decidedOn: '2025-01-01', authorised: false, reasons: [reason, reason] };
    expect(chooseDeliberation([newer, older])?.number).toBe('20/001');
  });

  it('given no candidate, when chosen, then there is no answer', () => {
    expect(chooseDeliberation([])).toBeUndefined();
  });

  it('given 21/144 with its retention ended (one reason) and 24/130 refusing the year (one reason), when 2019 is asked in 2028, then the tie goes to 21/144, whose reference years cover the request, and nothing authorises', () => {
    const r = release({ deliberation: undefined, referenceYears: [2019], on: '2028-01-01' });
    const answers = both(r);
    expect(answers.map((a) => [a.number, a.reasons.map((x) => x.code)])).toEqual([
      ['21/144', ['RETENTION_ENDED']],
      ['24/130', ['REFERENCE_YEAR_NOT_AUTHORISED']],
    ]);
    const chosen = chooseDeliberation(answers);
    expect(chosen?.authorised).toBe(false);
    expect(chosen?.number).toBe('21/144');
  });
});
