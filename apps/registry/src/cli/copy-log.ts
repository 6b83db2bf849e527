import type { Command } from 'commander';
import { openDatabase } from '@registry/database';
import { copyLog } from '@registry/event-store';
import { openKurrentDbEventStore } from '@registry/event-store/kurrentdb';
import { PostgresEventStore } from '@registry/event-store';
import { COPY_FROM, ProjectionRunner } from '@registry/projections';
import { loadConfig } from '../core/config.js';
import { registryProjections } from '../core/registry-infrastructure.js';
import { registryUpcasters } from '../core/upcasters.js';
import { CliFailure, EXIT } from './shared.js';

export function copyLogCommand(cli: Command) {
  cli
    .command('copy-log')
    .description(
      'copy the whole log between PostgreSQL (DATABASE_URL or the embedded one) and KurrentDB, verify it, and re-point the read models at the target',
    )
    .requiredOption('--to <store>', 'kurrentdb or postgres')
    .option('--kurrentdb-url <url>', 'default KURRENTDB_URL')
    .action(async (o) => {
      if (!['kurrentdb', 'postgres'].includes(o.to)) throw new CliFailure('--to takes kurrentdb or postgres', EXIT.usage);
      const config = loadConfig();
      const url = o.kurrentdbUrl ?? config.kurrentDbUrl;
      if (!url) throw new CliFailure('give --kurrentdb-url or set KURRENTDB_URL', EXIT.usage);
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, timeouts: config.databaseTimeouts });
      const postgres = new PostgresEventStore(database.dataSource, registryUpcasters());
      const kurrent = await openKurrentDbEventStore(url, registryUpcasters());
      try {
        const [from, to] = o.to === 'kurrentdb' ? [postgres, kurrent] : [kurrent, postgres];
        const result = await copyLog(from, to, (p) => console.log(`copied ${p.appended}, already there ${p.skipped}, read ${p.read}`));
        console.log(`copy verified: ${result.verify.events} events, head ${result.verify.head}`);
        await database.dataSource.query('ANALYZE'); // fresh planner statistics after a bulk load
        // Checkpoints of one store mean nothing to the other: replay the read models from the target.
        const runner = new ProjectionRunner(
          database.dataSource,
          to,
          registryProjections(() => []),
          { copyFrom: database.kind === 'postgres' ? COPY_FROM : undefined },
        );
        for (const projection of runner.projections) {
          if (projection.rebuildable === false) await runner.skipTo(projection.name, await to.headCheckpoint());
          else console.log(`rebuilt ${projection.name} from ${await runner.rebuild(projection.name)} events`);
        }
        console.log(`now run the service ${o.to === 'kurrentdb' ? `with KURRENTDB_URL=${url}` : 'without KURRENTDB_URL'}`);
      } finally {
        await kurrent.close();
        await database.close();
      }
    });
}
