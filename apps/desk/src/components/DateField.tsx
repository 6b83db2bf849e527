import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readDate, readInstant, showDate, showInstant } from '../format.js';
import { Field } from './Field.js';

interface Props {
  label: string;
  /** ISO date (or instant, with `instant`), or '' when empty. */
  value: string;
  onChange(iso: string): void;
  /** Set when what is typed is not a date yet; the typed text is kept. */
  onInvalid?(invalid: boolean): void;
  error?: string;
  source?: string;
  required?: boolean;
  instant?: boolean;
  name?: string;
}

/** A date typed as people write it (31/12/2030) and handed on as ISO (2030-12-31). */
export function DateField({ label, value, onChange, onInvalid, error, source, required, instant, name }: Props) {
  const { t } = useTranslation();
  const show = instant ? showInstant : showDate;
  const [text, setText] = useState(show(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    const read = instant ? readInstant(text) : readDate(text);
    if ((read ?? '') !== value) setText(show(value));
    // Only a new value from outside resets the text; the person's typing must not be overwritten.
  }, [value]);
  const change = (typed: string) => {
    setText(typed);
    const read = instant ? readInstant(typed) : readDate(typed);
    const invalid = typed.trim() !== '' && read === undefined;
    setBad(invalid);
    onInvalid?.(invalid);
    onChange(read ?? '');
  };
  return (
    <Field
      label={label}
      value={text}
      onChange={change}
      name={name}
      required={required}
      source={source}
      placeholder={instant ? t('date.instantPlaceholder') : t('date.placeholder')}
      // An empty date refused by the schema is told in the person's words, not the schema's ISO format.
      error={bad ? t(instant ? 'date.invalidInstant' : 'date.invalid') : error && !value ? t('date.missing') : error}
    />
  );
}
