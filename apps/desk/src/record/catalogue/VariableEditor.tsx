import { useTranslation } from 'react-i18next';
import type { Variable } from '@registry/domain';
import { Field } from '../../components/Field.js';
import { patchAt, without } from './catalogue-model.js';
import type { EditorProps } from './DatasetEditor.js';

/** The variable catalogue: code, category and label of each variable. */
export function VariableEditor({ catalogue, change, errorAt }: EditorProps) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<Variable>) => change((c) => ({ ...c, variables: patchAt(c.variables, index, patch) }));
  const add = () => change((c) => ({ ...c, variables: [...c.variables, { code: '', category: '', label: '' }] }));
  return (
    <fieldset>
      <legend>{t('catalogueEditor.variables', { count: catalogue.variables.length })}</legend>
      {errorAt('variables') && <p className="error">{errorAt('variables')}</p>}
      <details>
        <summary>{t('catalogueEditor.showVariables')}</summary>
        {catalogue.variables.map((v, index) => (
          <div className="grid row-group" key={index} role="group" aria-label={t('catalogueEditor.variableN', { n: index + 1 })}>
            <Field
              label={t('catalogueEditor.code')}
              value={v.code ?? ''}
              onChange={(code) => set(index, { code })}
              error={errorAt(`variables.${index}.code`)}
            />
            <Field
              label={t('catalogueEditor.category')}
              value={v.category ?? ''}
              onChange={(category) => set(index, { category })}
              error={errorAt(`variables.${index}.category`)}
            />
            <Field
              label={t('catalogueEditor.label')}
              value={v.label ?? ''}
              onChange={(label) => set(index, { label })}
              error={errorAt(`variables.${index}.label`)}
            />
            <button type="button" className="link" onClick={() => change((c) => ({ ...c, variables: without(c.variables, index) }))}>
              {t('catalogueEditor.removeVariable', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={add}>
          {t('catalogueEditor.addVariable')}
        </button>
      </details>
    </fieldset>
  );
}
