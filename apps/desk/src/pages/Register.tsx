import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { DeliberationPage, DeliberationView } from '../api/types.js';
import { DateField } from '../components/DateField.js';
import { Field, SelectField } from '../components/Field.js';
import { Loading, ProblemMessage, StatusBadge } from '../components/Status.js';
import { isoDateParam, showDate } from '../format.js';

const PAGE_SIZE = 10;
const STATUSES = ['in-force', 'not-yet-in-force', 'revoked', 'retention-ended'] as const;
type Status = (typeof STATUSES)[number];

/** Everyone's first page: every deliberation, its parties and its status on a chosen date. */
export function RegisterPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const on = isoDateParam(params.get('on'));
  const knownAt = params.get('knownAt') ?? undefined;
  const recipient = params.get('recipient') ?? '';
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as Status) : undefined;
  const text = params.get('q') ?? '';
  const [form, setForm] = useState({ on: on ?? '', knownAt: knownAt ?? '', recipient, status: status ?? '', text });
  const set = (name: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  // Cursor paging: the cursors of the pages before this one, so Previous can go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);

  const list = useQuery({
    queryKey: ['deliberations', recipient, status ?? null, text, on ?? null, knownAt ?? null, cursor ?? null],
    queryFn: () =>
      unwrap<DeliberationPage>(
        api.GET('/deliberations', {
          params: { query: { limit: PAGE_SIZE, cursor, recipient: recipient || undefined, status, q: text || undefined, on, knownAt } },
        }),
      ),
  });
  const shown = list.data?.items ?? [];
  // The parties are not in the list: each listed deliberation as of the same date and instant.
  const views = useQueries({
    queries: shown.map((d) => ({
      queryKey: ['deliberation', d.id, on ?? null, knownAt ?? null],
      queryFn: async () => ({
        data: await unwrap<DeliberationView>(api.GET('/deliberations/{id}', { params: { path: { id: d.id }, query: { on, knownAt } } })),
        etag: null,
      }),
    })),
  });

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (form.on) next.set('on', form.on);
    if (form.knownAt) next.set('knownAt', form.knownAt);
    if (form.recipient.trim()) next.set('recipient', form.recipient.trim());
    if (form.status) next.set('status', form.status);
    if (form.text.trim()) next.set('q', form.text.trim());
    setCursors([]);
    setParams(next);
  };

  return (
    <section>
      <h1>{t('register.title')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('register.filters')}>
        <DateField label={t('register.statusOn')} value={form.on} onChange={set('on')} name="on" />
        <Field
          label={t('register.recipient')}
          value={form.recipient}
          onChange={set('recipient')}
          name="recipient"
          placeholder="steunpunt-werk"
        />
        <SelectField
          label={t('register.status')}
          value={form.status}
          onChange={set('status')}
          name="status"
          options={[{ value: '', label: t('register.anyStatus') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <Field label={t('register.text')} value={form.text} onChange={set('text')} name="q" />
        <DateField label={t('asOf.knownAt')} value={form.knownAt} onChange={set('knownAt')} name="knownAt" instant />
        <button type="submit">{t('register.apply')}</button>
      </form>
      {list.isPending && <Loading />}
      <ProblemMessage error={list.error} />
      {list.data && (
        <>
          <p role="status">{t('register.count', { count: shown.length, date: showDate(on ?? '') || t('register.today') })}</p>
          <div className="scroll" tabIndex={0}>
            <table className="register">
              <thead>
                <tr>
                  <th scope="col">{t('register.number')}</th>
                  <th scope="col">{t('register.titleColumn')}</th>
                  <th scope="col">{t('register.parties')}</th>
                  <th scope="col">{t('register.statusColumn')}</th>
                  <th scope="col">{t('register.destroyBy')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((d, i) => {
                  const view = views[i]?.data?.data;
                  return (
                    <tr key={d.id}>
                      <th scope="row">
                        <Link to={`/desk/deliberations/${d.id}${on ? `?on=${on}` : ''}`}>{d.number}</Link>
                      </th>
                      <td>{d.title}</td>
                      <td>
                        {view
                          ? view.parties
                              .filter((p) => !p.roles.includes('source'))
                              .map((p) => p.name)
                              .join('; ')
                          : '…'}
                      </td>
                      <td>
                        <StatusBadge status={d.status} />
                      </td>
                      <td>{showDate(view?.destroyBy ?? d.destroyBy) || '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {(cursors.length > 0 || list.data.next) && (
            <nav className="pager" aria-label={t('register.pages')}>
              <button type="button" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('register.previous')}
              </button>
              <span>{t('register.page', { page: cursors.length + 1 })}</span>
              <button type="button" disabled={!list.data.next} onClick={() => setCursors((c) => [...c, list.data.next ?? ''])}>
                {t('register.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
