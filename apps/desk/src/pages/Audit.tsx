import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { FeedPage, VerifyAnswer } from '../api/types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { Pager, pageSizeParam, useCursorPages } from '../components/Pager.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { showInstant } from '../format.js';
import { useSession } from '../session.js';

type FeedEvent = FeedPage['items'][number];

/** A deliberation's stream opens the deliberation as known when the event was recorded; a delivery's opens the delivery. */
function StreamLink({ event }: { event: FeedEvent }) {
  const deliberation = /^deliberation-(\d{2}-\d{3,})$/.exec(event.streamId ?? '')?.[1];
  const delivery = /^delivery-([0-9a-f-]{36})$/.exec(event.streamId ?? '')?.[1];
  if (deliberation)
    return (
      <Link to={`/desk/deliberations/${deliberation}?knownAt=${encodeURIComponent(event.metadata.recordedAt ?? '')}`}>
        {event.streamId}
      </Link>
    );
  if (delivery) return <Link to={`/desk/deliveries/${delivery}`}>{event.streamId}</Link>;
  return <>{event.streamId}</>;
}

function useFeedColumns(): Column<FeedEvent>[] {
  const { t } = useTranslation();
  return [
    { key: 'position', header: t('audit.position'), className: 'num', cell: (e) => e.position },
    { key: 'stream', header: t('audit.stream'), cell: (e) => <StreamLink event={e} /> },
    { key: 'type', header: t('events.type'), cell: (e) => e.type },
    { key: 'actor', header: t('events.actor'), cell: (e) => e.metadata.actor ?? '' },
    { key: 'recordedAt', header: t('events.recordedAt'), cell: (e) => showInstant(e.metadata.recordedAt) },
    { key: 'hash', header: t('events.hash'), cell: (e) => <code className="hash">{e.hash.slice(0, 16)}…</code> },
  ];
}

/** Verify the hash chain on demand: intact with its head, or the first broken position. */
function VerifyPanel() {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const verify = useQuery({
    queryKey: ['verify'],
    enabled: asked,
    queryFn: () => unwrap<VerifyAnswer>(api.GET('/audit/verify')),
    staleTime: 0,
  });
  const answer = verify.data;
  return (
    <section className="panel">
      <h2>{t('audit.verify')}</h2>
      <p>{t('audit.verifyIntro')}</p>
      <button type="button" onClick={() => (asked ? void verify.refetch() : setAsked(true))} disabled={verify.isFetching}>
        {t('audit.verifyButton')}
      </button>
      {verify.isFetching && <Loading />}
      <ProblemMessage error={verify.error} />
      {answer && !verify.isFetching && (
        <div className={answer.ok ? 'success' : 'problem'} role="status">
          <strong>
            {answer.ok
              ? t('audit.intact', { events: 'events' in answer ? answer.events : 0 })
              : t('audit.broken', { position: 'firstBrokenPosition' in answer ? answer.firstBrokenPosition : '' })}
          </strong>
          {'head' in answer && (
            <p>
              {t('audit.head')} <code className="hash">{answer.head}</code>
            </p>
          )}
          {'reason' in answer && <p>{answer.reason}</p>}
        </div>
      )}
    </section>
  );
}

/**
 * A page of the log and whether anything follows it: the feed always answers a `next` checkpoint,
 * so a full page asks for one event beyond it, lest Next open an empty page.
 */
async function readFeed(after: string | undefined, limit: number) {
  const page = await unwrap<FeedPage>(api.GET('/events', { params: { query: { after, limit } } }));
  if (page.items.length < limit) return { ...page, more: false };
  const beyond = await unwrap<FeedPage>(api.GET('/events', { params: { query: { after: page.next, limit: 1 } } }));
  return { ...page, more: beyond.items.length > 0 };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params] = useSearchParams();
  const pageSize = pageSizeParam(params.get('limit'));
  const pages = useCursorPages(`feed-${pageSize}`);
  const feed = useQuery({
    queryKey: ['feed', pageSize, pages.cursor ?? null],
    enabled: can('auditor'),
    queryFn: () => readFeed(pages.cursor, pageSize),
  });
  const columns = useFeedColumns();
  if (!can('auditor')) return <p role="alert">{t('problem.forbidden')}</p>;
  const items = feed.data?.items ?? [];
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <VerifyPanel />
      <h2>{t('audit.feed')}</h2>
      {feed.isPending && <Loading />}
      <ProblemMessage error={feed.error} />
      {feed.data && (
        <>
          <DataTable columns={columns} rows={items} rowKey={(e) => e.eventId} className="events" caption={t('audit.feed')} captionHidden />
          <Pager
            label={t('audit.pages')}
            pages={pages}
            pageSize={pageSize}
            shown={items.length}
            next={feed.data.more ? feed.data.next : null}
          />
        </>
      )}
    </section>
  );
}
