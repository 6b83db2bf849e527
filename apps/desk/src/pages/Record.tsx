import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { isProblem } from '../api/problem.js';
import type { Written } from '../api/types.js';
import { ProblemMessage } from '../components/Status.js';
import type { DeliberationDraft } from '../drafting/index.js';
import { useKeptState } from '../hooks.js';
import { useSession } from '../session.js';
import {
  collectErrors,
  emptyForm,
  fromDocument,
  fromDraft,
  validate,
  type DocumentForm,
  type FieldErrors,
  type Sources,
} from '../record/document-form.js';
import { DocumentFields } from '../record/DocumentFields.js';
import { DocumentPreview } from '../record/Preview.js';
import { DraftPanel, UploadPanel } from '../record/SourcePanels.js';

function Recorded({ written }: { written: Written }) {
  const { t } = useTranslation();
  return (
    <div className="success" role="status">
      {t('record.recorded', { number: written.number, version: written.version })}{' '}
      <Link to={`/desk/deliberations/${written.id}`}>{t('record.open')}</Link> ·{' '}
      <Link to={`/desk/deliberations/${written.id}/amend`}>{t('deliberation.amend')}</Link>
    </div>
  );
}

/** How many fields need attention, the record button and the way to start again. */
function RecordActions({ errorCount, pending, clear }: { errorCount: number; pending: boolean; clear: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {errorCount > 0 && (
        <p className="error" role="alert">
          {t('record.fixErrors', { count: errorCount })}
        </p>
      )}
      <p className="actions">
        <button type="submit" disabled={pending}>
          {pending ? t('common.working') : t('record.submit')}
        </button>
        <button type="button" className="link" onClick={clear}>
          {t('record.clear')}
        </button>
      </p>
    </>
  );
}

/** The form, what was read into it, and its errors; kept in the tab so nothing typed is lost. */
function useRecordForm() {
  const [form, setForm, resetForm] = useKeptState<DocumentForm>('record', emptyForm);
  const [sources, setSources, resetSources] = useKeptState<Sources>('record-sources', () => ({}));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [draft, setDraft] = useState<DeliberationDraft | null>(null);
  const fill = (next: DocumentForm, read: Sources, found: DeliberationDraft | null) => {
    setForm(next);
    setSources(read);
    setDraft(found);
    setErrors({});
  };
  const clear = () => {
    resetForm();
    resetSources();
    setErrors({});
    setDraft(null);
  };
  return { form, setForm, sources, errors, setErrors, draft, fill, clear };
}

export default function RecordPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const queries = useQueryClient();
  const state = useRecordForm();
  const { form, errors, sources, draft } = state;
  const checked = validate(form);
  const record = useMutation({
    mutationFn: (body: NonNullable<typeof checked.document>) => unwrap<Written>(api.POST('/deliberations', { body: body as never })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['deliberations'] });
      state.clear();
    },
    onError: (error) => {
      if (isProblem(error) && error.problem.errors) state.setErrors(collectErrors(error.problem.errors));
    },
  });
  if (!can('secretariat')) return <p role="alert">{t('problem.forbidden')}</p>;
  const onDraft = (found: DeliberationDraft) => {
    const filled = fromDraft(found, emptyForm());
    state.fill(filled.form, filled.sources, found);
    record.reset();
  };
  const onDocument = (parsed: object) => {
    state.fill(fromDocument(parsed as never), {}, null);
    record.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    state.setErrors(checked.errors);
    if (checked.document) record.mutate(checked.document);
    else document.querySelector<HTMLElement>('[aria-invalid="true"], .error')?.focus?.();
  };
  return (
    <section>
      <h1>{t('record.title')}</h1>
      {record.data && <Recorded written={record.data} />}
      <div className="two">
        <DraftPanel onDraft={onDraft} draft={draft} filled={Object.keys(sources).length} />
        <UploadPanel onDocument={onDocument} />
      </div>
      <form onSubmit={submit} noValidate>
        <DocumentFields form={form} setForm={state.setForm} errors={errors} sources={sources} />
        {checked.document && <DocumentPreview document={checked.document} />}
        <ProblemMessage error={record.error} />
        <RecordActions
          errorCount={Object.keys(errors).filter((key) => !key.startsWith('catalogue:')).length}
          pending={record.isPending}
          clear={state.clear}
        />
      </form>
    </section>
  );
}
