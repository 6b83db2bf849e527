import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { DomainError } from '@registry/domain';
import { DataDirectoryInUseError } from '@registry/database';
import { copyLogCommand } from './cli/copy-log.js';
import { checkCommand } from './cli/check.js';
import { deliveriesCommand } from './cli/deliveries.js';
import { exportCommand } from './cli/export.js';
import { importCommand } from './cli/import.js';
import { rebuildCommand } from './cli/rebuild.js';
import { remindersCommand } from './cli/reminders.js';
import { scheduleCommand } from './cli/schedule.js';
import { seedCommand } from './cli/seed.js';
import { verifyCommand } from './cli/verify.js';
import { CliFailure, EXIT } from './cli/shared.js';

export { EXIT } from './cli/shared.js';

/** The operator's command line: one file per command under cli/. */
export function program(): Command {
  const cli = new Command('registry')
    .description(
      'Deliberation and data-release registry: operate on the configured database (DATABASE_URL, or the embedded one in REGISTRY_DATA_DIR; stop the service first when it uses the embedded one). Exit codes: 0 ok, 1 failure, 2 usage, 3 not authorised, 4 log tampered with, 5 invalid or already recorded.',
    )
    .exitOverride();
  for (const add of [
    seedCommand,
    importCommand,
    checkCommand,
    scheduleCommand,
    deliveriesCommand,
    remindersCommand,
    verifyCommand,
    rebuildCommand,
    exportCommand,
    copyLogCommand,
  ])
    add(cli);
  return cli;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof CliFailure) {
      console.error(error.message);
      return error.code;
    }
    if (error instanceof DataDirectoryInUseError) {
      console.error(`registry: ${error.message}.\nStop the service first, or send the change to the running service through its HTTP API.`);
      return EXIT.failure;
    }
    console.error(`registry: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof DomainError ? EXIT.invalid : EXIT.failure;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run(process.argv.slice(2)).then((code) => process.exit(code));
}
