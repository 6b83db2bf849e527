import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OffsetRule } from '@registry/domain';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';

interface Props {
  offset: string;
  rule: OffsetRule | undefined;
  variables: string[];
  categories: string[];
  onChange(rule: OffsetRule | undefined): void;
  error?: string;
}

/**
 * Which variables a table holds at one year offset: none, all (with exceptions), or the chosen
 * categories and variables.
 */
export function OffsetRuleFields({ offset, rule, variables, categories, onChange, error }: Props) {
  const { t } = useTranslation();
  const group = useId();
  const mode = !rule ? 'none' : rule.all ? 'all' : 'chosen';
  const choose = (next: string) =>
    onChange(
      next === 'none'
        ? undefined
        : next === 'all'
          ? { all: true }
          : { categories: rule?.categories ?? [], variables: rule?.variables ?? [] },
    );
  const options = (items: string[]) => items.map((value) => ({ value, label: value }));
  return (
    <fieldset className="offset">
      <legend>{t('catalogueEditor.offset', { offset })}</legend>
      <div className="radios" role="radiogroup" aria-label={t('catalogueEditor.offsetMode', { offset })}>
        {(['none', 'all', 'chosen'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name={group} checked={mode === m} onChange={() => choose(m)} />
            {t(`catalogueEditor.modes.${m}`)}
          </label>
        ))}
      </div>
      {mode === 'all' && (
        <details>
          <summary>{t('catalogueEditor.except', { count: rule?.except?.length ?? 0 })}</summary>
          <CheckboxGroup
            legend={t('catalogueEditor.exceptLegend')}
            options={options(variables)}
            selected={rule?.except ?? []}
            onChange={(except) => onChange({ all: true, ...(except.length ? { except } : {}) })}
          />
        </details>
      )}
      {mode === 'chosen' && (
        <>
          <CheckboxGroup
            legend={t('catalogueEditor.categories')}
            options={options(categories)}
            selected={rule?.categories ?? []}
            onChange={(c) => onChange({ ...rule, categories: c })}
          />
          <details>
            <summary>{t('catalogueEditor.chosenVariables', { count: rule?.variables?.length ?? 0 })}</summary>
            <CheckboxGroup
              legend={t('catalogueEditor.variablesLegend')}
              options={options(variables)}
              selected={rule?.variables ?? []}
              onChange={(v) => onChange({ ...rule, variables: v })}
            />
          </details>
        </>
      )}
      {error && <small className="error">{error}</small>}
    </fieldset>
  );
}
