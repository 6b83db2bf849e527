import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { loadConfig, type RegistryConfig } from '../../apps/registry/src/core/config.js';
import { createServer, type RegistryServer } from '../../apps/registry/src/server.js';
import { freshDatabaseUrl } from './database.js';
import { undocumented } from './openapi-check.js';

export const KEYS = { secretariat: 'test-secretariat', steward: 'test-steward', auditor: 'test-auditor' } as const;
export type TestRole = keyof typeof KEYS;

export interface TestServer {
  url: string;
  /** The PostgreSQL database it runs on (undefined on in-memory PGlite). */
  databaseUrl?: string;
  server: RegistryServer;
  /** JSON request as a role (or with no key when role is null). */
  request(
    method: string,
    path: string,
    options?: { role?: TestRole | null; body?: unknown; headers?: Record<string, string>; raw?: string },
  ): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface TestServerOptions {
  scheduler?: boolean;
  /**
   * Share the PostgreSQL database of another test server (its `databaseUrl`) instead of a fresh
   * one; that server owns the database and drops it on close.
   */
  databaseUrl?: string;
  /** The service's logger (default: silent), e.g. a capturedLog() to assert on what it logs. */
  log?: Logger;
}

/**
 * The real service on a fresh database (in-memory PGlite, or a new PostgreSQL database when
 * DATABASE_URL is set), listening on a free loopback port.
 */
export async function startTestServer(env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : await freshDatabaseUrl();
  const config: RegistryConfig = loadConfig({
    REGISTRY_API_KEYS: Object.entries(KEYS)
      .map(([role, key]) => `${role}-actor:${role}:${key}`)
      .join(','),
    REGISTRY_DATA_DIR: 'memory://',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const server = await createServer(config, options.log ?? pino({ level: config.logLevel }), { scheduler: options.scheduler ?? false });
  await server.app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.app.getHttpServer().address() as AddressInfo).port}`;
  return {
    url,
    databaseUrl: database.url,
    server,
    async request(method, path, { role = 'secretariat', body, headers = {}, raw } = {}) {
      const response = await fetch(url + path, {
        method,
        headers: {
          ...(role ? { authorization: `Bearer ${KEYS[role]}` } : {}),
          ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON: keep the text */
      }
      // Every answer of the end-to-end suite is held to the OpenAPI document.
      const problem = undocumented({
        method,
        path,
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: parsed,
      });
      if (problem) throw new Error(`response not as documented: ${problem}`);
      return { status: response.status, headers: response.headers, body: parsed, text };
    },
    async close() {
      await server.close();
      await database.drop();
    },
  };
}

/** `count` instances of the service on one new database (PostgreSQL only: two processes cannot share an in-memory PGlite). */
export async function startInstances(count: number): Promise<TestServer[]> {
  const first = await startTestServer();
  const instances = [first];
  while (instances.length < count) instances.push(await startTestServer({}, { databaseUrl: first.databaseUrl }));
  return instances;
}
