import { z } from 'zod';
import { documentAsOf, statusOn, type DeliberationTimeline } from '../deliberation/timeline.js';
import { isAfter } from '../shared/dates.js';
import { unprocessable } from '../shared/errors.js';
import { calendarDate, identifier, text } from '../shared/schema-primitives.js';

export const outputReleaseSchema = z.strictObject({
  dataset: identifier,
  description: text(),
  releasedOn: calendarDate,
  smallCellRiskAnalysis: z
    .strictObject({
      performedOn: calendarDate,
      performedBy: text(500),
      passed: z.boolean(),
      reportRef: text(500).optional(),
    })
    .optional(),
});
export type OutputRelease = z.infer<typeof outputReleaseSchema>;

export type OutputReleaseEvent = { type: 'OutputReleaseRecorded'; data: OutputRelease & { releaseId: string; deliberation: string } };

export const outputReleaseStreamId = (id: string): string => `output-release-${id}`;

/**
 * Results leave a secure room only as the dataset's `outputs` rule allows, and only after a
 * small-cell risk analysis that passed, performed on or before the release (§15 in 24/130).
 */
export function decideOutputRelease(t: DeliberationTimeline, release: OutputRelease, releaseId: string): OutputReleaseEvent[] {
  const number = t.original.number;
  const status = statusOn(t, release.releasedOn);
  if (status === 'revoked' || status === 'not-yet-in-force')
    throw unprocessable(
      `deliberation ${number} is ${status} on ${release.releasedOn}`,
      [{ path: '/releasedOn', message: `deliberation is ${status}` }],
      status === 'revoked' ? 'REVOKED' : 'NOT_YET_IN_FORCE',
    );
  const dataset = documentAsOf(t, release.releasedOn).datasets.find((d) => d.id === release.dataset);
  if (!dataset)
    throw unprocessable(
      `deliberation ${number} has no dataset "${release.dataset}" on ${release.releasedOn}`,
      [{ path: '/dataset', message: 'no such dataset' }],
      'DATASET_NOT_AUTHORISED',
    );
  if (!dataset.outputs)
    throw unprocessable(
      `dataset "${dataset.id}" has no output rule: its outputs are not released through the registry`,
      [{ path: '/dataset', message: 'has no outputs rule' }],
      'OUTPUT_RELEASE_NOT_ALLOWED',
    );
  if (status === 'retention-ended' && dataset.personalData)
    throw unprocessable(
      `the personal data of "${dataset.id}" had to be destroyed by ${documentAsOf(t, release.releasedOn).retention?.destroyBy}: nothing more may come out of it`,
      [{ path: '/releasedOn', message: 'after the retention period' }],
      'RETENTION_ENDED',
    );
  if (dataset.outputs.requires === 'small-cell-risk-analysis') {
    const analysis = release.smallCellRiskAnalysis;
    const clause = dataset.outputs.clause ? ` (${dataset.outputs.clause})` : '';
    if (!analysis || isAfter(analysis.performedOn, release.releasedOn))
      throw unprocessable(
        `an output of "${dataset.id}" requires a small-cell risk analysis performed on or before the release${clause}`,
        [{ path: '/smallCellRiskAnalysis', message: analysis ? 'was performed after the release' : 'is required' }],
        'SMALL_CELL_ANALYSIS_REQUIRED',
      );
    if (!analysis.passed)
      throw unprocessable(
        `the small-cell risk analysis did not pass: the output may not be released${clause}`,
        [{ path: '/smallCellRiskAnalysis/passed', message: 'the analysis must have passed' }],
        'SMALL_CELL_ANALYSIS_FAILED',
      );
  }
  return [{ type: 'OutputReleaseRecorded', data: { ...release, releaseId, deliberation: number } }];
}
