import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { amendmentDocumentSchema, type Change } from '@registry/domain';
import { api, unwrap } from '../api/client.js';
import type { DeliberationView, Written } from '../api/types.js';
import { useDeliberationChange } from '../api/writes.js';
import { ChangePage } from '../components/ChangePage.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { ProblemMessage } from '../components/Status.js';
import { useKeptState } from '../hooks.js';
import { preview } from '../record/amend-preview.js';
import { ChangeBuilder } from '../record/ChangeBuilder.js';
import { DocumentPreview } from '../record/Preview.js';
import { issuesByField } from '../components/issues-by-field.js';

interface Amendment {
  decidedOn: string;
  effectiveFrom: string;
  summary: string;
  changes: Change[];
}
type SetAmendment = (update: (previous: Amendment) => Amendment) => void;

/** The changes added so far, each removable. */
function ChangeList({ changes, error, setForm }: { changes: Change[]; error?: string; setForm: SetAmendment }) {
  const { t } = useTranslation();
  const remove = (i: number) => setForm((f) => ({ ...f, changes: f.changes.filter((_, j) => j !== i) }));
  return (
    <section aria-label={t('amend.changes')}>
      <h2>{t('amend.changes')}</h2>
      {error && <p className="error">{error}</p>}
      {changes.length === 0 ? (
        <p>{t('amend.noChanges')}</p>
      ) : (
        <ol className="changes">
          {changes.map((change, i) => (
            <li key={i}>
              <strong>{t(`ops.${change.op}`)}</strong> <code>{JSON.stringify(change).slice(0, 160)}</code>{' '}
              <button type="button" className="link" onClick={() => remove(i)}>
                {t('amend.removeChange', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

interface AmendFormProps {
  view: DeliberationView;
  form: Amendment;
  setForm: SetAmendment;
  errors: Record<string, string>;
  submit: (event: FormEvent) => void;
  footer: React.ReactNode;
}

/** Dates, summary and the changes one by one, with the decision as it will read after them. */
function AmendForm({ view, form, setForm, errors, submit, footer }: AmendFormProps) {
  const { t } = useTranslation();
  const after = form.changes.length ? preview(view, form.changes) : undefined;
  const set = (name: 'decidedOn' | 'effectiveFrom' | 'summary') => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  return (
    <form onSubmit={submit} noValidate>
      <div className="grid">
        <DateField label={t('amend.decidedOn')} value={form.decidedOn} onChange={set('decidedOn')} error={errors.decidedOn} required />
        <DateField
          label={t('amend.effectiveFrom')}
          value={form.effectiveFrom}
          onChange={set('effectiveFrom')}
          error={errors.effectiveFrom}
          required
        />
      </div>
      <Field label={t('amend.summary')} value={form.summary} onChange={set('summary')} multiline={2} error={errors.summary} />
      <ChangeBuilder
        base={after?.document ? { ...view, ...after.document } : view}
        onAdd={(change) => setForm((f) => ({ ...f, changes: [...f.changes, change] }))}
      />
      <ChangeList changes={form.changes} error={errors.changes} setForm={setForm} />
      {after?.error && (
        <p className="error" role="alert">
          {t('amend.doesNotApply', { error: after.error })}
        </p>
      )}
      {after?.document && <DocumentPreview document={after.document} title={t('amend.preview')} />}
      {footer}
    </form>
  );
}

export default function AmendPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [form, setForm, reset] = useKeptState<Amendment>(`amend-${id}`, () => ({
    decidedOn: '',
    effectiveFrom: '',
    summary: '',
    changes: [],
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { current, mutation, conflict } = useDeliberationChange(id, (body: unknown, ifMatch) =>
    unwrap<Written>(
      api.POST('/deliberations/{id}/amendments', { params: { path: { id } }, body: body as never, headers: { 'if-match': ifMatch } }),
    ),
  );
  const view = current.data?.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { decidedOn, effectiveFrom, changes } = form;
    const body = { deliberation: view?.number, decidedOn, effectiveFrom, summary: form.summary.trim() || undefined, changes };
    const result = amendmentDocumentSchema.safeParse(body);
    setErrors(result.success ? {} : issuesByField(result.error.issues, 'changes'));
    if (result.success) mutation.mutate(result.data, { onSuccess: () => reset() });
  };
  const success = mutation.data && (
    <>
      {t('amend.recorded', { n: mutation.data.amendment ?? '', version: mutation.data.version })}{' '}
      <Link to={`/desk/deliberations/${id}`}>{t('record.open')}</Link>
    </>
  );
  const footer = (
    <>
      {!conflict && <ProblemMessage error={mutation.error} />}
      <button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? t('common.working') : t('amend.submit')}
      </button>
    </>
  );
  return (
    <ChangePage id={id} title={t('amend.title', { number: id.replace('-', '/') })} {...{ current, conflict, success }}>
      {view && <AmendForm {...{ view, form, setForm, errors, submit, footer }} />}
    </ChangePage>
  );
}
