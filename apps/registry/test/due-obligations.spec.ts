import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { destroyByFor, type DeliberationTimeline } from '@registry/domain';
import { deadlineRanges } from '../src/releases/due-obligations.js';

const original = JSON.parse(readFileSync(new URL('../../../fixtures/24-130.deliberation.json', import.meta.url), 'utf8'));
const day = fc.integer({ min: 0, max: 4000 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
const change = fc.oneof(
  day.map((destroyBy) => ({ op: 'setRetention', destroyBy })),
  fc.constant({ op: 'setReferenceYears', years: [2020, 2021] }),
);
const timeline = fc
  .array(fc.record({ effectiveFrom: day, changes: fc.array(change, { minLength: 1, maxLength: 2 }) }), { maxLength: 7 })
  .map((amendments): DeliberationTimeline => {
    const recorded = amendments.map((a, i) => ({ ...a, sequence: i + 1, decidedOn: '2020-01-01', recordedAt: '2020-01-01T00:00:00Z' }));
    const sorted = recorded.sort((a, b) =>
      a.effectiveFrom === b.effectiveFrom ? a.sequence - b.sequence : a.effectiveFrom < b.effectiveFrom ? -1 : 1,
    );
    return {
      original,
      amendments: sorted,
      commitments: [],
      version: 1 + amendments.length,
      recordedAt: '2020-01-01T00:00:00Z',
    } as unknown as DeliberationTimeline;
  });

describe('deadline ranges of a deliberation (what the reminder run looks up)', () => {
  it('given any amendments and any delivery day, the range holding that day carries destroyByFor of that day, and is kept exactly when within the horizon', () => {
    fc.assert(
      fc.property(timeline, day, day, (t, deliveredOn, horizon) => {
        const ranges = deadlineRanges('x', t, horizon);
        const holding = ranges.filter((r) => r.from <= deliveredOn && deliveredOn < r.to);
        const expected = destroyByFor(t, deliveredOn);
        if (expected && expected <= horizon) expect(holding).toEqual([expect.objectContaining({ destroyBy: expected })]);
        else expect(holding).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
