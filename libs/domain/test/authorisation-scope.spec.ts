import { amended, check, codesOf, committed, given24130, reasonOf } from './given.js';

describe('RECIPIENT_NOT_AUTHORISED', () => {
  it('given the KSZ is a party only as source (and has signed), when it is the recipient, then the only reason is RECIPIENT_NOT_AUTHORISED', () => {
    const result = check(given24130(committed('ksz', 'non-reidentification', '2024-09-10')), { recipient: 'ksz' });
    expect(codesOf(result)).toEqual(['RECIPIENT_NOT_AUTHORISED']);
    expect(reasonOf(result, 'RECIPIENT_NOT_AUTHORISED').details).toEqual({ recipient: 'ksz', recipients: ['steunpunt-werk', 'dwse'] });
    expect(reasonOf(result, 'RECIPIENT_NOT_AUTHORISED').message).toContain('source');
  });

  it('given an amendment removing DWSE from 1 March 2025, when DWSE asks on 28 February and on 1 March, then it is authorised, then refused', () => {
    const t = given24130(
      amended({ decidedOn: '2025-02-01', effectiveFrom: '2025-03-01', changes: [{ op: 'removeParty', partyId: 'dwse' }] }),
    );
    expect(check(t, { recipient: 'dwse', on: '2025-02-28' }).authorised).toBe(true);
    expect(codesOf(check(t, { recipient: 'dwse', on: '2025-03-01' }))).toEqual(['RECIPIENT_NOT_AUTHORISED']);
  });
});

describe('ACCESS_MODE_NOT_ALLOWED', () => {
  it('given the population dataset is secure-onsite only, when it is asked by transfer, then the only reason is ACCESS_MODE_NOT_ALLOWED citing §2, §15', () => {
    const result = check(given24130(), { dataset: 'population', access: 'transfer', subjects: 7_000_000 });
    expect(codesOf(result)).toEqual(['ACCESS_MODE_NOT_ALLOWED']);
    expect(reasonOf(result, 'ACCESS_MODE_NOT_ALLOWED')).toMatchObject({
      clause: '§2, §15',
      details: { requested: 'transfer', allowed: 'secure-onsite' },
    });
  });

  it('given the population dataset, when it is asked secure-onsite for 7,000,000 persons, then it is authorised', () => {
    expect(check(given24130(), { dataset: 'population', access: 'secure-onsite', subjects: 7_000_000 })).toEqual({
      authorised: true,
      reasons: [],
    });
  });

  it('given the sample is by transfer, when it is asked secure-onsite, then the access differs and is refused', () => {
    expect(codesOf(check(given24130(), { access: 'secure-onsite' }))).toEqual(['ACCESS_MODE_NOT_ALLOWED']);
  });

  it('given an amendment opening the population to transfer from 1 March 2025, when asked by transfer on that day, then it is authorised', () => {
    const t = given24130(
      amended({
        decidedOn: '2025-02-01',
        effectiveFrom: '2025-03-01',
        changes: [{ op: 'updateDataset', datasetId: 'population', set: { access: 'transfer' } }],
      }),
    );
    expect(codesOf(check(t, { dataset: 'population', access: 'transfer', on: '2025-02-28' }))).toEqual(['ACCESS_MODE_NOT_ALLOWED']);
    expect(check(t, { dataset: 'population', access: 'transfer', on: '2025-03-01' }).authorised).toBe(true);
  });
});

describe('VARIABLE_NOT_AUTHORISED', () => {
  it('given 24/130 allows person.deceased only at T+1, when it is asked at T+1, then it is authorised', () => {
    expect(check(given24130(), { variables: ['person.deceased@T+1'] }).authorised).toBe(true);
  });

  it.each(['person.deceased', 'person.deceased@T', 'person.deceased@T-1'])(
    'given 24/130, when %s is asked, then it is VARIABLE_NOT_AUTHORISED listing it',
    (variable) => {
      const result = check(given24130(), { variables: ['person.sex', variable] });
      expect(codesOf(result)).toEqual(['VARIABLE_NOT_AUTHORISED']);
      expect(reasonOf(result, 'VARIABLE_NOT_AUTHORISED').details).toEqual({
        variables: [variable],
        tables: ['with-next-year', 'with-previous-year'],
      });
    },
  );

  it('given several refused references, when checked, then details.variables lists every one in request order', () => {
    const variables = [
      'person.deceased',
      'person.sex@T+1',
      'health.diagnosis',
      'work.nace_code@T-1',
      'person.age_class@T+2',
      'person.sex@T+0',
    ];
    const result = check(given24130(), { variables });
    expect(reasonOf(result, 'VARIABLE_NOT_AUTHORISED').details.variables).toEqual([
      'person.deceased',
      'person.sex@T+1',
      'health.diagnosis',
      'person.age_class@T+2',
      'person.sex@T+0',
    ]);
  });

  it('given the table with-previous-year is named, when person.deceased@T+1 is asked, then it is refused, while with-next-year allows it', () => {
    const refused = check(given24130(), { table: 'with-previous-year', variables: ['person.deceased@T+1', 'work.nace_code@T-1'] });
    expect(reasonOf(refused, 'VARIABLE_NOT_AUTHORISED').details).toEqual({
      variables: ['person.deceased@T+1'],
      tables: ['with-previous-year'],
    });
    expect(check(given24130(), { table: 'with-next-year', variables: ['person.deceased@T+1'] }).authorised).toBe(true);
    expect(
      reasonOf(check(given24130(), { table: 'with-next-year', variables: ['work.nace_code@T-1'] }), 'VARIABLE_NOT_AUTHORISED').details
        .variables,
    ).toEqual(['work.nace_code@T-1']);
  });

  it('given a table the dataset does not have is named, when variables are asked, then all are refused and the message says the table is unknown', () => {
    const result = check(given24130(), { table: 'other-table', variables: ['person.sex'] });
    const reason = reasonOf(result, 'VARIABLE_NOT_AUTHORISED');
    expect(reason.details).toEqual({ variables: ['person.sex'], tables: [] });
    expect(reason.message).toContain('has no table "other-table"');
  });

  it('given an amendment removing work.nace_code from 1 March 2025, when it is asked on 28 February and 1 March, then it is allowed, then refused', () => {
    const t = given24130(
      amended({ decidedOn: '2025-02-01', effectiveFrom: '2025-03-01', changes: [{ op: 'removeVariables', codes: ['work.nace_code'] }] }),
    );
    expect(check(t, { variables: ['work.nace_code'], on: '2025-02-28' }).authorised).toBe(true);
    expect(
      reasonOf(check(t, { variables: ['work.nace_code', 'work.nace_code@T+1'], on: '2025-03-01' }), 'VARIABLE_NOT_AUTHORISED').details
        .variables,
    ).toEqual(['work.nace_code', 'work.nace_code@T+1']);
  });
});

describe('REFERENCE_YEAR_NOT_AUTHORISED', () => {
  it('given reference years 2020-2022, when 2019 and 2023 are asked with 2020, then details.years lists 2019 and 2023', () => {
    const result = check(given24130(), { referenceYears: [2019, 2020, 2023] });
    expect(codesOf(result)).toEqual(['REFERENCE_YEAR_NOT_AUTHORISED']);
    expect(reasonOf(result, 'REFERENCE_YEAR_NOT_AUTHORISED')).toMatchObject({
      clause: '§3',
      details: { years: [2019, 2023], authorised: [2020, 2021, 2022] },
    });
  });

  it('given a setReferenceYears adding 2023 from 1 March 2025, when 2023 is asked on 28 February and 1 March, then it is refused, then allowed', () => {
    const t = given24130(
      amended({
        decidedOn: '2025-02-01',
        effectiveFrom: '2025-03-01',
        changes: [{ op: 'setReferenceYears', years: [2020, 2021, 2022, 2023] }],
      }),
    );
    expect(codesOf(check(t, { referenceYears: [2023], on: '2025-02-28' }))).toEqual(['REFERENCE_YEAR_NOT_AUTHORISED']);
    expect(check(t, { referenceYears: [2023], on: '2025-03-01' }).authorised).toBe(true);
  });
});

describe('SUBJECT_LIMIT_EXCEEDED', () => {
  it('given the sample covers at most 10,000 persons, when 10,000 are asked, then it is authorised', () => {
    expect(check(given24130(), { subjects: 10_000 }).authorised).toBe(true);
  });

  it('given the sample covers at most 10,000 persons, when 10,001 are asked, then the only reason is SUBJECT_LIMIT_EXCEEDED citing §2, §13', () => {
    const result = check(given24130(), { subjects: 10_001 });
    expect(codesOf(result)).toEqual(['SUBJECT_LIMIT_EXCEEDED']);
    expect(reasonOf(result, 'SUBJECT_LIMIT_EXCEEDED')).toMatchObject({
      clause: '§2, §13',
      details: { subjects: 10_001, maxSubjects: 10_000 },
    });
  });

  it('given an updateDataset lifting the limit (maxSubjects null) from 1 March 2025, when 50,000 are asked, then refused before and allowed from that day', () => {
    const t = given24130(
      amended({
        decidedOn: '2025-02-01',
        effectiveFrom: '2025-03-01',
        changes: [{ op: 'updateDataset', datasetId: 'sample', set: { maxSubjects: null } }],
      }),
    );
    expect(codesOf(check(t, { subjects: 50_000, on: '2025-02-28' }))).toEqual(['SUBJECT_LIMIT_EXCEEDED']);
    expect(check(t, { subjects: 50_000, on: '2025-03-01' }).authorised).toBe(true);
  });

  it('given the scrambled dataset has no maxSubjects, when 5,000,000 are asked, then it is authorised', () => {
    expect(check(given24130(), { dataset: 'scrambled', subjects: 5_000_000 }).authorised).toBe(true);
  });
});
