import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_MODES, DATASET_KINDS, PARTY_ROLES, type Change } from '@registry/domain';
import type { DeliberationView } from '../api/types.js';
import { CheckboxGroup } from '../components/CheckboxGroup.js';
import { DateField } from '../components/DateField.js';
import { Field, SelectField } from '../components/Field.js';
import { emptyChange, OPS, readChange, type ChangeForm, type Op } from './change-form.js';

type TextName = 'id' | 'description' | 'maxSubjects' | 'name' | 'lines' | 'years';

interface PartProps {
  c: ChangeForm;
  set(patch: Partial<ChangeForm>): void;
  errors: Record<string, string>;
  base: DeliberationView;
}

/** A text field of the change, labelled from the catalogue, with its error. */
function useChangeText({ c, set, errors }: Pick<PartProps, 'c' | 'set' | 'errors'>) {
  const { t } = useTranslation();
  return (name: TextName, options: { multiline?: number; hint?: string } = {}) => (
    <Field label={t(`amend.fields.${name}`)} value={c[name]} onChange={(v) => set({ [name]: v })} error={errors[name]} {...options} />
  );
}

/** A new dataset, or what changes in one: description, kind, access, subject limit, tables, personal data. */
function DatasetFields({ c, set, errors, base }: PartProps) {
  const { t } = useTranslation();
  const text = useChangeText({ c, set, errors });
  const access = [
    ...(c.op === 'updateDataset' ? [{ value: '', label: '—' }] : []),
    ...ACCESS_MODES.map((a) => ({ value: a, label: t(`access.${a}`) })),
  ];
  const kinds = DATASET_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  return (
    <>
      {text('description', { multiline: 2 })}
      <div className="grid">
        {c.op === 'addDataset' && (
          <SelectField label={t('amend.fields.kind')} value={c.kind} onChange={(v) => set({ kind: v })} options={kinds} />
        )}
        <SelectField label={t('amend.fields.access')} value={c.access} onChange={(v) => set({ access: v })} options={access} />
        {text('maxSubjects')}
      </div>
      {c.op === 'addDataset' && (
        <>
          <CheckboxGroup
            legend={t('amend.fields.tables')}
            options={base.tables.map((table) => ({ value: table.id, label: table.id }))}
            selected={c.tables}
            onChange={(tables) => set({ tables })}
            error={errors.tables}
          />
          <label className="check">
            <input type="checkbox" checked={c.personalData} onChange={(e) => set({ personalData: e.target.checked })} />
            {t('amend.fields.personalData')}
          </label>
        </>
      )}
    </>
  );
}

/** The fields the chosen kind of change needs. */
function ChangeFields(props: PartProps) {
  const { t } = useTranslation();
  const { c, set, errors, base } = props;
  const text = useChangeText(props);
  const choose = (items: { id: string }[]) => (
    <SelectField
      label={t(`amend.fields.${c.op === 'removeParty' ? 'partyId' : 'datasetId'}`)}
      value={c.id}
      onChange={(v) => set({ id: v })}
      error={errors.id}
      options={[{ value: '', label: '—' }, ...items.map((i) => ({ value: i.id, label: i.id }))]}
    />
  );
  const roles = PARTY_ROLES.map((role) => ({ value: role, label: t(`partyRoles.${role}`) }));
  return (
    <>
      {c.op === 'addDataset' && text('id')}
      {(c.op === 'removeDataset' || c.op === 'updateDataset') && choose(base.datasets)}
      {c.op === 'removeParty' && choose(base.parties)}
      {(c.op === 'addDataset' || c.op === 'updateDataset') && <DatasetFields {...props} />}
      {c.op === 'addVariables' && text('lines', { multiline: 4, hint: t('amend.variablesHint') })}
      {c.op === 'removeVariables' && text('lines', { multiline: 3, hint: t('amend.codesHint') })}
      {c.op === 'addParty' && (
        <>
          <div className="grid">
            {text('name')}
            {text('id')}
          </div>
          <CheckboxGroup
            legend={t('record.fields.roles')}
            options={roles}
            selected={c.roles}
            onChange={(r) => set({ roles: r })}
            error={errors.roles}
          />
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
    </>
  );
}

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
  const add = () => {
    const read = readChange(c);
    setErrors(read.errors);
    if (read.change) {
      onAdd(read.change);
      setC(emptyChange(c.op));
    }
  };
  const choose = (op: string) => {
    setC(emptyChange(op as Op));
    setErrors({});
  };
  return (
    <fieldset className="builder">
      <legend>{t('amend.addChange')}</legend>
      <SelectField label={t('amend.op')} value={c.op} onChange={choose} options={OPS.map((op) => ({ value: op, label: t(`ops.${op}`) }))} />
      <ChangeFields c={c} set={set} errors={errors} base={base} />
      {errors.op && <p className="error">{errors.op}</p>}
      <button type="button" onClick={add}>
        {t('amend.addThisChange')}
      </button>
    </fieldset>
  );
}
