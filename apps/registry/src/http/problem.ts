import { HttpException } from '@nestjs/common';
import type { ZodError } from 'zod';
import { DomainError, ReleaseNotAuthorised, type FieldError } from '@registry/domain';
import { ConcurrencyError } from '@registry/event-store';
import { ProjectionLagError } from '@registry/projections';
import { isDatabaseUnavailable } from '@registry/database';
import { PreconditionFailedError } from '../core/event-sourced-repository.js';
import { IdempotencyKeyReusedError } from '../core/idempotent-write.js';
import { CursorError } from '../core/paging.js';
import { codeForStatus, PROBLEMS, problemTypeOf } from './problem-catalogue.js';

/** RFC 9457 problem details, plus `errors` (which field, why) and a machine-readable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A problem whose `type` is the service's own page about its code (`/problems/VALIDATION_FAILED`). */
const problem = (status: number, title: string, rest: Partial<Problem> = {}): Problem => {
  const code = rest.code ?? codeForStatus(status);
  return { type: problemTypeOf(code), title, status, ...rest, code };
};

/** A request that breaks the contract's schema: 400, nothing recorded. */
export class ValidationProblem extends Error {
  constructor(
    readonly errors: FieldError[],
    readonly detail = describe(errors),
  ) {
    super(detail);
    this.name = 'ValidationProblem';
  }

  static fromZod(error: ZodError, prefix = ''): ValidationProblem {
    return new ValidationProblem(
      error.issues.map((issue) => ({
        path: `${prefix}/${issue.path.map((p) => String(p)).join('/')}`.replace(/\/$/, '') || '/',
        message: issue.message,
      })),
    );
  }
}

/** The first few refused fields in one sentence, so a client that shows only `detail` still says what is wrong. */
function describe(errors: FieldError[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`);
  return `The request is not valid (${shown.join('; ')}${errors.length > 3 ? `; and ${errors.length - 3} more` : ''}).`;
}

/** A refusal that is already a problem (401, 403, 412 on a bad header, 422 on a reused key, ...). */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
  }
}

export const problemError = (status: number, title: string, rest: Partial<Problem> = {}, headers?: Record<string, string>) =>
  new ProblemError(problem(status, title, rest), headers);

/** The first response to an idempotent request, sent again as it was. */
export class StoredResponse extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string>,
  ) {
    super('replayed response');
  }
}

const DOMAIN_STATUS = { 'not-found': 404, conflict: 409, unprocessable: 422 } as const;
const DOMAIN_CODE = { 'not-found': 'NOT_FOUND', conflict: 'CONFLICT', unprocessable: 'UNPROCESSABLE' } as const;

type ProblemAnswer = { problem: Problem; headers: Record<string, string> };
const plain = (p: Problem): ProblemAnswer => ({ problem: p, headers: {} });

/** Maps anything thrown while serving a request to the problem the client sees. Never leaks a stack. */
export function toProblem(error: unknown): ProblemAnswer {
  if (error instanceof ProblemError) return { problem: error.problem, headers: error.headers };
  return (
    refusalProblem(error) ??
    unavailableProblem(error) ??
    transportProblem(error) ??
    plain(problem(500, 'Internal error', { code: 'INTERNAL', detail: 'The registry could not serve this request.' }))
  );
}

/** The request was understood and refused: invalid, not authorised, against the rules or a stale version. */
function refusalProblem(error: unknown): ProblemAnswer | undefined {
  if (error instanceof IdempotencyKeyReusedError)
    return plain(problem(422, 'Idempotency-Key reused', { code: 'IDEMPOTENCY_KEY_REUSED', detail: error.message }));
  if (error instanceof ValidationProblem)
    return plain(problem(400, 'Invalid request', { code: 'VALIDATION_FAILED', detail: error.detail, errors: error.errors }));
  if (error instanceof ReleaseNotAuthorised) {
    const { authorised, deliberation, version, reasons, on } = error.answer;
    return plain(
      problem(422, 'Release not authorised', {
        code: 'RELEASE_NOT_AUTHORISED',
        detail: reasons.map((r) => r.message).join(' '),
        authorised,
        deliberation,
        version,
        on,
        reasons,
      }),
    );
  }
  if (error instanceof DomainError)
    return plain(
      problem(DOMAIN_STATUS[error.kind], titleFor(error.kind), {
        code: error.code ?? DOMAIN_CODE[error.kind],
        detail: error.message,
        ...(error.errors.length ? { errors: error.errors } : {}),
      }),
    );
  if (error instanceof PreconditionFailedError)
    return plain(
      problem(412, 'Precondition failed', {
        code: 'VERSION_MISMATCH',
        detail: error.message,
        expected: error.expected,
        actual: error.actual,
      }),
    );
  return undefined;
}

/** The request may succeed if sent again: contention, read models behind, database away. */
function unavailableProblem(error: unknown): ProblemAnswer | undefined {
  if (error instanceof ConcurrencyError)
    return plain(
      problem(409, 'Concurrent update', { code: 'CONCURRENT_UPDATE', detail: 'Too many concurrent writers; retry the request.' }),
    );
  if (error instanceof ProjectionLagError)
    return {
      problem: problem(503, 'Read models are catching up', {
        code: 'CATCHING_UP',
        detail: 'The write was recorded; the read models are behind. Retry shortly.',
      }),
      headers: { 'retry-after': '1' },
    };
  if (isDatabaseUnavailable(error))
    return {
      problem: problem(503, 'Database unavailable', {
        code: 'STORE_UNREACHABLE',
        detail: 'The registry cannot reach its database right now. Retry shortly.',
      }),
      headers: { 'retry-after': '5' },
    };
  return undefined;
}

/** Refused before it reached a service: a foreign cursor, Nest's own exceptions, the body parser's. */
function transportProblem(error: unknown): ProblemAnswer | undefined {
  if (error instanceof CursorError)
    return plain(
      problem(400, 'Invalid request', {
        code: 'VALIDATION_FAILED',
        detail: 'The cursor is not one this service gave; pass `next` from the previous page as it is.',
        errors: [{ path: '/query/cursor', message: error.message }],
      }),
    );
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = codeForStatus(status);
    return plain(problem(status, PROBLEMS[code].title, { code, detail: error.message || PROBLEMS[code].meaning }));
  }
  return bodyParserProblem(error);
}

function bodyParserProblem(error: unknown): ProblemAnswer | undefined {
  const bodyParser = error as { type?: string; status?: number; limit?: number };
  if (bodyParser?.type === 'entity.too.large')
    return plain(problem(413, 'Request body too large', { code: 'BODY_TOO_LARGE', detail: `The body exceeds ${bodyParser.limit} bytes.` }));
  if (bodyParser?.type === 'entity.parse.failed')
    return plain(
      problem(400, 'Malformed JSON', {
        code: 'MALFORMED_JSON',
        detail: 'The body is not valid JSON (an object is expected).',
        errors: [{ path: '/', message: 'not valid JSON' }],
      }),
    );
  if (typeof bodyParser?.status === 'number' && bodyParser.status >= 400 && bodyParser.status < 500)
    return plain(
      problem(bodyParser.status, PROBLEMS[codeForStatus(bodyParser.status)].title, {
        code: codeForStatus(bodyParser.status),
        detail: (error as Error).message,
      }),
    );
  return undefined;
}

function titleFor(kind: DomainError['kind']): string {
  return { 'not-found': 'Not found', conflict: 'Conflict', unprocessable: 'Unprocessable request' }[kind];
}
