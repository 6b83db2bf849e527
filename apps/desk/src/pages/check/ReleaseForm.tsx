import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.js';
import { Field, SelectField } from '../../components/Field.js';
import type { CheckForm } from './check-form.js';

interface ReleaseFormProps {
  form: CheckForm;
  set: (name: keyof CheckForm) => (value: string) => void;
  errors: Record<string, string>;
  submit: (event: FormEvent) => void;
  pending: boolean;
}

/** The release to check: who receives what, which years and variables, how many persons, on which date. */
export function ReleaseForm({ form, set, errors, submit, pending }: ReleaseFormProps) {
  const { t } = useTranslation();
  const field = (name: keyof CheckForm) => ({ value: form[name], onChange: set(name), error: errors[name] });
  const access = [
    { value: 'transfer', label: t('access.transfer') },
    { value: 'secure-onsite', label: t('access.secure-onsite') },
  ];
  return (
    <form onSubmit={submit} noValidate>
      <div className="grid">
        <Field label={t('check.deliberation')} {...field('deliberation')} placeholder="24/130" hint={t('check.deliberationHint')} />
        <Field label={t('check.recipient')} {...field('recipient')} required />
        <Field label={t('check.dataset')} {...field('dataset')} required />
        <SelectField label={t('check.access')} {...field('access')} options={access} />
        <Field label={t('check.years')} {...field('years')} hint={t('record.yearsHint')} />
        <Field label={t('check.subjects')} {...field('subjects')} inputMode="numeric" />
        <DateField label={t('check.on')} {...field('on')} />
        <DateField label={t('check.knownAt')} {...field('knownAt')} instant />
        <Field label={t('check.table')} {...field('table')} />
      </div>
      <Field label={t('check.variables')} name="variables" {...field('variables')} multiline={4} hint={t('check.variablesHint')} />
      <button type="submit" disabled={pending}>
        {pending ? t('common.working') : t('check.submit')}
      </button>
    </form>
  );
}
