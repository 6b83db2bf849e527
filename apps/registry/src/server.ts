import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { Database } from '@registry/database';
import type { EventStore } from '@registry/event-store';
import { ProjectionRunner } from '@registry/projections';
import type { RegistryConfig } from './core/config.js';
import { releasingOnFailedStart } from './core/infrastructure-opening.js';
import { PinoNestLogger } from './core/logger.js';
import { DATABASE, EVENT_STORE } from './core/tokens.js';
import { RegistryMetrics } from './operations/metrics.js';
import { mountDesk } from './http/desk.js';
import { accessLog, jsonBody, rateLimitPerKey, requestId } from './http/middleware.js';
import { openApiDocument } from './http/openapi/document.js';

export interface RegistryServer {
  app: NestExpressApplication;
  /** The database and event store the service runs on (providers of CoreModule). */
  database: Database;
  store: EventStore;
  close(): Promise<void>;
}

/** Builds the HTTP service on the feature modules (the same wiring for `npm start` and the tests). */
export async function createServer(config: RegistryConfig, log: Logger, options: { scheduler?: boolean } = {}): Promise<RegistryServer> {
  // A failure after CoreModule opened the database leaves no application to close: release what it took.
  return releasingOnFailedStart(log, async (opening) => {
    // Say what start-up is doing, so a long catch-up on a big log does not look like a hang.
    const started = performance.now();
    log.info(
      { database: config.databaseUrl ? 'postgresql' : 'embedded', events: config.kurrentDbUrl ? 'kurrentdb' : 'postgresql' },
      'opening the database and applying migrations, then catching up the read models',
    );
    // CoreModule opens the database, the store and the read models (catch-up) as Nest builds the providers.
    // abortOnError false: a failure to start (such as the data directory in use) is thrown, not a process exit.
    const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config, log, { ...options, opening }), {
      bodyParser: false,
      logger: new PinoNestLogger(log),
      abortOnError: false,
    });
    try {
      await logCaughtUp(app, log, started);
      mountMiddleware(app, config, log);
      mountApiDocument(app);
      await app.init();
      return {
        app,
        database: app.get<Database>(DATABASE),
        store: app.get<EventStore>(EVENT_STORE),
        // Nest's shutdown hooks: the scheduler stops, then the core closes outbox, store and database.
        async close() {
          await app.close();
        },
      };
    } catch (error) {
      await app.close();
      throw error;
    }
  });
}

async function logCaughtUp(app: NestExpressApplication, log: Logger, started: number): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  // Figures for one log line: a failure to read them is logged, and the start-up goes on.
  const unread = (what: string) => (err: unknown) => void log.warn({ err }, `could not read ${what} for the start-up log line`);
  const checkpoints = (await app.get(ProjectionRunner).checkpoints().catch(unread('the projection checkpoints'))) ?? new Map();
  log.info(
    {
      ms: Math.round(performance.now() - started),
      head: await store.headCheckpoint().catch(unread("the log's head")),
      projections: Object.fromEntries(checkpoints),
    },
    'database migrated and read models caught up',
  );
}

/** What every request passes before the controllers, in this order. */
function mountMiddleware(app: NestExpressApplication, config: RegistryConfig, log: Logger): void {
  const metrics = app.get(RegistryMetrics);
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestId);
  app.use(accessLog(log));
  app.use(metrics.middleware());
  app.use('/metrics', async (req: { method: string }, res: { type(t: string): { send(b: string): void } }, next: () => void) =>
    req.method === 'GET' ? res.type(metrics.registry.contentType).send(await metrics.registry.metrics()) : next(),
  );
  // The desk is same-origin scripts only; TLS is a proxy's job, so requests are not upgraded here.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  mountDesk(app, { oidc: config.oidc?.desk });
  app.use(rateLimitPerKey(config.rateLimitPerMinute));
  app.use(jsonBody(config.bodyLimit));
}

/** The OpenAPI document at /docs/openapi.json and the Swagger UI at /docs. */
function mountApiDocument(app: NestExpressApplication): void {
  // The document is generated from the zod schemas the routes validate with (http/openapi).
  const document = openApiDocument();
  app.use('/docs', (req: { headers: { accept?: string }; path: string }, res: { json(b: unknown): void }, next: () => void) =>
    req.path === '/openapi.json' || (req.path === '/' && /json/.test(req.headers.accept ?? '') && !/html/.test(req.headers.accept ?? ''))
      ? res.json(document)
      : next(),
  );
  // Swagger UI only renders it: it gets the 3.1 document as plain JSON (its types describe 3.0).
  const forTheUi: OpenAPIObject = JSON.parse(JSON.stringify(document));
  SwaggerModule.setup('docs', app, forTheUi, { jsonDocumentUrl: 'docs/openapi.json' });
}
