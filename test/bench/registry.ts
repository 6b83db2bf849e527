import { NestFactory } from '@nestjs/core';
import type { Database } from '@registry/database';
import type { EventStore } from '@registry/event-store';
import { ProjectionRunner } from '@registry/projections';
import { pino } from 'pino';
import type { RegistryConfig } from '../../apps/registry/src/core/config.js';
import { DATABASE, EVENT_STORE } from '../../apps/registry/src/core/tokens.js';
import { DeliberationService } from '../../apps/registry/src/deliberations/deliberation.service.js';
import { RegistryModule } from '../../apps/registry/src/registry.module.js';
import { DeliveryService } from '../../apps/registry/src/releases/delivery.service.js';
import { ReminderService } from '../../apps/registry/src/schedule/reminder.service.js';

/** The providers the benchmark drives directly, taken from the same Nest context the CLI builds. */
export interface BenchRegistry {
  config: RegistryConfig;
  deliberations: DeliberationService;
  deliveries: DeliveryService;
  reminders: ReminderService;
  database: Database;
  store: EventStore;
  projections: ProjectionRunner;
  close(): Promise<void>;
}

export async function openBenchRegistry(config: RegistryConfig): Promise<BenchRegistry> {
  const context = await NestFactory.createApplicationContext(
    RegistryModule.forRoot(config, pino({ level: 'silent' }), { scheduler: false }),
    {
      logger: false,
      abortOnError: false,
    },
  );
  return {
    config,
    deliberations: context.get(DeliberationService),
    deliveries: context.get(DeliveryService),
    reminders: context.get(ReminderService),
    database: context.get<Database>(DATABASE),
    store: context.get<EventStore>(EVENT_STORE),
    projections: context.get(ProjectionRunner),
    close: () => context.close(),
  };
}
