import { Global, Module, type DynamicModule, type FactoryProvider, type OnApplicationShutdown } from '@nestjs/common';
import { ProjectionRunner } from '@registry/projections';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { RegistryMetrics } from '../operations/metrics.js';
import { OutboxSender } from '../schedule/outbox-sender.js';
import type { RegistryConfig } from './config.js';
import { EventSourcedRepository } from './event-sourced-repository.js';
import { InfrastructureOpening } from './infrastructure-opening.js';
import { BackgroundFailures, type RegistryInfrastructure } from './registry-infrastructure.js';
import { DATABASE, EVENT_STORE, LOGGER, REGISTRY_CONFIG } from './tokens.js';

/** Opens the infrastructure once (async) and closes it last, after every other provider stopped. */
class InfrastructureLifecycle implements OnApplicationShutdown {
  constructor(readonly infrastructure: RegistryInfrastructure) {}

  async onApplicationShutdown(): Promise<void> {
    await this.infrastructure.close();
  }
}

function piece<T>(token: FactoryProvider['provide'], pick: (infrastructure: RegistryInfrastructure) => T): FactoryProvider<T> {
  return {
    provide: token,
    useFactory: (lifecycle: InfrastructureLifecycle) => pick(lifecycle.infrastructure),
    inject: [InfrastructureLifecycle],
  };
}

/**
 * Config, logger, database, event store, read models, outbox, metrics and the repository, for
 * every feature module, the HTTP service and the CLI alike. Opening runs as RegistryInfrastructure
 * does it (migrations, data-directory lock, catch-up at start); closing is outbox, store, database.
 */
@Global()
@Module({})
export class CoreModule {
  /** `opening` lets the caller close the infrastructure when Nest fails to finish starting (releasingOnFailedStart). */
  static forRoot(config: RegistryConfig, log: Logger, opening = new InfrastructureOpening()): DynamicModule {
    const providers = [
      { provide: REGISTRY_CONFIG, useValue: config },
      { provide: LOGGER, useValue: log },
      {
        provide: InfrastructureLifecycle,
        useFactory: async () => new InfrastructureLifecycle(await opening.open(config, log)),
      },
      piece(DATABASE, (i) => i.database),
      piece(DataSource, (i) => i.database.dataSource),
      piece(EVENT_STORE, (i) => i.store),
      piece(ProjectionRunner, (i) => i.projections),
      piece(OutboxSender, (i) => i.outbox),
      piece(RegistryMetrics, (i) => i.metrics),
      piece(BackgroundFailures, (i) => i.failures),
      {
        provide: EventSourcedRepository,
        useFactory: (store: never, projections: ProjectionRunner) => new EventSourcedRepository(store, projections),
        inject: [EVENT_STORE, ProjectionRunner],
      },
    ];
    const exported = providers.map((p) => p.provide).filter((token) => token !== InfrastructureLifecycle);
    return { module: CoreModule, global: true, providers, exports: exported };
  }
}
