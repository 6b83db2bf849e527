import { startTestServer, type TestServer } from '../support/server.js';
import {
  check,
  codes,
  commitSynthetic,
  expectProblem,
  expectStatus,
  fixture,
  reasonOf,
  record24130,
  sampleRelease,
  sleep,
  synthetic,
} from './helpers.js';

/** A release under the synthetic 23/045 that every rule allows (commitments signed 2023-04-01). */
const cohort = (overrides: Record<string, unknown> = {}) => ({
  deliberation: '23/045',
  recipient: 'ugent',
  dataset: 'cohort',
  access: 'transfer',
  on: '2023-06-01',
  referenceYears: [2015, 2018],
  variables: ['demo.age', 'hosp.stays', 'inc.class@T-2', 'demo.death_date@T+1'],
  subjects: 5000,
  ...overrides,
});

describe('POST /authorisation-checks', () => {
  let api: TestServer;
  let between: string;
  beforeAll(async () => {
    api = await startTestServer();
    await record24130(api);
    // A 21/144-like predecessor: same recipients and datasets, reference years 2005-2019.
    const predecessor = {
      ...fixture('24-130.deliberation.json'),
      number: '21/144',
      reference: 'IVC/KSZG/21/200',
      decidedOn: '2021-10-05',
      effectiveFrom: '2021-10-20',
      predecessors: [],
    };
    predecessor.referenceYears = Array.from({ length: 15 }, (_, i) => 2005 + i);
    predecessor.retention = { destroyBy: '2027-12-31' };
    expectStatus(await api.request('POST', '/deliberations', { body: predecessor }), 201);
    for (const [party, kind] of [
      ['steunpunt-werk', 'joint-and-several-liability'],
      ['dwse', 'joint-and-several-liability'],
      ['steunpunt-werk', 'non-reidentification'],
    ])
      expectStatus(await api.request('POST', '/deliberations/21-144/commitments', { body: { party, kind, signedOn: '2021-11-01' } }), 201);

    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
    await commitSynthetic(api, '23-045');
    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/060') }), 201);
    expectStatus(
      await api.request('POST', '/deliberations/23-060/commitments', {
        body: { party: 'ugent', kind: 'data-protection', signedOn: '2023-04-01' },
      }),
      201,
    );
    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('22/300') }), 201);
    await commitSynthetic(api, '22-300');
    expectStatus(
      await api.request('POST', '/deliberations/22-300/revocation', {
        body: { decidedOn: '2024-01-10', effectiveFrom: '2024-02-01', reason: 'Purpose achieved' },
      }),
      201,
    );

    // 23/070: an amendment recorded after the instant `between` brings a dataset, a variable and a recipient in from 2024-01-01.
    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/070') }), 201);
    await commitSynthetic(api, '23-070');
    await sleep(5);
    between = new Date().toISOString();
    await sleep(5);
    expectStatus(
      await api.request('POST', '/deliberations/23-070/amendments', {
        body: {
          decidedOn: '2023-11-15',
          effectiveFrom: '2024-01-01',
          changes: [
            { op: 'addDataset', dataset: { id: 'late', kind: 'pseudonymised', access: 'transfer', tables: ['panel'], personalData: true } },
            { op: 'addVariables', variables: [{ code: 'hosp.icu_days', category: 'hospital', label: 'ICU days' }] },
            { op: 'addParty', party: { id: 'vub', name: 'VUB', roles: ['recipient'] } },
          ],
        },
      }),
      201,
    );
    expectStatus(
      await api.request('POST', '/deliberations/23-070/commitments', {
        body: { party: 'vub', kind: 'data-protection', signedOn: '2023-11-20' },
      }),
      201,
    );
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
