import { translateIssue } from '../i18n/issues.js';

/**
 * zod issues as one message per field (the last wins), for errors shown next to each field:
 * keyed by the path's first segment (the form's top-level field), or its last with `'last'`
 * (a form that flattens nested objects into one level).
 */
export const issuesByField = (
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  whole = '',
  by: 'first' | 'last' = 'first',
): Record<string, string> =>
  Object.fromEntries(issues.map((i) => [String((by === 'first' ? i.path[0] : i.path.at(-1)) ?? whole), translateIssue(i.message)]));
