import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { Delivery, Items } from '../api/types.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { showDate } from '../format.js';

export default function LedgerPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const recipient = params.get('recipient') ?? '';
  const deliberation = params.get('deliberation') ?? '';
  const knownAt = params.get('knownAt') ?? '';
  const [form, setForm] = useState({ recipient, deliberation, knownAt });
  const ledger = useQuery({
    queryKey: ['deliveries', recipient, deliberation, knownAt],
    queryFn: () =>
      unwrap<Items<Delivery>>(
        api.GET('/deliveries', {
          params: { query: { recipient: recipient || undefined, deliberation: deliberation || undefined, knownAt: knownAt || undefined } },
        }),
      ),
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (form.recipient.trim()) next.set('recipient', form.recipient.trim());
    if (form.deliberation.trim()) next.set('deliberation', form.deliberation.trim());
    if (form.knownAt) next.set('knownAt', form.knownAt);
    setParams(next);
  };
  return (
    <section>
      <h1>{t('ledger.title')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('register.filters')}>
        <Field label={t('ledger.recipient')} value={form.recipient} onChange={(v) => setForm((f) => ({ ...f, recipient: v }))} />
        <Field
          label={t('ledger.deliberation')}
          value={form.deliberation}
          onChange={(v) => setForm((f) => ({ ...f, deliberation: v }))}
          placeholder="24/130"
        />
        <DateField label={t('asOf.knownAt')} value={form.knownAt} onChange={(v) => setForm((f) => ({ ...f, knownAt: v }))} instant />
        <button type="submit">{t('register.apply')}</button>
      </form>
      {ledger.isPending && <Loading />}
      <ProblemMessage error={ledger.error} />
      {ledger.data &&
        (ledger.data.items.length === 0 ? (
          <p>{t('ledger.empty')}</p>
        ) : (
          <div className="scroll" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('ledger.deliveredOn')}</th>
                  <th scope="col">{t('ledger.deliberation')}</th>
                  <th scope="col">{t('ledger.recipient')}</th>
                  <th scope="col">{t('ledger.dataset')}</th>
                  <th scope="col">{t('ledger.reference')}</th>
                  <th scope="col">{t('ledger.destroyBy')}</th>
                  <th scope="col">{t('ledger.destruction')}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.data.items.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <Link to={`/desk/deliveries/${d.id}`}>{showDate(d.deliveredOn)}</Link>
                    </th>
                    <td>{d.deliberation}</td>
                    <td>{d.recipient}</td>
                    <td>{d.dataset}</td>
                    <td>{d.reference ?? '—'}</td>
                    <td>{d.destroyBy ? showDate(d.destroyBy) : t('ledger.noObligation')}</td>
                    <td>
                      {d.destruction
                        ? t('ledger.destroyedOn', { date: showDate(d.destruction.destroyedOn) })
                        : d.obligation
                          ? t('ledger.notYet')
                          : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
