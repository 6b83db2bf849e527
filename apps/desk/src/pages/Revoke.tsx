import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { revocationSchema } from '@registry/domain';
import { api, unwrap } from '../api/client.js';
import type { Written } from '../api/types.js';
import { useDeliberationChange } from '../api/writes.js';
import { binder } from '../components/bind.js';
import { ChangePage } from '../components/ChangePage.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { ProblemMessage } from '../components/Status.js';
import { useKeptState } from '../hooks.js';
import { issuesByField } from '../components/issues-by-field.js';

export default function RevokePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [form, setForm, reset] = useKeptState(`revoke-${id}`, () => ({ decidedOn: '', effectiveFrom: '', reason: '' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { current, mutation, conflict } = useDeliberationChange(id, (body: unknown, ifMatch) =>
    unwrap<Written>(
      api.POST('/deliberations/{id}/revocation', { params: { path: { id } }, body: body as never, headers: { 'if-match': ifMatch } }),
    ),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = revocationSchema.safeParse(form);
    setErrors(result.success ? {} : issuesByField(result.error.issues));
    if (result.success) mutation.mutate(result.data, { onSuccess: () => reset() });
  };
  const bind = binder(form, setForm, errors);
  const success = mutation.data && (
    <>
      {t('revoke.recorded', { version: mutation.data.version })} <Link to={`/desk/deliberations/${id}`}>{t('record.open')}</Link>
    </>
  );
  return (
    <ChangePage id={id} title={t('revoke.title', { number: id.replace('-', '/') })} {...{ current, conflict, success }} className="narrow">
      <form onSubmit={submit} noValidate>
        <DateField label={t('revoke.decidedOn')} {...bind('decidedOn')} required />
        <DateField label={t('revoke.effectiveFrom')} {...bind('effectiveFrom')} required />
        <Field label={t('revoke.reason')} {...bind('reason')} multiline={3} required />
        {!conflict && <ProblemMessage error={mutation.error} />}
        <button type="submit" className="danger" disabled={mutation.isPending || !current.data}>
          {t('revoke.submit')}
        </button>
      </form>
    </ChangePage>
  );
}
