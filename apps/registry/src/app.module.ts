import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { commandHandlers, RUNTIME } from './application/commands.js';
import { AuditController } from './http/audit.controller.js';
import { API_KEYS, ApiKeyGuard, OIDC } from './http/auth.js';
import { DeliberationsController } from './http/deliberations.controller.js';
import { DATA_SOURCE, IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { ProblemFilter } from './http/problem.filter.js';
import { ProblemsController } from './http/problems.controller.js';
import { ReleasesController } from './http/releases.controller.js';
import { ScheduleController } from './http/schedule.controller.js';
import { SessionController } from './http/session.controller.js';
import type { RegistryRuntime } from './infrastructure/runtime.js';
import { ReminderScheduler } from './infrastructure/reminder-scheduler.js';

export const LOGGER = Symbol('LOGGER');

/** Nest stays at the edge: it routes, guards and dispatches; the runtime holds the use cases. */
@Module({})
export class AppModule {
  static with(runtime: RegistryRuntime, log: Logger, options: { scheduler?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), ScheduleModule.forRoot()],
      controllers: [DeliberationsController, ReleasesController, ScheduleController, AuditController, ProblemsController, SessionController],
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: API_KEYS, useValue: runtime.config.apiKeys },
        { provide: OIDC, useValue: runtime.config.oidc ?? null },
        { provide: DATA_SOURCE, useValue: runtime.database.dataSource },
        { provide: LOGGER, useValue: log },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useFactory: () => new ProblemFilter(log) },
        ...commandHandlers,
        ...(options.scheduler === false ? [] : [ReminderScheduler]),
      ],
    };
  }
}
