import { Controller, Get, Inject, Query } from '@nestjs/common';
import { verifyLog } from '../../../../libs/event-store/src/verify.js';
import { START } from '../../../../libs/event-store/src/event-store.js';
import { RUNTIME } from '../application/commands.js';
import type { RegistryRuntime } from '../infrastructure/runtime.js';
import { Public, Roles } from './auth.js';
import { parseQuery } from './params.js';
import { problemError } from './problem.js';
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
    const batch = await this.runtime.store.readAll(after ?? START, limit ?? 100).catch((error: Error) => {
      throw Object.assign(new Error(error.message), { status: 400 });
    });
    return { items: batch.events, next: batch.checkpoint };
  }

  @Get('health')
  @Public()
  async health() {
    try {
      await this.runtime.projections.checkpoints();
      await this.runtime.store.headCheckpoint();
    } catch (error) {
      throw problemError(503, 'Unavailable', { code: 'STORE_UNREACHABLE', detail: `the event store or the read models cannot be reached: ${error instanceof Error ? error.message : error}` }, { 'retry-after': '5' });
    }
    return { status: 'ok' };
  }

  /** Ready when the read models have applied everything committed. */
  @Get('ready')
  @Public()
  async ready() {
    const head = await this.runtime.store.headCheckpoint();
    const checkpoints = await this.runtime.projections.checkpoints();
    const behind = this.runtime.projections.projections
      .map((p) => p.name)
      .filter((name) => head !== START && this.runtime.store.compareCheckpoints(checkpoints.get(name) ?? START, head) < 0);
    return { status: behind.length === 0 ? 'ready' : 'catching-up', behind };
  }
}
