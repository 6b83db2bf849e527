import { useTranslation } from 'react-i18next';
import { PARTY_ROLES } from '@registry/domain';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import type { DocumentForm, FieldErrors, PartyRow, PredecessorRow, Sources } from './document-form.js';

interface Props {
  form: DocumentForm;
  setForm(update: (form: DocumentForm) => DocumentForm): void;
  errors: FieldErrors;
  sources: Sources;
}

/** Every part of a deliberation document, each error next to its field. */
export function DocumentFields({ form, setForm, errors, sources }: Props) {
  const { t } = useTranslation();
  const text = (name: keyof DocumentForm, options: { multiline?: boolean | number; required?: boolean; hint?: string } = {}) => (
    <Field
      label={t(`record.fields.${name}`)}
      name={name}
      value={form[name] as string}
      onChange={(v) => setForm((f) => ({ ...f, [name]: v }))}
      error={errors[name]}
      source={sources[name]}
      {...options}
    />
  );
  const date = (name: 'decidedOn' | 'effectiveFrom' | 'destroyBy', required = false) => (
    <DateField
      label={t(`record.fields.${name}`)}
      name={name}
      value={form[name]}
      onChange={(v) => setForm((f) => ({ ...f, [name]: v }))}
      error={errors[name]}
      source={sources[name]}
      required={required}
    />
  );
  const party = (i: number, patch: Partial<PartyRow>) =>
    setForm((f) => ({ ...f, parties: f.parties.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const predecessor = (i: number, patch: Partial<PredecessorRow>) =>
    setForm((f) => ({ ...f, predecessors: f.predecessors.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));

  return (
    <>
      <fieldset>
        <legend>{t('record.identity')}</legend>
        <div className="grid">
          {text('number', { required: true, hint: t('record.numberHint') })}
          {text('reference')}
          {date('decidedOn', true)}
          {date('effectiveFrom', true)}
          {text('committee')}
          {text('chamber')}
        </div>
        {text('title', { multiline: 2 })}
        {text('purpose', { multiline: 2 })}
        {text('legalBasis', { multiline: 2, hint: t('record.oneALine') })}
        <div className="grid">
          {text('sourceParty')}
          {text('sourceSystem')}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('record.parties')}</legend>
        {errors.parties && <p className="error">{errors.parties}</p>}
        {form.parties.map((p, i) => (
          <div className="row-group" key={i} role="group" aria-label={t('record.partyN', { n: i + 1 })}>
            <div className="grid">
              <Field
                label={t('record.fields.partyName')}
                value={p.name}
                onChange={(v) => party(i, { name: v })}
                error={errors[`parties.${i}.name`]}
                source={sources[`parties.${i}.name`]}
              />
              <Field
                label={t('record.fields.partyId')}
                value={p.id}
                onChange={(v) => party(i, { id: v })}
                error={errors[`parties.${i}.id`]}
              />
            </div>
            <fieldset className="roles">
              <legend>{t('record.fields.roles')}</legend>
              {PARTY_ROLES.map((role) => (
                <label key={role} className="check">
                  <input
                    type="checkbox"
                    checked={p.roles.includes(role)}
                    onChange={(e) => party(i, { roles: e.target.checked ? [...p.roles, role] : p.roles.filter((r) => r !== role) })}
                  />
                  {t(`partyRoles.${role}`)}
                </label>
              ))}
              {errors[`parties.${i}.roles`] && <small className="error">{errors[`parties.${i}.roles`]}</small>}
            </fieldset>
            <button type="button" className="link" onClick={() => setForm((f) => ({ ...f, parties: f.parties.filter((_, j) => j !== i) }))}>
              {t('record.removeParty', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setForm((f) => ({ ...f, parties: [...f.parties, { id: '', name: '', roles: [] }] }))}>
          {t('record.addParty')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('record.scope')}</legend>
        {text('population', { multiline: 2 })}
        {text('referenceYears', { required: true, hint: t('record.yearsHint') })}
        <div className="grid">
          {date('destroyBy')}
          {text('retentionClause')}
        </div>
        {text('retentionRule', { multiline: 2 })}
      </fieldset>

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
        <button
          type="button"
          onClick={() => setForm((f) => ({ ...f, predecessors: [...f.predecessors, { number: '', decidedOn: '', note: '' }] }))}
        >
          {t('record.addPredecessor')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('record.catalogue')}</legend>
        {text('catalogue', { multiline: 12, hint: t('record.catalogueHint') })}
      </fieldset>
    </>
  );
}
