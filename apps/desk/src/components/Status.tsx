import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/problem.js';
import { translateIssue } from '../i18n/issues.js';

/** A request in flight: announced to screen readers, visible to everyone. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

/** A failed request: the server's own problem message, or a clear word about the connection. */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  let text: string;
  let detail: string | undefined;
  if (isProblem(error) && error.offline) text = error.status === 0 ? t('problem.offline') : t('problem.unavailable');
  else if (isProblem(error)) {
    text =
      error.status === 412
        ? t('problem.changed')
        : error.status === 403
          ? t('problem.forbidden')
          : (error.problem.title ?? t('problem.failed'));
    detail = error.problem.detail;
  } else text = error instanceof Error ? error.message : String(error);
  const fieldErrors = isProblem(error) ? (error.problem.errors ?? []) : [];
  return (
    <div className="problem" role="alert">
      <strong>{text}</strong>
      {detail && <p>{detail}</p>}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((e, i) => (
            <li key={i}>
              <code>{Array.isArray(e.path) ? e.path.join('.') : e.path}</code>: {translateIssue(e.message)}
            </li>
          ))}
        </ul>
      )}
      {isProblem(error) && error.offline && <p>{t('problem.kept')}</p>}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
