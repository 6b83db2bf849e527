import {
  amendmentsPending,
  brusselsDate,
  commitmentsSignedBy,
  documentAsOf,
  documentEventually,
  isRevokedOn,
  statusOn,
  timelineOf,
} from '../src/index.js';
import {
  amended,
  amendment24130,
  at,
  commitments24130,
  committed,
  decided,
  decision24130,
  given24130,
  history,
  revoked,
  timeline,
} from './given.js';

const datasetIds = (doc: { datasets: { id: string }[] }) => doc.datasets.map((d) => d.id);

describe('valid time: the deliberation as of a date', () => {
  it('given 24/130 and its amendment effective 21 November 2024, when read as of the 20th, then it has two datasets', () => {
    expect(datasetIds(documentAsOf(given24130(), '2024-11-20'))).toEqual(['sample', 'population']);
  });

  it('given the same, when read as of the 21st, then it has the scrambled dataset too', () => {
    expect(datasetIds(documentAsOf(given24130(), '2024-11-21'))).toEqual(['sample', 'population', 'scrambled']);
  });

  it('given the same, when read as of a date before the decision took effect, then it is the decision as decided', () => {
    expect(documentAsOf(given24130(), '2024-09-01')).toEqual(decision24130());
  });

  it('given amendments recorded out of effective order, when read, then they apply by effectiveFrom and then recording order', () => {
    const t = given24130(
      amended({ decidedOn: '2025-02-01', effectiveFrom: '2025-06-01', changes: [{ op: 'setRetention', destroyBy: '2033-12-31' }] }),
      amended({ decidedOn: '2025-02-02', effectiveFrom: '2025-03-01', changes: [{ op: 'setRetention', destroyBy: '2031-12-31' }] }),
      amended({ decidedOn: '2025-02-03', effectiveFrom: '2025-03-01', changes: [{ op: 'setRetention', destroyBy: '2032-12-31' }] }),
    );
    expect(t.amendments.map((a) => a.sequence)).toEqual([1, 3, 4, 2]);
    expect(documentAsOf(t, '2025-02-28').retention?.destroyBy).toBe('2030-12-31');
    expect(documentAsOf(t, '2025-03-01').retention?.destroyBy).toBe('2032-12-31');
    expect(documentAsOf(t, '2025-05-31').retention?.destroyBy).toBe('2032-12-31');
    expect(documentAsOf(t, '2025-06-01').retention?.destroyBy).toBe('2033-12-31');
    expect(documentEventually(t).retention?.destroyBy).toBe('2033-12-31');
    expect(amendmentsPending(t, '2025-03-01').map((a) => a.sequence)).toEqual([2]);
  });

  it('given an amendment whose change no longer applies when folded, when read, then that change is skipped and the rest applies', () => {
    const t = timeline(
      decided(decision24130()),
      amended({ decidedOn: '2025-02-01', effectiveFrom: '2025-03-01', changes: [{ op: 'removeDataset', datasetId: 'population' }] }),
      amended({
        decidedOn: '2025-02-02',
        effectiveFrom: '2025-04-01',
        changes: [
          { op: 'removeDataset', datasetId: 'population' },
          { op: 'setReferenceYears', years: [2023] },
        ],
      }),
    );
    const doc = documentAsOf(t, '2025-04-01');
    expect(datasetIds(doc)).toEqual(['sample']);
    expect(doc.referenceYears).toEqual([2023]);
  });

  it('given a folded timeline, when read twice, then the original decision object is never mutated', () => {
    const t = given24130(
      amended({
        decidedOn: '2025-02-01',
        effectiveFrom: '2025-03-01',
        changes: [{ op: 'updateDataset', datasetId: 'sample', set: { maxSubjects: null } }],
      }),
    );
    documentAsOf(t, '2026-01-01');
    expect(t.original).toEqual(decision24130());
  });
});

describe('statusOn', () => {
  it.each([
    ['2024-09-17', 'not-yet-in-force'],
    ['2024-09-18', 'in-force'],
    ['2030-12-31', 'in-force'],
    ['2031-01-01', 'retention-ended'],
  ])('given 24/130, when asked on %s, then it is %s', (on, status) => {
    expect(statusOn(given24130(), on)).toBe(status);
  });

  it('given a revocation effective 1 June 2025, when asked the day before and the day of, then in-force, then revoked', () => {
    const t = given24130(revoked({ decidedOn: '2025-05-20', effectiveFrom: '2025-06-01', reason: 'Ended' }));
    expect([statusOn(t, '2025-05-31'), isRevokedOn(t, '2025-05-31')]).toEqual(['in-force', false]);
    expect([statusOn(t, '2025-06-01'), isRevokedOn(t, '2025-06-01')]).toEqual(['revoked', true]);
    expect(statusOn(t, '2031-06-01')).toBe('revoked');
  });

  it('given a retention extended to 2032 from 1 December 2030, when asked in 2031, then it is in force', () => {
    const t = given24130(
      amended({ decidedOn: '2030-11-01', effectiveFrom: '2030-12-01', changes: [{ op: 'setRetention', destroyBy: '2032-12-31' }] }),
    );
    expect(statusOn(t, '2031-06-01')).toBe('in-force');
    expect(statusOn(t, '2033-01-01')).toBe('retention-ended');
  });
});

describe('known time: timelineOf(history, knownAt)', () => {
  const h = () =>
    history(
      at('2024-09-03T12:00:00Z', decided(decision24130())),
      at('2024-09-10T09:00:00Z', commitments24130()[0]),
      at('2024-11-05T15:00:00Z', amended(amendment24130())),
      at('2025-05-20T08:00:00Z', revoked({ decidedOn: '2025-05-20', effectiveFrom: '2025-06-01', reason: 'Ended' })),
    );

  it('given a history, when folded as known before the decision was recorded, then nothing is known', () => {
    expect(timelineOf(h(), '2024-09-03T11:59:59.999Z')).toBeUndefined();
  });

  it('given a history, when folded as known before the amendment was recorded, then the amendment is ignored even for dates after it takes effect', () => {
    const t = timelineOf(h(), '2024-11-05T14:00:00Z')!;
    expect(t.amendments).toEqual([]);
    expect(t.commitments).toHaveLength(1);
    expect(datasetIds(documentAsOf(t, '2025-01-01'))).toEqual(['sample', 'population']);
    expect(t.version).toBe(1);
  });

  it('given a history, when folded as known exactly at the amendment recording instant, then it is included', () => {
    const t = timelineOf(h(), '2024-11-05T15:00:00.000Z')!;
    expect(t.amendments.map((a) => ({ sequence: a.sequence, recordedAt: a.recordedAt }))).toEqual([
      { sequence: 1, recordedAt: '2024-11-05T15:00:00Z' },
    ]);
    expect(t.version).toBe(2);
    expect(t.revocation).toBeUndefined();
    expect(statusOn(t, '2025-07-01')).toBe('in-force');
  });

  it('given a history, when folded as known now, then the revocation is known and the version is the last revision', () => {
    const t = timelineOf(h())!;
    expect(t.revocation).toMatchObject({ effectiveFrom: '2025-06-01', recordedAt: '2025-05-20T08:00:00Z' });
    expect(t.version).toBe(3);
    expect(t.recordedAt).toBe('2024-09-03T12:00:00Z');
    expect(statusOn(t, '2025-07-01')).toBe('revoked');
  });

  it('given commitments signed on one date and recorded later, when read for a date, then signedOn decides and recordedAt is kept', () => {
    const t = timeline(
      decided(decision24130()),
      at('2024-10-01T10:00:00Z', committed('dwse', 'joint-and-several-liability', '2024-09-10')),
    );
    expect(commitmentsSignedBy(t, '2024-09-09')).toEqual([]);
    expect(commitmentsSignedBy(t, '2024-09-10')).toEqual([
      { party: 'dwse', kind: 'joint-and-several-liability', signedOn: '2024-09-10', recordedAt: '2024-10-01T10:00:00Z' },
    ]);
  });

  it('given a stream without DeliberationRecorded, when folded, then nothing is known', () => {
    expect(timelineOf(history(committed('dwse', 'x', '2024-09-10')))).toBeUndefined();
    expect(timelineOf([])).toBeUndefined();
  });
});

describe('today in Brussels (the default for on)', () => {
  it.each([
    ['2024-11-20T22:59:59Z', '2024-11-20'],
    ['2024-11-20T23:00:00Z', '2024-11-21'],
    ['2025-06-30T21:59:59Z', '2025-06-30'],
    ['2025-06-30T22:00:00Z', '2025-07-01'],
    ['2030-12-31T23:30:00Z', '2031-01-01'],
  ])('given the instant %s, when the Brussels date is taken, then it is %s', (instant, date) => {
    expect(brusselsDate(new Date(instant))).toBe(date);
  });
});

describe('knownAt given as a date', () => {
  it('given 2024-11-20 (winter, UTC+1), when parsed as knownAt, then it is the last millisecond of that day in Brussels', async () => {
    const { instant } = await import('../src/index.js');
    expect(instant.parse('2024-11-20')).toBe('2024-11-20T22:59:59.999Z');
  });

  it('given 2024-07-01 (summer, UTC+2), when parsed, then 21:59:59.999Z; a full instant passes unchanged', async () => {
    const { instant } = await import('../src/index.js');
    expect(instant.parse('2024-07-01')).toBe('2024-07-01T21:59:59.999Z');
    expect(instant.parse('2024-07-01T10:00:00+02:00')).toBe('2024-07-01T10:00:00+02:00');
    expect(instant.safeParse('2024-02-30').success).toBe(false);
    expect(instant.safeParse('yesterday').success).toBe(false);
  });
});
