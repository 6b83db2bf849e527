import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import type { RegistryConfig } from '../core/config.js';
import { EventSourcedRepository } from '../core/event-sourced-repository.js';
import { BackgroundFailures } from '../core/registry-infrastructure.js';
import { REGISTRY_CONFIG } from '../core/tokens.js';
import { DeliveryService } from '../releases/delivery.service.js';
import { ReleasesModule } from '../releases/releases.module.js';
import { OutboxSender } from './outbox-sender.js';
import { ReminderScheduler } from './reminder-scheduler.js';
import { ReminderService } from './reminder.service.js';
import { ScheduleController } from './schedule.controller.js';
import { scheduleCommandHandlers } from './commands.js';

const reminderService = {
  provide: ReminderService,
  useFactory: (
    repository: EventSourcedRepository,
    deliveries: DeliveryService,
    db: DataSource,
    config: RegistryConfig,
    outbox: OutboxSender,
    failures: BackgroundFailures,
  ) =>
    new ReminderService(
      repository,
      deliveries,
      db,
      config.reminderThresholds,
      () => void outbox.sendDue().catch((error) => failures.report('outbox-send', error)),
    ),
  inject: [EventSourcedRepository, DeliveryService, DataSource, REGISTRY_CONFIG, OutboxSender, BackgroundFailures],
};

/**
 * The destruction schedule and its calendar, reminder runs and the outbox sender; with
 * `scheduler`, the daily reminder run and the outbox loop (the HTTP service; not the CLI).
 */
@Module({})
export class DestructionScheduleModule {
  static register(options: { scheduler: boolean }): DynamicModule {
    return {
      module: DestructionScheduleModule,
      imports: [ReleasesModule, ...(options.scheduler ? [ScheduleModule.forRoot()] : [])],
      controllers: [ScheduleController],
      providers: [reminderService, ...scheduleCommandHandlers, ...(options.scheduler ? [ReminderScheduler] : [])],
      exports: [ReminderService],
    };
  }
}
