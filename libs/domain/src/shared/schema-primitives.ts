import { z } from 'zod';
import { endOfBrusselsDay, isCalendarDate } from './dates.js';

export const text = (max = 2000) => z.string().trim().min(1, 'must not be empty').max(max);
export const identifier = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" or "-", starting with a letter or digit');
export const calendarDate = z
  .string()
  .refine(isCalendarDate, 'must be a real calendar date in the form YYYY-MM-DD')
  .meta({ format: 'date', examples: ['2024-12-02'] });
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** An ISO 8601 instant with a zone; a bare date means the end of that day in Europe/Brussels. */
export const instant = z
  .string()
  .max(40)
  .refine(
    (v) => (INSTANT.test(v) && isCalendarDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v))) || isCalendarDate(v),
    'must be an ISO 8601 instant with a time zone (e.g. 2024-11-21T10:00:00Z) or a date (its end, Brussels time)',
  )
  .transform((v) => (isCalendarDate(v) ? endOfBrusselsDay(v) : v));
export const deliberationNumber = z
  .string()
  .regex(/^\d{2}\/\d{1,5}$/, 'must be a deliberation number like "24/130"')
  .meta({ examples: ['24/130'] });
export const referenceYear = z.number().int().min(1900).max(2200);
export const variableCode = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a variable code such as "person.sex"');
export const sha256Hex = z.string().regex(/^[a-f0-9]{64}$/i, 'must be a SHA-256 digest in hex (64 characters)');

export const uniqueBy =
  <T>(key: (item: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `duplicate ${what} "${k}"`, path: [index] });
      seen.add(k);
    });
  };
