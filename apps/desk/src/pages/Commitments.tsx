import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { commitmentSchema } from '@registry/domain';
import { api, unwrap } from '../api/client.js';
import type { Written } from '../api/types.js';
import { useDeliberationChange } from '../api/writes.js';
import { Conflict } from '../components/Conflict.js';
import { DateField } from '../components/DateField.js';
import { Commitments, requiredSignatures } from '../components/DeliberationHistory.js';
import { Field, SelectField } from '../components/Field.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { useKeptState } from '../hooks.js';
import { useSession } from '../session.js';
import { issuesByField } from '../components/issues-by-field.js';

export default function CommitmentsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const [form, setForm, reset] = useKeptState(`commit-${id}`, () => ({ signature: '', signedOn: '', documentRef: '' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { current, mutation, conflict } = useDeliberationChange(id, (body: unknown, ifMatch) =>
    unwrap<Written>(
      api.POST('/deliberations/{id}/commitments', { params: { path: { id } }, body: body as never, headers: { 'if-match': ifMatch } }),
    ),
  );
  if (!can('secretariat')) return <p role="alert">{t('problem.forbidden')}</p>;
  const view = current.data?.data;
  const required = view ? requiredSignatures(view) : [];
  const name = (party: string) => view?.parties.find((p) => p.id === party)?.name ?? party;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [party = '', kind = ''] = form.signature.split('|');
    const result = commitmentSchema.safeParse({ party, kind, signedOn: form.signedOn, documentRef: form.documentRef.trim() || undefined });
    const found = result.success ? {} : issuesByField(result.error.issues);
    if (found.party || found.kind) found.signature = t('commitments.choose');
    setErrors(found);
    if (result.success) mutation.mutate(result.data, { onSuccess: () => reset() });
  };

  return (
    <section>
      <p className="crumbs">
        <Link to={`/desk/deliberations/${id}`}>{t('deliberation.heading', { number: id.replace('-', '/') })}</Link>
      </p>
      <h1>{t('commitments.title', { number: id.replace('-', '/') })}</h1>
      {current.isPending && <Loading />}
      <ProblemMessage error={current.error} />
      {conflict && view && <Conflict view={view} />}
      {mutation.data && (
        <p className="success" role="status">
          {t('commitments.recorded', { version: mutation.data.version })}
        </p>
      )}
      {view && (
        <>
          <form onSubmit={submit} noValidate className="narrow">
            <SelectField
              label={t('commitments.which')}
              value={form.signature}
              onChange={(v) => setForm((f) => ({ ...f, signature: v }))}
              error={errors.signature}
              options={[
                { value: '', label: '—' },
                ...required.map((r) => ({
                  value: `${r.party}|${r.kind}`,
                  label: `${name(r.party)} — ${t(`commitmentKinds.${r.kind}`, { defaultValue: r.kind })}`,
                })),
              ]}
            />
            <DateField
              label={t('commitments.signedOn')}
              value={form.signedOn}
              onChange={(v) => setForm((f) => ({ ...f, signedOn: v }))}
              error={errors.signedOn}
              required
            />
            <Field
              label={t('commitments.documentRef')}
              value={form.documentRef}
              onChange={(v) => setForm((f) => ({ ...f, documentRef: v }))}
              error={errors.documentRef}
            />
            {!conflict && <ProblemMessage error={mutation.error} />}
            <button type="submit" disabled={mutation.isPending}>
              {t('commitments.submit')}
            </button>
          </form>
          <Commitments view={view} />
        </>
      )}
    </section>
  );
}
