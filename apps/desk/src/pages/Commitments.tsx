import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { commitmentSchema } from '@registry/domain';
import { api, unwrap } from '../api/client.js';
import type { DeliberationView, Written } from '../api/types.js';
import { useDeliberationChange } from '../api/writes.js';
import { binder } from '../components/bind.js';
import { ChangePage } from '../components/ChangePage.js';
import { DateField } from '../components/DateField.js';
import { Commitments, requiredSignatures } from '../components/DeliberationHistory.js';
import { Field, SelectField } from '../components/Field.js';
import { ProblemMessage } from '../components/Status.js';
import { useKeptState } from '../hooks.js';
import { issuesByField } from '../components/issues-by-field.js';

/** One choice per party and commitment the deliberation requires. */
function useSignatureOptions(view: DeliberationView | undefined) {
  const { t } = useTranslation();
  const name = (party: string) => view?.parties.find((p) => p.id === party)?.name ?? party;
  return [
    { value: '', label: '—' },
    ...(view ? requiredSignatures(view) : []).map((r) => ({
      value: `${r.party}|${r.kind}`,
      label: `${name(r.party)} — ${t(`commitmentKinds.${r.kind}`, { defaultValue: r.kind })}`,
    })),
  ];
}

export default function CommitmentsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [form, setForm, reset] = useKeptState(`commit-${id}`, () => ({ signature: '', signedOn: '', documentRef: '' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { current, mutation, conflict } = useDeliberationChange(id, (body: unknown, ifMatch) =>
    unwrap<Written>(
      api.POST('/deliberations/{id}/commitments', { params: { path: { id } }, body: body as never, headers: { 'if-match': ifMatch } }),
    ),
  );
  const view = current.data?.data;
  const options = useSignatureOptions(view);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [party = '', kind = ''] = form.signature.split('|');
    const result = commitmentSchema.safeParse({ party, kind, signedOn: form.signedOn, documentRef: form.documentRef.trim() || undefined });
    const found = result.success ? {} : issuesByField(result.error.issues);
    if (found.party || found.kind) found.signature = t('commitments.choose');
    setErrors(found);
    if (result.success) mutation.mutate(result.data, { onSuccess: () => reset() });
  };
  const bind = binder(form, setForm, errors);
  const success = mutation.data && t('commitments.recorded', { version: mutation.data.version });
  return (
    <ChangePage id={id} title={t('commitments.title', { number: id.replace('-', '/') })} {...{ current, conflict, success }}>
      {view && (
        <>
          <form onSubmit={submit} noValidate className="narrow">
            <SelectField label={t('commitments.which')} {...bind('signature')} options={options} />
            <DateField label={t('commitments.signedOn')} {...bind('signedOn')} required />
            <Field label={t('commitments.documentRef')} {...bind('documentRef')} />
            {!conflict && <ProblemMessage error={mutation.error} />}
            <button type="submit" disabled={mutation.isPending}>
              {t('commitments.submit')}
            </button>
          </form>
          <Commitments view={view} />
        </>
      )}
    </ChangePage>
  );
}
