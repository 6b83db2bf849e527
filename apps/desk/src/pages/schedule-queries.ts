import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.js';
import type { ScheduleEntry } from '../api/types.js';

/** What the schedule is judged by: the filters of the page, as the API takes them. */
export interface ScheduleFilters {
  asOf: string;
  within: string;
  knownAt: string;
  /** Rows asked for per request (`?limit=` of the page). */
  limit: number;
}

interface SchedulePage {
  items: ScheduleEntry[];
  next?: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A month as a year and a zero-based month, like `Date`. */
export interface Month {
  year: number;
  month: number;
}

export const monthOf = (day: string): Month => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) - 1 });

export const dayIn = (m: Month, day: number) => `${m.year}-${pad(m.month + 1)}-${pad(day)}`;

export const daysIn = (m: Month) => new Date(Date.UTC(m.year, m.month + 1, 0)).getUTCDate();

function readSchedule(filters: ScheduleFilters, extra: { cursor?: string; destroyByFrom?: string; destroyByTo?: string }) {
  return unwrap<SchedulePage>(
    api.GET('/destruction-schedule', {
      params: {
        query: {
          asOf: filters.asOf,
          // 0 is a real answer (nothing ahead is due); only an empty field means the default.
          within: filters.within.trim() === '' ? undefined : Number(filters.within),
          knownAt: filters.knownAt || undefined,
          limit: filters.limit,
          ...extra,
        },
      },
    }),
  );
}

/** One page of the schedule, from `cursor` (none: the first). */
export function useSchedulePage(filters: ScheduleFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: ['schedule', filters, cursor ?? null],
    queryFn: () => readSchedule(filters, { cursor }),
  });
}

/** Every obligation whose deadline falls in `month`: the month's range, page after page until no `next`. */
export function useMonthSchedule(filters: ScheduleFilters, month: Month) {
  return useQuery({
    queryKey: ['schedule-month', filters, month.year, month.month],
    queryFn: async () => {
      const range = { destroyByFrom: dayIn(month, 1), destroyByTo: dayIn(month, daysIn(month)) };
      const entries: ScheduleEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await readSchedule(filters, { ...range, cursor });
        entries.push(...page.items);
        cursor = page.next ?? undefined;
      } while (cursor);
      return entries;
    },
  });
}
