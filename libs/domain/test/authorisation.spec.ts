import { checkRelease, REASON_CODES, timelineOf } from '../src/index.js';
import {
  amended,
  amendment24130,
  at,
  codesOf,
  commitments24130,
  committed,
  decided,
  decision24130,
  given24130,
  history,
  reasonOf,
  release,
  revoked,
  timeline,
} from './given.js';

const check = (t: ReturnType<typeof given24130> | undefined, overrides: Parameters<typeof release>[0] = {}) =>
  checkRelease(t, release(overrides), '24/130');

describe('a release every rule allows', () => {
  it('given 24/130 decided, amended and committed, when the sample is asked by transfer on 2025-01-15, then it is authorised with no reasons', () => {
    expect(check(given24130())).toEqual({ authorised: true, reasons: [] });
  });

  it('given the same, when the reasons table is read, then it lists the eleven codes of SPEC in order', () => {
    expect(REASON_CODES).toEqual([
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
    ]);
  });
});

describe('UNKNOWN_DELIBERATION', () => {
  it('given no deliberation recorded, when a release is checked under 99/999, then the only reason is UNKNOWN_DELIBERATION naming it', () => {
    const result = checkRelease(undefined, release({ deliberation: '99/999' }), '99/999');
    expect(result.authorised).toBe(false);
    expect(result.reasons).toEqual([
      { code: 'UNKNOWN_DELIBERATION', message: expect.stringContaining('99/999'), clause: null, details: { deliberation: '99/999' } },
    ]);
  });

  it('given 24/130 recorded at noon on 3 September 2024, when checked as known one second earlier, then it is unknown', () => {
    const h = history(at('2024-09-03T12:00:00Z', decided(decision24130())), commitments24130());
    expect(codesOf(checkRelease(timelineOf(h, '2024-09-03T11:59:59Z'), release(), '24/130'))).toEqual(['UNKNOWN_DELIBERATION']);
    expect(checkRelease(timelineOf(h, '2024-09-03T12:00:00Z'), release({ on: '2024-09-03' }), '24/130').reasons.map((r) => r.code)).toEqual(
      ['NOT_YET_IN_FORCE', 'COMMITMENT_MISSING'],
    );
  });
});

describe('NOT_YET_IN_FORCE', () => {
  it('given 24/130 effective from 18 September 2024, when the sample is asked on the 17th, then the only reason is NOT_YET_IN_FORCE with effectiveFrom', () => {
    const result = check(given24130(committed('steunpunt-werk', 'x', '2024-09-01')), { on: '2024-09-17' });
    expect(codesOf(result)).toEqual(['NOT_YET_IN_FORCE']);
    expect(reasonOf(result, 'NOT_YET_IN_FORCE').details).toMatchObject({ on: '2024-09-17', effectiveFrom: '2024-09-18' });
    expect(reasonOf(result, 'NOT_YET_IN_FORCE').clause).toBe('effectiveFrom');
  });

  it('given commitments signed on 10 September, when the sample is asked on the day of effectiveFrom, then it is authorised', () => {
    expect(check(given24130(), { on: '2024-09-18' })).toEqual({ authorised: true, reasons: [] });
  });

  it('given the amendment bringing the scrambled dataset from 21 November 2024, when it is asked on the 20th, then NOT_YET_IN_FORCE names amendment 1 and not DATASET_NOT_AUTHORISED', () => {
    const result = check(given24130(), { dataset: 'scrambled', on: '2024-11-20' });
    expect(codesOf(result)).toEqual(['NOT_YET_IN_FORCE']);
    const reason = reasonOf(result, 'NOT_YET_IN_FORCE');
    expect(reason.clause).toBe('amendment 1');
    expect(reason.details).toEqual({
      on: '2024-11-20',
      effectiveFrom: '2024-11-21',
      pending: [{ what: 'dataset "scrambled"', effectiveFrom: '2024-11-21', amendment: 1 }],
    });
  });

  it('given a variable added by an amendment effective 1 March 2025, when it is asked on 28 February, then NOT_YET_IN_FORCE lists it in details.variables and it is not VARIABLE_NOT_AUTHORISED', () => {
    const t = given24130(
      amended({
        decidedOn: '2025-02-01',
        effectiveFrom: '2025-03-01',
        changes: [{ op: 'addVariables', variables: [{ code: 'person.disability_status', category: 'person', label: 'Handicap' }] }],
      }),
    );
    const variables = ['person.sex', 'person.disability_status'];
    const before = check(t, { on: '2025-02-28', variables });
    expect(codesOf(before)).toEqual(['NOT_YET_IN_FORCE']);
    expect(reasonOf(before, 'NOT_YET_IN_FORCE').details).toMatchObject({
      effectiveFrom: '2025-03-01',
      variables: ['person.disability_status'],
      pending: [{ what: 'variable person.disability_status', effectiveFrom: '2025-03-01', amendment: 2 }],
    });
    expect(check(t, { on: '2025-03-01', variables }).authorised).toBe(true);
  });

  it('given a recipient added by an amendment effective 1 March 2025 who has signed, when it asks on 28 February, then NOT_YET_IN_FORCE and not RECIPIENT_NOT_AUTHORISED; on 1 March it is authorised', () => {
    const t = given24130(
      amended({
        decidedOn: '2025-02-01',
        effectiveFrom: '2025-03-01',
        changes: [{ op: 'addParty', party: { id: 'ugent', name: 'Universiteit Gent', roles: ['recipient'] } }],
      }),
      committed('ugent', 'non-reidentification', '2025-02-10'),
    );
    const before = check(t, { recipient: 'ugent', on: '2025-02-28' });
    expect(codesOf(before)).toEqual(['NOT_YET_IN_FORCE']);
    expect(reasonOf(before, 'NOT_YET_IN_FORCE').details.pending).toEqual([
      { what: 'recipient "ugent"', effectiveFrom: '2025-03-01', amendment: 2 },
    ]);
    expect(check(t, { recipient: 'ugent', on: '2025-03-01' })).toEqual({ authorised: true, reasons: [] });
  });

  it('given a date before the decision and a dataset of a pending amendment, when checked, then both are listed and effectiveFrom is the latest of them', () => {
    const result = check(given24130(), { dataset: 'scrambled', on: '2024-09-17' });
    expect(codesOf(result)).toEqual(['NOT_YET_IN_FORCE']);
    const { details } = reasonOf(result, 'NOT_YET_IN_FORCE');
    expect(details.effectiveFrom).toBe('2024-11-21');
    expect(details.pending).toEqual([
      { what: 'deliberation 24/130', effectiveFrom: '2024-09-18' },
      { what: 'dataset "scrambled"', effectiveFrom: '2024-11-21', amendment: 1 },
    ]);
  });
});

describe('REVOKED', () => {
  const t = () => given24130(revoked({ decidedOn: '2025-05-20', effectiveFrom: '2025-06-01', reason: 'Purpose achieved early' }));

  it('given a revocation effective 1 June 2025, when asked the day before, then it is authorised', () => {
    expect(check(t(), { on: '2025-05-31' })).toEqual({ authorised: true, reasons: [] });
  });

  it('given a revocation effective 1 June 2025, when asked on that day, then the only reason is REVOKED with its details', () => {
    const result = check(t(), { on: '2025-06-01' });
    expect(codesOf(result)).toEqual(['REVOKED']);
    expect(reasonOf(result, 'REVOKED').details).toEqual({
      decidedOn: '2025-05-20',
      effectiveFrom: '2025-06-01',
      reason: 'Purpose achieved early',
    });
  });
});

describe('RETENTION_ENDED', () => {
  it('given destroyBy 31 December 2030, when personal data is asked on that day, then it is authorised', () => {
    expect(check(given24130(), { on: '2030-12-31' }).authorised).toBe(true);
  });

  it('given destroyBy 31 December 2030, when personal data is asked on 1 January 2031, then the only reason is RETENTION_ENDED citing §16', () => {
    const result = check(given24130(), { on: '2031-01-01' });
    expect(codesOf(result)).toEqual(['RETENTION_ENDED']);
    expect(reasonOf(result, 'RETENTION_ENDED')).toMatchObject({ clause: '§16', details: { destroyBy: '2030-12-31', on: '2031-01-01' } });
  });

  it('given the scrambled dataset holds no personal data, when asked on 1 January 2031, then it is still authorised', () => {
    expect(check(given24130(), { dataset: 'scrambled', on: '2031-01-01' })).toEqual({ authorised: true, reasons: [] });
  });

  it('given a setRetention to 2032 effective 1 June 2030, when personal data is asked in 2031, then it is authorised, and after 2032 it is not', () => {
    const t = given24130(
      amended({ decidedOn: '2030-05-01', effectiveFrom: '2030-06-01', changes: [{ op: 'setRetention', destroyBy: '2032-12-31' }] }),
    );
    expect(check(t, { on: '2031-06-01' }).authorised).toBe(true);
    expect(reasonOf(check(t, { on: '2033-01-01' }), 'RETENTION_ENDED').details).toEqual({ destroyBy: '2032-12-31', on: '2033-01-01' });
  });

  it('given a setRetention to 2032 not yet in force, when personal data is asked after 2030, then retention has ended', () => {
    const t = given24130(
      amended({ decidedOn: '2030-05-01', effectiveFrom: '2031-06-01', changes: [{ op: 'setRetention', destroyBy: '2032-12-31' }] }),
    );
    expect(codesOf(check(t, { on: '2031-01-01' }))).toEqual(['RETENTION_ENDED']);
  });
});

describe('DATASET_NOT_AUTHORISED', () => {
  it('given 24/130, when a dataset it never had is asked, then the only reason is DATASET_NOT_AUTHORISED listing the authorised datasets', () => {
    const result = check(given24130(), { dataset: 'health-claims' });
    expect(codesOf(result)).toEqual(['DATASET_NOT_AUTHORISED']);
    expect(reasonOf(result, 'DATASET_NOT_AUTHORISED')).toMatchObject({
      clause: null,
      details: { dataset: 'health-claims', authorised: ['sample', 'population', 'scrambled'] },
    });
  });

  it('given an amendment removing the sample from 1 March 2025, when it is asked on 28 February, then it is authorised', () => {
    const t = given24130(
      amended({ decidedOn: '2025-02-01', effectiveFrom: '2025-03-01', changes: [{ op: 'removeDataset', datasetId: 'sample' }] }),
    );
    expect(check(t, { on: '2025-02-28' }).authorised).toBe(true);
  });

  it('given an amendment removing the sample from 1 March 2025, when it is asked on 1 March, then DATASET_NOT_AUTHORISED names the removing amendment', () => {
    const t = given24130(
      amended({ decidedOn: '2025-02-01', effectiveFrom: '2025-03-01', changes: [{ op: 'removeDataset', datasetId: 'sample' }] }),
    );
    const result = check(t, { on: '2025-03-01' });
    expect(codesOf(result)).toEqual(['DATASET_NOT_AUTHORISED']);
    expect(reasonOf(result, 'DATASET_NOT_AUTHORISED')).toMatchObject({
      clause: 'amendment 2',
      details: { dataset: 'sample', authorised: ['population', 'scrambled'], removedBy: 2 },
    });
  });

  it('given the sample removed (amendment 2), re-added (3) and removed again (4), when asked after the last removal, then the reason names amendment 4', () => {
    const sample = decision24130().datasets[0];
    const t = given24130(
      amended({ decidedOn: '2025-02-01', effectiveFrom: '2025-03-01', changes: [{ op: 'removeDataset', datasetId: 'sample' }] }),
      amended({ decidedOn: '2025-03-15', effectiveFrom: '2025-04-01', changes: [{ op: 'addDataset', dataset: sample }] }),
      amended({ decidedOn: '2025-04-15', effectiveFrom: '2025-05-01', changes: [{ op: 'removeDataset', datasetId: 'sample' }] }),
    );
    expect(check(t, { on: '2025-04-30' }).authorised).toBe(true);
    const reason = reasonOf(check(t, { on: '2025-05-01' }), 'DATASET_NOT_AUTHORISED');
    expect(reason).toMatchObject({ clause: 'amendment 4', details: { removedBy: 4 } });
    expect(reason.message).toContain('amendment 4 (in force from 2025-05-01)');
  });

  it('given only the decision (no amendment), when the scrambled dataset is asked after 21 November 2024, then it is DATASET_NOT_AUTHORISED', () => {
    const t = timeline(decided(decision24130()), commitments24130());
    expect(codesOf(check(t, { dataset: 'scrambled', on: '2024-12-01' }))).toEqual(['DATASET_NOT_AUTHORISED']);
  });
});

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

describe('COMMITMENT_MISSING', () => {
  it('given no commitment is on file, when Steunpunt Werk asks, then details.missing lists both joint controllers and the recipient itself', () => {
    const t = timeline(decided(decision24130()), amended(amendment24130()));
    const result = check(t);
    expect(codesOf(result)).toEqual(['COMMITMENT_MISSING']);
    expect(reasonOf(result, 'COMMITMENT_MISSING')).toMatchObject({
      clause: '§18; §11, §17',
      details: {
        missing: [
          { party: 'steunpunt-werk', kind: 'joint-and-several-liability' },
          { party: 'dwse', kind: 'joint-and-several-liability' },
          { party: 'steunpunt-werk', kind: 'non-reidentification' },
        ],
      },
    });
  });

  it('given DWSE has signed everything but its joint liability, when Steunpunt Werk asks, then only DWSE joint liability is missing', () => {
    const t = timeline(
      decided(decision24130()),
      committed('steunpunt-werk', 'joint-and-several-liability', '2024-09-10'),
      committed('steunpunt-werk', 'non-reidentification', '2024-09-10'),
      committed('dwse', 'non-reidentification', '2024-09-10'),
    );
    expect(reasonOf(check(t), 'COMMITMENT_MISSING').details).toEqual({ missing: [{ party: 'dwse', kind: 'joint-and-several-liability' }] });
  });

  it('given DWSE has not signed its non-reidentification, when Steunpunt Werk asks, then it is authorised (each-recipient is the recipient in question)', () => {
    const t = timeline(
      decided(decision24130()),
      committed('steunpunt-werk', 'joint-and-several-liability', '2024-09-10'),
      committed('dwse', 'joint-and-several-liability', '2024-09-10'),
      committed('steunpunt-werk', 'non-reidentification', '2024-09-10'),
    );
    expect(check(t).authorised).toBe(true);
    expect(reasonOf(check(t, { recipient: 'dwse' }), 'COMMITMENT_MISSING').details).toEqual({
      missing: [{ party: 'dwse', kind: 'non-reidentification' }],
    });
  });

  it('given commitments signed on 15 January 2025, when asked on the 14th, then they are missing, and on the 15th they are on file', () => {
    const t = timeline(decided(decision24130()), commitments24130('2025-01-15'));
    expect(reasonOf(check(t, { on: '2025-01-14' }), 'COMMITMENT_MISSING').details.missing).toHaveLength(3);
    expect(check(t, { on: '2025-01-15' }).authorised).toBe(true);
  });

  it('given a commitment of the right party but another kind, when checked, then it does not count', () => {
    const t = timeline(
      decided(decision24130()),
      committed('steunpunt-werk', 'joint-and-several-liability', '2024-09-10'),
      committed('dwse', 'joint-and-several-liability', '2024-09-10'),
      committed('steunpunt-werk', 'confidentiality', '2024-09-10'),
    );
    expect(reasonOf(check(t), 'COMMITMENT_MISSING').details).toEqual({
      missing: [{ party: 'steunpunt-werk', kind: 'non-reidentification' }],
    });
  });

  it('given DWSE is removed from 1 March 2025 without ever signing, when Steunpunt Werk asks on 28 February and on 1 March, then missing, then authorised', () => {
    const t = timeline(
      decided(decision24130()),
      committed('steunpunt-werk', 'joint-and-several-liability', '2024-09-10'),
      committed('steunpunt-werk', 'non-reidentification', '2024-09-10'),
      amended({ decidedOn: '2025-02-01', effectiveFrom: '2025-03-01', changes: [{ op: 'removeParty', partyId: 'dwse' }] }),
    );
    expect(codesOf(check(t, { on: '2025-02-28' }))).toEqual(['COMMITMENT_MISSING']);
    expect(check(t, { on: '2025-03-01' }).authorised).toBe(true);
  });
});

describe('COMMITMENT_MISSING with overlapping rules', () => {
  it('given the same kind owed by each joint controller and by each recipient, when a joint controller that is the recipient has not signed, then it is listed once', () => {
    const doc = decision24130();
    doc.requiredCommitments = [
      { kind: 'confidentiality', from: 'each-joint-controller', clause: '§18' },
      { kind: 'confidentiality', from: 'each-recipient', clause: '§17' },
    ];
    const t = timeline(decided(doc), committed('dwse', 'confidentiality', '2024-09-10'));
    expect(reasonOf(check(t), 'COMMITMENT_MISSING').details).toEqual({ missing: [{ party: 'steunpunt-werk', kind: 'confidentiality' }] });
  });

  it('given a commitment owed by a named party, when it has not signed, then that party is listed', () => {
    const doc = decision24130();
    doc.requiredCommitments = [{ kind: 'data-processing-agreement', from: 'ksz' }];
    expect(reasonOf(check(timeline(decided(doc))), 'COMMITMENT_MISSING').details).toEqual({
      missing: [{ party: 'ksz', kind: 'data-processing-agreement' }],
    });
    expect(check(timeline(decided(doc), committed('ksz', 'data-processing-agreement', '2024-09-01'))).authorised).toBe(true);
  });
});

describe('several failing rules at once', () => {
  it('given a revoked deliberation past retention and no commitments, when a bad release is asked, then every failing reason is returned in SPEC order', () => {
    const t = timeline(decided(decision24130()), revoked({ decidedOn: '2030-11-01', effectiveFrom: '2031-01-01', reason: 'Replaced' }));
    const result = check(t, {
      on: '2031-01-02',
      variables: ['person.deceased', 'person.sex'],
      referenceYears: [2019, 2021],
      subjects: 20_000,
    });
    expect(result.authorised).toBe(false);
    expect(codesOf(result)).toEqual([
      'REVOKED',
      'RETENTION_ENDED',
      'VARIABLE_NOT_AUTHORISED',
      'REFERENCE_YEAR_NOT_AUTHORISED',
      'SUBJECT_LIMIT_EXCEEDED',
      'COMMITMENT_MISSING',
    ]);
    expect(reasonOf(result, 'VARIABLE_NOT_AUTHORISED').details.variables).toEqual(['person.deceased']);
    expect(reasonOf(result, 'REFERENCE_YEAR_NOT_AUTHORISED').details.years).toEqual([2019]);
    expect(reasonOf(result, 'COMMITMENT_MISSING').details.missing).toHaveLength(3);
  });

  it('given 24/130 before its effective date, when a non-recipient asks the population by transfer, then NOT_YET_IN_FORCE, RECIPIENT, ACCESS and COMMITMENT are all returned', () => {
    const result = check(given24130(), { on: '2024-09-17', recipient: 'ksz', dataset: 'population', subjects: 7_600_000 });
    expect(codesOf(result)).toEqual([
      'NOT_YET_IN_FORCE',
      'RECIPIENT_NOT_AUTHORISED',
      'ACCESS_MODE_NOT_ALLOWED',
      'SUBJECT_LIMIT_EXCEEDED',
      'COMMITMENT_MISSING',
    ]);
    expect(reasonOf(result, 'COMMITMENT_MISSING').details.missing).toEqual([{ party: 'ksz', kind: 'non-reidentification' }]);
  });

  it('given an unknown dataset, when asked with a bad year, then DATASET_NOT_AUTHORISED and REFERENCE_YEAR_NOT_AUTHORISED are returned but no dataset-dependent rule', () => {
    const result = check(given24130(), { dataset: 'nope', referenceYears: [2018], variables: ['person.deceased'], subjects: 1e9 });
    expect(codesOf(result)).toEqual(['DATASET_NOT_AUTHORISED', 'REFERENCE_YEAR_NOT_AUTHORISED']);
  });
});

describe('known time', () => {
  const h = () =>
    history(
      at('2024-09-03T12:00:00Z', decided(decision24130())),
      at('2024-09-10T12:00:00Z', commitments24130()[0]),
      at('2024-09-10T12:00:01Z', commitments24130()[1]),
      at('2024-09-10T12:00:02Z', commitments24130()[2]),
      at('2024-09-10T12:00:03Z', commitments24130()[3]),
      at('2024-11-05T15:00:00Z', amended(amendment24130())),
      at('2025-05-20T08:00:00Z', revoked({ decidedOn: '2025-05-20', effectiveFrom: '2025-01-01', reason: 'Retroactive revocation' })),
    );

  it('given the amendment recorded at 15:00Z on 5 November 2024, when the scrambled dataset is checked for December as known at 14:59:59Z, then it is DATASET_NOT_AUTHORISED', () => {
    const result = checkRelease(timelineOf(h(), '2024-11-05T14:59:59Z'), release({ dataset: 'scrambled', on: '2024-12-01' }), '24/130');
    expect(codesOf(result)).toEqual(['DATASET_NOT_AUTHORISED']);
  });

  it('given the same, when known at the recording instant (written with another offset), then it is authorised', () => {
    const result = checkRelease(
      timelineOf(h(), '2024-11-05T16:00:00+01:00'),
      release({ dataset: 'scrambled', on: '2024-12-01' }),
      '24/130',
    );
    expect(result).toEqual({ authorised: true, reasons: [] });
  });

  it('given a retroactive revocation recorded in May 2025, when a February 2025 release is checked as known in April 2025 and as known now, then authorised, then REVOKED', () => {
    expect(checkRelease(timelineOf(h(), '2025-04-01T00:00:00Z'), release({ on: '2025-02-01' }), '24/130').authorised).toBe(true);
    expect(codesOf(checkRelease(timelineOf(h()), release({ on: '2025-02-01' }), '24/130'))).toEqual(['REVOKED']);
  });

  it('given commitments recorded on 10 September, when checked as known on 9 September, then they are missing even though the release date is later', () => {
    const result = checkRelease(timelineOf(h(), '2024-09-09T23:59:59Z'), release({ on: '2024-10-01' }), '24/130');
    expect(codesOf(result)).toEqual(['COMMITMENT_MISSING']);
  });
});
