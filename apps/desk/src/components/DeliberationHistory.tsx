import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeliberationEvents } from '../api/queries.js';
import type { DeliberationView } from '../api/types.js';
import { showDate, showInstant } from '../format.js';
import { DataTable, type Column } from './DataTable.js';
import { Loading, ProblemMessage } from './Status.js';

/** Which parties each required commitment binds, in the document's own terms. */
export function requiredSignatures(view: Pick<DeliberationView, 'parties' | 'requiredCommitments'>) {
  const rows: { party: string; kind: string; clause?: string }[] = [];
  for (const rule of view.requiredCommitments ?? []) {
    const role = rule.from === 'each-joint-controller' ? 'joint-controller' : rule.from === 'each-recipient' ? 'recipient' : undefined;
    const parties = role ? view.parties.filter((p) => p.roles.includes(role as never)).map((p) => p.id) : [rule.from];
    for (const party of parties) rows.push({ party, kind: rule.kind, clause: rule.clause });
  }
  return rows;
}

type Signature = ReturnType<typeof requiredSignatures>[number];

export function Commitments({ view }: { view: DeliberationView }) {
  const { t } = useTranslation();
  const rows = requiredSignatures(view);
  const name = (id: string) => view.parties.find((p) => p.id === id)?.name ?? id;
  const signature = (row: Signature) => view.commitments.find((c) => c.party === row.party && c.kind === row.kind && c.signedOn <= view.on);
  const columns: Column<Signature>[] = [
    { key: 'party', header: t('deliberation.party'), cell: (row) => name(row.party) },
    { key: 'kind', header: t('deliberation.commitmentKind'), cell: (row) => t(`commitmentKinds.${row.kind}`, { defaultValue: row.kind }) },
    { key: 'clause', header: t('deliberation.clause'), cell: (row) => row.clause ?? '' },
    {
      key: 'signed',
      header: t('deliberation.signed'),
      className: (row) => (signature(row) ? 'signed' : 'missing'),
      cell: (row) => {
        const signed = signature(row);
        return signed
          ? t('deliberation.signedOn', { date: showDate(signed.signedOn), ref: signed.documentRef ?? '' })
          : t('deliberation.missing');
      },
    },
  ];
  return (
    <section>
      <h2>{t('deliberation.commitments')}</h2>
      {rows.length === 0 ? (
        <p>{t('deliberation.noCommitments')}</p>
      ) : (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(row) => `${row.party}/${row.kind}`}
          caption={t('deliberation.commitments')}
          captionHidden
        />
      )}
    </section>
  );
}

interface TimelineEntry {
  label: string;
  decidedOn: string;
  effectiveFrom: string;
  recordedAt: string;
  note: string;
}

/** The decision, then each amendment, then the revocation when there is one. */
function timelineEntries(view: DeliberationView, t: (key: string, options?: Record<string, unknown>) => string): TimelineEntry[] {
  const { decidedOn, effectiveFrom, recordedAt, revocation } = view;
  return [
    { label: t('timeline.decision'), decidedOn, effectiveFrom, recordedAt, note: '' },
    ...view.amendments.map((a) => ({
      label: t('timeline.amendment', { n: a.sequence }),
      decidedOn: a.decidedOn,
      effectiveFrom: a.effectiveFrom,
      recordedAt: a.recordedAt,
      note: a.summary ?? '',
    })),
    ...(revocation
      ? [
          {
            label: t('timeline.revocation'),
            decidedOn: revocation.decidedOn,
            effectiveFrom: revocation.effectiveFrom,
            recordedAt: revocation.recordedAt ?? '',
            note: revocation.reason,
          },
        ]
      : []),
  ];
}

/** Links to the deliberation as of the day an entry took effect, and as known when it was recorded. */
function TimeTravelLinks({ entry, id }: { entry: TimelineEntry; id: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/desk/deliberations/${id}?on=${entry.effectiveFrom}`}>
        {t('timeline.asOfThen')}
        <span className="visually-hidden"> ({entry.label})</span>
      </Link>
      {entry.recordedAt && (
        <Link to={`/desk/deliberations/${id}?knownAt=${encodeURIComponent(entry.recordedAt)}`}>
          {t('timeline.asKnownThen')}
          <span className="visually-hidden"> ({entry.label})</span>
        </Link>
      )}
    </>
  );
}

/** The decision, each amendment and the revocation on both axes: when it took effect, when it was recorded. */
export function Timeline({ view, id }: { view: DeliberationView; id: string }) {
  const { t } = useTranslation();
  const columns: Column<TimelineEntry>[] = [
    {
      key: 'what',
      header: t('timeline.what'),
      rowHeader: true,
      cell: (e) => (
        <>
          {e.label}
          {e.note && <small className="block">{e.note}</small>}
        </>
      ),
    },
    { key: 'decidedOn', header: t('timeline.decidedOn'), cell: (e) => showDate(e.decidedOn) },
    { key: 'effectiveFrom', header: t('timeline.effectiveFrom'), cell: (e) => showDate(e.effectiveFrom) },
    { key: 'recordedAt', header: t('timeline.recordedAt'), cell: (e) => showInstant(e.recordedAt) },
    { key: 'view', header: t('timeline.view'), className: 'links', cell: (e) => <TimeTravelLinks entry={e} id={id} /> },
  ];
  return (
    <section>
      <h2>{t('timeline.title')}</h2>
      <DataTable columns={columns} rows={timelineEntries(view, t)} rowKey={(e) => e.label} caption={t('timeline.title')} captionHidden />
    </section>
  );
}

type TrailEvent = NonNullable<ReturnType<typeof useDeliberationEvents>['data']>['items'][number];

function useTrailColumns(): Column<TrailEvent>[] {
  const { t } = useTranslation();
  return [
    { key: 'revision', header: t('events.revision'), className: 'num', cell: (e) => e.revision },
    { key: 'type', header: t('events.type'), cell: (e) => e.type },
    { key: 'actor', header: t('events.actor'), cell: (e) => e.metadata.actor ?? '' },
    { key: 'recordedAt', header: t('events.recordedAt'), cell: (e) => showInstant(e.metadata.recordedAt) },
    {
      key: 'hash',
      header: t('events.hash'),
      cell: (e) => (
        <>
          <code className="hash">{e.hash}</code>
          <small className="block">
            {t('events.previous')} <code className="hash">{e.previousHash}</code>
          </small>
        </>
      ),
    },
  ];
}

/** The raw stream, with its hash chain, for auditors (loaded when opened). */
export function EventTrail({ id }: { id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const events = useDeliberationEvents(id, open);
  const columns = useTrailColumns();
  return (
    <section>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          <h2 className="inline">{t('events.trail')}</h2>
        </summary>
        {events.isPending && open && <Loading />}
        <ProblemMessage error={events.error} />
        {events.data && (
          <DataTable
            columns={columns}
            rows={events.data.items}
            rowKey={(e) => e.eventId}
            className="events"
            caption={t('events.trail')}
            captionHidden
          />
        )}
      </details>
    </section>
  );
}
