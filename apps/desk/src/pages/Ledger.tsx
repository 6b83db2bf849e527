import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { Delivery, DeliveryPage } from '../api/types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { Pager, pageSizeParam, useCursorPages } from '../components/Pager.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { useUrlFilters } from '../components/url-filters.js';
import { showDate } from '../format.js';

const FILTERS = ['recipient', 'deliberation', 'knownAt'] as const;

function useLedgerColumns(): Column<Delivery>[] {
  const { t } = useTranslation();
  const destruction = (d: Delivery) =>
    d.destruction ? t('ledger.destroyedOn', { date: showDate(d.destruction.destroyedOn) }) : d.obligation ? t('ledger.notYet') : '—';
  return [
    {
      key: 'deliveredOn',
      header: t('ledger.deliveredOn'),
      rowHeader: true,
      cell: (d) => <Link to={`/desk/deliveries/${d.id}`}>{showDate(d.deliveredOn)}</Link>,
    },
    { key: 'deliberation', header: t('ledger.deliberation'), cell: (d) => d.deliberation },
    { key: 'recipient', header: t('ledger.recipient'), cell: (d) => d.recipient },
    { key: 'dataset', header: t('ledger.dataset'), cell: (d) => d.dataset },
    { key: 'reference', header: t('ledger.reference'), cell: (d) => d.reference ?? '—' },
    { key: 'destroyBy', header: t('ledger.destroyBy'), cell: (d) => (d.destroyBy ? showDate(d.destroyBy) : t('ledger.noObligation')) },
    { key: 'destruction', header: t('ledger.destruction'), cell: destruction },
  ];
}

/** Every recorded delivery, newest last, filtered and paged by the server (keyset cursor). */
export default function LedgerPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(FILTERS);
  const { recipient, deliberation, knownAt } = filters.applied;
  const limit = pageSizeParam(filters.params.get('limit'));
  const pages = useCursorPages(JSON.stringify([recipient, deliberation, knownAt, limit]));
  const ledger = useQuery({
    queryKey: ['deliveries', recipient, deliberation, knownAt, limit, pages.cursor ?? null],
    queryFn: () =>
      unwrap<DeliveryPage>(
        api.GET('/deliveries', {
          params: {
            query: {
              limit,
              cursor: pages.cursor,
              recipient: recipient || undefined,
              deliberation: deliberation || undefined,
              knownAt: knownAt || undefined,
            },
          },
        }),
      ),
  });
  const columns = useLedgerColumns();
  return (
    <section>
      <h1>{t('ledger.title')}</h1>
      <form className="filters" onSubmit={filters.apply} aria-label={t('register.filters')}>
        <Field label={t('ledger.recipient')} value={filters.form.recipient} onChange={filters.set('recipient')} />
        <Field
          label={t('ledger.deliberation')}
          value={filters.form.deliberation}
          onChange={filters.set('deliberation')}
          placeholder="24/130"
        />
        <DateField label={t('asOf.knownAt')} value={filters.form.knownAt} onChange={filters.set('knownAt')} instant />
        <button type="submit">{t('register.apply')}</button>
      </form>
      {ledger.isPending && <Loading />}
      <ProblemMessage error={ledger.error} />
      {ledger.data && ledger.data.items.length === 0 && <p>{t('ledger.empty')}</p>}
      {ledger.data && ledger.data.items.length > 0 && (
        <DataTable columns={columns} rows={ledger.data.items} rowKey={(d) => d.id} caption={t('ledger.title')} captionHidden />
      )}
      {ledger.data && (
        <Pager label={t('ledger.pages')} pages={pages} pageSize={limit} shown={ledger.data.items.length} next={ledger.data.next} />
      )}
    </section>
  );
}
