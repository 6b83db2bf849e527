import { Controller, Get, Inject, Query } from '@nestjs/common';
import { verifyLog } from '@registry/event-store';
import { START } from '@registry/event-store';
import { RUNTIME } from '../application/commands.js';
import type { RegistryRuntime } from '../infrastructure/runtime.js';
import { Public, Roles } from './auth.js';
import { parseQuery } from './params.js';
import { problemError } from './problem.js';
import { withDeadline } from '@registry/database';
import { feedQuery } from './queries.js';


@Controller()
export class AuditController {
  constructor(@Inject(RUNTIME) private readonly runtime: RegistryRuntime) {}

  /** Re-hashes the whole log: any edit, insertion or deletion behind the service breaks a chain. */
  @Get('audit/verify')
  @Roles('auditor')
  async verify() {
    return verifyLog(this.runtime.store);
  }

  /** The global log in commit order, for systems that follow it; resume with `after=<next>`. */
  @Get('events')
  @Roles('auditor')
  async feed(@Query() query: unknown) {
    const { after, limit } = parseQuery(feedQuery, query);
    const from = after ?? START;
    // Only a malformed `after` is the caller's fault (400); a store outage is 503 (problem mapping).
    try {
      this.runtime.store.compareCheckpoints(from, from);
    } catch {
      throw problemError(400, 'Invalid request', { code: 'VALIDATION_FAILED', errors: [{ path: 'query/after', message: 'not a checkpoint of this store (use a `next` value)' }] });
    }
    const batch = await this.runtime.store.readAll(from, limit ?? 100);
    return { items: batch.events, next: batch.checkpoint };
  }

  @Get('health')
  @Public()
  async health() {
    await this.probe(async () => {
      await this.runtime.projections.checkpoints();
      await this.runtime.store.headCheckpoint();
    });
    return { status: 'ok' };
  }

  /** Ready when the read models have applied everything committed. */
  @Get('ready')
  @Public()
  async ready() {
    const [head, checkpoints] = await this.probe(() => Promise.all([this.runtime.store.headCheckpoint(), this.runtime.projections.checkpoints()]));
    const behind = this.runtime.projections.projections
      .map((p) => p.name)
      .filter((name) => head !== START && this.runtime.store.compareCheckpoints(checkpoints.get(name) ?? START, head) < 0);
    return { status: behind.length === 0 ? 'ready' : 'catching-up', behind };
  }

  /**
   * Runs a probe of the database within REGISTRY_HEALTH_TIMEOUT_MS: a stalled or refused
   * database is a prompt 503 with a short message (the cause goes to the log, not to anonymous callers).
   */
  private async probe<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await withDeadline('health probe', this.runtime.config.healthTimeoutMs, work);
    } catch (error) {
      this.runtime.reportProbeFailure(error);
      throw problemError(503, 'Unavailable', { code: 'STORE_UNREACHABLE', detail: 'The event store or the read models cannot be reached.' }, { 'retry-after': '5' });
    }
  }
}
