import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useDeliberation } from '../api/queries.js';
import type { DeliberationView } from '../api/types.js';
import { AsOfPickers, useAsOf } from '../components/AsOf.js';
import { Commitments, EventTrail, Timeline } from '../components/DeliberationHistory.js';
import { Datasets, OffsetTables, Parties } from '../components/DeliberationParts.js';
import { Facts } from '../components/Facts.js';
import { Loading, ProblemMessage, StatusBadge } from '../components/Status.js';
import { showDate } from '../format.js';
import { useSession } from '../session.js';

/** The secretariat's changes of this deliberation (not while looking at the past as known then). */
function Actions({ view, id }: { view: DeliberationView; id: string }) {
  const { t } = useTranslation();
  return (
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
  );
}

function DecisionFacts({ view }: { view: DeliberationView }) {
  const { t } = useTranslation();
  const retention = view.destroyBy ? t('deliberation.destroyBy', { date: showDate(view.destroyBy) }) : t('deliberation.noRetention');
  const predecessors = view.predecessors?.map((p) => `${p.number}${p.decidedOn ? ` (${showDate(p.decidedOn)})` : ''}`).join(', ');
  return (
    <Facts
      items={[
        [t('deliberation.reference'), view.reference ?? '—'],
        [t('deliberation.committee'), [view.committee, view.chamber].filter(Boolean).join(' — ') || '—'],
        [t('deliberation.decidedOn'), showDate(view.decidedOn)],
        [t('deliberation.effectiveFrom'), showDate(view.effectiveFrom)],
        [t('deliberation.version'), view.version],
        [t('deliberation.purpose'), view.purpose ?? '—'],
        [t('deliberation.legalBasis'), view.legalBasis?.join('; ') || '—'],
        [t('deliberation.population'), view.population ?? '—'],
        [t('deliberation.referenceYears'), view.referenceYears.join(', ')],
        [t('deliberation.retention'), `${retention}${view.retention?.clause ? ` (${view.retention.clause})` : ''}`],
        [t('deliberation.predecessors'), predecessors || '—'],
      ]}
    />
  );
}

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
          {can('secretariat') && !knownAt && <Actions view={view} id={id} />}
          <DecisionFacts view={view} />
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
