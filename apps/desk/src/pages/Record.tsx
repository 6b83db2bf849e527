import { useMutation, useQueryClient } from '@tanstack/react-query';
import { load } from 'js-yaml';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { isProblem } from '../api/problem.js';
import type { Written } from '../api/types.js';
import { ProblemMessage } from '../components/Status.js';
import { extractDraft, type DeliberationDraft } from '../drafting/index.js';
import { showDate } from '../format.js';
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

export default function RecordPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const queries = useQueryClient();
  const [form, setForm, resetForm] = useKeptState<DocumentForm>('record', emptyForm);
  const [sources, setSources, resetSources] = useKeptState<Sources>('record-sources', () => ({}));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pasted, setPasted] = useState('');
  const [draft, setDraft] = useState<DeliberationDraft | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const checked = validate(form);

  const record = useMutation({
    mutationFn: (body: NonNullable<typeof checked.document>) => unwrap<Written>(api.POST('/deliberations', { body: body as never })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['deliberations'] });
      resetForm();
      resetSources();
      setDraft(null);
    },
    onError: (error) => {
      if (isProblem(error) && error.problem.errors) setErrors(collectErrors(error.problem.errors));
    },
  });

  if (!can('secretariat')) return <p role="alert">{t('problem.forbidden')}</p>;

  const prefill = () => {
    const found = extractDraft(pasted);
    const filled = fromDraft(found, emptyForm());
    setDraft(found);
    setForm(filled.form);
    setSources(filled.sources);
    setErrors({});
    record.reset();
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(null);
    try {
      const parsed = load(await file.text());
      if (!parsed || typeof parsed !== 'object') throw new Error(t('record.uploadNotDocument'));
      setForm(fromDocument(parsed as never));
      setSources({});
      setDraft(null);
      setErrors({});
      record.reset();
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : String(error));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors(checked.errors);
    if (checked.document) record.mutate(checked.document);
    else document.querySelector<HTMLElement>('[aria-invalid="true"], .error')?.focus?.();
  };

  return (
    <section>
      <h1>{t('record.title')}</h1>
      {record.data && (
        <div className="success" role="status">
          {t('record.recorded', { number: record.data.number, version: record.data.version })}{' '}
          <Link to={`/desk/deliberations/${record.data.id}`}>{t('record.open')}</Link> ·{' '}
          <Link to={`/desk/deliberations/${record.data.id}/amend`}>{t('deliberation.amend')}</Link>
        </div>
      )}
      <div className="two">
        <section className="panel">
          <h2>{t('draft.title')}</h2>
          <p>{t('draft.intro')}</p>
          <div className="field">
            <label htmlFor="published-text">{t('draft.text')}</label>
            <textarea id="published-text" rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </div>
          <button type="button" onClick={prefill} disabled={!pasted.trim()}>
            {t('draft.prefill')}
          </button>
          {draft && (
            <div className="notice" role="status">
              <p>{t('draft.done', { count: Object.keys(sources).length })}</p>
              {draft.amendedOn.length > 0 && (
                <p>{t('draft.amendments', { dates: draft.amendedOn.map((a) => showDate(a.value)).join(', ') })}</p>
              )}
              {draft.sampleSize && (
                <p>
                  {t('draft.sampleSize', { size: draft.sampleSize.value.toLocaleString() })}{' '}
                  <small className="source">“{draft.sampleSize.source}”</small>
                </p>
              )}
              {draft.populationSize && (
                <p>
                  {t('draft.populationSize', { size: draft.populationSize.value.toLocaleString() })}{' '}
                  <small className="source">“{draft.populationSize.source}”</small>
                </p>
              )}
            </div>
          )}
        </section>
        <section className="panel">
          <h2>{t('record.upload')}</h2>
          <p>{t('record.uploadIntro')}</p>
          <div className="field">
            <label htmlFor="document-file">{t('record.file')}</label>
            <input
              id="document-file"
              type="file"
              accept=".json,.yaml,.yml,application/json,text/yaml"
              onChange={(e) => void upload(e.target.files?.[0])}
            />
          </div>
          {uploadError && (
            <p className="error" role="alert">
              {uploadError}
            </p>
          )}
        </section>
      </div>
      <form onSubmit={submit} noValidate>
        <DocumentFields form={form} setForm={setForm} errors={errors} sources={sources} />
        {checked.document && <DocumentPreview document={checked.document} />}
        <ProblemMessage error={record.error} />
        {Object.keys(errors).length > 0 && (
          <p className="error" role="alert">
            {t('record.fixErrors', { count: Object.keys(errors).length })}
          </p>
        )}
        <p className="actions">
          <button type="submit" disabled={record.isPending}>
            {record.isPending ? t('common.working') : t('record.submit')}
          </button>
          <button
            type="button"
            className="link"
            onClick={() => {
              resetForm();
              resetSources();
              setErrors({});
              setDraft(null);
            }}
          >
            {t('record.clear')}
          </button>
        </p>
      </form>
    </section>
  );
}
