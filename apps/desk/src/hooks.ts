import { useEffect, useState } from 'react';

/**
 * State kept in sessionStorage too, so what a person typed survives a lost connection, a
 * return to the sign-in or a reload, and is gone when the tab closes.
 */
export function useKeptState<T>(name: string, initial: () => T): [T, (update: T | ((previous: T) => T)) => void, () => void] {
  const key = `registry.form.${name}`;
  const [value, setValue] = useState<T>(() => {
    const kept = sessionStorage.getItem(key);
    if (kept) {
      try {
        return JSON.parse(kept) as T;
      } catch {
        /* fall through to the initial value */
      }
    }
    return initial();
  });
  useEffect(() => sessionStorage.setItem(key, JSON.stringify(value)), [key, value]);
  const reset = () => {
    sessionStorage.removeItem(key);
    setValue(initial());
  };
  return [value, setValue, reset];
}
