import { decideOutputRelease, outputReleaseSchema, type OutputRelease } from '../src/index.js';
import { amended, given24130, refusal, revoked } from './given.js';

const output = (overrides: Partial<OutputRelease> = {}): OutputRelease => ({
  dataset: 'population',
  description: 'Labour reserve by province, 2020-2022 (aggregated)',
  releasedOn: '2025-03-01',
  smallCellRiskAnalysis: { performedOn: '2025-02-28', performedBy: 'KSZ', passed: true, reportRef: 'SCRA-2025-004' },
  ...overrides,
});
const decide = (t = given24130(), o = output()) => decideOutputRelease(t, o, 'o-1');

describe('decideOutputRelease', () => {
  it('given a passed small-cell analysis the day before, when population results are released, then one OutputReleaseRecorded event is decided', () => {
    expect(decide()).toEqual([{ type: 'OutputReleaseRecorded', data: { ...output(), releaseId: 'o-1', deliberation: '24/130' } }]);
  });

  it('given the analysis performed on the release day, when released, then it is accepted', () => {
    expect(
      decide(given24130(), output({ smallCellRiskAnalysis: { ...output().smallCellRiskAnalysis!, performedOn: '2025-03-01' } })),
    ).toHaveLength(1);
  });

  it('given no analysis, when population results are released, then SMALL_CELL_ANALYSIS_REQUIRED citing §2, §15', () => {
    const error = refusal(() => decide(given24130(), output({ smallCellRiskAnalysis: undefined })));
    expect(error).toMatchObject({
      kind: 'unprocessable',
      code: 'SMALL_CELL_ANALYSIS_REQUIRED',
      errors: [{ path: '/smallCellRiskAnalysis', message: 'is required' }],
    });
    expect(error.message).toContain('§2, §15');
  });

  it('given an analysis performed the day after the release, when released, then SMALL_CELL_ANALYSIS_REQUIRED', () => {
    const error = refusal(() =>
      decide(given24130(), output({ smallCellRiskAnalysis: { ...output().smallCellRiskAnalysis!, performedOn: '2025-03-02' } })),
    );
    expect(error).toMatchObject({
      code: 'SMALL_CELL_ANALYSIS_REQUIRED',
      errors: [{ path: '/smallCellRiskAnalysis', message: 'was performed after the release' }],
    });
  });

  it('given an analysis that did not pass, when released, then SMALL_CELL_ANALYSIS_FAILED at /smallCellRiskAnalysis/passed', () => {
    const error = refusal(() =>
      decide(given24130(), output({ smallCellRiskAnalysis: { ...output().smallCellRiskAnalysis!, passed: false } })),
    );
    expect(error).toMatchObject({
      kind: 'unprocessable',
      code: 'SMALL_CELL_ANALYSIS_FAILED',
      errors: [{ path: '/smallCellRiskAnalysis/passed' }],
    });
  });

  it('given the retention of the personal data ended on 2030-12-31, when population results are released on 2031-01-02, then RETENTION_ENDED', () => {
    const o = output({
      releasedOn: '2031-01-02',
      smallCellRiskAnalysis: { ...output().smallCellRiskAnalysis!, performedOn: '2031-01-01' },
    });
    expect(refusal(() => decide(given24130(), o))).toMatchObject({ kind: 'unprocessable', code: 'RETENTION_ENDED' });
  });

  it('given the sample has no outputs rule, when its results are released, then OUTPUT_RELEASE_NOT_ALLOWED', () => {
    expect(refusal(() => decide(given24130(), output({ dataset: 'sample' })))).toMatchObject({ code: 'OUTPUT_RELEASE_NOT_ALLOWED' });
  });

  it('given a dataset the deliberation does not have (or not yet), when released, then DATASET_NOT_AUTHORISED', () => {
    expect(refusal(() => decide(given24130(), output({ dataset: 'nope' })))).toMatchObject({
      code: 'DATASET_NOT_AUTHORISED',
      errors: [{ path: '/dataset' }],
    });
    expect(refusal(() => decide(given24130(), output({ dataset: 'scrambled', releasedOn: '2024-11-20' })))).toMatchObject({
      code: 'DATASET_NOT_AUTHORISED',
    });
  });

  it('given the population removed from 1 March 2025, when its results are released that day, then DATASET_NOT_AUTHORISED', () => {
    const t = given24130(
      amended({ decidedOn: '2025-02-01', effectiveFrom: '2025-03-01', changes: [{ op: 'removeDataset', datasetId: 'population' }] }),
    );
    expect(refusal(() => decide(t))).toMatchObject({ code: 'DATASET_NOT_AUTHORISED' });
    expect(
      decide(
        t,
        output({ releasedOn: '2025-02-28', smallCellRiskAnalysis: { ...output().smallCellRiskAnalysis!, performedOn: '2025-02-27' } }),
      ),
    ).toHaveLength(1);
  });

  it('given 24/130 not yet in force on 17 September 2024, when released, then NOT_YET_IN_FORCE at /releasedOn', () => {
    const error = refusal(() =>
      decide(
        given24130(),
        output({ releasedOn: '2024-09-17', smallCellRiskAnalysis: { ...output().smallCellRiskAnalysis!, performedOn: '2024-09-16' } }),
      ),
    );
    expect(error).toMatchObject({ code: 'NOT_YET_IN_FORCE', errors: [{ path: '/releasedOn' }] });
  });

  it('given a revocation effective 1 March 2025, when released that day, then REVOKED', () => {
    const t = given24130(revoked({ decidedOn: '2025-02-01', effectiveFrom: '2025-03-01', reason: 'Ended' }));
    expect(refusal(() => decide(t))).toMatchObject({ code: 'REVOKED' });
  });

  it('given an output release body with an unknown field or an impossible date, when parsed, then it is refused', () => {
    expect(outputReleaseSchema.safeParse({ ...output(), approvedBy: 'x' }).success).toBe(false);
    expect(outputReleaseSchema.safeParse({ ...output(), releasedOn: '2025-02-29' }).success).toBe(false);
    expect(
      outputReleaseSchema.safeParse({ ...output(), smallCellRiskAnalysis: { ...output().smallCellRiskAnalysis!, score: 3 } }).success,
    ).toBe(false);
    expect(outputReleaseSchema.safeParse(output()).success).toBe(true);
  });
});
