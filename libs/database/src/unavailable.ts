/**
 * Is this error the database being unreachable, stalled or overloaded (as opposed to a bug or
 * a bad request)? Such failures are answered 503 with Retry-After, never 400 or 500.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57014', // statement_timeout (or a cancel)
  '55P03', // lock_timeout
  '53300', // too many connections
  '57P01',
  '57P02',
  '57P03', // admin shutdown, crash shutdown, cannot connect now
]);
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES =
  /Query read timeout|timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Connection terminated due to connection timeout|Cannot use a pool after calling end|Client was closed|database did not answer in time/i;

/** Thrown by our own deadlines (health probes) so it is classified like the driver's timeouts. */
export class DatabaseTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`the database did not answer in time (${what}, ${ms} ms)`);
    this.name = 'DatabaseTimeoutError';
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    if (e instanceof DatabaseTimeoutError) return true;
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/** `work`, or a DatabaseTimeoutError after `ms` (the work is left to finish or fail on its own). */
export async function withDeadline<T>(what: string, ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(what, ms)), ms);
  });
  const running = work();
  running.catch(() => undefined); // a failure after the deadline has already been answered
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
