import { checkRelease, REASON_CODES, timelineOf } from '../src/index.js';
import {
  amended,
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
  check,
} from './given.js';

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
