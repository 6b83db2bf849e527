import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { DeliberationPage, DeliberationSummary, DeliberationView } from '../api/types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { DateField } from '../components/DateField.js';
import { Field, SelectField } from '../components/Field.js';
import { Pager, useCursorPages } from '../components/Pager.js';
import { Loading, ProblemMessage, StatusBadge } from '../components/Status.js';
import { useUrlFilters } from '../components/url-filters.js';
import { isoDateParam, showDate } from '../format.js';

const PAGE_SIZE = 10;
const STATUSES = ['in-force', 'not-yet-in-force', 'revoked', 'retention-ended'] as const;
type Status = (typeof STATUSES)[number];
const FILTERS = ['on', 'recipient', 'status', 'q', 'knownAt'] as const;

type Row = DeliberationSummary & { view?: DeliberationView };

function useRegisterColumns(on: string | undefined): Column<Row>[] {
  const { t } = useTranslation();
  const recipients = (view: DeliberationView) =>
    view.parties
      .filter((p) => !p.roles.includes('source'))
      .map((p) => p.name)
      .join('; ');
  return [
    {
      key: 'number',
      header: t('register.number'),
      rowHeader: true,
      cell: (d) => <Link to={`/desk/deliberations/${d.id}${on ? `?on=${on}` : ''}`}>{d.number}</Link>,
    },
    { key: 'title', header: t('register.titleColumn'), cell: (d) => d.title },
    { key: 'parties', header: t('register.parties'), cell: (d) => (d.view ? recipients(d.view) : '…') },
    { key: 'status', header: t('register.statusColumn'), cell: (d) => <StatusBadge status={d.status} /> },
    { key: 'destroyBy', header: t('register.destroyBy'), cell: (d) => showDate(d.view?.destroyBy ?? d.destroyBy) || '—' },
  ];
}

/** One page of the list, and each listed deliberation as of the same date and instant (the list carries no parties). */
function useRegisterPage(query: { on?: string; knownAt?: string; recipient: string; status?: Status; q: string }, cursor?: string) {
  const { on, knownAt, recipient, status, q } = query;
  const list = useQuery({
    queryKey: ['deliberations', recipient, status ?? null, q, on ?? null, knownAt ?? null, cursor ?? null],
    queryFn: () =>
      unwrap<DeliberationPage>(
        api.GET('/deliberations', {
          params: { query: { limit: PAGE_SIZE, cursor, recipient: recipient || undefined, status, q: q || undefined, on, knownAt } },
        }),
      ),
  });
  const views = useQueries({
    queries: (list.data?.items ?? []).map((d) => ({
      queryKey: ['deliberation', d.id, on ?? null, knownAt ?? null],
      queryFn: async () => ({
        data: await unwrap<DeliberationView>(api.GET('/deliberations/{id}', { params: { path: { id: d.id }, query: { on, knownAt } } })),
        etag: null,
      }),
    })),
  });
  const rows: Row[] = (list.data?.items ?? []).map((d, i) => ({ ...d, view: views[i]?.data?.data }));
  return { list, rows };
}

/** Everyone's first page: every deliberation, its parties and its status on a chosen date. */
export function RegisterPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(FILTERS);
  const on = isoDateParam(filters.applied.on);
  const status = (STATUSES as readonly string[]).includes(filters.applied.status) ? (filters.applied.status as Status) : undefined;
  const query = { on, knownAt: filters.applied.knownAt || undefined, recipient: filters.applied.recipient, status, q: filters.applied.q };
  const pages = useCursorPages(JSON.stringify(query));
  const { list, rows } = useRegisterPage(query, pages.cursor);
  const columns = useRegisterColumns(on);
  return (
    <section>
      <h1>{t('register.title')}</h1>
      <RegisterFilters filters={filters} />
      {list.isPending && <Loading />}
      <ProblemMessage error={list.error} />
      {list.data && (
        <>
          <p role="status">{t('register.count', { count: rows.length, date: showDate(on ?? '') || t('register.today') })}</p>
          <DataTable columns={columns} rows={rows} rowKey={(d) => d.id} className="register" caption={t('register.title')} captionHidden />
          <Pager label={t('register.pages')} pages={pages} pageSize={PAGE_SIZE} shown={rows.length} next={list.data.next} />
        </>
      )}
    </section>
  );
}

function RegisterFilters({ filters }: { filters: ReturnType<typeof useUrlFilters<(typeof FILTERS)[number]>> }) {
  const { t } = useTranslation();
  const { form, set } = filters;
  const statuses = [{ value: '', label: t('register.anyStatus') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))];
  return (
    <form className="filters" onSubmit={filters.apply} aria-label={t('register.filters')}>
      <DateField label={t('register.statusOn')} value={form.on} onChange={set('on')} name="on" />
      <Field
        label={t('register.recipient')}
        value={form.recipient}
        onChange={set('recipient')}
        name="recipient"
        placeholder="steunpunt-werk"
      />
      <SelectField label={t('register.status')} value={form.status} onChange={set('status')} name="status" options={statuses} />
      <Field label={t('register.text')} value={form.q} onChange={set('q')} name="q" />
      <DateField label={t('asOf.knownAt')} value={form.knownAt} onChange={set('knownAt')} name="knownAt" instant />
      <button type="submit">{t('register.apply')}</button>
    </form>
  );
}
