import type { z } from 'zod';
import { asOfQuery } from './queries.js';
import { parse } from './validation.js';
import { problemError, ValidationProblem } from './problem.js';

/** `24-130` (or `24/130`, URL-encoded) names deliberation 24/130 in a path. */
export function deliberationIdParam(raw: string): string {
  const id = raw.replace('/', '-');
  if (!/^\d{2}-\d{1,5}$/.test(id))
    throw new ValidationProblem(
      [{ path: '/path/id', message: 'a deliberation id like "24-130" (the number with a dash)' }],
      `"${raw.slice(0, 40)}" is not a deliberation id: write the number 24/130 as 24-130 in a path.`,
    );
  return id;
}

export function uuidParam(raw: string, name = 'id'): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw))
    throw new ValidationProblem(
      [{ path: `/path/${name}`, message: 'must be a UUID' }],
      `"${raw.slice(0, 60)}" is not a ${name === 'id' ? 'delivery id' : name}: use the UUID given when it was recorded.`,
    );
  return raw.toLowerCase();
}

/** Query strings are validated like bodies; a repeated parameter (an array) is refused. */
export const parseQuery = <S extends z.ZodType>(schema: S, query: unknown): z.infer<S> => parse(schema, query ?? {}, '/query');

export const parseAsOf = (query: unknown) => parseQuery(asOfQuery, query);

/** `If-Match: "3"` (or W/"3", or 3): the version the writer read. Absent means "whatever is current". */
export function ifMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw problemError(412, 'Precondition failed', { code: 'VERSION_MISMATCH', detail: 'If-Match must carry a version such as "3".' });
  return Number(match[1]);
}

export const etag = (version: number): string => `"${version}"`;
