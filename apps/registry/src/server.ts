import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { RegistryConfig } from './config.js';
import { PinoNestLogger } from './infrastructure/logger.js';
import { RegistryRuntime } from './infrastructure/runtime.js';
import { mountDesk } from './http/desk.js';
import { accessLog, jsonBody, rateLimitPerKey, requestId } from './http/middleware.js';
import { openApiDocument } from './http/openapi/document.js';

export interface RegistryServer {
  app: NestExpressApplication;
  runtime: RegistryRuntime;
  close(): Promise<void>;
}

/** Builds the HTTP service on an opened runtime (the same wiring for `npm start` and the tests). */
export async function createServer(config: RegistryConfig, log: Logger, options: { scheduler?: boolean } = {}): Promise<RegistryServer> {
  // Say what start-up is doing, so a long catch-up on a big log does not look like a hang.
  const started = performance.now();
  log.info({ database: config.databaseUrl ? 'postgresql' : 'embedded', events: config.kurrentDbUrl ? 'kurrentdb' : 'postgresql' }, 'opening the database and applying migrations, then catching up the read models');
  const runtime = await RegistryRuntime.open(config, log);
  const checkpoints = await runtime.projections.checkpoints().catch(() => new Map());
  log.info(
    { ms: Math.round(performance.now() - started), head: await runtime.store.headCheckpoint().catch(() => undefined), projections: Object.fromEntries(checkpoints) },
    'database migrated and read models caught up',
  );
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.with(runtime, log, options), {
      bodyParser: false,
      logger: new PinoNestLogger(log),
    });
    app.disable('x-powered-by');
    app.set('trust proxy', false);
    app.use(requestId);
    app.use(accessLog(log));
    app.use(runtime.metrics.middleware());
    app.use('/metrics', async (req: { method: string }, res: { type(t: string): { send(b: string): void } }, next: () => void) =>
      req.method === 'GET' ? res.type(runtime.metrics.registry.contentType).send(await runtime.metrics.registry.metrics()) : next(),
    );
    // The desk is same-origin scripts only; TLS is a proxy's job, so requests are not upgraded here.
    app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
    mountDesk(app);
    app.use(rateLimitPerKey(config.rateLimitPerMinute));
    app.use(jsonBody(config.bodyLimit));
    // The document is generated from the zod schemas the routes validate with (http/openapi).
    const document = openApiDocument();
    app.use('/docs', (req: { headers: { accept?: string }; path: string }, res: { json(b: unknown): void }, next: () => void) =>
      (req.path === '/openapi.json' || (req.path === '/' && /json/.test(req.headers.accept ?? '') && !/html/.test(req.headers.accept ?? ''))) ? res.json(document) : next(),
    );
    SwaggerModule.setup('docs', app, document as unknown as OpenAPIObject, { jsonDocumentUrl: 'docs/openapi.json' });
    await app.init();
    return {
      app,
      runtime,
      async close() {
        await app.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
