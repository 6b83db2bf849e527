import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_MODES, DATASET_KINDS, PARTY_ROLES, type Change } from '@registry/domain';
import type { DeliberationView } from '../api/types.js';
import { DateField } from '../components/DateField.js';
import { Field, SelectField } from '../components/Field.js';
import { emptyChange, OPS, readChange, type ChangeForm, type Op } from './change-form.js';

interface Props {
  base: DeliberationView;
  onAdd(change: Change): void;
}

/** Builds one change at a time, validated by the server's own change schema before it is added. */
export function ChangeBuilder({ base, onAdd }: Props) {
  const { t } = useTranslation();
  const [c, setC] = useState<ChangeForm>(emptyChange());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<ChangeForm>) => setC((prev) => ({ ...prev, ...patch }));
  const text = (
    name: 'id' | 'description' | 'maxSubjects' | 'name' | 'lines' | 'years',
    options: { multiline?: number; hint?: string } = {},
  ) => <Field label={t(`amend.fields.${name}`)} value={c[name]} onChange={(v) => set({ [name]: v })} error={errors[name]} {...options} />;
  const choose = (name: 'id', items: { id: string }[]) => (
    <SelectField
      label={t(`amend.fields.${c.op === 'removeParty' ? 'partyId' : 'datasetId'}`)}
      value={c[name]}
      onChange={(v) => set({ [name]: v })}
      error={errors[name]}
      options={[{ value: '', label: '—' }, ...items.map((i) => ({ value: i.id, label: i.id }))]}
    />
  );
  const add = () => {
    const read = readChange(c);
    setErrors(read.errors);
    if (read.change) {
      onAdd(read.change);
      setC(emptyChange(c.op));
    }
  };
  const datasetFields = c.op === 'addDataset' || c.op === 'updateDataset';

  return (
    <fieldset className="builder">
      <legend>{t('amend.addChange')}</legend>
      <SelectField
        label={t('amend.op')}
        value={c.op}
        onChange={(v) => {
          setC(emptyChange(v as Op));
          setErrors({});
        }}
        options={OPS.map((op) => ({ value: op, label: t(`ops.${op}`) }))}
      />
      {c.op === 'addDataset' && text('id')}
      {(c.op === 'removeDataset' || c.op === 'updateDataset') && choose('id', base.datasets)}
      {c.op === 'removeParty' && choose('id', base.parties)}
      {datasetFields && (
        <>
          {text('description', { multiline: 2 })}
          <div className="grid">
            {c.op === 'addDataset' && (
              <SelectField
                label={t('amend.fields.kind')}
                value={c.kind}
                onChange={(v) => set({ kind: v })}
                options={DATASET_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              />
            )}
            <SelectField
              label={t('amend.fields.access')}
              value={c.access}
              onChange={(v) => set({ access: v })}
              options={[
                ...(c.op === 'updateDataset' ? [{ value: '', label: '—' }] : []),
                ...ACCESS_MODES.map((a) => ({ value: a, label: t(`access.${a}`) })),
              ]}
            />
            {text('maxSubjects')}
          </div>
        </>
      )}
      {c.op === 'addDataset' && (
        <>
          <fieldset className="roles">
            <legend>{t('amend.fields.tables')}</legend>
            {base.tables.map((table) => (
              <label key={table.id} className="check">
                <input
                  type="checkbox"
                  checked={c.tables.includes(table.id)}
                  onChange={(e) => set({ tables: e.target.checked ? [...c.tables, table.id] : c.tables.filter((x) => x !== table.id) })}
                />
                {table.id}
              </label>
            ))}
            {errors.tables && <small className="error">{errors.tables}</small>}
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={c.personalData} onChange={(e) => set({ personalData: e.target.checked })} />
            {t('amend.fields.personalData')}
          </label>
        </>
      )}
      {c.op === 'addVariables' && text('lines', { multiline: 4, hint: t('amend.variablesHint') })}
      {c.op === 'removeVariables' && text('lines', { multiline: 3, hint: t('amend.codesHint') })}
      {c.op === 'addParty' && (
        <>
          <div className="grid">
            {text('name')}
            {text('id')}
          </div>
          <fieldset className="roles">
            <legend>{t('record.fields.roles')}</legend>
            {PARTY_ROLES.map((role) => (
              <label key={role} className="check">
                <input
                  type="checkbox"
                  checked={c.roles.includes(role)}
                  onChange={(e) => set({ roles: e.target.checked ? [...c.roles, role] : c.roles.filter((r) => r !== role) })}
                />
                {t(`partyRoles.${role}`)}
              </label>
            ))}
            {errors.roles && <small className="error">{errors.roles}</small>}
          </fieldset>
        </>
      )}
      {c.op === 'setReferenceYears' && text('years', { hint: t('record.yearsHint') })}
      {c.op === 'setRetention' && (
        <DateField
          label={t('amend.fields.destroyBy')}
          value={c.destroyBy}
          onChange={(v) => set({ destroyBy: v })}
          error={errors.destroyBy}
        />
      )}
      {errors.op && <p className="error">{errors.op}</p>}
      <button type="button" onClick={add}>
        {t('amend.addThisChange')}
      </button>
    </fieldset>
  );
}
