import { useTranslation } from 'react-i18next';
import { ACCESS_MODES, DATASET_KINDS, type Dataset } from '@registry/domain';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { Field, SelectField } from '../../components/Field.js';
import { patchAt, readLimit, without, type Catalogue } from './catalogue-model.js';

export interface EditorProps {
  catalogue: Catalogue;
  change(update: (catalogue: Catalogue) => Catalogue): void;
  /** The error at a path of the catalogue (`datasets.0.maxSubjects`), as the schema gave it. */
  errorAt(path: string): string | undefined;
}

function DatasetGroup({ catalogue, change, errorAt, index }: EditorProps & { index: number }) {
  const { t } = useTranslation();
  const d = catalogue.datasets[index];
  const set = (patch: Partial<Dataset>) => change((c) => ({ ...c, datasets: patchAt(c.datasets, index, patch) }));
  const at = (field: string) => errorAt(`datasets.${index}.${field}`);
  const limit = String(d.maxSubjects ?? '');
  return (
    <div className="row-group" role="group" aria-label={t('catalogueEditor.datasetN', { n: index + 1 })}>
      <div className="grid">
        <Field label={t('catalogueEditor.datasetId')} value={d.id ?? ''} onChange={(id) => set({ id })} error={at('id')} />
        <SelectField
          label={t('catalogueEditor.kind')}
          value={d.kind ?? ''}
          onChange={(kind) => set({ kind: kind as Dataset['kind'] })}
          error={at('kind')}
          options={[{ value: '', label: '—' }, ...DATASET_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
        />
        <SelectField
          label={t('catalogueEditor.access')}
          value={d.access ?? ''}
          onChange={(access) => set({ access: access as Dataset['access'] })}
          error={at('access')}
          options={[{ value: '', label: '—' }, ...ACCESS_MODES.map((a) => ({ value: a, label: t(`access.${a}`) }))]}
        />
        <Field
          label={t('catalogueEditor.maxSubjects')}
          value={limit}
          onChange={(v) => set({ maxSubjects: readLimit(v) as number })}
          error={at('maxSubjects')}
          inputMode="numeric"
          hint={t('catalogueEditor.maxSubjectsHint')}
        />
      </div>
      <Field
        label={t('catalogueEditor.description')}
        value={d.description ?? ''}
        onChange={(v) => set({ description: v || undefined })}
        error={at('description')}
        multiline={2}
      />
      <CheckboxGroup
        legend={t('catalogueEditor.datasetTables')}
        options={catalogue.tables.map((tb) => ({ value: tb.id ?? '', label: tb.id ?? '' }))}
        selected={d.tables ?? []}
        onChange={(tables) => set({ tables })}
        error={at('tables')}
      />
      <label className="check">
        <input type="checkbox" checked={d.personalData ?? false} onChange={(e) => set({ personalData: e.target.checked })} />
        {t('catalogueEditor.personalData')}
      </label>
      <button type="button" className="link" onClick={() => change((c) => ({ ...c, datasets: without(c.datasets, index) }))}>
        {t('catalogueEditor.removeDataset', { n: index + 1 })}
      </button>
    </div>
  );
}

/** Each dataset: its name, kind, access mode, subject limit, tables and whether it holds personal data. */
export function DatasetEditor(props: EditorProps) {
  const { t } = useTranslation();
  const add = () =>
    props.change((c) => ({
      ...c,
      datasets: [...c.datasets, { id: '', kind: 'pseudonymised', access: 'transfer', tables: [], personalData: true }],
    }));
  return (
    <fieldset>
      <legend>{t('catalogueEditor.datasets')}</legend>
      {props.errorAt('datasets') && <p className="error">{props.errorAt('datasets')}</p>}
      {props.catalogue.datasets.map((_, index) => (
        <DatasetGroup key={index} {...props} index={index} />
      ))}
      <button type="button" onClick={add}>
        {t('catalogueEditor.addDataset')}
      </button>
    </fieldset>
  );
}
