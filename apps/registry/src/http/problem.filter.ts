import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE, StoredResponse, toProblem, type Problem } from './problem.js';
import type { AuthenticatedRequest } from './auth.js';

/** Every error leaves as application/problem+json; 5xx details go to the log, never to the client. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly log: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    if (response.headersSent) return;
    if (error instanceof StoredResponse) {
      response.status(error.status).set(error.headers);
      // A replay answers with the media type of the first answer, not Express's text/html default.
      response.type(error.status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json');
      response.send(JSON.stringify(error.body));
      return;
    }
    const { problem, headers } = withHint(toProblem(error), request.originalUrl ?? '');
    if (problem.status >= 500) this.log.error({ err: error, requestId: request.requestId, path: request.originalUrl }, 'request failed');
    response
      .status(problem.status)
      .set(headers)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...problem, instance: request.originalUrl?.split('?')[0] }));
  }
}

/** A deliberation number written with its slash in a path (`/deliberations/24/130`) finds no route: say how to write it. */
function withHint<T extends { problem: Problem }>(answer: T, url: string): T {
  const slashed = /^\/deliberations\/(\d{2})\/(\d{1,5})(\/[^?]*)?(\?.*)?$/.exec(url);
  if (answer.problem.status !== 404 || !slashed) return answer;
  const [, year, serial, rest = '', query = ''] = slashed;
  const path = `/deliberations/${year}-${serial}${rest}${query}`;
  return {
    ...answer,
    problem: {
      ...answer.problem,
      detail: `No route ${url.split('?')[0]}: a deliberation number goes in a path with a dash.`,
      hint: `Write ${year}/${serial} as ${year}-${serial}: ${path}`,
    },
  };
}
