import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { revocationSchema } from '@registry/domain';
import { api, unwrap } from '../api/client.js';
import type { Written } from '../api/types.js';
import { useDeliberationChange } from '../api/writes.js';
import { Conflict } from '../components/Conflict.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { useKeptState } from '../hooks.js';
import { useSession } from '../session.js';
import { issuesByField } from '../components/issues-by-field.js';

export default function RevokePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const [form, setForm, reset] = useKeptState(`revoke-${id}`, () => ({ decidedOn: '', effectiveFrom: '', reason: '' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { current, mutation, conflict } = useDeliberationChange(id, (body: unknown, ifMatch) =>
    unwrap<Written>(
      api.POST('/deliberations/{id}/revocation', { params: { path: { id } }, body: body as never, headers: { 'if-match': ifMatch } }),
    ),
  );
  if (!can('secretariat')) return <p role="alert">{t('problem.forbidden')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = revocationSchema.safeParse(form);
    setErrors(result.success ? {} : issuesByField(result.error.issues));
    if (result.success) mutation.mutate(result.data, { onSuccess: () => reset() });
  };
  const view = current.data?.data;
  return (
    <section className="narrow">
      <p className="crumbs">
        <Link to={`/desk/deliberations/${id}`}>{t('deliberation.heading', { number: id.replace('-', '/') })}</Link>
      </p>
      <h1>{t('revoke.title', { number: id.replace('-', '/') })}</h1>
      {current.isPending && <Loading />}
      <ProblemMessage error={current.error} />
      {conflict && view && <Conflict view={view} />}
      {mutation.data && (
        <p className="success" role="status">
          {t('revoke.recorded', { version: mutation.data.version })} <Link to={`/desk/deliberations/${id}`}>{t('record.open')}</Link>
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <DateField
          label={t('revoke.decidedOn')}
          value={form.decidedOn}
          onChange={(v) => setForm((f) => ({ ...f, decidedOn: v }))}
          error={errors.decidedOn}
          required
        />
        <DateField
          label={t('revoke.effectiveFrom')}
          value={form.effectiveFrom}
          onChange={(v) => setForm((f) => ({ ...f, effectiveFrom: v }))}
          error={errors.effectiveFrom}
          required
        />
        <Field
          label={t('revoke.reason')}
          value={form.reason}
          onChange={(v) => setForm((f) => ({ ...f, reason: v }))}
          error={errors.reason}
          multiline={3}
          required
        />
        {!conflict && <ProblemMessage error={mutation.error} />}
        <button type="submit" className="danger" disabled={mutation.isPending || !view}>
          {t('revoke.submit')}
        </button>
      </form>
    </section>
  );
}
