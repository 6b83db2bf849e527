import { addDays, chooseDeliberation } from '../../libs/domain/src/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { check, commitSynthetic, expectStatus, synthetic } from './helpers.js';

/**
 * A check that names no deliberation answers with chooseDeliberation over every deliberation
 * naming the recipient. The service evaluates only the most recent ones in force first and
 * stops at the first that authorises; this compares its answer, on many dates, with
 * chooseDeliberation applied to the named check of every candidate.
 */
describe('checks naming no deliberation: the answer chooseDeliberation gives over every candidate', () => {
  let api: TestServer;
  const shapes = Array.from({ length: 12 }, (_, n) => {
    // Every third shares its decision day with the one before (the number breaks the tie).
    const decidedOn = addDays('2019-01-10', 200 * (n - (n % 3 === 2 ? 1 : 0)));
    const effectiveFrom = addDays(decidedOn, 10 + n);
    return { n, number: `20/${100 + n}`, id: `20-${100 + n}`, decidedOn, effectiveFrom, destroyBy: addDays(effectiveFrom, 3 * 365) };
  });

  beforeAll(async () => {
    api = await startTestServer();
    for (const s of shapes) {
      const body = synthetic(s.number, {
        decidedOn: s.decidedOn,
        effectiveFrom: s.effectiveFrom,
        retention: { destroyBy: s.destroyBy, appliesTo: 'personal-data', clause: '§9' },
      });
      expectStatus(await api.request('POST', '/deliberations', { body }), 201);
      if (s.n % 5 !== 4) await commitSynthetic(api, s.id, s.effectiveFrom);
      if (s.n % 4 === 2)
        expectStatus(
          await api.request('POST', `/deliberations/${s.id}/revocation`, {
            body: { decidedOn: addDays(s.effectiveFrom, 300), effectiveFrom: addDays(s.effectiveFrom, 365), reason: 'ended' },
          }),
          201,
        );
    }
  });
  afterAll(() => api?.close());

  it('given twelve deliberations naming ugent (some revoked, some without commitments, ties on the decision day), on 40 dates the answer is chooseDeliberation of the named checks', async () => {
    let authorisedAnswers = 0;
    for (let i = 0; i < 40; i++) {
      const on = addDays('2019-01-01', 70 * i);
      const release = { recipient: 'ugent', dataset: 'cohort', on, referenceYears: [2016], variables: ['demo.age'] };
      const named = [];
      for (const s of shapes) {
        const answer = await check(api, { ...release, deliberation: s.number });
        named.push({ ...answer, number: s.number, decidedOn: s.decidedOn });
      }
      const expected = chooseDeliberation(named)!;
      const actual = await check(api, release);
      expect({ on, deliberation: actual.deliberation, authorised: actual.authorised, reasons: actual.reasons }).toEqual({
        on,
        deliberation: expected.number,
        authorised: expected.authorised,
        reasons: expected.reasons,
      });
      if (actual.authorised) authorisedAnswers++;
    }
    // Both paths are exercised: the early answer (authorised) and the full search (refused).
    expect(authorisedAnswers).toBeGreaterThan(5);
    expect(authorisedAnswers).toBeLessThan(40);
  });
});
