/** Paging of every list: an opaque cursor (the sort key of the last item answered) and a limit. */

/** An opaque resume point: the sort key of the last item answered. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What each part of a cursor holds, checked before it reaches a query (a bad value is a 400, not a database error). */
export type CursorPart = 'day' | 'instant' | 'uuid' | 'text' | 'revision';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An instant as PostgreSQL writes `timestamptz::text`. */
const INSTANT = /^(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

const PART_CHECKS: Record<CursorPart, (value: string) => boolean> = {
  day: isDay,
  instant: (value) => {
    const m = INSTANT.exec(value);
    return m !== null && isDay(m[1]) && !Number.isNaN(Date.parse(value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')));
  },
  uuid: (value) => UUID.test(value),
  text: (value) => value.length <= 200,
  revision: (value) => /^\d{1,9}$/.test(value),
};

/** The key a cursor holds, each part checked against `parts`; CursorError for anything this service did not give. */
export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts.length && key.every((k, i) => typeof k === 'string' && PART_CHECKS[parts[i]](k)))
      return key as string[];
  } catch {
    /* falls through to the refusal */
  }
  throw new CursorError();
}

export class CursorError extends Error {
  constructor() {
    super('cursor is not one this service gave');
  }
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** Takes `limit` of the items (fetched one beyond it): `next` points after the last one answered. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string[]): Page<T> {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

export const DEFAULT_LIMIT = 100;

export interface PageRequest {
  limit?: number;
  cursor?: string;
}
