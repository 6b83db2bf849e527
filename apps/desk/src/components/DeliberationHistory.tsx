import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeliberationEvents } from '../api/queries.js';
import type { DeliberationView } from '../api/types.js';
import { showDate, showInstant } from '../format.js';
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

export function Commitments({ view }: { view: DeliberationView }) {
  const { t } = useTranslation();
  const rows = requiredSignatures(view);
  const name = (id: string) => view.parties.find((p) => p.id === id)?.name ?? id;
  return (
    <section>
      <h2>{t('deliberation.commitments')}</h2>
      {rows.length === 0 ? (
        <p>{t('deliberation.noCommitments')}</p>
      ) : (
        <div className="scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('deliberation.party')}</th>
                <th scope="col">{t('deliberation.commitmentKind')}</th>
                <th scope="col">{t('deliberation.clause')}</th>
                <th scope="col">{t('deliberation.signed')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const signed = view.commitments.find((c) => c.party === row.party && c.kind === row.kind && c.signedOn <= view.on);
                return (
                  <tr key={`${row.party}/${row.kind}`}>
                    <td>{name(row.party)}</td>
                    <td>{t(`commitmentKinds.${row.kind}`, { defaultValue: row.kind })}</td>
                    <td>{row.clause ?? ''}</td>
                    <td className={signed ? 'signed' : 'missing'}>
                      {signed
                        ? t('deliberation.signedOn', { date: showDate(signed.signedOn), ref: signed.documentRef ?? '' })
                        : t('deliberation.missing')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The decision, each amendment and the revocation on both axes: when it took effect, when it was recorded. */
export function Timeline({ view, id }: { view: DeliberationView; id: string }) {
  const { t } = useTranslation();
  const entries = [
    { label: t('timeline.decision'), decidedOn: view.decidedOn, effectiveFrom: view.effectiveFrom, recordedAt: view.recordedAt, note: '' },
    ...view.amendments.map((a) => ({
      label: t('timeline.amendment', { n: a.sequence }),
      decidedOn: a.decidedOn,
      effectiveFrom: a.effectiveFrom,
      recordedAt: a.recordedAt,
      note: a.summary ?? '',
    })),
    ...(view.revocation
      ? [
          {
            label: t('timeline.revocation'),
            decidedOn: view.revocation.decidedOn,
            effectiveFrom: view.revocation.effectiveFrom,
            recordedAt: view.revocation.recordedAt ?? '',
            note: view.revocation.reason,
          },
        ]
      : []),
  ];
  return (
    <section>
      <h2>{t('timeline.title')}</h2>
      <div className="scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('timeline.what')}</th>
              <th scope="col">{t('timeline.decidedOn')}</th>
              <th scope="col">{t('timeline.effectiveFrom')}</th>
              <th scope="col">{t('timeline.recordedAt')}</th>
              <th scope="col">{t('timeline.view')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.label}>
                <th scope="row">
                  {e.label}
                  {e.note && <small className="block">{e.note}</small>}
                </th>
                <td>{showDate(e.decidedOn)}</td>
                <td>{showDate(e.effectiveFrom)}</td>
                <td>{showInstant(e.recordedAt)}</td>
                <td className="links">
                  <Link to={`/desk/deliberations/${id}?on=${e.effectiveFrom}`}>
                    {t('timeline.asOfThen')}
                    <span className="visually-hidden"> ({e.label})</span>
                  </Link>
                  {e.recordedAt && (
                    <Link to={`/desk/deliberations/${id}?knownAt=${encodeURIComponent(e.recordedAt)}`}>
                      {t('timeline.asKnownThen')}
                      <span className="visually-hidden"> ({e.label})</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The raw stream, with its hash chain, for auditors (loaded when opened). */
export function EventTrail({ id }: { id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const events = useDeliberationEvents(id, open);
  return (
    <section>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          <h2 className="inline">{t('events.trail')}</h2>
        </summary>
        {events.isPending && open && <Loading />}
        <ProblemMessage error={events.error} />
        {events.data && (
          <div className="scroll" tabIndex={0}>
            <table className="events">
              <thead>
                <tr>
                  <th scope="col">{t('events.revision')}</th>
                  <th scope="col">{t('events.type')}</th>
                  <th scope="col">{t('events.actor')}</th>
                  <th scope="col">{t('events.recordedAt')}</th>
                  <th scope="col">{t('events.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((e) => (
                  <tr key={e.eventId}>
                    <td className="num">{e.revision}</td>
                    <td>{e.type}</td>
                    <td>{e.metadata.actor ?? ''}</td>
                    <td>{showInstant(e.metadata.recordedAt)}</td>
                    <td>
                      <code className="hash">{e.hash}</code>
                      <small className="block">
                        {t('events.previous')} <code className="hash">{e.previousHash}</code>
                      </small>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </section>
  );
}
