import type { z } from 'zod';
import { ValidationProblem } from './problem.js';

/** Parses a body, query or path value with its schema; a mismatch is a 400 naming each field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  if (prefix === '' && (value === null || typeof value !== 'object' || Array.isArray(value)))
    throw new ValidationProblem([{ path: '/', message: 'the body must be a JSON object' }]);
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationProblem.fromZod(result.error, prefix);
  return result.data;
}
