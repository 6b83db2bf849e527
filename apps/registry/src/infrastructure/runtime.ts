import type { Logger } from 'pino';
import { openDatabase, type Database } from '@registry/database';
import type { EventStore } from '@registry/event-store';
import { PostgresEventStore } from '@registry/event-store';
import {
  deliberationIndexProjection,
  deliveryLedgerProjection,
  outboxProjection,
  outputReleaseProjection,
  ProjectionRunner,
  type Channel,
  type Projection,
} from '@registry/projections';
import { registryUpcasters } from './upcasters.js';
import { DeliberationService } from '../application/deliberation.service.js';
import { DeliveryService } from '../application/delivery.service.js';
import { EventSourcedRepository } from '../application/event-sourced-repository.js';
import { OutputReleaseService } from '../application/output-release.service.js';
import { ReminderService } from '../application/reminder.service.js';
import type { RegistryConfig } from '../config.js';
import { mailTarget } from './mail.js';
import { RegistryMetrics } from './metrics.js';
import { OutboxSender } from './outbox-sender.js';

/** Every read model of the registry, in the order they are fed. */
export const registryProjections = (channels: () => Channel[]): Projection[] => [
  deliberationIndexProjection,
  deliveryLedgerProjection,
  outputReleaseProjection,
  outboxProjection(channels),
];

export type BackgroundTask = 'daily-reminders' | 'outbox-send' | 'catch-up-at-start';
export type BackgroundFailureReporter = (task: BackgroundTask, error: unknown) => void;

/** Everything the service and the CLI share: database, store, projections and the use cases. */
export class RegistryRuntime {
  private constructor(
    readonly config: RegistryConfig,
    readonly database: Database,
    readonly store: EventStore,
    readonly projections: ProjectionRunner,
    readonly deliberations: DeliberationService,
    readonly deliveries: DeliveryService,
    readonly reminders: ReminderService,
    readonly outputReleases: OutputReleaseService,
    readonly outbox: OutboxSender,
    readonly metrics: RegistryMetrics,
    /** Logs a failure of background work with its cause and counts it: nothing in the background fails silently. */
    readonly reportFailure: BackgroundFailureReporter,
    /** Logs why a health or readiness probe failed (the HTTP answer itself stays short). */
    readonly reportProbeFailure: (error: unknown) => void,
  ) {}

  static async open(config: RegistryConfig, log: Logger): Promise<RegistryRuntime> {
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, timeouts: config.databaseTimeouts });
    try {
      const upcast = registryUpcasters();
      const baseStore: EventStore = config.kurrentDbUrl
        ? await (await import('@registry/event-store/kurrentdb')).openKurrentDbEventStore(config.kurrentDbUrl, upcast)
        : new PostgresEventStore(database.dataSource, upcast);
      const db = database.dataSource;
      const metrics = new RegistryMetrics(db);
      const reportFailure: BackgroundFailureReporter = (task, error) => {
        metrics.backgroundFailures.inc({ task });
        log.error({ task, err: error }, `background task ${task} failed: ${error instanceof Error ? error.message : String(error)}`);
      };
      const store = metrics.counting(baseStore);
      const outbox = new OutboxSender(db, {
        webhook: config.webhookUrl ? { url: config.webhookUrl, secret: config.webhookSecret } : undefined,
        mail: config.smtpUrl ? await mailTarget(config.smtpUrl, config.emailFrom, config.emailTo) : undefined,
        log: (level, message, fields) => log[level](fields ?? {}, message),
      });
      const projections = new ProjectionRunner(
        db,
        store,
        registryProjections(() => outbox.channels()),
        { batchSize: config.projectionBatchSize, onError: (name, error) => log.error({ projection: name, error: String(error) }, 'projection failed; it will retry from its checkpoint') },
      );
      const repository = new EventSourcedRepository(store, projections);
      const deliberations = new DeliberationService(repository, store, db);
      const deliveries = new DeliveryService(repository, deliberations, store, db);
      const reminders = new ReminderService(repository, deliveries, db, config.reminderThresholds, () => void outbox.sendDue().catch((error) => reportFailure('outbox-send', error)));
      const outputReleases = new OutputReleaseService(repository, deliberations, db);
      metrics.watchProjections(baseStore, projections);
      // A catch-up that fails here is logged and counted, and retried by the next write or read; the service still starts.
      await projections.catchUp().catch((error) => reportFailure('catch-up-at-start', error));
      return new RegistryRuntime(config, database, store, projections, deliberations, deliveries, reminders, outputReleases, outbox, metrics, reportFailure,
        (error) => log.warn({ err: error }, 'health probe failed: the database cannot be reached'));
    } catch (error) {
      await database.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.outbox.stop();
    await this.store.close();
    await this.database.close();
  }
}
