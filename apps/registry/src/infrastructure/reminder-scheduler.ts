import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { brusselsDate } from '@registry/domain';
import { RUNTIME } from '../application/commands.js';
import type { RegistryRuntime } from './runtime.js';

/**
 * Issues the day's reminders on REGISTRY_REMINDER_CRON (Europe/Brussels) and keeps the outbox
 * moving. Several instances may run it: the delivery streams make each reminder happen once.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private job: CronJob | undefined;

  constructor(
    @Inject(RUNTIME) private readonly runtime: RegistryRuntime,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.job = CronJob.from({
      cronTime: this.runtime.config.reminderCron,
      timeZone: 'Europe/Brussels',
      onTick: () => void this.runOnce().catch((error) => this.runtime.reportFailure('daily-reminders', error)),
    });
    this.registry.addCronJob('destruction-reminders', this.job);
    this.job.start();
    this.runtime.outbox.start(this.runtime.config.outboxIntervalMs, (error) => this.runtime.reportFailure('outbox-send', error));
  }

  runOnce() {
    return this.runtime.reminders.run(brusselsDate(), { actor: 'reminder-scheduler', correlationId: `scheduler-${brusselsDate()}` });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job?.stop();
    await this.runtime.outbox.stop();
  }
}
