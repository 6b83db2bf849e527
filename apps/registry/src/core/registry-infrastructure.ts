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
  COPY_FROM,
  type Channel,
  type Projection,
} from '@registry/projections';
import { registryUpcasters } from './upcasters.js';
import type { RegistryConfig } from './config.js';
import { mailTarget } from '../schedule/mail.js';
import { RegistryMetrics } from '../operations/metrics.js';
import { OutboxSender } from '../schedule/outbox-sender.js';

/** Every read model of the registry, in the order they are fed. */
export const registryProjections = (channels: () => Channel[]): Projection[] => [
  deliberationIndexProjection,
  deliveryLedgerProjection,
  outputReleaseProjection,
  outboxProjection(channels),
];

export type BackgroundTask = 'daily-reminders' | 'outbox-send' | 'catch-up-at-start';
export type BackgroundFailureReporter = (task: BackgroundTask, error: unknown) => void;

/** Logs a failure of background work with its cause and counts it: nothing in the background fails silently. */
export class BackgroundFailures {
  constructor(
    readonly report: BackgroundFailureReporter,
    /** Logs why a health or readiness probe failed (the HTTP answer itself stays short). */
    readonly reportProbe: (error: unknown) => void,
  ) {}
}

/**
 * What the service and the CLI share underneath the features: database (and its data-directory
 * lock), store, read models and the outbox, opened in order, caught up once, closed in reverse.
 * CoreModule provides each piece on its own; nothing else receives this object.
 */
export class RegistryInfrastructure {
  private constructor(
    readonly database: Database,
    readonly store: EventStore,
    readonly projections: ProjectionRunner,
    readonly outbox: OutboxSender,
    readonly metrics: RegistryMetrics,
    readonly failures: BackgroundFailures,
  ) {}

  static async open(config: RegistryConfig, log: Logger): Promise<RegistryInfrastructure> {
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
        {
          batchSize: config.projectionBatchSize,
          copyFrom: database.kind === 'postgres' ? COPY_FROM : undefined,
          onError: (name, error) =>
            log.error({ projection: name, error: String(error) }, 'projection failed; it will retry from its checkpoint'),
        },
      );
      metrics.watchProjections(baseStore, projections);
      // A catch-up that fails here is logged and counted, and retried by the next write or read; the service still starts.
      await projections.catchUp().catch((error) => reportFailure('catch-up-at-start', error));
      const failures = new BackgroundFailures(reportFailure, (error) =>
        log.warn({ err: error }, 'health probe failed: the database cannot be reached'),
      );
      return new RegistryInfrastructure(database, store, projections, outbox, metrics, failures);
    } catch (error) {
      await database.close();
      throw error;
    }
  }

  private closing?: Promise<void>;

  /**
   * Outbox, then store, then database (which releases the data-directory lock). Once only: a
   * failed start closes the application and then the infrastructure it opened (InfrastructureOpening).
   */
  close(): Promise<void> {
    this.closing ??= this.closeInOrder();
    return this.closing;
  }

  private async closeInOrder(): Promise<void> {
    await this.outbox.stop();
    await this.store.close();
    await this.database.close();
  }
}
