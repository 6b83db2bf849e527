import { useTranslation } from 'react-i18next';
import { PARTY_ROLES } from '@registry/domain';
import { CheckboxGroup } from '../components/CheckboxGroup.js';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import type { DocumentForm, FieldErrors, PartyRow, PredecessorRow, Sources } from './document-form.js';

export interface PartProps {
  form: DocumentForm;
  setForm(update: (form: DocumentForm) => DocumentForm): void;
  errors: FieldErrors;
  sources: Sources;
}

function PartyGroup({ p, i, setForm, errors, sources }: Omit<PartProps, 'form'> & { p: PartyRow; i: number }) {
  const { t } = useTranslation();
  const party = (patch: Partial<PartyRow>) =>
    setForm((f) => ({ ...f, parties: f.parties.map((q, j) => (j === i ? { ...q, ...patch } : q)) }));
  return (
    <div className="row-group" role="group" aria-label={t('record.partyN', { n: i + 1 })}>
      <div className="grid">
        <Field
          label={t('record.fields.partyName')}
          value={p.name}
          onChange={(v) => party({ name: v })}
          error={errors[`parties.${i}.name`]}
          source={sources[`parties.${i}.name`]}
        />
        <Field label={t('record.fields.partyId')} value={p.id} onChange={(v) => party({ id: v })} error={errors[`parties.${i}.id`]} />
      </div>
      <CheckboxGroup
        legend={t('record.fields.roles')}
        options={PARTY_ROLES.map((role) => ({ value: role, label: t(`partyRoles.${role}`) }))}
        selected={p.roles}
        onChange={(roles) => party({ roles })}
        error={errors[`parties.${i}.roles`]}
      />
      <button type="button" className="link" onClick={() => setForm((f) => ({ ...f, parties: f.parties.filter((_, j) => j !== i) }))}>
        {t('record.removeParty', { n: i + 1 })}
      </button>
    </div>
  );
}

/** Each party: its name, its id and its roles, with a way to add and remove one. */
export function PartyFields({ form, setForm, errors, sources }: PartProps) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('record.parties')}</legend>
      {errors.parties && <p className="error">{errors.parties}</p>}
      {form.parties.map((p, i) => (
        <PartyGroup key={i} {...{ p, i, setForm, errors, sources }} />
      ))}
      <button type="button" onClick={() => setForm((f) => ({ ...f, parties: [...f.parties, { id: '', name: '', roles: [] }] }))}>
        {t('record.addParty')}
      </button>
    </fieldset>
  );
}

/** The deliberations this one follows up, each with its date and a note. */
export function PredecessorFields({ form, setForm, errors, sources }: PartProps) {
  const { t } = useTranslation();
  const predecessor = (i: number, patch: Partial<PredecessorRow>) =>
    setForm((f) => ({ ...f, predecessors: f.predecessors.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const add = () => setForm((f) => ({ ...f, predecessors: [...f.predecessors, { number: '', decidedOn: '', note: '' }] }));
  return (
    <fieldset>
      <legend>{t('record.predecessors')}</legend>
      {form.predecessors.map((p, i) => (
        <div className="grid row-group" key={i} role="group" aria-label={t('record.predecessorN', { n: i + 1 })}>
          <Field
            label={t('record.fields.predecessorNumber')}
            value={p.number}
            onChange={(v) => predecessor(i, { number: v })}
            error={errors[`predecessors.${i}.number`]}
            source={sources[`predecessors.${i}.number`]}
          />
          <DateField
            label={t('record.fields.predecessorDecidedOn')}
            value={p.decidedOn}
            onChange={(v) => predecessor(i, { decidedOn: v })}
            error={errors[`predecessors.${i}.decidedOn`]}
          />
          <Field label={t('record.fields.predecessorNote')} value={p.note} onChange={(v) => predecessor(i, { note: v })} />
        </div>
      ))}
      <button type="button" onClick={add}>
        {t('record.addPredecessor')}
      </button>
    </fieldset>
  );
}
