/**
 * Every problem code the service answers with (UPPER_SNAKE_CASE), with what it means and how to
 * fix it. Each problem's `type` is `/problems/{code}`, a page built from this list.
 */
export interface ProblemEntry {
  status: number;
  title: string;
  meaning: string;
  fix: string;
}

const entry = (status: number, title: string, meaning: string, fix: string): ProblemEntry => ({ status, title, meaning, fix });

export const PROBLEMS = {
  VALIDATION_FAILED: entry(
    400,
    'Invalid request',
    'A path, query, header or body value breaks the contract. `errors` names each one as a JSON pointer (`/query/on`, `/path/id`, `/header/if-match`, `/referenceYears/0`) and says why.',
    'Correct each field named in `errors` and send the request again; nothing was recorded.',
  ),
  MALFORMED_JSON: entry(
    400,
    'Malformed JSON',
    'The body could not be parsed as JSON.',
    'Send one JSON object, e.g. check quotes and trailing commas.',
  ),
  UNSUPPORTED_MEDIA_TYPE: entry(
    415,
    'Unsupported media type',
    'The request has a body that is not declared as JSON (no or another `Content-Type`).',
    'Send the body with `Content-Type: application/json`.',
  ),
  BODY_TOO_LARGE: entry(
    413,
    'Request body too large',
    'The body exceeds the configured limit (REGISTRY_BODY_LIMIT).',
    'Send a smaller document, or ask the operator to raise the limit.',
  ),
  UNAUTHORISED: entry(
    401,
    'Unauthorised',
    'No valid API key or token was sent.',
    'Send `Authorization: Bearer <key>` with a key from REGISTRY_API_KEYS.',
  ),
  FORBIDDEN: entry(
    403,
    'Forbidden',
    'The role of the caller may not do this (each write names the roles it takes).',
    'Use a key of a role the route allows (see the operation in /docs).',
  ),
  NOT_FOUND: entry(
    404,
    'Not found',
    'Nothing is recorded under this id, or the path is not a route of the service.',
    'Check the id. A deliberation is addressed with a dash: `/deliberations/24-130`, not `/deliberations/24/130`.',
  ),
  METHOD_NOT_ALLOWED: entry(
    405,
    'Method not allowed',
    'The route exists, but not with this method.',
    'See /docs for the methods each path takes.',
  ),
  BAD_REQUEST: entry(400, 'Bad request', 'The request could not be read.', 'Check the request line, headers and body.'),
  DELIBERATION_EXISTS: entry(
    409,
    'Conflict',
    'A deliberation with this number is already recorded.',
    'Record an amendment instead, or check the number.',
  ),
  ALREADY_REVOKED: entry(
    409,
    'Conflict',
    'The deliberation is already revoked.',
    'Nothing to do; read the deliberation to see its revocation.',
  ),
  DESTRUCTION_ALREADY_RECORDED: entry(
    409,
    'Conflict',
    'A destruction certificate is already recorded for this delivery.',
    'Nothing to do; read the delivery to see the certificate.',
  ),
  CONFLICT: entry(
    409,
    'Conflict',
    'The request contradicts what is recorded.',
    'Read the resource again and retry with what it now holds.',
  ),
  CONCURRENT_UPDATE: entry(409, 'Concurrent update', 'Too many writers changed the same record at once.', 'Retry the request.'),
  IDEMPOTENCY_KEY_IN_PROGRESS: entry(
    409,
    'Request in progress',
    'The first request with this Idempotency-Key is still running.',
    'Retry after `Retry-After` seconds; you will get its answer.',
  ),
  IDEMPOTENCY_KEY_REUSED: entry(
    422,
    'Idempotency-Key reused',
    'This Idempotency-Key was used for another request.',
    'Use a new key for each intended write.',
  ),
  VERSION_MISMATCH: entry(
    412,
    'Precondition failed',
    '`If-Match` names another version than the current one: someone changed the deliberation since you read it.',
    'Read the deliberation again, check the change still makes sense, and send its new `ETag` in `If-Match`.',
  ),
  RELEASE_NOT_AUTHORISED: entry(
    422,
    'Release not authorised',
    'The delivery fails the authorisation check; `reasons` lists every failing rule. Nothing was recorded.',
    'Fix the release (dataset, years, variables, date) or record the missing commitment or amendment first.',
  ),
  CHANGE_DOES_NOT_APPLY: entry(
    422,
    'Unprocessable request',
    'An amendment change names something the deliberation does not have, or adds what it already has.',
    'Read the deliberation as of the amendment date and adjust the change.',
  ),
  UNKNOWN_PARTY: entry(
    422,
    'Unprocessable request',
    'The commitment names a party the deliberation does not name.',
    'Use a party id from the deliberation.',
  ),
  NOT_YET_IN_FORCE: entry(
    422,
    'Unprocessable request',
    'The deliberation (or the amendment bringing the dataset in) is not in force on that date.',
    'Use a date on or after `effectiveFrom`.',
  ),
  REVOKED: entry(
    422,
    'Unprocessable request',
    'The deliberation is revoked on that date.',
    'Nothing can be released under it from the revocation date.',
  ),
  RETENTION_ENDED: entry(
    422,
    'Unprocessable request',
    'The retention period of the personal data has ended.',
    'Nothing can be released after `destroyBy`.',
  ),
  DATASET_NOT_AUTHORISED: entry(
    422,
    'Unprocessable request',
    'The deliberation has no such dataset on that date.',
    'Use a dataset of the deliberation as of that date.',
  ),
  OUTPUT_RELEASE_NOT_ALLOWED: entry(
    422,
    'Unprocessable request',
    'The dataset has no `outputs` rule: nothing may leave it as an output release.',
    'Only secure-room datasets with an outputs rule take output releases.',
  ),
  SMALL_CELL_ANALYSIS_REQUIRED: entry(
    422,
    'Unprocessable request',
    'The release needs a small-cell risk analysis performed on or before `releasedOn`.',
    'Perform the analysis before the release and give it in `smallCellRiskAnalysis`.',
  ),
  SMALL_CELL_ANALYSIS_FAILED: entry(
    422,
    'Unprocessable request',
    'The small-cell risk analysis did not pass.',
    'Aggregate further until the analysis passes.',
  ),
  DESTROYED_BEFORE_DELIVERY: entry(422, 'Unprocessable request', 'The destruction is dated before the delivery.', 'Check `destroyedOn`.'),
  UNPROCESSABLE: entry(
    422,
    'Unprocessable request',
    'The request is well formed but cannot be applied to what is recorded.',
    'Read `detail` and `errors`.',
  ),
  RATE_LIMITED: entry(429, 'Too many requests', 'Too many requests with this key in the last minute.', 'Wait `Retry-After` seconds.'),
  INTERNAL: entry(
    500,
    'Internal error',
    'The service failed; nothing partial was recorded. The log has the details under the request id.',
    'Retry; if it persists, give the operator the `X-Request-Id`.',
  ),
  CATCHING_UP: entry(
    503,
    'Read models are catching up',
    'The write was recorded, but the read models have not applied it yet.',
    'Retry after `Retry-After` seconds; do not repeat the write without its Idempotency-Key.',
  ),
  STORE_UNREACHABLE: entry(
    503,
    'Unavailable',
    'The event store or the read models cannot be reached.',
    'Retry later; operators: check the database.',
  ),
  UNAVAILABLE: entry(503, 'Unavailable', 'The service cannot answer now.', 'Retry after `Retry-After` seconds.'),
} as const satisfies Record<string, ProblemEntry>;

export type ProblemCode = keyof typeof PROBLEMS;
export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

/** The code of a status the service has no more precise code for (`Not Found` -> NOT_FOUND). */
export function codeForStatus(status: number): ProblemCode {
  const known: Record<number, ProblemCode> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHORISED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    409: 'CONFLICT',
    413: 'BODY_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    422: 'UNPROCESSABLE',
    429: 'RATE_LIMITED',
    503: 'UNAVAILABLE',
  };
  return known[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
}

export const problemTypeOf = (code: string) => `/problems/${code}`;
