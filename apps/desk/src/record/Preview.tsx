import { useTranslation } from 'react-i18next';
import type { DeliberationDocument } from '@registry/domain';
import { showDate } from '../format.js';

/** What will be recorded, in words, with the exact document underneath. */
export function DocumentPreview({ document, title }: { document: DeliberationDocument; title?: string }) {
  const { t } = useTranslation();
  const heading = title ?? t('preview.title');
  return (
    <section className="preview" aria-label={heading}>
      <h2>{heading}</h2>
      <dl className="facts">
        <dt>{t('record.fields.number')}</dt>
        <dd>{document.number}</dd>
        <dt>{t('record.fields.title')}</dt>
        <dd>{document.title ?? '—'}</dd>
        <dt>{t('record.fields.decidedOn')}</dt>
        <dd>{showDate(document.decidedOn)}</dd>
        <dt>{t('record.fields.effectiveFrom')}</dt>
        <dd>{showDate(document.effectiveFrom)}</dd>
        <dt>{t('record.parties')}</dt>
        <dd>{document.parties.map((p) => `${p.name} (${p.roles.map((r) => t(`partyRoles.${r}`)).join(', ')})`).join('; ')}</dd>
        <dt>{t('record.fields.referenceYears')}</dt>
        <dd>{document.referenceYears.join(', ')}</dd>
        <dt>{t('deliberation.datasets')}</dt>
        <dd>{document.datasets.map((d) => `${d.id} (${t(`kinds.${d.kind}`)}, ${t(`access.${d.access}`)})`).join('; ')}</dd>
        <dt>{t('preview.counts')}</dt>
        <dd>{t('preview.countsValue', { variables: document.variables.length, tables: document.tables.length })}</dd>
        <dt>{t('record.fields.destroyBy')}</dt>
        <dd>{showDate(document.retention?.destroyBy) || '—'}</dd>
      </dl>
      <details>
        <summary>{t('preview.json')}</summary>
        <pre>{JSON.stringify(document, null, 2)}</pre>
      </details>
    </section>
  );
}
