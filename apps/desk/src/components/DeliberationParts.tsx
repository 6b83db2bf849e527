import { useTranslation } from 'react-i18next';
import type { DeliberationView } from '../api/types.js';
import { DataTable, type Column } from './DataTable.js';

type Variable = DeliberationView['variables'][number];
type Rule = DeliberationView['tables'][number]['offsets'][string];

const allows = (rule: Rule | undefined, v: Variable): boolean =>
  !!rule &&
  ((!!rule.all && !(rule.except ?? []).includes(v.code)) ||
    (rule.categories ?? []).includes(v.category) ||
    (rule.variables ?? []).includes(v.code));

/** T-1, T, T+1 in time order, whatever order the document lists them in. */
const offsetOrder = (offset: string): number => (offset === 'T' ? 0 : Number(offset.slice(1)));

type Party = DeliberationView['parties'][number];
type Dataset = DeliberationView['datasets'][number];

export function Parties({ parties }: { parties: DeliberationView['parties'] }) {
  const { t } = useTranslation();
  const columns: Column<Party>[] = [
    { key: 'name', header: t('deliberation.party'), cell: (p) => p.name },
    { key: 'id', header: t('deliberation.partyId'), cell: (p) => <code>{p.id}</code> },
    { key: 'roles', header: t('deliberation.roles'), cell: (p) => p.roles.map((r) => t(`partyRoles.${r}`)).join(', ') },
  ];
  return (
    <section>
      <h2>{t('deliberation.parties')}</h2>
      <DataTable columns={columns} rows={parties} rowKey={(p) => p.id} caption={t('deliberation.parties')} captionHidden />
    </section>
  );
}

export function Datasets({ datasets }: { datasets: DeliberationView['datasets'] }) {
  const { t, i18n } = useTranslation();
  const columns: Column<Dataset>[] = [
    {
      key: 'id',
      header: t('deliberation.dataset'),
      rowHeader: true,
      cell: (d) => (
        <>
          <code>{d.id}</code>
          {d.description && <small className="block">{d.description}</small>}
        </>
      ),
    },
    { key: 'kind', header: t('deliberation.kind'), cell: (d) => t(`kinds.${d.kind}`) },
    { key: 'access', header: t('deliberation.access'), cell: (d) => t(`access.${d.access}`) },
    {
      key: 'maxSubjects',
      header: t('deliberation.maxSubjects'),
      className: 'num',
      cell: (d) => d.maxSubjects?.toLocaleString(i18n.language) ?? t('deliberation.noLimit'),
    },
    { key: 'personalData', header: t('deliberation.personalData'), cell: (d) => (d.personalData ? t('common.yes') : t('common.no')) },
    { key: 'tables', header: t('deliberation.tables'), cell: (d) => d.tables.join(', ') },
  ];
  return (
    <section>
      <h2>{t('deliberation.datasets')}</h2>
      <DataTable columns={columns} rows={datasets} rowKey={(d) => d.id} caption={t('deliberation.datasets')} captionHidden />
    </section>
  );
}

type Table = DeliberationView['tables'][number];

/** One table: each variable of the catalogue against each year offset the table has. */
function OffsetTable({ table, variables, open }: { table: Table; variables: Variable[]; open: boolean }) {
  const { t } = useTranslation();
  const offsets = Object.keys(table.offsets).sort((a, b) => offsetOrder(a) - offsetOrder(b));
  const columns: Column<Variable>[] = [
    {
      key: 'variable',
      header: t('deliberation.variable'),
      rowHeader: true,
      cell: (v) => (
        <>
          {v.label}
          <small className="block">
            <code>{v.code}</code>
          </small>
        </>
      ),
    },
    { key: 'category', header: t('deliberation.category'), className: 'category', cell: (v) => v.category },
    ...offsets.map((o) => ({
      key: o,
      header: o,
      className: (v: Variable) => (allows(table.offsets[o], v) ? 'yes' : 'no'),
      cell: (v: Variable) => {
        const ok = allows(table.offsets[o], v);
        return (
          <>
            {ok ? '✓' : '—'}
            <span className="visually-hidden">{ok ? t('common.allowed') : t('common.notAllowed')}</span>
          </>
        );
      },
    })),
  ];
  return (
    <details className="table-block" open={open}>
      <summary>
        <code>{table.id}</code> — {table.description ?? ''} ({offsets.join(', ')})
      </summary>
      <DataTable
        columns={columns}
        rows={variables}
        rowKey={(v) => v.code}
        caption={t('deliberation.tableCaption', { table: table.id })}
        stack={false}
      />
    </details>
  );
}

/** Per table: which variable is authorised at which year offset, as a readable grid. */
export function OffsetTables({ view }: { view: DeliberationView }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('deliberation.variables')}</h2>
      {view.tables.map((table, index) => (
        <OffsetTable key={table.id} table={table} variables={view.variables} open={index === 0} />
      ))}
    </section>
  );
}
