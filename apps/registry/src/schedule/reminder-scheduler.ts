import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { brusselsDate } from '@registry/domain';
import type { RegistryConfig } from '../core/config.js';
import { BackgroundFailures } from '../core/registry-infrastructure.js';
import { REGISTRY_CONFIG } from '../core/tokens.js';
import { OutboxSender } from './outbox-sender.js';
import { CommandBus } from '@nestjs/cqrs';
import { RunReminders } from './commands.js';

/**
 * Issues the day's reminders on REGISTRY_REMINDER_CRON (Europe/Brussels) and keeps the outbox
 * moving. Several instances may run it: the delivery streams make each reminder happen once.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private job: CronJob | undefined;

  constructor(
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    private readonly commands: CommandBus,
    private readonly outbox: OutboxSender,
    private readonly failures: BackgroundFailures,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.job = CronJob.from({
      cronTime: this.config.reminderCron,
      timeZone: 'Europe/Brussels',
      onTick: () => void this.runOnce().catch((error) => this.failures.report('daily-reminders', error)),
    });
    this.registry.addCronJob('destruction-reminders', this.job);
    this.job.start();
    this.outbox.start(this.config.outboxIntervalMs, (error) => this.failures.report('outbox-send', error));
  }

  runOnce() {
    return this.commands.execute(
      new RunReminders(brusselsDate(), { actor: 'reminder-scheduler', correlationId: `scheduler-${brusselsDate()}` }),
    );
  }

  /** Before the core closes the outbox, store and database (CoreModule). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.job?.stop();
    await this.outbox.stop();
  }
}
