/** Dates as the committee writes them (31/12/2030), sent as ISO dates (2030-12-31). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WRITTEN_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const WRITTEN_INSTANT = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function showDate(iso: string | null | undefined): string {
  const m = ISO_DATE.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
}

/** `31/12/2030` → `2030-12-31`; undefined when it is not a real calendar date. */
export function readDate(written: string): string | undefined {
  const m = WRITTEN_DATE.exec(written);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** An instant in the browser's time zone, to the second: `05/11/2024 14:03:07`. */
export function showInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const ms = t.getMilliseconds() ? `.${pad(t.getMilliseconds(), 3)}` : '';
  return `${pad(t.getDate())}/${pad(t.getMonth() + 1)}/${t.getFullYear()} ${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}${ms}`;
}

/** `05/11/2024` (end of that day, as the server reads a bare date) or `05/11/2024 14:03[:07[.123]]`. */
export function readInstant(written: string): string | undefined {
  const m = WRITTEN_INSTANT.exec(written);
  if (!m) return undefined;
  const date = readDate(`${m[1]}/${m[2]}/${m[3]}`);
  if (!date || m[4] === undefined) return date;
  const t = new Date(
    Number(m[3]),
    Number(m[2]) - 1,
    Number(m[1]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
    Number((m[7] ?? '0').padEnd(3, '0')),
  );
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}

/** Today in the browser's calendar, as an ISO date. */
export function today(): string {
  const t = new Date();
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

export const isoDateParam = (value: string | null): string | undefined => (value && ISO_DATE.test(value) ? value : undefined);
