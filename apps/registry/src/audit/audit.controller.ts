import { Controller, Get, Inject, Query } from '@nestjs/common';
import { verifyLog } from '@registry/event-store';
import { START, type EventStore } from '@registry/event-store';
import { EVENT_STORE } from '../core/tokens.js';
import { Roles } from '../http/auth.js';
import { parseQuery } from '../http/params.js';
import { problemError } from '../http/problem.js';
import { feedQuery } from '../http/queries.js';

@Controller()
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Re-hashes the whole log: any edit, insertion or deletion behind the service breaks a chain. */
  @Get('audit/verify')
  @Roles('auditor')
  async verify() {
    return verifyLog(this.store);
  }

  /** The global log in commit order, for systems that follow it; resume with `after=<next>`. */
  @Get('events')
  @Roles('auditor')
  async feed(@Query() query: unknown) {
    const { after, limit } = parseQuery(feedQuery, query);
    const from = after ?? START;
    // Only a malformed `after` is the caller's fault (400); a store outage is 503 (problem mapping).
    try {
      this.store.compareCheckpoints(from, from);
    } catch {
      throw problemError(400, 'Invalid request', {
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'query/after', message: 'not a checkpoint of this store (use a `next` value)' }],
      });
    }
    const batch = await this.store.readAll(from, limit ?? 100);
    return { items: batch.events, next: batch.checkpoint };
  }
}
