import type { CommandContext } from '../core/event-sourced-repository.js';
import type { AuthenticatedRequest } from './auth.js';
import { ifMatch } from './params.js';

/** Who asks and under which request, for the event metadata; If-Match when the route honours it. */
export function commandContext(request: AuthenticatedRequest, options: { honourIfMatch?: boolean } = {}): CommandContext {
  const correlation = request.headers['x-correlation-id'];
  return {
    actor: request.caller!.actor,
    correlationId: typeof correlation === 'string' && /^[\x21-\x7e]{1,200}$/.test(correlation) ? correlation : request.requestId!,
    causationId: request.requestId,
    expectedRevision: options.honourIfMatch ? ifMatch(request.headers['if-match']) : undefined,
  };
}
