import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters kept in the address (so a filtered view can be shared and survives a reload): the
 * applied values come from the URL, the form holds what is being typed until "Apply".
 * The page size (`limit`) stays as it was.
 */
export function useUrlFilters<Name extends string>(names: readonly Name[], defaults: Partial<Record<Name, string>> = {}) {
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(names.map((n) => [n, params.get(n) ?? defaults[n] ?? ''])) as Record<Name, string>;
  const [form, setForm] = useState(applied);
  const set = (name: Name) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of names) if (form[name].trim()) next.set(name, form[name].trim());
    const limit = params.get('limit');
    if (limit) next.set('limit', limit);
    setParams(next);
  };
  return { applied, form, set, apply, params };
}
