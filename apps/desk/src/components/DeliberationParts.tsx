import { useTranslation } from 'react-i18next';
import type { DeliberationView } from '../api/types.js';

type Variable = DeliberationView['variables'][number];
type Rule = DeliberationView['tables'][number]['offsets'][string];

const allows = (rule: Rule | undefined, v: Variable): boolean =>
  !!rule &&
  ((!!rule.all && !(rule.except ?? []).includes(v.code)) ||
    (rule.categories ?? []).includes(v.category) ||
    (rule.variables ?? []).includes(v.code));

/** T-1, T, T+1 in time order, whatever order the document lists them in. */
const offsetOrder = (offset: string): number => (offset === 'T' ? 0 : Number(offset.slice(1)));

export function Parties({ parties }: { parties: DeliberationView['parties'] }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('deliberation.parties')}</h2>
      <div className="scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('deliberation.party')}</th>
              <th scope="col">{t('deliberation.partyId')}</th>
              <th scope="col">{t('deliberation.roles')}</th>
            </tr>
          </thead>
          <tbody>
            {parties.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>
                  <code>{p.id}</code>
                </td>
                <td>{p.roles.map((r) => t(`partyRoles.${r}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Datasets({ datasets }: { datasets: DeliberationView['datasets'] }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('deliberation.datasets')}</h2>
      <div className="scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('deliberation.dataset')}</th>
              <th scope="col">{t('deliberation.kind')}</th>
              <th scope="col">{t('deliberation.access')}</th>
              <th scope="col">{t('deliberation.maxSubjects')}</th>
              <th scope="col">{t('deliberation.personalData')}</th>
              <th scope="col">{t('deliberation.tables')}</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <code>{d.id}</code>
                  {d.description && <small className="block">{d.description}</small>}
                </th>
                <td>{t(`kinds.${d.kind}`)}</td>
                <td>{t(`access.${d.access}`)}</td>
                <td className="num">{d.maxSubjects?.toLocaleString() ?? t('deliberation.noLimit')}</td>
                <td>{d.personalData ? t('common.yes') : t('common.no')}</td>
                <td>{d.tables.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Per table: which variable is authorised at which year offset, as a readable grid. */
export function OffsetTables({ view }: { view: DeliberationView }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('deliberation.variables')}</h2>
      {view.tables.map((table, index) => {
        const offsets = Object.keys(table.offsets).sort((a, b) => offsetOrder(a) - offsetOrder(b));
        return (
          <details key={table.id} className="table-block" open={index === 0}>
            <summary>
              <code>{table.id}</code> — {table.description ?? ''} ({offsets.join(', ')})
            </summary>
            <div className="scroll" tabIndex={0}>
              <table>
                <caption>{t('deliberation.tableCaption', { table: table.id })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('deliberation.variable')}</th>
                    <th scope="col">{t('deliberation.category')}</th>
                    {offsets.map((o) => (
                      <th scope="col" key={o}>
                        {o}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.variables.map((v) => (
                    <tr key={v.code}>
                      <th scope="row">
                        {v.label}
                        <small className="block">
                          <code>{v.code}</code>
                        </small>
                      </th>
                      <td>{v.category}</td>
                      {offsets.map((o) => {
                        const ok = allows(table.offsets[o], v);
                        return (
                          <td key={o} className={ok ? 'yes' : 'no'}>
                            {ok ? '✓' : '—'}
                            <span className="visually-hidden">{ok ? t('common.allowed') : t('common.notAllowed')}</span>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        );
      })}
    </section>
  );
}
