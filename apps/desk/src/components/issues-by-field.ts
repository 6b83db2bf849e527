/** zod issues as one message per top-level field (the last wins), for errors shown next to each field. */
export const issuesByField = (issues: readonly { path: readonly PropertyKey[]; message: string }[], whole = ''): Record<string, string> =>
  Object.fromEntries(issues.map((i) => [String(i.path[0] ?? whole), i.message]));
