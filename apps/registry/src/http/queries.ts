import { z } from 'zod';
import { DEFAULT_LIMIT } from '../core/paging.js';
import { calendarDate, deliberationNumber, identifier, instant } from '@registry/domain';

/**
 * The query strings of every read, shared by the controllers (which validate with them) and the
 * OpenAPI document (which is generated from them), so the two cannot drift.
 */

export const MAX_LIMIT = 1000;

/** A whole number in the query string; an empty value is refused, not read as 0. */
const wholeNumber = (min: number, max: number, example: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? Number.NaN : v),
    z.coerce
      .number()
      .int()
      .min(min)
      .max(max)
      .meta({ examples: [example] }),
  );

const page = {
  limit: wholeNumber(1, MAX_LIMIT, DEFAULT_LIMIT)
    .optional()
    .meta({ description: `How many items to answer at most (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).` }),
  cursor: z
    .string()
    .max(500)
    .optional()
    .meta({ description: 'Where to resume: the `next` of the previous page, as given. Opaque; do not build one.' }),
};

const on = calendarDate.optional().meta({ description: 'The date the answer is about (default today, Europe/Brussels).', format: 'date' });
const knownAt = instant.optional().meta({
  description:
    'Answer with what the registry knew at this instant (ISO 8601 with a zone; a bare date means the end of that day, Brussels time). Default: now.',
  examples: ['2024-11-21T10:00:00Z'],
});
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
/** `24/130` or `24-130`: a deliberation number in a query string. */
const deliberationRef = z
  .string()
  .max(20)
  .transform((v) => v.replace('-', '/'))
  .pipe(deliberationNumber)
  .meta({ description: 'A deliberation number, as `24/130` or `24-130`.', examples: ['24/130'] });

export const asOfQuery = z.strictObject({ on, knownAt });

export const deliberationListQuery = z.strictObject({
  ...page,
  recipient: identifier
    .optional()
    .meta({ description: 'Only deliberations naming this party as a recipient on `on`.', examples: ['steunpunt-werk'] }),
  status: z
    .enum(['in-force', 'not-yet-in-force', 'revoked', 'retention-ended'])
    .optional()
    .meta({ description: 'Only deliberations with this status on `on`.' }),
  inForceOn: calendarDate.optional().meta({ description: 'Shorthand for `status=in-force&on=<date>`.', format: 'date' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Text found in the number or the title (case-insensitive).', examples: ['arbeidsreserve'] }),
  on,
  knownAt,
});

export const deliveryListQuery = z.strictObject({
  ...page,
  recipient: identifier.optional().meta({ description: 'Only deliveries to this party.', examples: ['steunpunt-werk'] }),
  deliberation: deliberationRef.optional(),
  dataset: identifier.optional().meta({ description: 'Only deliveries of this dataset.', examples: ['sample'] }),
  deliveredFrom: calendarDate.optional().meta({ description: 'Only deliveries dated on or after this date.', format: 'date' }),
  deliveredTo: calendarDate.optional().meta({ description: 'Only deliveries dated on or before this date.', format: 'date' }),
  destroyed: bool.optional().meta({ description: '`true`: only deliveries with a destruction certificate; `false`: only those without.' }),
  knownAt,
});

export const scheduleQuery = z.strictObject({
  ...page,
  asOf: calendarDate
    .optional()
    .meta({ description: 'The date the obligations are judged on (default today); `on` is a synonym.', format: 'date' }),
  on,
  within: wholeNumber(0, 36500, 90).optional().meta({ description: 'Days ahead counted as `due` (default 90; both ends included).' }),
  knownAt,
  destroyByFrom: calendarDate.optional().meta({
    description: 'Only obligations whose deadline (`destroyBy`) is on or after this date; paging applies within the range.',
    format: 'date',
  }),
  destroyByTo: calendarDate.optional().meta({
    description: 'Only obligations whose deadline (`destroyBy`) is on or before this date (not before `destroyByFrom`).',
    format: 'date',
  }),
});

export const calendarQuery = scheduleQuery.omit({ limit: true, cursor: true, destroyByFrom: true, destroyByTo: true });

export const remindersQuery = z.strictObject({
  ...page,
  delivery: z.uuid().optional().meta({ description: 'Only the reminders of this delivery.' }),
  knownAt,
});

export const outputReleasesQuery = z.strictObject({ ...page, knownAt });

export const eventsQuery = z.strictObject({ ...page });

export const feedQuery = z.strictObject({
  after: z.string().max(100).optional().meta({ description: 'Resume after this checkpoint: the `next` of the previous page.' }),
  limit: page.limit,
});

export const runRemindersBody = z.strictObject({
  asOf: calendarDate.optional().meta({ description: 'Judge the reminders due on this date (default today).', format: 'date' }),
});
