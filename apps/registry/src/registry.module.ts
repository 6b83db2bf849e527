import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { AuditModule } from './audit/audit.module.js';
import type { RegistryConfig } from './core/config.js';
import { CoreModule } from './core/core.module.js';
import type { InfrastructureOpening } from './core/infrastructure-opening.js';
import { DeliberationsModule } from './deliberations/deliberations.module.js';
import { OperationsModule } from './operations/operations.module.js';
import { ReleasesModule } from './releases/releases.module.js';
import { DestructionScheduleModule } from './schedule/schedule.module.js';

/** Every feature on the core: what the HTTP service serves and the CLI runs (without the daily scheduler). */
@Module({})
export class RegistryModule {
  static forRoot(config: RegistryConfig, log: Logger, options: { scheduler: boolean; opening?: InfrastructureOpening }): DynamicModule {
    return {
      module: RegistryModule,
      imports: [
        // Every write is a command on this bus (ADR 6): the HTTP controllers, the CLI and the scheduler.
        CqrsModule.forRoot(),
        CoreModule.forRoot(config, log, options.opening),
        DeliberationsModule,
        ReleasesModule,
        DestructionScheduleModule.register({ scheduler: options.scheduler }),
        AuditModule,
        OperationsModule,
      ],
    };
  }
}
