import type { DataSource } from 'typeorm';
import { obligationStatus } from '@registry/domain';
import { scheduleRowsIn, type DeadlineRange, type ScheduleRow } from '@registry/projections';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type PageRequest } from '../core/paging.js';
import type { DeadlineRangeCache } from './deadline-ranges.js';

/** Ranges looked in by the first query of a page; each further query looks in four times as many. */
const FIRST_RANGES = 64;

/** The ranges from `start` on, at least `size` of them, ending at a change of deadline (the order needs whole deadlines). */
function wholeDeadlines(ranges: DeadlineRange[], start: number, size: number): DeadlineRange[] {
  let end = Math.min(ranges.length, start + size);
  while (end < ranges.length && ranges[end].destroyBy === ranges[end - 1].destroyBy) end++;
  return ranges.slice(start, end);
}

/** A page of the schedule, optionally only the deadlines from `destroyByFrom` to `destroyByTo` (both included). */
export interface ScheduleRange extends PageRequest {
  destroyByFrom?: string;
  destroyByTo?: string;
}

export interface ScheduleQuery extends ScheduleRange {
  asOf: string;
  within?: number;
  knownAt?: string;
}

/**
 * One page of the destruction schedule, read in the database by keyset: the deliberations'
 * deadline ranges are walked in deadline order, a few at a time, and each query asks only for
 * the open obligations in those ranges after the cursor, up to the page's size. Same items and
 * order as the whole schedule cut at the cursor (`DeliveryService.schedule`).
 */
export async function schedulePage(db: DataSource, deadlines: DeadlineRangeCache, request: ScheduleQuery, firstRanges = FIRST_RANGES) {
  const after = decodeCursor(request.cursor, ['day', 'day', 'uuid']);
  const limit = request.limit ?? DEFAULT_LIMIT;
  const from = [after?.[0], request.destroyByFrom]
    .filter((day) => day !== undefined)
    .sort()
    .at(-1);
  const ranges = (await deadlines.sortedByDeadline(request.knownAt)).filter(
    (r) => (!from || r.destroyBy >= from) && (!request.destroyByTo || r.destroyBy <= request.destroyByTo),
  );
  const rows: ScheduleRow[] = [];
  for (let start = 0, size = firstRanges; start < ranges.length && rows.length <= limit; size *= 4) {
    const chunk = wholeDeadlines(ranges, start, size);
    start += chunk.length;
    const last = rows.at(-1);
    const from = last ? [last.destroyBy, last.deliveredOn, last.delivery] : after;
    rows.push(
      ...(await scheduleRowsIn(db, {
        ranges: chunk,
        asOf: request.asOf,
        knownAt: request.knownAt,
        after: from,
        limit: limit + 1 - rows.length,
      })),
    );
  }
  const page = pageOf(rows, limit, (e) => [e.destroyBy, e.deliveredOn, e.delivery]);
  return { ...page, items: page.items.map((row) => ({ ...row, ...obligationStatus(row.destroyBy, request.asOf, request.within) })) };
}
