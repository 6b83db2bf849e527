import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { destructionSchema } from '@registry/domain';
import { api, unwrap } from '../api/client.js';
import type { Delivery, Items, Reminder } from '../api/types.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { showDate } from '../format.js';
import { useKeptState } from '../hooks.js';
import { useSession } from '../session.js';
import { RemindersTable } from './Reminders.js';
import { issuesByField } from '../components/issues-by-field.js';

export default function DeliveryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const queries = useQueryClient();
  const delivery = useQuery({
    queryKey: ['delivery', id],
    queryFn: () => unwrap<Delivery>(api.GET('/deliveries/{id}', { params: { path: { id } } })),
  });
  const reminders = useQuery({
    queryKey: ['reminders', id],
    queryFn: () => unwrap<Items<Reminder>>(api.GET('/reminders', { params: { query: { delivery: id } } })),
  });
  const [form, setForm, reset] = useKeptState(`destroy-${id}`, () => ({ destroyedOn: '', certificateRef: '', attestedBy: '' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const destroy = useMutation({
    mutationFn: (body: unknown) =>
      unwrap<unknown>(api.POST('/deliveries/{id}/destruction', { params: { path: { id } }, body: body as never })),
    onSuccess: () => {
      reset();
      void queries.invalidateQueries({ queryKey: ['delivery', id] });
      void queries.invalidateQueries({ queryKey: ['deliveries'] });
      void queries.invalidateQueries({ queryKey: ['schedule'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = destructionSchema.safeParse(form);
    setErrors(result.success ? {} : issuesByField(result.error.issues));
    if (result.success) destroy.mutate(result.data);
  };
  const d = delivery.data;
  return (
    <section>
      <p className="crumbs">
        <Link to="/desk/deliveries">{t('ledger.title')}</Link>
      </p>
      <h1>{t('delivery.title')}</h1>
      {delivery.isPending && <Loading />}
      <ProblemMessage error={delivery.error} />
      {d && (
        <>
          <dl className="facts">
            <dt>{t('ledger.deliberation')}</dt>
            <dd>
              <Link to={`/desk/deliberations/${d.deliberation.replace('/', '-')}`}>{d.deliberation}</Link>
            </dd>
            <dt>{t('ledger.recipient')}</dt>
            <dd>{d.recipient}</dd>
            <dt>{t('ledger.dataset')}</dt>
            <dd>
              {d.dataset} ({t(`access.${d.access}`)})
            </dd>
            <dt>{t('ledger.deliveredOn')}</dt>
            <dd>{showDate(d.deliveredOn)}</dd>
            <dt>{t('check.years')}</dt>
            <dd>{d.referenceYears.join(', ')}</dd>
            <dt>{t('check.variables')}</dt>
            <dd>{d.variables.join(', ')}</dd>
            <dt>{t('ledger.reference')}</dt>
            <dd>
              {d.reference ?? '—'} {d.medium ? `(${d.medium})` : ''}
            </dd>
            <dt>{t('check.checksum')}</dt>
            <dd>
              <code className="hash">{d.checksum ?? '—'}</code>
            </dd>
            <dt>{t('ledger.destroyBy')}</dt>
            <dd>{d.destroyBy ? showDate(d.destroyBy) : t('ledger.noObligation')}</dd>
            <dt>{t('ledger.destruction')}</dt>
            <dd>
              {d.destruction
                ? t('delivery.certificate', {
                    date: showDate(d.destruction.destroyedOn),
                    ref: d.destruction.certificateRef,
                    by: d.destruction.attestedBy,
                  })
                : t('ledger.notYet')}
            </dd>
          </dl>
          {!d.destruction && d.obligation && can('steward') && (
            <form onSubmit={submit} noValidate className="narrow">
              <h2>{t('delivery.recordDestruction')}</h2>
              <DateField
                label={t('delivery.destroyedOn')}
                value={form.destroyedOn}
                onChange={(v) => setForm((f) => ({ ...f, destroyedOn: v }))}
                error={errors.destroyedOn}
                required
              />
              <Field
                label={t('delivery.certificateRef')}
                value={form.certificateRef}
                onChange={(v) => setForm((f) => ({ ...f, certificateRef: v }))}
                error={errors.certificateRef}
                required
              />
              <Field
                label={t('delivery.attestedBy')}
                value={form.attestedBy}
                onChange={(v) => setForm((f) => ({ ...f, attestedBy: v }))}
                error={errors.attestedBy}
                required
              />
              <ProblemMessage error={destroy.error} />
              <button type="submit" disabled={destroy.isPending}>
                {t('delivery.submitDestruction')}
              </button>
            </form>
          )}
          <h2>{t('reminders.title')}</h2>
          {reminders.isPending && <Loading />}
          <ProblemMessage error={reminders.error} />
          {reminders.data && <RemindersTable items={reminders.data.items} />}
        </>
      )}
    </section>
  );
}
