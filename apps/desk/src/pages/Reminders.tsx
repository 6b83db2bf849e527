import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { Items, Reminder, ReminderPage } from '../api/types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { Pager, pageSizeParam, useCursorPages } from '../components/Pager.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { showDate, showInstant } from '../format.js';
import { useSession } from '../session.js';

function useReminderColumns(): Column<Reminder>[] {
  const { t } = useTranslation();
  return [
    { key: 'issuedAt', header: t('reminders.issuedAt'), cell: (r) => showInstant(r.issuedAt) },
    {
      key: 'threshold',
      header: t('reminders.threshold'),
      cell: (r) => (r.threshold === 'overdue' ? t('reminders.overdue') : t('reminders.daysBefore', { days: r.threshold })),
    },
    { key: 'recipient', header: t('ledger.recipient'), cell: (r) => r.recipient },
    {
      key: 'dataset',
      header: t('ledger.dataset'),
      cell: (r) => (
        <Link to={`/desk/deliveries/${r.delivery}`}>
          {r.dataset} ({r.deliberation})
        </Link>
      ),
    },
    { key: 'destroyBy', header: t('ledger.destroyBy'), cell: (r) => showDate(r.destroyBy) },
    {
      key: 'status',
      header: t('reminders.status'),
      cell: (r) => (
        <>
          <span className={`badge badge-${r.status}`}>{t(`sendStatus.${r.status}`, { defaultValue: r.status })}</span>
          {r.attempts ? ` (${t('reminders.attempts', { count: r.attempts })})` : ''}
        </>
      ),
    },
  ];
}

export function RemindersTable({ items }: { items: Reminder[] }) {
  const { t } = useTranslation();
  const columns = useReminderColumns();
  if (items.length === 0) return <p>{t('reminders.none')}</p>;
  return <DataTable columns={columns} rows={items} rowKey={(r) => r.id} caption={t('reminders.title')} captionHidden />;
}

/** Issue the reminders due on a date (secretariat and stewards), then every reminder, paged. */
export function RemindersSection({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const queries = useQueryClient();
  const [params] = useSearchParams();
  const limit = pageSizeParam(params.get('limit'));
  const pages = useCursorPages(String(limit));
  const reminders = useQuery({
    queryKey: ['reminders', 'all', limit, pages.cursor ?? null],
    queryFn: () => unwrap<ReminderPage>(api.GET('/reminders', { params: { query: { limit, cursor: pages.cursor } } })),
  });
  const run = useMutation({
    mutationFn: () => unwrap<Items<Reminder>>(api.POST('/reminders/run', { body: { asOf } as never })),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['reminders'] }),
  });
  return (
    <>
      <h2>{t('reminders.title')}</h2>
      {can('secretariat', 'steward') && (
        <p>
          <button type="button" onClick={() => run.mutate()} disabled={run.isPending}>
            {t('reminders.run', { date: showDate(asOf) })}
          </button>
          {run.data && <span role="status"> {t('reminders.issued', { count: run.data.items.length })}</span>}
        </p>
      )}
      <ProblemMessage error={run.error ?? reminders.error} />
      {reminders.isPending && <Loading />}
      {reminders.data && <RemindersTable items={reminders.data.items} />}
      {reminders.data && (
        <Pager label={t('reminders.pages')} pages={pages} pageSize={limit} shown={reminders.data.items.length} next={reminders.data.next} />
      )}
    </>
  );
}
