import { loadConfig } from './core/config.js';
import { createLogger } from './core/logger.js';
import { createServer } from './server.js';
import { verifyLog } from '@registry/event-store';
import { DataDirectoryInUseError } from '@registry/database';

const config = loadConfig();
const log = createLogger(config.logLevel);

async function main() {
  if (config.usingDevelopmentKeys)
    log.warn('REGISTRY_API_KEYS is not set: using the development keys dev-secretariat, dev-steward and dev-auditor');
  if (config.webhookUrl && config.webhookSecret === undefined)
    log.warn('REGISTRY_WEBHOOK_URL is set without REGISTRY_WEBHOOK_SECRET: reminders will be sent unsigned');
  const server = await createServer(config, log);
  await server.app.listen(config.port, '0.0.0.0');
  log.info(
    { port: config.port, database: server.database.kind, dataDir: config.databaseUrl ? undefined : config.dataDir },
    'registry listening',
  );
  // Checked after listening, so a long log does not delay start; a broken chain is loud, not fatal.
  if (config.verifyOnStart)
    void verifyLog(server.store)
      .then((result) =>
        result.ok
          ? log.info({ events: result.events }, 'event log verified: hash chains intact')
          : log.warn({ firstBrokenPosition: result.firstBrokenPosition, reason: result.reason }, 'EVENT LOG TAMPERED: hash chain broken'),
      )
      .catch((error) => log.warn({ err: error }, 'could not verify the event log at start'));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    await server.close().catch((error) => log.error({ err: error }, 'shutdown failed'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  if (error instanceof DataDirectoryInUseError) {
    log.fatal(
      { dataDir: error.dataDir, pid: error.pid },
      `registry cannot start: ${error.message}. Stop the other process, or point REGISTRY_DATA_DIR elsewhere.`,
    );
    process.exit(2);
  }
  log.fatal({ err: error }, `registry failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
