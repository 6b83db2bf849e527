import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  /** The sentence of the published text this value was read from. */
  source?: string;
  hint?: string;
  multiline?: boolean | number;
  type?: string;
  placeholder?: string;
  required?: boolean;
  name?: string;
  children?: ReactNode;
  inputMode?: 'numeric' | 'text' | 'decimal';
}

/** A labelled control with its error next to it and, when pre-filled from a text, its source. */
export function Field({
  label,
  value,
  onChange,
  error,
  source,
  hint,
  multiline,
  type = 'text',
  placeholder,
  required,
  name,
  inputMode,
}: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const described = [error && `${id}-error`, source && `${id}-source`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  const common = { id, name, value, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, required, placeholder };
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <span className="label-line">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span aria-hidden="true" className="required">
            *
          </span>
        )}
      </span>
      {multiline ? (
        <textarea {...common} rows={typeof multiline === 'number' ? multiline : 3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="error">
          {error}
        </small>
      )}
      {source && (
        <small id={`${id}-source`} className="source">
          <span>{t('draft.from')}</span> “{source}”
        </small>
      )}
    </div>
  );
}

interface SelectProps {
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  error?: string;
  name?: string;
}

export function SelectField({ label, value, onChange, options, error, name }: SelectProps) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <small id={`${id}-error`} className="error">
          {error}
        </small>
      )}
    </div>
  );
}
