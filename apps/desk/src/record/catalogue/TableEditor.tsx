import { useTranslation } from 'react-i18next';
import type { OffsetRule } from '@registry/domain';
import { Field } from '../../components/Field.js';
import { categoriesOf, OFFSETS, patchAt, without, type Catalogue } from './catalogue-model.js';
import type { EditorProps } from './DatasetEditor.js';
import { OffsetRuleFields } from './OffsetRuleFields.js';

type TableRow = Catalogue['tables'][number];

function TableGroup({ catalogue, change, errorAt, index }: EditorProps & { index: number }) {
  const { t } = useTranslation();
  const table = catalogue.tables[index];
  const set = (patch: Partial<TableRow>) => change((c) => ({ ...c, tables: patchAt(c.tables, index, patch) }));
  const setRule = (offset: string, rule: OffsetRule | undefined) => {
    const offsets = { ...table.offsets };
    if (rule) offsets[offset] = rule;
    else delete offsets[offset];
    set({ offsets });
  };
  const variables = catalogue.variables.map((v) => v.code ?? '').filter(Boolean);
  const categories = categoriesOf(catalogue.variables);
  const others = Object.keys(table.offsets ?? {}).filter((o) => !(OFFSETS as readonly string[]).includes(o));
  return (
    <div className="row-group" role="group" aria-label={t('catalogueEditor.tableN', { n: index + 1 })}>
      <div className="grid">
        <Field
          label={t('catalogueEditor.tableId')}
          value={table.id ?? ''}
          onChange={(id) => set({ id })}
          error={errorAt(`tables.${index}.id`)}
        />
        <Field
          label={t('catalogueEditor.description')}
          value={table.description ?? ''}
          onChange={(v) => set({ description: v || undefined })}
          error={errorAt(`tables.${index}.description`)}
        />
      </div>
      {errorAt(`tables.${index}.offsets`) && <p className="error">{errorAt(`tables.${index}.offsets`)}</p>}
      <div className="offsets">
        {OFFSETS.map((offset) => (
          <OffsetRuleFields
            key={offset}
            offset={offset}
            rule={table.offsets?.[offset]}
            variables={variables}
            categories={categories}
            onChange={(rule) => setRule(offset, rule)}
            error={errorAt(`tables.${index}.offsets.${offset}`)}
          />
        ))}
      </div>
      {others.length > 0 && <p className="hint">{t('catalogueEditor.otherOffsets', { offsets: others.join(', ') })}</p>}
      <button type="button" className="link" onClick={() => change((c) => ({ ...c, tables: without(c.tables, index) }))}>
        {t('catalogueEditor.removeTable', { n: index + 1 })}
      </button>
    </div>
  );
}

/** Each table: its name and, per year offset (T-1, T, T+1), which variables it holds. */
export function TableEditor(props: EditorProps) {
  const { t } = useTranslation();
  const add = () => props.change((c) => ({ ...c, tables: [...c.tables, { id: '', offsets: { T: { all: true } } }] }));
  return (
    <fieldset>
      <legend>{t('catalogueEditor.tables')}</legend>
      {props.errorAt('tables') && <p className="error">{props.errorAt('tables')}</p>}
      {props.catalogue.tables.map((_, index) => (
        <TableGroup key={index} {...props} index={index} />
      ))}
      <button type="button" onClick={add}>
        {t('catalogueEditor.addTable')}
      </button>
    </fieldset>
  );
}
