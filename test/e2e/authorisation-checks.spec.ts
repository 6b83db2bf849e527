import { startTestServer, type TestServer } from '../support/server.js';
import { cohort, recordCheckDeliberations } from './authorisation-checks-deliberations.js';
import { check, codes, expectProblem, expectStatus, reasonOf } from './helpers.js';

/** The rules one by one, every reason at once, known time and bad input; 24/130 and the search by recipient are in authorisation-checks-search.spec.ts. */
describe('POST /authorisation-checks', () => {
  let api: TestServer;
  let between: string;
  beforeAll(async () => {
    api = await startTestServer();
    between = await recordCheckDeliberations(api);
  });
  afterAll(() => api?.close());

  it('answers 200 {authorised, deliberation, version, reasons} for an allowed release', async () => {
    const res = expectStatus(await api.request('POST', '/authorisation-checks', { role: 'steward', body: cohort() }), 200);
    expect(res.body).toMatchObject({ authorised: true, deliberation: '23/045', version: expect.any(Number), reasons: [] });
  });

  describe('each reason code', () => {
    it('UNKNOWN_DELIBERATION', async () => {
      const answer = await check(api, cohort({ deliberation: '99/999' }));
      expect(answer.authorised).toBe(false);
      expect(codes(answer.reasons)).toEqual(['UNKNOWN_DELIBERATION']);
      expect(answer.reasons[0]).toEqual({
        code: 'UNKNOWN_DELIBERATION',
        message: expect.any(String),
        clause: null,
        details: expect.any(Object),
      });
    });

    it('NOT_YET_IN_FORCE before the decision takes effect', async () => {
      const answer = await check(api, cohort({ on: '2023-03-19' }));
      expect(codes(answer.reasons)).toContain('NOT_YET_IN_FORCE');
      expect(codes(answer.reasons)).not.toContain('DATASET_NOT_AUTHORISED');
      expect((await check(api, cohort({ on: '2023-04-01' }))).authorised).toBe(true);
    });

    it('NOT_YET_IN_FORCE before the amendment that brings the dataset, a variable or the recipient in', async () => {
      const dataset = await check(api, cohort({ deliberation: '23/070', dataset: 'late', variables: ['demo.age'], on: '2023-12-31' }));
      expect(codes(dataset.reasons)).toEqual(['NOT_YET_IN_FORCE']);
      expect(
        (await check(api, cohort({ deliberation: '23/070', dataset: 'late', variables: ['demo.age'], on: '2024-01-01' }))).authorised,
      ).toBe(true);

      const variable = await check(api, cohort({ deliberation: '23/070', variables: ['demo.age', 'hosp.icu_days'], on: '2023-12-31' }));
      expect(codes(variable.reasons)).toEqual(['NOT_YET_IN_FORCE']);
      expect(JSON.stringify(variable.reasons[0])).toContain('hosp.icu_days');
      expect(
        (await check(api, cohort({ deliberation: '23/070', variables: ['demo.age', 'hosp.icu_days'], on: '2024-01-01' }))).authorised,
      ).toBe(true);

      const recipient = await check(api, cohort({ deliberation: '23/070', recipient: 'vub', on: '2023-12-31' }));
      expect(codes(recipient.reasons)).toEqual(['NOT_YET_IN_FORCE']);
      expect((await check(api, cohort({ deliberation: '23/070', recipient: 'vub', on: '2024-01-01' }))).authorised).toBe(true);
    });

    it('REVOKED from the revocation’s effectiveFrom', async () => {
      expect((await check(api, cohort({ deliberation: '22/300', on: '2024-01-31' }))).authorised).toBe(true);
      const answer = await check(api, cohort({ deliberation: '22/300', on: '2024-02-01' }));
      expect(codes(answer.reasons)).toEqual(['REVOKED']);
      expect(answer.reasons[0].message).toMatch(/Purpose achieved/);
    });

    it('RETENTION_ENDED for personal data after destroyBy, not for anonymous data', async () => {
      expect((await check(api, cohort({ on: '2027-06-30' }))).authorised).toBe(true);
      const answer = await check(api, cohort({ on: '2027-07-01' }));
      expect(codes(answer.reasons)).toEqual(['RETENTION_ENDED']);
      expect(answer.reasons[0].details).toMatchObject({ destroyBy: '2027-06-30' });
      const anonymous = await check(api, cohort({ dataset: 'aggregates', variables: ['demo.age'], subjects: undefined, on: '2027-07-01' }));
      expect(codes(anonymous.reasons)).not.toContain('RETENTION_ENDED');
    });

    it('DATASET_NOT_AUTHORISED', async () => {
      const answer = await check(api, cohort({ dataset: 'nope' }));
      expect(codes(answer.reasons)).toEqual(['DATASET_NOT_AUTHORISED']);
      expect(answer.reasons[0].details).toMatchObject({ dataset: 'nope' });
    });

    it('RECIPIENT_NOT_AUTHORISED for a party that is no recipient and for a stranger', async () => {
      // sciensano is a joint controller, not a recipient; it signed no data-protection commitment either.
      const controller = await check(api, cohort({ recipient: 'sciensano' }));
      expect(codes(controller.reasons)).toEqual(['RECIPIENT_NOT_AUTHORISED', 'COMMITMENT_MISSING']);
      const stranger = await check(api, cohort({ recipient: 'stranger' }));
      expect(codes(stranger.reasons)).toContain('RECIPIENT_NOT_AUTHORISED');
    });

    it('ACCESS_MODE_NOT_ALLOWED for transfer of a secure-onsite dataset', async () => {
      const base = { dataset: 'enclave', variables: ['demo.age', 'inc.class@T-2'], subjects: 1_000_000 };
      const answer = await check(api, cohort({ ...base, access: 'transfer' }));
      expect(codes(answer.reasons)).toEqual(['ACCESS_MODE_NOT_ALLOWED']);
      expect(answer.reasons[0].details).toMatchObject({ requested: 'transfer', allowed: 'secure-onsite' });
      // access defaults to transfer
      const { access: _, ...withoutAccess } = cohort(base);
      expect(codes((await check(api, withoutAccess)).reasons)).toEqual(['ACCESS_MODE_NOT_ALLOWED']);
      expect((await check(api, cohort({ ...base, access: 'secure-onsite' }))).authorised).toBe(true);
    });

    it('VARIABLE_NOT_AUTHORISED lists exactly the references not allowed (offsets, except, catalogue)', async () => {
      const answer = await check(
        api,
        cohort({
          variables: [
            'demo.age',
            'demo.death_date',
            'demo.death_date@T+1',
            'inc.class@T-2',
            'inc.class@T-1',
            'hosp.stays@T-2',
            'unknown.code',
            'hosp.days@T+1',
          ],
        }),
      );
      expect(codes(answer.reasons)).toEqual(['VARIABLE_NOT_AUTHORISED']);
      expect(reasonOf(answer, 'VARIABLE_NOT_AUTHORISED')!.details.variables).toEqual([
        'demo.death_date',
        'inc.class@T-1',
        'hosp.stays@T-2',
        'unknown.code',
        'hosp.days@T+1',
      ]);
    });

    it('VARIABLE_NOT_AUTHORISED against a named table only', async () => {
      expect((await check(api, cohort({ table: 'panel', variables: ['hosp.stays', 'inc.class@T-2'] }))).authorised).toBe(true);
      const snapshot = await check(
        api,
        cohort({ table: 'snapshot', variables: ['demo.sex', 'hosp.stays', 'inc.class@T-2', 'demo.death_date@T+1'] }),
      );
      expect(codes(snapshot.reasons)).toEqual(['VARIABLE_NOT_AUTHORISED']);
      expect(snapshot.reasons[0].details.variables).toEqual(['hosp.stays', 'inc.class@T-2']);
      const missingTable = await check(api, cohort({ table: 'nope', variables: ['demo.sex'] }));
      expect(codes(missingTable.reasons)).toEqual(['VARIABLE_NOT_AUTHORISED']);
      expect(missingTable.reasons[0].details.variables).toEqual(['demo.sex']);
    });

    it('REFERENCE_YEAR_NOT_AUTHORISED lists the years outside referenceYears', async () => {
      const answer = await check(api, cohort({ referenceYears: [2014, 2016, 2019] }));
      expect(codes(answer.reasons)).toEqual(['REFERENCE_YEAR_NOT_AUTHORISED']);
      expect(answer.reasons[0].details.years).toEqual([2014, 2019]);
    });

    it('SUBJECT_LIMIT_EXCEEDED above maxSubjects, not at it', async () => {
      expect((await check(api, cohort({ subjects: 5000 }))).authorised).toBe(true);
      const answer = await check(api, cohort({ subjects: 5001 }));
      expect(codes(answer.reasons)).toEqual(['SUBJECT_LIMIT_EXCEEDED']);
      expect(answer.reasons[0].details).toMatchObject({ subjects: 5001, maxSubjects: 5000 });
    });

    it('COMMITMENT_MISSING lists each {party, kind} not on file: every joint controller, the recipient, a named party', async () => {
      const answer = await check(api, cohort({ deliberation: '23/060' }));
      expect(codes(answer.reasons)).toEqual(['COMMITMENT_MISSING']);
      expect(answer.reasons[0].details.missing).toEqual(
        expect.arrayContaining([
          { party: 'ugent', kind: 'confidentiality' },
          { party: 'sciensano', kind: 'confidentiality' },
          { party: 'healthdata', kind: 'processing-agreement' },
        ]),
      );
      expect(answer.reasons[0].details.missing).toHaveLength(3);
    });

    it('COMMITMENT_MISSING when the commitments were signed after `on`', async () => {
      const answer = await check(api, cohort({ on: '2023-03-31' }));
      expect(codes(answer.reasons)).toEqual(['COMMITMENT_MISSING']);
      expect(answer.reasons[0].details.missing).toHaveLength(4);
    });
  });

  it('returns every failing reason at once, each with code, message, clause and details', async () => {
    const answer = await check(
      api,
      cohort({ recipient: 'sciensano', on: '2027-07-01', referenceYears: [2020], variables: ['demo.death_date'], subjects: 9999 }),
      'auditor',
    );
    expect(answer.authorised).toBe(false);
    expect(codes(answer.reasons).sort()).toEqual(
      [
        'RETENTION_ENDED',
        'RECIPIENT_NOT_AUTHORISED',
        'VARIABLE_NOT_AUTHORISED',
        'REFERENCE_YEAR_NOT_AUTHORISED',
        'SUBJECT_LIMIT_EXCEEDED',
        'COMMITMENT_MISSING',
      ].sort(),
    );
    for (const reason of answer.reasons) {
      expect(Object.keys(reason).sort()).toEqual(['clause', 'code', 'details', 'message']);
      expect(reason).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Object) });
      expect(reason.clause === null || typeof reason.clause === 'string').toBe(true);
    }
    expect(reasonOf(answer, 'VARIABLE_NOT_AUTHORISED')!.details.variables).toEqual(['demo.death_date']);
    expect(reasonOf(answer, 'REFERENCE_YEAR_NOT_AUTHORISED')!.details.years).toEqual([2020]);
    expect(reasonOf(answer, 'COMMITMENT_MISSING')!.details.missing).toEqual([{ party: 'sciensano', kind: 'data-protection' }]);
  });

  it('knownAt: an amendment recorded after instant T is not seen by a check known at T', async () => {
    const release = cohort({ deliberation: '23/070', dataset: 'late', variables: ['demo.age'], on: '2024-02-01' });
    expect((await check(api, release)).authorised).toBe(true);
    const then = await check(api, { ...release, knownAt: between });
    expect(then.authorised).toBe(false);
    expect(codes(then.reasons)).toEqual(['DATASET_NOT_AUTHORISED']);
    expect(then.knownAt ?? between).toBe(between);
    const ancient = await check(api, { ...release, knownAt: '2001-01-01T00:00:00Z' });
    expect(codes(ancient.reasons)).toEqual(['UNKNOWN_DELIBERATION']);
  });

  it('knownAt before the revocation was recorded: not REVOKED', async () => {
    const events = (await api.request('GET', '/deliberations/22-300/events', { role: 'auditor' })).body.items;
    const revoked = events.find((e: { type: string }) => e.type === 'DeliberationRevoked');
    const justBefore = new Date(Date.parse(revoked.metadata.recordedAt) - 1).toISOString();
    const release = cohort({ deliberation: '22/300', on: '2024-03-01' });
    expect(codes((await check(api, release)).reasons)).toEqual(['REVOKED']);
    expect(codes((await check(api, { ...release, knownAt: revoked.metadata.recordedAt })).reasons)).toEqual(['REVOKED']);
    expect(await check(api, { ...release, knownAt: justBefore })).toMatchObject({ authorised: true, reasons: [] });
  });

  it('refuses an invalid request with 400 naming the fields', async () => {
    const problem = expectProblem(
      await api.request('POST', '/authorisation-checks', {
        role: 'steward',
        body: { recipient: 'ugent', dataset: 'cohort', on: '2023-02-30', referenceYears: ['x'], variables: ['bad ref@T+'] },
      }),
      400,
    );
    const paths = problem.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/on', '/referenceYears/0', '/variables/0']));
    expectProblem(
      await api.request('POST', '/authorisation-checks', { role: 'steward', body: { ...cohort(), knownAt: 'yesterday' } }),
      400,
    );
    expectProblem(
      await api.request('POST', '/authorisation-checks', { role: 'steward', body: { ...cohort(), deliberation: '23-045' } }),
      400,
    );
  });
});
