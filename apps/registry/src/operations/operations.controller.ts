import { Controller, Get, Inject } from '@nestjs/common';
import { withDeadline } from '@registry/database';
import { START, type EventStore } from '@registry/event-store';
import { ProjectionRunner } from '@registry/projections';
import type { RegistryConfig } from '../core/config.js';
import { BackgroundFailures } from '../core/registry-infrastructure.js';
import { EVENT_STORE, REGISTRY_CONFIG } from '../core/tokens.js';
import { Public } from '../http/auth.js';
import { problemError } from '../http/problem.js';

/** Probes for the orchestrator: is the database reachable, have the read models caught up. */
@Controller()
export class OperationsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    private readonly failures: BackgroundFailures,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  @Get('health')
  @Public()
  async health() {
    await this.probe(async () => {
      await this.projections.checkpoints();
      await this.store.headCheckpoint();
    });
    return { status: 'ok' };
  }

  /** Ready when the read models have applied everything committed. */
  @Get('ready')
  @Public()
  async ready() {
    const [head, checkpoints] = await this.probe(() => Promise.all([this.store.headCheckpoint(), this.projections.checkpoints()]));
    const behind = this.projections.projections
      .map((p) => p.name)
      .filter((name) => head !== START && this.store.compareCheckpoints(checkpoints.get(name) ?? START, head) < 0);
    return { status: behind.length === 0 ? 'ready' : 'catching-up', behind };
  }

  /**
   * Runs a probe of the database within REGISTRY_HEALTH_TIMEOUT_MS: a stalled or refused
   * database is a prompt 503 with a short message (the cause goes to the log, not to anonymous callers).
   */
  private async probe<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await withDeadline('health probe', this.config.healthTimeoutMs, work);
    } catch (error) {
      this.failures.reportProbe(error);
      throw problemError(
        503,
        'Unavailable',
        { code: 'STORE_UNREACHABLE', detail: 'The event store or the read models cannot be reached.' },
        { 'retry-after': '5' },
      );
    }
  }
}
