import { startTestServer, type TestServer } from '../support/server.js';
import { cohort, recordCheckDeliberations } from './authorisation-checks-deliberations.js';
import { check, codes, sampleRelease } from './helpers.js';

/** Checks against 24/130 as published, and checks that name no deliberation (the search by recipient). */
describe('POST /authorisation-checks', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
    await recordCheckDeliberations(api);
  });
  afterAll(() => api?.close());

  describe('24/130', () => {
    it('the scrambled dataset only from 2024-11-21', async () => {
      const release = sampleRelease({ dataset: 'scrambled', subjects: undefined });
      const before = await check(api, { ...release, on: '2024-11-20' });
      expect(codes(before.reasons)).toEqual(['NOT_YET_IN_FORCE']);
      expect(before.deliberation).toBe('24/130');
      const from = await check(api, { ...release, on: '2024-11-21' });
      expect(from).toMatchObject({ authorised: true, deliberation: '24/130', reasons: [] });
    });

    it('person.deceased only at T+1', async () => {
      expect((await check(api, sampleRelease({ variables: ['person.deceased@T+1'] }))).authorised).toBe(true);
      expect((await check(api, sampleRelease({ variables: ['person.deceased@T+1'], table: 'with-next-year' }))).authorised).toBe(true);
      for (const [variables, table] of [
        [['person.deceased']],
        [['person.deceased@T-1']],
        [['person.deceased@T+1'], 'with-previous-year'],
      ] as const) {
        const answer = await check(api, sampleRelease({ variables: [...variables], ...(table ? { table } : {}) }));
        expect(codes(answer.reasons)).toEqual(['VARIABLE_NOT_AUTHORISED']);
        expect(answer.reasons[0].details.variables).toEqual(variables);
      }
    });

    it('the population only secure-onsite', async () => {
      const release = sampleRelease({ dataset: 'population', subjects: 7_500_000 });
      expect(codes((await check(api, { ...release, access: 'transfer' })).reasons)).toEqual(['ACCESS_MODE_NOT_ALLOWED']);
      expect((await check(api, { ...release, access: 'secure-onsite' })).authorised).toBe(true);
      expect(codes((await check(api, { ...release, access: 'secure-onsite', subjects: 7_500_001 })).reasons)).toEqual([
        'SUBJECT_LIMIT_EXCEEDED',
      ]);
    });

    it('nothing after 2030-12-31 for personal data', async () => {
      expect((await check(api, sampleRelease({ on: '2030-12-31' }))).authorised).toBe(true);
      expect(codes((await check(api, sampleRelease({ on: '2031-01-01' }))).reasons)).toEqual(['RETENTION_ENDED']);
      expect(
        codes((await check(api, sampleRelease({ dataset: 'population', access: 'secure-onsite', on: '2031-01-01' }))).reasons),
      ).toEqual(['RETENTION_ENDED']);
      expect(
        codes((await check(api, sampleRelease({ dataset: 'scrambled', subjects: undefined, on: '2031-01-01' }))).reasons),
      ).not.toContain('RETENTION_ENDED');
    });

    it('reference years 2020-2022 only', async () => {
      const answer = await check(api, sampleRelease({ referenceYears: [2019, 2020, 2023] }));
      expect(codes(answer.reasons)).toEqual(['REFERENCE_YEAR_NOT_AUTHORISED']);
      expect(answer.reasons[0].details.years).toEqual([2019, 2023]);
    });
  });

  describe('a check that names no deliberation searches those naming the recipient', () => {
    const unnamed = (overrides: Record<string, unknown>) => {
      const { deliberation: _, ...release } = sampleRelease(overrides);
      return release;
    };

    it('2019 answers 21/144, 2021 answers 24/130', async () => {
      const y2019 = await check(api, unnamed({ referenceYears: [2019] }));
      expect(y2019).toMatchObject({ authorised: true, deliberation: '21/144', reasons: [] });
      const y2021 = await check(api, unnamed({ referenceYears: [2021] }));
      expect(y2021).toMatchObject({ authorised: true, deliberation: '24/130', reasons: [] });
      expect(y2021.version).toEqual(expect.any(Number));
    });

    it('a release no deliberation authorises is refused, naming the closest', async () => {
      const both = await check(api, unnamed({ referenceYears: [2019, 2021] }));
      expect(both.authorised).toBe(false);
      expect(['21/144', '24/130']).toContain(both.deliberation);
      expect(codes(both.reasons)).toEqual(['REFERENCE_YEAR_NOT_AUTHORISED']);
    });

    it('the same search works for the synthetic deliberations', async () => {
      const { deliberation: _, ...release } = cohort({ dataset: 'late', variables: ['demo.age'], on: '2024-01-15' });
      expect(await check(api, release)).toMatchObject({ authorised: true, deliberation: '23/070' });
    });

    it('finds a recipient that an amendment brought in', async () => {
      const { deliberation: _, ...release } = cohort({ recipient: 'vub', on: '2024-02-01' });
      expect(await check(api, release)).toMatchObject({ authorised: true, deliberation: '23/070' });
      const early = await check(api, { ...release, on: '2023-12-01' });
      expect(early).toMatchObject({ authorised: false, deliberation: '23/070' });
      expect(codes(early.reasons)).toEqual(['NOT_YET_IN_FORCE']);
    });

    it('a recipient no deliberation names is not authorised', async () => {
      const answer = await check(api, unnamed({ recipient: 'nobody-at-all' }));
      expect(answer.authorised).toBe(false);
      expect(answer.deliberation).toBeNull();
      expect(codes(answer.reasons)).toEqual(['RECIPIENT_NOT_AUTHORISED']);
    });
  });
});
