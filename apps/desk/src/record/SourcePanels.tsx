import { load } from 'js-yaml';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extractDraft, type DeliberationDraft } from '../drafting/index.js';
import { showDate } from '../format.js';
import type { DocumentForm } from './document-form.js';

/** What the draft found beyond the form's fields: amendment dates, sample and population sizes. */
function DraftFindings({ draft, count }: { draft: DeliberationDraft; count: number }) {
  const { t, i18n } = useTranslation();
  const size = (key: string, found: DeliberationDraft['sampleSize']) =>
    found && (
      <p>
        {t(key, { size: found.value.toLocaleString(i18n.language) })} <small className="source">“{found.source}”</small>
      </p>
    );
  return (
    <div className="notice" role="status">
      <p>{t('draft.done', { count })}</p>
      {draft.amendedOn.length > 0 && <p>{t('draft.amendments', { dates: draft.amendedOn.map((a) => showDate(a.value)).join(', ') })}</p>}
      {size('draft.sampleSize', draft.sampleSize)}
      {size('draft.populationSize', draft.populationSize)}
    </div>
  );
}

/** Paste the published text; the form is pre-filled with what it states. */
export function DraftPanel({
  onDraft,
  draft,
  filled,
}: {
  onDraft: (draft: DeliberationDraft) => void;
  draft: DeliberationDraft | null;
  filled: number;
}) {
  const { t } = useTranslation();
  const [pasted, setPasted] = useState('');
  return (
    <section className="panel">
      <h2>{t('draft.title')}</h2>
      <p>{t('draft.intro')}</p>
      <div className="field">
        <label htmlFor="published-text">{t('draft.text')}</label>
        <textarea id="published-text" rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      </div>
      <button type="button" onClick={() => onDraft(extractDraft(pasted))} disabled={!pasted.trim()}>
        {t('draft.prefill')}
      </button>
      {draft && <DraftFindings draft={draft} count={filled} />}
    </section>
  );
}

/** Upload a whole document as JSON or YAML; it fills the form for review. */
export function UploadPanel({ onDocument }: { onDocument: (document: Partial<DocumentForm> | object) => void }) {
  const { t } = useTranslation();
  const [uploadError, setUploadError] = useState<string | null>(null);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(null);
    try {
      const parsed = load(await file.text());
      if (!parsed || typeof parsed !== 'object') throw new Error(t('record.uploadNotDocument'));
      onDocument(parsed);
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
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
  );
}
