import { useTranslation } from 'react-i18next';
import type { DeliberationView } from '../api/types.js';
import { showDate, showInstant } from '../format.js';

/** Someone else changed the deliberation first: the new state, so the person can decide again. */
export function Conflict({ view }: { view: DeliberationView }) {
  const { t } = useTranslation();
  const last = view.amendments.at(-1);
  return (
    <div className="conflict" role="alert">
      <strong>{t('conflict.title')}</strong>
      <p>{t('conflict.body', { version: view.version })}</p>
      <ul>
        <li>
          {t('conflict.amendments', { count: view.amendments.length })}
          {last ? ` — ${showDate(last.effectiveFrom)}: ${last.summary ?? ''} (${showInstant(last.recordedAt)})` : ''}
        </li>
        <li>{t('conflict.commitments', { count: view.commitments.length })}</li>
        {view.revocation && <li>{t('conflict.revoked', { date: showDate(view.revocation.effectiveFrom) })}</li>}
      </ul>
      <p>{t('conflict.kept')}</p>
    </div>
  );
}
