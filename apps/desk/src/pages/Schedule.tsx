import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { storedKey } from '../api/client.js';
import type { ScheduleEntry } from '../api/types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { Pager, pageSizeParam, useCursorPages } from '../components/Pager.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { useUrlFilters } from '../components/url-filters.js';
import { isoDateParam, showDate, today } from '../format.js';
import { MonthCalendar } from './MonthCalendar.js';
import { RemindersSection } from './Reminders.js';
import { useSchedulePage, type ScheduleFilters } from './schedule-queries.js';

export { RemindersTable } from './Reminders.js';

const FILTERS = ['asOf', 'within', 'knownAt'] as const;

function useScheduleColumns(): Column<ScheduleEntry>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'destroyBy',
      header: t('ledger.destroyBy'),
      rowHeader: true,
      cell: (e) => <Link to={`/desk/deliveries/${e.delivery}`}>{showDate(e.destroyBy)}</Link>,
    },
    { key: 'daysLeft', header: t('schedule.daysLeft'), className: 'num', cell: (e) => e.daysLeft },
    {
      key: 'status',
      header: t('reminders.status'),
      cell: (e) => <span className={`badge badge-${e.status}`}>{t(`obligation.${e.status}`)}</span>,
    },
    { key: 'recipient', header: t('ledger.recipient'), cell: (e) => e.recipient },
    { key: 'dataset', header: t('ledger.dataset'), cell: (e) => `${e.dataset} (${e.deliberation})` },
    { key: 'deliveredOn', header: t('ledger.deliveredOn'), cell: (e) => showDate(e.deliveredOn) },
  ];
}

/** The subscription address and a one-click download of the same calendar. */
function CalendarLink({ asOf, within, knownAt }: { asOf: string; within: string; knownAt?: string }) {
  const { t } = useTranslation();
  const download = async () => {
    const query = new URLSearchParams({ asOf, within, ...(knownAt ? { knownAt } : {}) });
    const answer = await fetch(`/destruction-schedule.ics?${query}`, {
      headers: { authorization: `Bearer ${storedKey()}` },
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await answer.blob());
    link.download = 'destruction-schedule.ics';
    link.click();
  };
  return (
    <p className="ics">
      {t('schedule.ics')} <code>{`${window.location.origin}/destruction-schedule.ics`}</code>{' '}
      <button type="button" className="small" onClick={() => void download()}>
        {t('schedule.download')}
      </button>
      <small className="block">{t('schedule.icsHint')}</small>
    </p>
  );
}

/** One page of the obligations, by deadline, with Previous/Next; the whole count only when all fits on one page. */
function Obligations({ filters }: { filters: ScheduleFilters }) {
  const { t } = useTranslation();
  const columns = useScheduleColumns();
  const pages = useCursorPages(JSON.stringify(filters));
  const schedule = useSchedulePage(filters, pages.cursor);
  if (schedule.isPending) return <Loading />;
  if (!schedule.data) return <ProblemMessage error={schedule.error} />;
  const { items, next } = schedule.data;
  const onePage = pages.page === 1 && !next;
  return (
    <>
      <p role="status">
        {onePage
          ? t('schedule.count', { count: items.length, date: showDate(filters.asOf) })
          : t('schedule.paged', { date: showDate(filters.asOf) })}
      </p>
      {items.length > 0 && (
        <DataTable
          columns={columns}
          rows={items}
          rowKey={(e) => e.delivery}
          rowClassName={(e) => `row-${e.status}`}
          caption={t('schedule.title')}
          captionHidden
        />
      )}
      <Pager label={t('schedule.pages')} pages={pages} pageSize={filters.limit} shown={items.length} next={next} />
    </>
  );
}

/** The month calendar opens on the month of the earliest deadline (the first page's first row), else of `asOf`. */
function ScheduleCalendar({ filters }: { filters: ScheduleFilters }) {
  const first = useSchedulePage(filters, undefined);
  if (!first.data) return null;
  return <MonthCalendar key={JSON.stringify(filters)} filters={filters} start={first.data.items[0]?.destroyBy ?? filters.asOf} />;
}

export default function SchedulePage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(FILTERS, { asOf: today(), within: '90' });
  const asOf = isoDateParam(filters.applied.asOf) ?? today();
  const within = filters.applied.within || '90';
  const knownAt = filters.applied.knownAt ?? '';
  const scheduleFilters = { asOf, within, knownAt, limit: pageSizeParam(filters.params.get('limit')) };
  return (
    <section>
      <h1>{t('schedule.title')}</h1>
      <form className="filters" onSubmit={filters.apply} aria-label={t('register.filters')}>
        <DateField label={t('schedule.asOf')} value={filters.form.asOf} onChange={filters.set('asOf')} />
        <Field label={t('schedule.within')} value={filters.form.within} onChange={filters.set('within')} inputMode="numeric" />
        <DateField label={t('asOf.knownAt')} value={filters.form.knownAt} onChange={filters.set('knownAt')} instant />
        <button type="submit">{t('register.apply')}</button>
      </form>
      <CalendarLink asOf={asOf} within={within} knownAt={knownAt} />
      <Obligations filters={scheduleFilters} />
      <ScheduleCalendar filters={scheduleFilters} />
      <RemindersSection asOf={asOf} />
    </section>
  );
}
