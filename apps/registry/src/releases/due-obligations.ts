import type { DataSource } from 'typeorm';
import {
  addDays,
  deliberationStreamId,
  destroyByFor,
  timelineOf,
  type DeliberationEvent,
  type DeliberationTimeline,
  type Recorded,
} from '@registry/domain';
import { deliberationsWithOpenObligations, openObligationsIn, type OpenObligationWithReminders } from '@registry/projections';
import type { EventStore } from '@registry/event-store';
import { toRecorded } from '../core/event-sourced-repository.js';

/** An open obligation whose deadline (as amended) is on or before the horizon, with the reminders already issued. */
export type DueObligation = OpenObligationWithReminders;

/** Delivery days span: a sentinel before and after any date the registry accepts. */
const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';
const DELIBERATIONS_PER_READ = 500;

/**
 * A delivery's deadline depends only on its deliberation and its delivery day, and is constant
 * between two consecutive amendment effective dates (destroyByFor: what is in force on the day,
 * moved by what takes effect after it). So each deliberation is cut into day ranges with one
 * deadline each, and only the ranges whose deadline is within the horizon are looked up.
 */
export function deadlineRanges(id: string, t: DeliberationTimeline, horizon: string) {
  const cuts = [...new Set(t.amendments.map((a) => a.effectiveFrom))].sort();
  const starts = [FIRST_DAY, ...cuts];
  return starts.flatMap((from, i) => {
    const destroyBy = destroyByFor(t, from);
    return destroyBy && destroyBy <= horizon ? [{ id, from, to: starts[i + 1] ?? LAST_DAY, destroyBy }] : [];
  });
}

/**
 * Open obligations due for a reminder run on `asOf`: deadline within `horizonDays` (the largest
 * threshold) or past. Reads the deliberations that have open obligations, then only the matching
 * deliveries, through the index on (deliberation_id, delivered_on) of open obligations.
 */
export async function dueObligations(db: DataSource, store: EventStore, asOf: string, horizonDays: number): Promise<DueObligation[]> {
  const horizon = addDays(asOf, horizonDays);
  const ids = await deliberationsWithOpenObligations(db);
  const due: DueObligation[] = [];
  for (let i = 0; i < ids.length; i += DELIBERATIONS_PER_READ) {
    const part = ids.slice(i, i + DELIBERATIONS_PER_READ);
    const streams = await store.readStreams(part.map(deliberationStreamId));
    const ranges = part.flatMap((id) => {
      const t = timelineOf((streams.get(deliberationStreamId(id)) ?? []).map(toRecorded) as Recorded<DeliberationEvent>[]);
      return t ? deadlineRanges(id, t, horizon) : [];
    });
    if (ranges.length === 0) continue;
    const rows = await openObligationsIn(db, ranges, asOf);
    due.push(...rows);
  }
  return due.sort(
    (a, b) => a.destroyBy.localeCompare(b.destroyBy) || a.deliveredOn.localeCompare(b.deliveredOn) || a.delivery.localeCompare(b.delivery),
  );
}
