import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScheduleEntry } from '../api/types.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { dayIn, daysIn, monthOf, useMonthSchedule, type Month, type ScheduleFilters } from './schedule-queries.js';

/** The weeks of `m`, Monday first: day numbers, `null` before the first and after the last. */
function weeksOf(m: Month): (number | null)[][] {
  const lead = (new Date(Date.UTC(m.year, m.month, 1)).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: daysIn(m) }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

function MonthGrid({ month, name, entries }: { month: Month; name: string; entries: ScheduleEntry[] }) {
  const { i18n } = useTranslation();
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(i18n.language, { weekday: 'short', timeZone: 'UTC' }),
  );
  const on = (day: number) => entries.filter((e) => e.destroyBy === dayIn(month, day));
  return (
    <table>
      <caption className="visually-hidden">{name}</caption>
      <thead>
        <tr>
          {weekdays.map((d) => (
            <th scope="col" key={d}>
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeksOf(month).map((week, w) => (
          <tr key={w}>
            {week.map((day, i) => (
              <td key={i} className={day && on(day).length ? 'has' : undefined}>
                {day && <span className="day">{day}</span>}
                {day &&
                  on(day).map((e) => (
                    <Link key={e.delivery} className={`event badge-${e.status}`} to={`/desk/deliveries/${e.delivery}`}>
                      {e.dataset} · {e.recipient}
                    </Link>
                  ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The deadlines of one month on a Monday-first grid, with the month before and after a click
 * away. Each month asks the server for its own deadlines (all of its pages), whatever page the
 * list shows.
 */
export function MonthCalendar({ filters, start }: { filters: ScheduleFilters; start: string }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(() => monthOf(start));
  const entries = useMonthSchedule(filters, month);
  const name = new Date(Date.UTC(month.year, month.month, 1)).toLocaleDateString(i18n.language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const move = (by: number) =>
    setMonth((m) => ({ year: m.year + Math.floor((m.month + by) / 12), month: (((m.month + by) % 12) + 12) % 12 }));
  return (
    <section className="calendar" aria-labelledby="month-calendar">
      <h2 id="month-calendar">{t('schedule.calendar')}</h2>
      <div className="calendar-nav">
        <button type="button" className="small" onClick={() => move(-1)}>
          {t('schedule.previousMonth')}
        </button>
        <strong aria-live="polite">{name}</strong>
        <button type="button" className="small" onClick={() => move(1)}>
          {t('schedule.nextMonth')}
        </button>
      </div>
      {entries.isPending && <Loading />}
      <ProblemMessage error={entries.error} />
      {entries.data && (
        <>
          <p>{t('schedule.inMonth', { count: entries.data.length })}</p>
          <MonthGrid month={month} name={name} entries={entries.data} />
        </>
      )}
    </section>
  );
}
