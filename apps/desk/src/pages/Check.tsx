import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { CheckAnswer, Delivery } from '../api/types.js';
import { DateField } from '../components/DateField.js';
import { Field, SelectField } from '../components/Field.js';
import { ProblemMessage } from '../components/Status.js';
import { showDate } from '../format.js';
import { useKeptState } from '../hooks.js';
import { useSession } from '../session.js';
import { applyFix, checkErrors, emptyCheck, fixFor, toRelease, type CheckForm } from './check-form.js';

export default function CheckPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [form, setForm] = useKeptState<CheckForm>('check', emptyCheck);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [delivery, setDelivery] = useKeptState('delivery', () => ({ reference: '', checksum: '', medium: '' }));
  const set = (name: keyof CheckForm) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const check = useMutation({
    mutationFn: (body: unknown) => unwrap<CheckAnswer>(api.POST('/authorisation-checks', { body: body as never })),
  });
  const deliver = useMutation({ mutationFn: (body: unknown) => unwrap<Delivery>(api.POST('/deliveries', { body: body as never })) });
  const answer = check.data;
  // The delivery records exactly the release that was checked, whatever is typed since.
  const [checked, setChecked] = useState<Record<string, unknown> | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = toRelease(form);
    const found = checkErrors(body);
    setErrors(found);
    deliver.reset();
    if (Object.keys(found).length === 0) check.mutate(body, { onSuccess: () => setChecked(body) });
  };
  const record = () => {
    const body: Record<string, unknown> = {
      ...checked,
      deliberation: answer?.deliberation ?? undefined,
      reference: delivery.reference.trim() || undefined,
      checksum: delivery.checksum.trim() || undefined,
      medium: delivery.medium.trim() || undefined,
    };
    if (!body.on && answer) body.on = answer.on;
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    const found = checkErrors(body, true);
    setErrors(found);
    if (Object.keys(found).length === 0)
      deliver.mutate(body, { onSuccess: () => setDelivery({ reference: '', checksum: '', medium: '' }) });
  };

  return (
    <section>
      <h1>{t('check.title')}</h1>
      <p>{t('check.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="grid">
          <Field
            label={t('check.deliberation')}
            value={form.deliberation}
            onChange={set('deliberation')}
            error={errors.deliberation}
            placeholder="24/130"
            hint={t('check.deliberationHint')}
          />
          <Field label={t('check.recipient')} value={form.recipient} onChange={set('recipient')} error={errors.recipient} required />
          <Field label={t('check.dataset')} value={form.dataset} onChange={set('dataset')} error={errors.dataset} required />
          <SelectField
            label={t('check.access')}
            value={form.access}
            onChange={set('access')}
            error={errors.access}
            options={[
              { value: 'transfer', label: t('access.transfer') },
              { value: 'secure-onsite', label: t('access.secure-onsite') },
            ]}
          />
          <Field label={t('check.years')} value={form.years} onChange={set('years')} error={errors.years} hint={t('record.yearsHint')} />
          <Field label={t('check.subjects')} value={form.subjects} onChange={set('subjects')} error={errors.subjects} inputMode="numeric" />
          <DateField label={t('check.on')} value={form.on} onChange={set('on')} error={errors.on} />
          <DateField label={t('check.knownAt')} value={form.knownAt} onChange={set('knownAt')} error={errors.knownAt} instant />
          <Field label={t('check.table')} value={form.table} onChange={set('table')} error={errors.table} />
        </div>
        <Field
          label={t('check.variables')}
          name="variables"
          value={form.variables}
          onChange={set('variables')}
          error={errors.variables}
          multiline={4}
          hint={t('check.variablesHint')}
        />
        <button type="submit" disabled={check.isPending}>
          {check.isPending ? t('common.working') : t('check.submit')}
        </button>
      </form>
      <ProblemMessage error={check.error} />
      {answer && (
        <section className={answer.authorised ? 'answer ok' : 'answer refused'} aria-live="polite">
          <h2>
            {answer.authorised
              ? t('check.authorised', { deliberation: answer.deliberation, date: showDate(answer.on) })
              : t('check.refused', { count: answer.reasons.length, date: showDate(answer.on) })}
          </h2>
          {answer.reasons.length > 0 && (
            <ol className="reasons">
              {answer.reasons.map((reason, i) => {
                const fix = fixFor(reason);
                return (
                  <li key={i}>
                    <strong>{t(`reasons.${reason.code}`, { defaultValue: reason.code })}</strong>{' '}
                    <span className="clause">{reason.clause ? t('check.clause', { clause: reason.clause }) : ''}</span>
                    <p>{reason.message}</p>
                    <p className="fix">
                      {t(`fixes.${fix.kind}`, {
                        variables: 'variables' in fix ? fix.variables.join(', ') : '',
                        years: 'years' in fix ? fix.years.join(', ') : '',
                        max: 'max' in fix ? fix.max.toLocaleString() : '',
                        date: 'until' in fix ? showDate(fix.until) : '',
                        access: 'access' in fix ? t(`access.${fix.access}`) : '',
                        missing:
                          'missing' in fix
                            ? fix.missing.map((m) => `${m.party} (${t(`commitmentKinds.${m.kind}`, { defaultValue: m.kind })})`).join(', ')
                            : '',
                      })}
                      {['drop-variables', 'drop-years', 'subjects', 'wait', 'access'].includes(fix.kind) && (
                        <button type="button" className="small" onClick={() => setForm((f) => applyFix(f, fix))}>
                          {t(`fixButtons.${fix.kind}`)}
                        </button>
                      )}
                    </p>
                  </li>
                );
              })}
            </ol>
          )}
          {answer.authorised && can('steward') && !deliver.data && (
            <fieldset className="deliver">
              <legend>{t('check.recordDelivery')}</legend>
              <div className="grid">
                <Field
                  label={t('check.reference')}
                  value={delivery.reference}
                  onChange={(v) => setDelivery((d) => ({ ...d, reference: v }))}
                  error={errors.reference}
                />
                <Field
                  label={t('check.checksum')}
                  value={delivery.checksum}
                  onChange={(v) => setDelivery((d) => ({ ...d, checksum: v }))}
                  error={errors.checksum}
                  hint={t('check.checksumHint')}
                />
                <Field
                  label={t('check.medium')}
                  value={delivery.medium}
                  onChange={(v) => setDelivery((d) => ({ ...d, medium: v }))}
                  error={errors.medium}
                />
              </div>
              <ProblemMessage error={deliver.error} />
              <button type="button" onClick={record} disabled={deliver.isPending}>
                {t('check.deliverSubmit')}
              </button>
            </fieldset>
          )}
          {deliver.data && (
            <p className="success" role="status">
              {t('check.delivered', {
                date: showDate(deliver.data.deliveredOn),
                destroyBy: deliver.data.destroyBy ? showDate(deliver.data.destroyBy) : t('check.noObligation'),
              })}{' '}
              <Link to={`/desk/deliveries/${deliver.data.id}`}>{t('check.openDelivery')}</Link>
            </p>
          )}
        </section>
      )}
    </section>
  );
}
