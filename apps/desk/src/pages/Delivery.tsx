import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { destructionSchema } from '@registry/domain';
import { api, unwrap } from '../api/client.js';
import type { Delivery, Items, Reminder } from '../api/types.js';
import { binder } from '../components/bind.js';
import { DateField } from '../components/DateField.js';
import { Facts } from '../components/Facts.js';
import { Field } from '../components/Field.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { showDate } from '../format.js';
import { useKeptState } from '../hooks.js';
import { useSession } from '../session.js';
import { RemindersTable } from './Reminders.js';
import { issuesByField } from '../components/issues-by-field.js';

function DeliveryFacts({ delivery: d }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const destruction = d.destruction
    ? t('delivery.certificate', {
        date: showDate(d.destruction.destroyedOn),
        ref: d.destruction.certificateRef,
        by: d.destruction.attestedBy,
      })
    : t('ledger.notYet');
  return (
    <Facts
      items={[
        [t('ledger.deliberation'), <Link to={`/desk/deliberations/${d.deliberation.replace('/', '-')}`}>{d.deliberation}</Link>],
        [t('ledger.recipient'), d.recipient],
        [t('ledger.dataset'), `${d.dataset} (${t(`access.${d.access}`)})`],
        [t('ledger.deliveredOn'), showDate(d.deliveredOn)],
        [t('check.years'), d.referenceYears.join(', ')],
        [t('check.variables'), d.variables.join(', ')],
        [t('ledger.reference'), `${d.reference ?? '—'} ${d.medium ? `(${d.medium})` : ''}`],
        [t('check.checksum'), <code className="hash">{d.checksum ?? '—'}</code>],
        [t('ledger.destroyBy'), d.destroyBy ? showDate(d.destroyBy) : t('ledger.noObligation')],
        [t('ledger.destruction'), destruction],
      ]}
    />
  );
}

/** The steward records the certificate that the recipient destroyed the delivered data. */
function DestructionForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [form, setForm, reset] = useKeptState(`destroy-${id}`, () => ({ destroyedOn: '', certificateRef: '', attestedBy: '' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const destroy = useMutation({
    mutationFn: (body: unknown) =>
      unwrap<unknown>(api.POST('/deliveries/{id}/destruction', { params: { path: { id } }, body: body as never })),
    onSuccess: () => {
      reset();
      for (const key of ['delivery', 'deliveries', 'schedule']) void queries.invalidateQueries({ queryKey: [key] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = destructionSchema.safeParse(form);
    setErrors(result.success ? {} : issuesByField(result.error.issues));
    if (result.success) destroy.mutate(result.data);
  };
  const bind = binder(form, setForm, errors);
  return (
    <form onSubmit={submit} noValidate className="narrow">
      <h2>{t('delivery.recordDestruction')}</h2>
      <DateField label={t('delivery.destroyedOn')} {...bind('destroyedOn')} required />
      <Field label={t('delivery.certificateRef')} {...bind('certificateRef')} required />
      <Field label={t('delivery.attestedBy')} {...bind('attestedBy')} required />
      <ProblemMessage error={destroy.error} />
      <button type="submit" disabled={destroy.isPending}>
        {t('delivery.submitDestruction')}
      </button>
    </form>
  );
}

export default function DeliveryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const delivery = useQuery({
    queryKey: ['delivery', id],
    queryFn: () => unwrap<Delivery>(api.GET('/deliveries/{id}', { params: { path: { id } } })),
  });
  const reminders = useQuery({
    queryKey: ['reminders', id],
    queryFn: () => unwrap<Items<Reminder>>(api.GET('/reminders', { params: { query: { delivery: id } } })),
  });
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
          <DeliveryFacts delivery={d} />
          {!d.destruction && d.obligation && can('steward') && <DestructionForm id={id} />}
          <h2>{t('reminders.title')}</h2>
          {reminders.isPending && <Loading />}
          <ProblemMessage error={reminders.error} />
          {reminders.data && <RemindersTable items={reminders.data.items} />}
        </>
      )}
    </section>
  );
}
