/** Paging of every list: an opaque cursor (the sort key of the last item answered) and a limit. */

/** An opaque resume point: the sort key of the last item answered. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string')) return key;
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
