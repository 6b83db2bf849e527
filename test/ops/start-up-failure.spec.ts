import { jest } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { adminQuery } from '@registry/database';
import { withRegistry } from '../../apps/registry/src/cli/shared.js';
import { loadConfig, type RegistryConfig } from '../../apps/registry/src/core/config.js';
import { createServer } from '../../apps/registry/src/server.js';
import { freshDatabaseUrl, testTarget } from '../support/database.js';

const silent = pino({ level: 'silent' });
const freshDataDir = () => mkdtempSync(join(tmpdir(), 'registry-start-failure-'));
const lockFileOf = (dataDir: string) => join(dataDir, 'registry.lock');

/** A configuration whose reminder thresholds throw when read: only the reminder service's factory reads them, after the core opened. */
function failingAfterTheCoreOpened(env: Record<string, string>): RegistryConfig {
  const config = loadConfig({ REGISTRY_API_KEYS: 'sec:secretariat:k-sec', LOG_LEVEL: 'silent', ...env });
  Object.defineProperty(config, 'reminderThresholds', {
    get: () => {
      throw new Error('planted: a provider failed after the core opened');
    },
  });
  return config;
}

/** A start-up hook (the command bus registering its handlers) that fails, after every provider was built. */
function failingStartUpHook() {
  return jest.spyOn(CommandBus.prototype, 'register').mockImplementation(() => {
    throw new Error('planted: a start-up hook failed');
  });
}

/**
 * When Nest fails to start after CoreModule opened the database (a later provider throws, or a
 * start-up hook does), Nest gives back no application to close: the start-up itself must close
 * what the core opened, so that the data-directory lock and the connections are released.
 */
describe('a start-up that fails after the core opened releases what it took', () => {
  const saved = { ...process.env };
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...saved };
  });

  it('the HTTP service, a provider failing: the lock is released and a second start succeeds', async () => {
    const dataDir = freshDataDir();
    const env = { REGISTRY_DATA_DIR: dataDir, DATABASE_URL: '' };
    await expect(createServer(failingAfterTheCoreOpened(env), silent, { scheduler: false })).rejects.toThrow(/planted/);
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
    const second = await createServer(loadConfig({ ...env, LOG_LEVEL: 'silent' }), silent, { scheduler: false });
    await second.close();
  }, 60_000);

  it('the HTTP service, a start-up hook failing: the lock is released and a second start succeeds', async () => {
    const dataDir = freshDataDir();
    const env = { REGISTRY_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
    const hook = failingStartUpHook();
    await expect(createServer(loadConfig(env), silent, { scheduler: false })).rejects.toThrow(/planted/);
    hook.mockRestore();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
    const second = await createServer(loadConfig(env), silent, { scheduler: false });
    await second.close();
  }, 60_000);

  it('the CLI, a start-up hook failing: the lock is released and the next command runs', async () => {
    const dataDir = freshDataDir();
    Object.assign(process.env, { REGISTRY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    delete process.env.DATABASE_URL;
    const hook = failingStartUpHook();
    await expect(withRegistry(async () => 'ran')).rejects.toThrow(/planted/);
    hook.mockRestore();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
    await expect(withRegistry(async () => 'ran')).resolves.toBe('ran');
  }, 60_000);

  // PGlite in one process has no server connections to count; the lock cases above cover it.
  (testTarget === 'postgres' ? it : it.skip)(
    'on PostgreSQL (runs only with DATABASE_URL), a provider failing: no connection is left open',
    async () => {
      const database = await freshDatabaseUrl();
      const databaseUrl = database.url!;
      try {
        await expect(createServer(failingAfterTheCoreOpened({ DATABASE_URL: databaseUrl }), silent, { scheduler: false })).rejects.toThrow(
          /planted/,
        );
        // DROP DATABASE without FORCE refuses while any session is connected to it.
        const name = new URL(databaseUrl).pathname.slice(1);
        await expect(adminQuery(process.env.DATABASE_URL!, `DROP DATABASE ${name}`)).resolves.toBeUndefined();
      } finally {
        await database.drop();
      }
    },
    60_000,
  );
});
