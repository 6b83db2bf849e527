import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, storedKey, unwrap } from '../api/client.js';
import type { Items, Reminder, ScheduleEntry } from '../api/types.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { isoDateParam, showDate, showInstant, today } from '../format.js';
import { useSession } from '../session.js';
import { MonthCalendar } from './MonthCalendar.js';

export function RemindersTable({ items }: { items: Reminder[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('reminders.none')}</p>;
  return (
    <div className="scroll" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('reminders.issuedAt')}</th>
            <th scope="col">{t('reminders.threshold')}</th>
            <th scope="col">{t('ledger.recipient')}</th>
            <th scope="col">{t('ledger.dataset')}</th>
            <th scope="col">{t('ledger.destroyBy')}</th>
            <th scope="col">{t('reminders.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>{showInstant(r.issuedAt)}</td>
              <td>{r.threshold === 'overdue' ? t('reminders.overdue') : t('reminders.daysBefore', { days: r.threshold })}</td>
              <td>{r.recipient}</td>
              <td>
                <Link to={`/desk/deliveries/${r.delivery}`}>
                  {r.dataset} ({r.deliberation})
                </Link>
              </td>
              <td>{showDate(r.destroyBy)}</td>
              <td>
                <span className={`badge badge-${r.status}`}>{t(`sendStatus.${r.status}`, { defaultValue: r.status })}</span>
                {r.attempts ? ` (${t('reminders.attempts', { count: r.attempts })})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function SchedulePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const queries = useQueryClient();
  const [params, setParams] = useSearchParams();
  const asOf = isoDateParam(params.get('asOf')) ?? today();
  const within = params.get('within') ?? '90';
  const knownAt = params.get('knownAt') ?? '';
  const [form, setForm] = useState({ asOf, within, knownAt });
  const schedule = useQuery({
    queryKey: ['schedule', asOf, within, knownAt],
    queryFn: () =>
      unwrap<Items<ScheduleEntry> & { asOf: string }>(
        api.GET('/destruction-schedule', {
          params: { query: { asOf, within: Number(within) || undefined, knownAt: knownAt || undefined } },
        }),
      ),
  });
  const reminders = useQuery({ queryKey: ['reminders', 'all'], queryFn: () => unwrap<Items<Reminder>>(api.GET('/reminders')) });
  const run = useMutation({
    mutationFn: () => unwrap<Items<Reminder>>(api.POST('/reminders/run', { body: { asOf } as never })),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['reminders'] }),
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(
      new URLSearchParams({
        ...(form.asOf ? { asOf: form.asOf } : {}),
        within: form.within || '90',
        ...(form.knownAt ? { knownAt: form.knownAt } : {}),
      }),
    );
  };
  const download = async () => {
    const answer = await fetch(`/destruction-schedule.ics?asOf=${asOf}&within=${within}`, {
      headers: { authorization: `Bearer ${storedKey()}` },
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await answer.blob());
    link.download = 'destruction-schedule.ics';
    link.click();
  };
  const items = schedule.data?.items ?? [];
  return (
    <section>
      <h1>{t('schedule.title')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('register.filters')}>
        <DateField label={t('schedule.asOf')} value={form.asOf} onChange={(v) => setForm((f) => ({ ...f, asOf: v }))} />
        <Field
          label={t('schedule.within')}
          value={form.within}
          onChange={(v) => setForm((f) => ({ ...f, within: v }))}
          inputMode="numeric"
        />
        <DateField label={t('asOf.knownAt')} value={form.knownAt} onChange={(v) => setForm((f) => ({ ...f, knownAt: v }))} instant />
        <button type="submit">{t('register.apply')}</button>
      </form>
      <p className="ics">
        {t('schedule.ics')} <code>{`${window.location.origin}/destruction-schedule.ics`}</code>{' '}
        <button type="button" className="small" onClick={() => void download()}>
          {t('schedule.download')}
        </button>
        <small className="block">{t('schedule.icsHint')}</small>
      </p>
      {schedule.isPending && <Loading />}
      <ProblemMessage error={schedule.error} />
      {schedule.data && (
        <>
          <p role="status">{t('schedule.count', { count: items.length, date: showDate(asOf) })}</p>
          {items.length > 0 && (
            <div className="scroll" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('ledger.destroyBy')}</th>
                    <th scope="col">{t('schedule.daysLeft')}</th>
                    <th scope="col">{t('reminders.status')}</th>
                    <th scope="col">{t('ledger.recipient')}</th>
                    <th scope="col">{t('ledger.dataset')}</th>
                    <th scope="col">{t('ledger.deliveredOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.delivery} className={`row-${e.status}`}>
                      <th scope="row">
                        <Link to={`/desk/deliveries/${e.delivery}`}>{showDate(e.destroyBy)}</Link>
                      </th>
                      <td className="num">{e.daysLeft}</td>
                      <td>
                        <span className={`badge badge-${e.status}`}>{t(`obligation.${e.status}`)}</span>
                      </td>
                      <td>{e.recipient}</td>
                      <td>
                        {e.dataset} ({e.deliberation})
                      </td>
                      <td>{showDate(e.deliveredOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <MonthCalendar entries={items} start={items[0]?.destroyBy ?? asOf} />
        </>
      )}
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
    </section>
  );
}
