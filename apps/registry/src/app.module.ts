import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { RegistryConfig } from './core/config.js';
import type { InfrastructureOpening } from './core/infrastructure-opening.js';
import { API_KEYS, ApiKeyGuard, OIDC } from './http/auth.js';
import { DATA_SOURCE, IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { ProblemFilter } from './http/problem.filter.js';
import { ProblemsController } from './http/problems.controller.js';
import { RegistryModule } from './registry.module.js';
import { SessionController } from './http/session.controller.js';

export { LOGGER } from './core/tokens.js';

/** The HTTP service: every feature module, plus what crosses them (auth guard, idempotency, problem+json). */
@Module({})
export class AppModule {
  static with(config: RegistryConfig, log: Logger, options: { scheduler?: boolean; opening?: InfrastructureOpening } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [RegistryModule.forRoot(config, log, { scheduler: options.scheduler !== false, opening: options.opening })],
      controllers: [ProblemsController, SessionController],
      providers: [
        { provide: API_KEYS, useValue: config.apiKeys },
        { provide: OIDC, useValue: config.oidc ?? null },
        { provide: DATA_SOURCE, useExisting: DataSource },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useFactory: () => new ProblemFilter(log) },
      ],
    };
  }
}
