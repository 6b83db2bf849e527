import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScheduleEntry } from '../api/types.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The deadlines of one month on a Monday-first grid, with the month before and after a click away. */
export function MonthCalendar({ entries, start }: { entries: ScheduleEntry[]; start: string }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(() => ({ year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)) - 1 }));
  const first = new Date(Date.UTC(month.year, month.month, 1));
  const days = new Date(Date.UTC(month.year, month.month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const monthName = first.toLocaleDateString(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(i18n.language, { weekday: 'short', timeZone: 'UTC' }),
  );
  const move = (by: number) =>
    setMonth((m) => ({ year: m.year + Math.floor((m.month + by) / 12), month: (((m.month + by) % 12) + 12) % 12 }));
  const on = (day: number) => entries.filter((e) => e.destroyBy === `${month.year}-${pad(month.month + 1)}-${pad(day)}`);
  return (
    <section className="calendar">
      <h2>{t('schedule.calendar')}</h2>
      <div className="calendar-nav">
        <button type="button" className="small" onClick={() => move(-1)}>
          {t('schedule.previousMonth')}
        </button>
        <strong aria-live="polite">{monthName}</strong>
        <button type="button" className="small" onClick={() => move(1)}>
          {t('schedule.nextMonth')}
        </button>
      </div>
      <table>
        <caption className="visually-hidden">{monthName}</caption>
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
          {weeks.map((week, w) => (
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
    </section>
  );
}
