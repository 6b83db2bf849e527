import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, storedKey, unwrap } from '../api/client.js';
import type { Items, ScheduleEntry } from '../api/types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { useUrlFilters } from '../components/url-filters.js';
import { isoDateParam, showDate, today } from '../format.js';
import { MonthCalendar } from './MonthCalendar.js';
import { RemindersSection } from './Reminders.js';

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
function CalendarLink({ asOf, within }: { asOf: string; within: string }) {
  const { t } = useTranslation();
  const download = async () => {
    const answer = await fetch(`/destruction-schedule.ics?asOf=${asOf}&within=${within}`, {
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

function Obligations({ items, asOf }: { items: ScheduleEntry[]; asOf: string }) {
  const { t } = useTranslation();
  const columns = useScheduleColumns();
  return (
    <>
      <p role="status">{t('schedule.count', { count: items.length, date: showDate(asOf) })}</p>
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
      <MonthCalendar entries={items} start={items[0]?.destroyBy ?? asOf} />
    </>
  );
}

export default function SchedulePage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(FILTERS, { asOf: today(), within: '90' });
  const asOf = isoDateParam(filters.applied.asOf) ?? today();
  const within = filters.applied.within || '90';
  const knownAt = filters.applied.knownAt;
  const schedule = useQuery({
    queryKey: ['schedule', asOf, within, knownAt],
    queryFn: () =>
      unwrap<Items<ScheduleEntry> & { asOf: string }>(
        api.GET('/destruction-schedule', {
          params: { query: { asOf, within: Number(within) || undefined, knownAt: knownAt || undefined } },
        }),
      ),
  });
  return (
    <section>
      <h1>{t('schedule.title')}</h1>
      <form className="filters" onSubmit={filters.apply} aria-label={t('register.filters')}>
        <DateField label={t('schedule.asOf')} value={filters.form.asOf} onChange={filters.set('asOf')} />
        <Field label={t('schedule.within')} value={filters.form.within} onChange={filters.set('within')} inputMode="numeric" />
        <DateField label={t('asOf.knownAt')} value={filters.form.knownAt} onChange={filters.set('knownAt')} instant />
        <button type="submit">{t('register.apply')}</button>
      </form>
      <CalendarLink asOf={asOf} within={within} />
      {schedule.isPending && <Loading />}
      <ProblemMessage error={schedule.error} />
      {schedule.data && <Obligations items={schedule.data.items} asOf={asOf} />}
      <RemindersSection asOf={asOf} />
    </section>
  );
}
