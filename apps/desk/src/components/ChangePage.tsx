import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeliberationView } from '../api/types.js';
import { useSession } from '../session.js';
import { Conflict } from './Conflict.js';
import { Loading, ProblemMessage } from './Status.js';

interface ChangePageProps {
  /** The deliberation's id (`24-130`). */
  id: string;
  title: string;
  /** The deliberation as it stands, as `useDeliberationChange` reads it. */
  current: { isPending: boolean; error: unknown; data?: { data: DeliberationView } };
  conflict: boolean;
  /** What was recorded, once it is. */
  success?: ReactNode;
  className?: string;
  children: ReactNode;
}

/**
 * The frame of every change of one deliberation (amendment, revocation, commitment): the way
 * back to it, the title, progress and problems, the new state when someone else changed it
 * first, and what was recorded. Only the secretariat records changes; the server checks too.
 */
export function ChangePage({ id, title, current, conflict, success, className, children }: ChangePageProps) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!can('secretariat')) return <p role="alert">{t('problem.forbidden')}</p>;
  const view = current.data?.data;
  return (
    <section className={className}>
      <p className="crumbs">
        <Link to={`/desk/deliberations/${id}`}>{t('deliberation.heading', { number: id.replace('-', '/') })}</Link>
      </p>
      <h1>{title}</h1>
      {current.isPending && <Loading />}
      <ProblemMessage error={current.error} />
      {conflict && view && <Conflict view={view} />}
      {success && (
        <p className="success" role="status">
          {success}
        </p>
      )}
      {children}
    </section>
  );
}
