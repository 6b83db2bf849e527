import 'reflect-metadata';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { Command, CommanderError } from 'commander';
import { load as loadYaml } from 'js-yaml';
import { pino } from 'pino';
import {
  amendmentDocumentSchema,
  deliberationDocumentSchema,
  deliberationId,
  DomainError,
  releaseSchema,
} from '../../../libs/domain/src/index.js';
import { START } from '../../../libs/event-store/src/event-store.js';
import { verifyLog } from '../../../libs/event-store/src/verify.js';
import { loadConfig } from './config.js';
import { registryProjections, RegistryRuntime } from './infrastructure/runtime.js';
import { registryUpcasters } from './infrastructure/upcasters.js';
import { openDatabase } from '../../../libs/database/src/database.js';
import { DataDirectoryInUseError } from '../../../libs/database/src/data-dir-lock.js';
import { copyLog } from '../../../libs/event-store/src/copy-log.js';
import { openKurrentDbEventStore } from '../../../libs/event-store/src/kurrentdb-event-store.js';
import { PostgresEventStore } from '../../../libs/event-store/src/postgres-event-store.js';
import { ProjectionRunner } from '../../../libs/projections/src/projection-runner.js';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, usage: 2, notAuthorised: 3, tampered: 4, invalid: 5 } as const;

/** The project's own fixtures, found from the source file or from its build under dist/. */
function fixturesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return join(dir, 'fixtures') + '/';
  throw new Error('cannot find the fixtures directory');
}
const ctx = { actor: `cli:${process.env.USER ?? 'operator'}`, correlationId: `cli-${Date.now()}` };

async function withRuntime<T>(work: (runtime: RegistryRuntime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const runtime = await RegistryRuntime.open(config, pino({ level: process.env.LOG_LEVEL ?? 'warn' }));
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

function readDocument(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return /\.ya?ml$/i.test(path) ? loadYaml(text) : JSON.parse(text);
}

class CliFailure extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

/** Records a deliberation or an amendment document (told apart by its `changes`), validated by the API's schemas. */
async function importDocument(runtime: RegistryRuntime, path: string): Promise<string> {
  const document = readDocument(path) as Record<string, unknown>;
  const isAmendment = document && typeof document === 'object' && 'changes' in document;
  const schema = isAmendment ? amendmentDocumentSchema : deliberationDocumentSchema;
  const parsed = schema.safeParse(document);
  if (!parsed.success)
    throw new CliFailure(`${path} is not a valid ${isAmendment ? 'amendment' : 'deliberation'} document:\n${parsed.error.issues.map((i) => `  /${i.path.join('/')}: ${i.message}`).join('\n')}`, EXIT.invalid);
  if (!isAmendment) {
    const written = await runtime.deliberations.record(parsed.data as never, ctx);
    return `recorded deliberation ${written.number} (version ${written.version})`;
  }
  const amendment = parsed.data as { deliberation?: string };
  if (!amendment.deliberation) throw new CliFailure(`${path}: an amendment document must name its "deliberation" to be imported`, EXIT.invalid);
  const written = await runtime.deliberations.amend(deliberationId(amendment.deliberation), parsed.data as never, ctx);
  return `recorded amendment to ${written.number} (version ${written.version})`;
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

export function program(): Command {
  const cli = new Command('registry')
    .description('Deliberation and data-release registry: operate on the configured database (DATABASE_URL, or the embedded one in REGISTRY_DATA_DIR; stop the service first when it uses the embedded one).')
    .exitOverride();

  cli.command('seed').description('record deliberation 24/130 and its amendment of 5 November 2024 (skips what is already there)').action(async () =>
    withRuntime(async (runtime) => {
      for (const file of ['24-130.deliberation.json', '24-130.amendment-1.json']) {
        try {
          console.log(await importDocument(runtime, fixturesDir() + file));
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          console.log(`skipped ${file}: ${error.message}`);
          if (file.includes('deliberation')) break;
        }
      }
    }));

  cli.command('import').argument('<files...>', 'deliberation or amendment documents, JSON or YAML').description('record documents, validated like the API does').action(async (files: string[]) =>
    withRuntime(async (runtime) => {
      for (const file of files) console.log(await importDocument(runtime, file));
    }));

  cli
    .command('check')
    .description('is this release authorised? prints the answer and every failing rule (exit 3 when refused)')
    .requiredOption('--recipient <party>')
    .requiredOption('--dataset <dataset>')
    .option('--deliberation <number>', 'e.g. 24/130; without it every deliberation naming the recipient is tried')
    .option('--access <mode>', 'transfer or secure-onsite')
    .option('--on <date>', 'YYYY-MM-DD, default today (Europe/Brussels)')
    .option('--years <list>', 'reference years, comma-separated', '')
    .option('--variables <list>', 'variable references, comma-separated (code, code@T+1, code@T-1)', '')
    .option('--table <table>')
    .option('--subjects <n>')
    .option('--known-at <instant>')
    .action(async (o) =>
      withRuntime(async (runtime) => {
        const release = releaseSchema.safeParse({
          deliberation: o.deliberation, recipient: o.recipient, dataset: o.dataset, access: o.access, on: o.on,
          referenceYears: list(o.years).map(Number), variables: list(o.variables), table: o.table,
          subjects: o.subjects === undefined ? undefined : Number(o.subjects), knownAt: o.knownAt,
        });
        if (!release.success) throw new CliFailure(release.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'), EXIT.usage);
        const answer = await runtime.deliberations.check(release.data);
        console.log(`${answer.authorised ? 'AUTHORISED' : 'NOT AUTHORISED'} under ${answer.deliberation ?? '(no deliberation)'} version ${answer.version ?? '-'} on ${answer.on}`);
        if (answer.reasons.length) {
          const table = new Table({ head: ['rule', 'clause', 'why'], colWidths: [32, 18, 80], wordWrap: true });
          for (const r of answer.reasons) table.push([r.code, r.clause ?? '', r.message]);
          console.log(table.toString());
        }
        if (!answer.authorised) process.exitCode = EXIT.notAuthorised;
      }));

  cli.command('schedule').description('deliveries still to be destroyed, by deadline').option('--as-of <date>').option('--within <days>', 'days counted as due', '90').action(async (o) =>
    withRuntime(async (runtime) => {
      const entries = await runtime.deliveries.schedule(o.asOf, Number(o.within));
      const table = new Table({ head: ['destroy by', 'days left', 'status', 'deliberation', 'dataset', 'recipient', 'delivery'] });
      for (const e of entries) table.push([e.destroyBy, e.daysLeft, e.status, e.deliberation, e.dataset, e.recipient, e.delivery]);
      console.log(entries.length ? table.toString() : 'nothing to destroy');
    }));

  cli.command('verify').description('re-hash the whole log; exit 4 when it was tampered with').action(async () =>
    withRuntime(async (runtime) => {
      const result = await verifyLog(runtime.store);
      console.log(JSON.stringify(result));
      if (!result.ok) process.exitCode = EXIT.tampered;
    }));

  cli.command('rebuild').argument('[projection]', 'one projection; all rebuildable ones when omitted').description('drop read models and replay the log into them').action(async (name?: string) =>
    withRuntime(async (runtime) => {
      const names = name ? [name] : runtime.projections.projections.filter((p) => p.rebuildable !== false).map((p) => p.name);
      for (const projection of names) {
        // A bar on a terminal; one line per batch otherwise (logs, scripts).
        const bar = process.stderr.isTTY ? new SingleBar({ format: `${projection.padEnd(20)} {bar} {value} events`, hideCursor: true }) : undefined;
        bar?.start(0, 0);
        const events = await runtime.projections.rebuild(projection, (n) => {
          if (!bar) return void console.log(`${projection}: ${n} events replayed`);
          bar.setTotal(n);
          bar.update(n);
        });
        bar?.stop();
        console.log(`rebuilt ${projection} from ${events} events`);
      }
    }));

  cli.command('export').description('the whole log as JSON lines, in commit order').option('--out <file>', 'write to a file instead of standard output').action(async (o) =>
    withRuntime(async (runtime) => {
      const out = o.out ? createWriteStream(o.out) : process.stdout;
      let checkpoint = START;
      for (;;) {
        const batch = await runtime.store.readAll(checkpoint, 1000, { raw: true });
        if (batch.events.length === 0) break;
        for (const event of batch.events) out.write(`${JSON.stringify(event)}\n`);
        checkpoint = batch.checkpoint;
      }
      if (o.out) await new Promise((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
    }));

  cli
    .command('copy-log')
    .description('copy the whole log between PostgreSQL (DATABASE_URL or the embedded one) and KurrentDB, verify it, and re-point the read models at the target')
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
        const runner = new ProjectionRunner(database.dataSource, to, registryProjections(() => []));
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
