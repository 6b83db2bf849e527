import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE, StoredResponse, toProblem } from './problem.js';
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
      if (error.status >= 400) response.type(PROBLEM_CONTENT_TYPE);
      response.send(JSON.stringify(error.body));
      return;
    }
    const { problem, headers } = toProblem(error);
    if (problem.status >= 500) this.log.error({ err: error, requestId: request.requestId, path: request.originalUrl }, 'request failed');
    response.status(problem.status).set(headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...problem, instance: request.originalUrl?.split('?')[0] }));
  }
}
