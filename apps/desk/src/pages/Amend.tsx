import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { amendmentDocumentSchema, applyChange, type Change, type DeliberationDocument } from '@registry/domain';
import { api, unwrap } from '../api/client.js';
import type { DeliberationView, Written } from '../api/types.js';
import { useDeliberationChange } from '../api/writes.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { Conflict } from '../components/Conflict.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { useKeptState } from '../hooks.js';
import { ChangeBuilder } from '../record/ChangeBuilder.js';
import { DocumentPreview } from '../record/Preview.js';
import { useSession } from '../session.js';
import { issuesByField } from '../components/issues-by-field.js';

const DOCUMENT_KEYS = [
  'number',
  'reference',
  'committee',
  'chamber',
  'title',
  'decidedOn',
  'effectiveFrom',
  'purpose',
  'legalBasis',
  'source',
  'predecessors',
  'parties',
  'population',
  'referenceYears',
  'variables',
  'tables',
  'datasets',
  'retention',
  'requiredCommitments',
  'conditions',
];
export const documentOf = (view: DeliberationView): DeliberationDocument =>
  Object.fromEntries(
    Object.entries(view).filter(([k, v]) => (DOCUMENT_KEYS as readonly string[]).includes(k) && v != null),
  ) as DeliberationDocument;

/** The decision after the changes, or the first change that does not apply. */
function preview(view: DeliberationView, changes: Change[]): { document?: DeliberationDocument; error?: string } {
  let document = documentOf(view);
  for (const [i, change] of changes.entries()) {
    const result = applyChange(document, change, `changes.${i}`);
    if (!result.ok) return { error: `${i + 1}: ${result.error.message}` };
    document = result.document;
  }
  return { document };
}

interface Amendment {
  decidedOn: string;
  effectiveFrom: string;
  summary: string;
  changes: Change[];
}

export default function AmendPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
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
  if (!can('secretariat')) return <p role="alert">{t('problem.forbidden')}</p>;
  const view = current.data?.data;
  const after = view && form.changes.length ? preview(view, form.changes) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      deliberation: view?.number,
      decidedOn: form.decidedOn,
      effectiveFrom: form.effectiveFrom,
      summary: form.summary.trim() || undefined,
      changes: form.changes,
    };
    const result = amendmentDocumentSchema.safeParse(body);
    setErrors(result.success ? {} : issuesByField(result.error.issues, 'changes'));
    if (result.success) mutation.mutate(result.data, { onSuccess: () => reset() });
  };

  return (
    <section>
      <p className="crumbs">
        <Link to={`/desk/deliberations/${id}`}>{t('deliberation.heading', { number: id.replace('-', '/') })}</Link>
      </p>
      <h1>{t('amend.title', { number: id.replace('-', '/') })}</h1>
      {current.isPending && <Loading />}
      <ProblemMessage error={current.error} />
      {mutation.data && (
        <p className="success" role="status">
          {t('amend.recorded', { n: mutation.data.amendment ?? '', version: mutation.data.version })}{' '}
          <Link to={`/desk/deliberations/${id}`}>{t('record.open')}</Link>
        </p>
      )}
      {conflict && view && <Conflict view={view} />}
      {view && (
        <form onSubmit={submit} noValidate>
          <div className="grid">
            <DateField
              label={t('amend.decidedOn')}
              value={form.decidedOn}
              onChange={(v) => setForm((f) => ({ ...f, decidedOn: v }))}
              error={errors.decidedOn}
              required
            />
            <DateField
              label={t('amend.effectiveFrom')}
              value={form.effectiveFrom}
              onChange={(v) => setForm((f) => ({ ...f, effectiveFrom: v }))}
              error={errors.effectiveFrom}
              required
            />
          </div>
          <Field
            label={t('amend.summary')}
            value={form.summary}
            onChange={(v) => setForm((f) => ({ ...f, summary: v }))}
            multiline={2}
            error={errors.summary}
          />
          <ChangeBuilder
            base={after?.document ? { ...view, ...after.document } : view}
            onAdd={(change) => setForm((f) => ({ ...f, changes: [...f.changes, change] }))}
          />
          <section aria-label={t('amend.changes')}>
            <h2>{t('amend.changes')}</h2>
            {errors.changes && <p className="error">{errors.changes}</p>}
            {form.changes.length === 0 ? (
              <p>{t('amend.noChanges')}</p>
            ) : (
              <ol className="changes">
                {form.changes.map((change, i) => (
                  <li key={i}>
                    <strong>{t(`ops.${change.op}`)}</strong> <code>{JSON.stringify(change).slice(0, 160)}</code>{' '}
                    <button
                      type="button"
                      className="link"
                      onClick={() => setForm((f) => ({ ...f, changes: f.changes.filter((_, j) => j !== i) }))}
                    >
                      {t('amend.removeChange', { n: i + 1 })}
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </section>
          {after?.error && (
            <p className="error" role="alert">
              {t('amend.doesNotApply', { error: after.error })}
            </p>
          )}
          {after?.document && <DocumentPreview document={after.document} title={t('amend.preview')} />}
          {!conflict && <ProblemMessage error={mutation.error} />}
          <button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.working') : t('amend.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
