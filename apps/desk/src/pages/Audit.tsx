import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { FeedPage, VerifyAnswer } from '../api/types.js';
import { Loading, ProblemMessage } from '../components/Status.js';
import { showInstant } from '../format.js';
import { useSession } from '../session.js';

const PAGE = 25;

export default function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [verifyAsked, setVerifyAsked] = useState(false);
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1);
  const verify = useQuery({
    queryKey: ['verify'],
    enabled: verifyAsked,
    queryFn: () => unwrap<VerifyAnswer>(api.GET('/audit/verify')),
    staleTime: 0,
  });
  const feed = useQuery({
    queryKey: ['feed', after ?? null],
    enabled: can('auditor'),
    queryFn: () => unwrap<FeedPage>(api.GET('/events', { params: { query: { after, limit: PAGE } } })),
  });
  if (!can('auditor')) return <p role="alert">{t('problem.forbidden')}</p>;
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <section className="panel">
        <h2>{t('audit.verify')}</h2>
        <p>{t('audit.verifyIntro')}</p>
        <button type="button" onClick={() => (verifyAsked ? void verify.refetch() : setVerifyAsked(true))} disabled={verify.isFetching}>
          {t('audit.verifyButton')}
        </button>
        {verify.isFetching && <Loading />}
        <ProblemMessage error={verify.error} />
        {verify.data && !verify.isFetching && (
          <div className={verify.data.ok ? 'success' : 'problem'} role="status">
            <strong>
              {verify.data.ok
                ? t('audit.intact', { events: 'events' in verify.data ? verify.data.events : 0 })
                : t('audit.broken', { position: 'firstBrokenPosition' in verify.data ? verify.data.firstBrokenPosition : '' })}
            </strong>
            {'head' in verify.data && (
              <p>
                {t('audit.head')} <code className="hash">{verify.data.head}</code>
              </p>
            )}
            {'reason' in verify.data && <p>{verify.data.reason}</p>}
          </div>
        )}
      </section>
      <h2>{t('audit.feed')}</h2>
      {feed.isPending && <Loading />}
      <ProblemMessage error={feed.error} />
      {feed.data && (
        <>
          <div className="scroll" tabIndex={0}>
            <table className="events">
              <thead>
                <tr>
                  <th scope="col">{t('audit.position')}</th>
                  <th scope="col">{t('audit.stream')}</th>
                  <th scope="col">{t('events.type')}</th>
                  <th scope="col">{t('events.actor')}</th>
                  <th scope="col">{t('events.recordedAt')}</th>
                  <th scope="col">{t('events.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {feed.data.items.map((e) => {
                  const deliberation = /^deliberation-(\d{2}-\d{3,})$/.exec(e.streamId ?? '')?.[1];
                  const delivery = /^delivery-([0-9a-f-]{36})$/.exec(e.streamId ?? '')?.[1];
                  return (
                    <tr key={e.eventId}>
                      <td className="num">{e.position}</td>
                      <td>
                        {deliberation ? (
                          <Link to={`/desk/deliberations/${deliberation}?knownAt=${encodeURIComponent(e.metadata.recordedAt ?? '')}`}>
                            {e.streamId}
                          </Link>
                        ) : delivery ? (
                          <Link to={`/desk/deliveries/${delivery}`}>{e.streamId}</Link>
                        ) : (
                          e.streamId
                        )}
                      </td>
                      <td>{e.type}</td>
                      <td>{e.metadata.actor ?? ''}</td>
                      <td>{showInstant(e.metadata.recordedAt)}</td>
                      <td>
                        <code className="hash">{e.hash.slice(0, 16)}…</code>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('audit.pages')}>
            <button type="button" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('register.previous')}
            </button>
            <button type="button" disabled={feed.data.items.length < PAGE} onClick={() => setCursors((c) => [...c, feed.data.next])}>
              {t('register.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
