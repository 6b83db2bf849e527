/** What the desk shows when a request fails: the server's problem (RFC 9457) or a lost connection. */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: { path: string | (string | number)[]; message: string }[];
  reasons?: { code: string; message: string; clause?: string; details?: Record<string, unknown> }[];
  [key: string]: unknown;
}

export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    /** True when no answer came (network down, server gone). */
    readonly offline = false,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  get status(): number {
    return this.problem.status;
  }
}

export const isProblem = (error: unknown): error is ProblemError => error instanceof ProblemError;
