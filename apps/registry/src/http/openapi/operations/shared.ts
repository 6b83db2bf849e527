import type { z } from 'zod';
import { examples } from '../examples.js';
import { etagHeader } from '../operation.js';
import * as r from '../responses.js';

/** Responses that several operations describe the same way. */
export const written = (what: string, status = 201) => ({
  [status]: {
    description: `${what} recorded; the answer names the deliberation and its new version.`,
    schema: r.writtenSchema,
    example: examples.written,
    headers: etagHeader,
  },
});
export const notFound = (what: string) => ({ 404: { description: `No ${what} is recorded under this id.` } });
export const conflict = (what: string) => ({ 409: { description: what } });
export const unprocessable = (what: string) => ({ 422: { description: what } });
export const pageOf = (what: string, schema: z.ZodType, example: unknown) => ({
  200: { description: `One page of ${what}; follow \`next\` for the rest.`, schema, example },
});
