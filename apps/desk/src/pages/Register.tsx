import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, query, unwrap } from '../api/client.js';
import type { DeliberationSummary, DeliberationView, Items } from '../api/types.js';
import { DateField } from '../components/DateField.js';
import { Field, SelectField } from '../components/Field.js';
import { Loading, ProblemMessage, StatusBadge } from '../components/Status.js';
import { isoDateParam, showDate } from '../format.js';

const PAGE_SIZE = 10;
const STATUSES = ['in-force', 'not-yet-in-force', 'revoked', 'retention-ended'];

/** Everyone's first page: every deliberation, its parties and its status on a chosen date. */
export function RegisterPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const on = isoDateParam(params.get('on'));
  const recipient = params.get('recipient') ?? '';
  const status = params.get('status') ?? '';
  const text = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [form, setForm] = useState({ on: on ?? '', recipient, status, text });
  const set = (name: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  const list = useQuery({
    queryKey: ['deliberations', recipient],
    queryFn: () => unwrap<Items<DeliberationSummary>>(api.GET('/deliberations', query({ recipient }))),
  });
  const words = text.toLowerCase();
  const matching = (list.data?.items ?? []).filter((d) => !words || `${d.number} ${d.title ?? ''}`.toLowerCase().includes(words));
  // The status on the chosen date (and the parties) come from each deliberation as of that date.
  const needed = status ? matching : matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const views = useQueries({
    queries: needed.map((d) => ({
      queryKey: ['deliberation', d.id, on ?? null, null],
      queryFn: async () => ({ data: await unwrap<DeliberationView>(api.GET('/deliberations/{id}', { params: { path: { id: d.id } }, ...query({ on }) })), etag: null }),
    })),
  });
  const viewOf = (id: string) => views[needed.findIndex((d) => d.id === id)]?.data?.data;
  const filtered = status ? matching.filter((d) => viewOf(d.id)?.status === status) : matching;
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const shown = filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (form.on) next.set('on', form.on);
    if (form.recipient.trim()) next.set('recipient', form.recipient.trim());
    if (form.status) next.set('status', form.status);
    if (form.text.trim()) next.set('q', form.text.trim());
    setParams(next);
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };

  return (
    <section>
      <h1>{t('register.title')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('register.filters')}>
        <DateField label={t('register.statusOn')} value={form.on} onChange={set('on')} name="on" />
        <Field label={t('register.recipient')} value={form.recipient} onChange={set('recipient')} name="recipient" placeholder="steunpunt-werk" />
        <SelectField label={t('register.status')} value={form.status} onChange={set('status')} name="status" options={[{ value: '', label: t('register.anyStatus') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
        <Field label={t('register.text')} value={form.text} onChange={set('text')} name="q" />
        <button type="submit">{t('register.apply')}</button>
      </form>
      {list.isPending && <Loading />}
      <ProblemMessage error={list.error} />
      {list.data && (
        <>
          <p role="status">{t('register.count', { count: filtered.length, date: showDate(on ?? '') || t('register.today') })}</p>
          <div className="scroll" tabIndex={0}>
            <table className="register">
              <thead>
                <tr><th scope="col">{t('register.number')}</th><th scope="col">{t('register.titleColumn')}</th><th scope="col">{t('register.parties')}</th><th scope="col">{t('register.statusColumn')}</th><th scope="col">{t('register.destroyBy')}</th></tr>
              </thead>
              <tbody>
                {shown.map((d) => {
                  const view = viewOf(d.id);
                  return (
                    <tr key={d.id}>
                      <th scope="row"><Link to={`/desk/deliberations/${d.id}${on ? `?on=${on}` : ''}`}>{d.number}</Link></th>
                      <td>{d.title}</td>
                      <td>{view ? view.parties.filter((p) => !p.roles.includes('source')).map((p) => p.name).join('; ') : '…'}</td>
                      <td>{view ? <StatusBadge status={view.status} /> : '…'}</td>
                      <td>{showDate(view?.destroyBy ?? d.destroyBy) || '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="pager" aria-label={t('register.pages')}>
              <button type="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>{t('register.previous')}</button>
              <span>{t('register.page', { page, pages })}</span>
              <button type="button" disabled={page >= pages} onClick={() => goTo(page + 1)}>{t('register.next')}</button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
