import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useDeliberation } from '../api/queries.js';
import { AsOfPickers, useAsOf } from '../components/AsOf.js';
import { Commitments, EventTrail, Timeline } from '../components/DeliberationHistory.js';
import { Datasets, OffsetTables, Parties } from '../components/DeliberationParts.js';
import { Loading, ProblemMessage, StatusBadge } from '../components/Status.js';
import { showDate } from '../format.js';
import { useSession } from '../session.js';

export default function DeliberationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { search } = useLocation();
  const { on, knownAt } = useAsOf();
  const { can } = useSession();
  const answer = useDeliberation(id, on, knownAt);
  const view = answer.data?.data;
  return (
    <article>
      <p className="crumbs">
        <Link to="/">{t('nav.register')}</Link>
      </p>
      <h1>
        {t('deliberation.heading', { number: view?.number ?? id.replace('-', '/') })} {view && <StatusBadge status={view.status} />}
      </h1>
      <AsOfPickers key={search} />
      {answer.isPending && <Loading />}
      <ProblemMessage error={answer.error} />
      {view && (
        <>
          <p className="lead">{view.title}</p>
          {can('secretariat') && !knownAt && (
            <p className="actions">
              <Link className="button" to={`/desk/deliberations/${id}/amend`}>
                {t('deliberation.amend')}
              </Link>
              <Link className="button" to={`/desk/deliberations/${id}/commitments`}>
                {t('deliberation.recordCommitment')}
              </Link>
              {!view.revocation && (
                <Link className="button danger" to={`/desk/deliberations/${id}/revoke`}>
                  {t('deliberation.revoke')}
                </Link>
              )}
            </p>
          )}
          <dl className="facts">
            <dt>{t('deliberation.reference')}</dt>
            <dd>{view.reference ?? '—'}</dd>
            <dt>{t('deliberation.committee')}</dt>
            <dd>{[view.committee, view.chamber].filter(Boolean).join(' — ') || '—'}</dd>
            <dt>{t('deliberation.decidedOn')}</dt>
            <dd>{showDate(view.decidedOn)}</dd>
            <dt>{t('deliberation.effectiveFrom')}</dt>
            <dd>{showDate(view.effectiveFrom)}</dd>
            <dt>{t('deliberation.version')}</dt>
            <dd>{view.version}</dd>
            <dt>{t('deliberation.purpose')}</dt>
            <dd>{view.purpose ?? '—'}</dd>
            <dt>{t('deliberation.legalBasis')}</dt>
            <dd>{view.legalBasis?.join('; ') || '—'}</dd>
            <dt>{t('deliberation.population')}</dt>
            <dd>{view.population ?? '—'}</dd>
            <dt>{t('deliberation.referenceYears')}</dt>
            <dd>{view.referenceYears.join(', ')}</dd>
            <dt>{t('deliberation.retention')}</dt>
            <dd>
              {view.destroyBy ? t('deliberation.destroyBy', { date: showDate(view.destroyBy) }) : t('deliberation.noRetention')}
              {view.retention?.clause ? ` (${view.retention.clause})` : ''}
            </dd>
            <dt>{t('deliberation.predecessors')}</dt>
            <dd>{view.predecessors?.map((p) => `${p.number}${p.decidedOn ? ` (${showDate(p.decidedOn)})` : ''}`).join(', ') || '—'}</dd>
          </dl>
          <Parties parties={view.parties} />
          <Datasets datasets={view.datasets} />
          <OffsetTables view={view} />
          <Commitments view={view} />
          <Timeline view={view} id={id} />
          <EventTrail id={id} />
        </>
      )}
    </article>
  );
}
