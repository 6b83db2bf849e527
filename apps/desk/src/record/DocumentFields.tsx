import { useTranslation } from 'react-i18next';
import { DateField } from '../components/DateField.js';
import { Field } from '../components/Field.js';
import { CatalogueEditor } from './catalogue/CatalogueEditor.js';
import type { DocumentForm } from './document-form.js';
import { PartyFields, PredecessorFields, type PartProps } from './PartyFields.js';

type TextOptions = { multiline?: boolean | number; required?: boolean; hint?: string };

/** Builders for the form's plain text and date fields, each with its error and the sentence it was read from. */
function useSimpleFields({ form, setForm, errors, sources }: PartProps) {
  const { t } = useTranslation();
  const text = (name: keyof DocumentForm, options: TextOptions = {}) => (
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
  return { text, date };
}

function IdentityFields(props: PartProps) {
  const { t } = useTranslation();
  const { text, date } = useSimpleFields(props);
  return (
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
  );
}

function ScopeFields(props: PartProps) {
  const { t } = useTranslation();
  const { text, date } = useSimpleFields(props);
  return (
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
  );
}

function CatalogueFields(props: PartProps) {
  const { t } = useTranslation();
  const { text } = useSimpleFields(props);
  return (
    <fieldset>
      <legend>{t('record.catalogue')}</legend>
      <CatalogueEditor
        text={props.form.catalogue}
        onText={(catalogue) => props.setForm((f) => ({ ...f, catalogue }))}
        errors={props.errors}
      />
      <h3>{t('record.catalogueAsText')}</h3>
      {text('catalogue', { multiline: 12, hint: t('record.catalogueHint') })}
    </fieldset>
  );
}

/** Every part of a deliberation document, each error next to its field. */
export function DocumentFields(props: PartProps) {
  return (
    <>
      <IdentityFields {...props} />
      <PartyFields {...props} />
      <ScopeFields {...props} />
      <PredecessorFields {...props} />
      <CatalogueFields {...props} />
    </>
  );
}
