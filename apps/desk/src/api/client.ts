import createClient from 'openapi-fetch';
import type { paths } from './schema.js';
import { ProblemError, type Problem } from './problem.js';

const KEY = 'registry.apiKey';

/** The API key lives in sessionStorage only: gone when the tab closes, never in a URL. */
export const storedKey = (): string | null => sessionStorage.getItem(KEY);
export const storeKey = (key: string | null): void => (key ? sessionStorage.setItem(KEY, key) : sessionStorage.removeItem(KEY));

/** Fired when the server answers 401, so the desk returns to the sign-in. */
export const UNAUTHORISED_EVENT = 'registry:unauthorised';

async function authorisedFetch(request: Request): Promise<Response> {
  const key = storedKey();
  if (key && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${key}`);
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    throw new ProblemError({ status: 0, code: 'OFFLINE' }, true);
  }
  if (response.status === 401 && request.headers.get('authorization')) window.dispatchEvent(new Event(UNAUTHORISED_EVENT));
  return response;
}

/** The typed client: paths and request bodies come from the service's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authorisedFetch });

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The body of a 2xx answer, or a ProblemError carrying the server's problem. */
export async function unwrap<T>(pending: Promise<Answer>): Promise<T> {
  const { data, error, response } = await pending;
  if (response.ok) return data as T;
  const problem: Problem =
    typeof error === 'object' && error !== null
      ? { ...(error as Problem), status: response.status }
      : { status: response.status, detail: String(error ?? response.statusText) };
  throw new ProblemError(problem, response.status === 503 || response.status === 502 || response.status === 504);
}

/** The body and the ETag (the stream revision, for If-Match on the next change). */
export async function unwrapWithTag<T>(pending: Promise<Answer>): Promise<{ data: T; etag: string | null }> {
  const answer = await pending;
  return { data: await unwrap<T>(Promise.resolve(answer)), etag: answer.response.headers.get('etag') };
}
