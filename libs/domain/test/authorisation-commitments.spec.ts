import { checkRelease, timelineOf } from '../src/index.js';
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
  check,
} from './given.js';

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
