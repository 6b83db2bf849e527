import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isoDateParam, showDate, showInstant } from '../format.js';
import { DateField } from './DateField.js';

/** `on` (valid date) and `knownAt` (instant) from the URL, so a view can be shared by its link. */
export function useAsOf(): { on?: string; knownAt?: string } {
  const [params] = useSearchParams();
  return { on: isoDateParam(params.get('on')), knownAt: params.get('knownAt') ?? undefined };
}

/** The two pickers: the decision as of a date, as known at an instant. */
export function AsOfPickers({ withKnownAt = true }: { withKnownAt?: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = useAsOf();
  const [on, setOn] = useState(current.on ?? '');
  const [knownAt, setKnownAt] = useState(current.knownAt ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    for (const [name, value] of [
      ['on', on],
      ['knownAt', knownAt],
    ] as const) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next);
  };
  return (
    <form className="asof" onSubmit={submit} aria-label={t('asOf.label')}>
      <DateField label={t('asOf.on')} value={on} onChange={setOn} name="on" />
      {withKnownAt && <DateField label={t('asOf.knownAt')} value={knownAt} onChange={setKnownAt} instant name="knownAt" />}
      <button type="submit">{t('asOf.show')}</button>
      <p className="asof-now">
        {current.on ? t('asOf.showingOn', { date: showDate(current.on) }) : t('asOf.showingToday')}
        {current.knownAt ? ` · ${t('asOf.showingKnownAt', { instant: showInstant(current.knownAt) })}` : ''}
      </p>
    </form>
  );
}
