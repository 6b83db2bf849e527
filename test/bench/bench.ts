/**
 * `npm run bench`: the registry measured against baselines taken in the same run, on PGlite
 * (embedded) and on PostgreSQL (when DATABASE_URL is set). Prints one table; see
 * docs/performance.md for what each row means and the figures of a recorded run.
 */
import { cpus, totalmem } from 'node:os';
import { loadConfig } from '../../apps/registry/src/core/config.js';
import { openBenchRegistry } from './registry.js';
import { appendBench, EVENT_BYTES, type AppendResults, type Rate } from './append.js';
import { checkLoadedHashes, loadDeliveries, recordDeliberations, recipientsOf } from './dataset.js';
import { freshPlace } from './databases.js';
import { parseOptions, USAGE, type BenchOptions, type TargetName } from './options.js';
import { catchUp, rawCursorRead, rebuild, type Throughput } from './rebuild.js';
import { fmt, markdownTable, median, ratioCell, type Row } from './report.js';
import { printDecades } from './decades-report.js';
import { bareNodeRssBytes, bareNodeStartMs, load, rssBytes, startServer, type HttpResult } from './server.js';

const log = (message: string) => process.stderr.write(`${message}\n`);

interface TargetResults {
  append: AppendResults[];
  recordDeliberationsMs: number;
  loadDeliveriesMs: number;
  catchUpMs: number;
  events: number;
  ledgerRebuild: Throughput;
  indexRebuild: Throughput;
  rawRead: Throughput;
  loadedStartMs: number;
  health: HttpResult;
  checks: HttpResult;
  checksByRecipient: HttpResult;
  rssStarted: number;
  rssAfterLoad: number;
  emptyStartMs: number[];
}

function checkBodies(deliberations: number, named: boolean): string[] {
  return Array.from({ length: Math.min(deliberations, 200) }, (_, i) => {
    const k = 1 + Math.floor((i * deliberations) / Math.min(deliberations, 200));
    return JSON.stringify({
      ...(named ? { deliberation: `25/${k}` } : {}),
      recipient: recipientsOf(k)[0],
      dataset: 'sample',
      on: '2025-01-15',
      referenceYears: [2021],
      table: 'with-next-year',
      variables: ['person.sex', 'person.province', 'work.nace_code@T+1'],
    });
  });
}

async function measureTarget(target: TargetName, options: BenchOptions): Promise<TargetResults> {
  const fresh = () => freshPlace(target, options.databaseUrl, options.tmpDir);

  log(
    `[${target}] 1. appends (${options.appendSeconds} s per system and client count, ${options.appendStreams} streams, ${EVENT_BYTES}-byte events)`,
  );
  const appendPlace = await fresh();
  let append: AppendResults[];
  const appendDb = await appendPlace.open();
  try {
    append = await appendBench(appendDb, [1, 8], options.appendStreams, options.appendSeconds, log);
  } finally {
    await appendDb.close();
    await appendPlace.drop();
  }

  log(`[${target}] 2. dataset: ${options.deliberations} deliberations through the service, ${options.deliveries} deliveries bulk-loaded`);
  const place = await fresh();
  let data: Pick<
    TargetResults,
    'recordDeliberationsMs' | 'loadDeliveriesMs' | 'catchUpMs' | 'events' | 'ledgerRebuild' | 'indexRebuild' | 'rawRead'
  >;
  let http: Pick<TargetResults, 'loadedStartMs' | 'health' | 'checks' | 'checksByRecipient' | 'rssStarted' | 'rssAfterLoad'>;
  try {
    const config = loadConfig({ ...place.env, LOG_LEVEL: 'silent' });
    const runtime = await openBenchRegistry(config);
    try {
      const recordDeliberationsMs = await recordDeliberations(runtime, options.deliberations);
      log(`  ${options.deliberations} deliberations recorded in ${fmt.ms(recordDeliberationsMs)}`);
      const sample = JSON.parse(checkBodies(options.deliberations, true)[0]);
      const answer = await runtime.deliberations.check(sample);
      log(`  sample check: authorised=${answer.authorised} ${answer.reasons.map((r) => r.code).join(',')}`);
      const loadDeliveriesMs = await loadDeliveries(runtime.database.dataSource, options.deliveries, options.deliberations, (done) =>
        log(`  loaded ${done} deliveries`),
      );
      await checkLoadedHashes(runtime);
      log(`  ${options.deliveries} deliveries loaded in ${fmt.ms(loadDeliveriesMs)} (sample of hashes re-computed: valid)`);
      const catchUpMs = await catchUp(runtime);
      log(`  projections caught up in ${fmt.ms(catchUpMs)}`);
      log(`[${target}] 3. rebuilds`);
      const ledgerRebuild = await rebuild(runtime, 'delivery-ledger');
      log(`  delivery-ledger rebuild: ${fmt.int(ledgerRebuild.events)} events in ${fmt.ms(ledgerRebuild.ms)}`);
      const indexRebuild = await rebuild(runtime, 'deliberation-index');
      log(`  deliberation-index rebuild: ${fmt.int(indexRebuild.events)} events in ${fmt.ms(indexRebuild.ms)}`);
      const rawRead = await rawCursorRead(runtime);
      log(`  raw cursor read: ${fmt.int(rawRead.events)} events in ${fmt.ms(rawRead.ms)}`);
      data = { recordDeliberationsMs, loadDeliveriesMs, catchUpMs, events: rawRead.events, ledgerRebuild, indexRebuild, rawRead };
    } finally {
      await runtime.close();
    }

    log(`[${target}] 4. HTTP (autocannon, ${options.httpConnections} connections, ${options.httpSeconds} s each) on the loaded database`);
    const server = await startServer(place.env);
    try {
      const rssStarted = rssBytes(server.child.pid!);
      log(`  started in ${fmt.ms(server.startMs)}, ${fmt.mb(rssStarted)} resident`);
      const health = await load(server.url, { method: 'GET', path: '/health' }, options.httpConnections, options.httpSeconds);
      log(
        `  /health: ${fmt.int(health.requestsPerSecond)}/s p50 ${health.p50} ms p99 ${health.p99} ms (non-2xx ${health.non2xx}, errors ${health.errors})`,
      );
      const checks = await load(
        server.url,
        { method: 'POST', path: '/authorisation-checks', bodies: checkBodies(options.deliberations, true) },
        options.httpConnections,
        options.httpSeconds,
      );
      log(
        `  checks (named): ${fmt.int(checks.requestsPerSecond)}/s p50 ${checks.p50} ms p99 ${checks.p99} ms (non-2xx ${checks.non2xx}, errors ${checks.errors})`,
      );
      const checksByRecipient = await load(
        server.url,
        { method: 'POST', path: '/authorisation-checks', bodies: checkBodies(options.deliberations, false) },
        options.httpConnections,
        options.httpSeconds,
      );
      log(
        `  checks (by recipient): ${fmt.int(checksByRecipient.requestsPerSecond)}/s p50 ${checksByRecipient.p50} ms p99 ${checksByRecipient.p99} ms (non-2xx ${checksByRecipient.non2xx}, errors ${checksByRecipient.errors})`,
      );
      const rssAfterLoad = rssBytes(server.child.pid!);
      log(`  resident after load: ${fmt.mb(rssAfterLoad)}`);
      http = { loadedStartMs: server.startMs, health, checks, checksByRecipient, rssStarted, rssAfterLoad };
    } finally {
      await server.stop();
    }
  } finally {
    await place.drop();
  }

  log(`[${target}] 5. cold starts on an empty database (${options.starts}×)`);
  const emptyStartMs: number[] = [];
  for (let i = 0; i < options.starts; i++) {
    const p = await fresh();
    try {
      const s = await startServer(p.env);
      emptyStartMs.push(s.startMs);
      await s.stop();
    } finally {
      await p.drop();
    }
  }
  log(`  ${emptyStartMs.map(fmt.ms).join(', ')}`);
  return { append, ...data, ...http, emptyStartMs };
}

function appendCell(ours: Rate, other: Rate, minimum: number, otherName: string): string {
  if ('error' in ours) return `ours failed: ${ours.error}`;
  if ('error' in other) return `n/a: ${otherName} failed (${other.error})`;
  return ratioCell(ours.perSecond, other.perSecond, '/s', ours.perSecond / other.perSecond >= minimum);
}

function rows(results: Partial<Record<TargetName, TargetResults>>, nodeStartMs: number, nodeRss: number): Row[] {
  const out: Row[] = [];
  const each = (f: (r: TargetResults, t: TargetName) => string) =>
    Object.fromEntries(Object.entries(results).map(([t, r]) => [t, f(r!, t as TargetName)])) as Row['cells'];
  for (const [i, clients] of [1, 8].entries()) {
    out.push({
      measure: `Append, ${clients} client${clients > 1 ? 's' : ''}: our store (version check + hash chain), 1 event per append`,
      baseline: 'raw single-row INSERT (own transaction)',
      target: '≥ 0.5×',
      cells: each((r) => appendCell(r.append[i].ours, r.append[i].raw, 0.5, 'raw')),
    });
    out.push({
      measure: `Append, ${clients} client${clients > 1 ? 's' : ''}: our store`,
      baseline: 'Emmett 0.42 appendToStream, expected version',
      target: '≥ 1×',
      cells: each((r) => appendCell(r.append[i].ours, r.append[i].emmett, 1, 'Emmett')),
    });
  }
  out.push({
    measure: 'Rebuild delivery-ledger (ProjectionRunner.rebuild, whole log), events/s',
    baseline: 'raw cursor read of the same rows',
    target: '≥ 50,000 ev/s',
    cells: each((r) => ratioCell(r.ledgerRebuild.perSecond, r.rawRead.perSecond, ' ev/s', r.ledgerRebuild.perSecond >= 50_000)),
  });
  out.push({
    measure: 'Rebuild deliberation-index (skips deliveries: the read path), events/s',
    baseline: 'raw cursor read of the same rows',
    target: '—',
    cells: each((r) => ratioCell(r.indexRebuild.perSecond, r.rawRead.perSecond, ' ev/s')),
  });
  out.push({
    measure: 'POST /authorisation-checks naming the deliberation, req/s',
    baseline: 'GET /health, same server',
    target: '≥ 0.5×',
    cells: each((r) =>
      ratioCell(
        r.checks.requestsPerSecond,
        r.health.requestsPerSecond,
        '/s',
        r.checks.requestsPerSecond / r.health.requestsPerSecond >= 0.5,
      ),
    ),
  });
  out.push({
    measure: 'same checks: p50 latency',
    baseline: 'GET /health p50',
    target: '—',
    cells: each((r) => ratioCell(r.checks.p50, Math.max(r.health.p50, 0.001), '', undefined, fmt.ms)),
  });
  out.push({
    measure: 'same checks: p99 latency',
    baseline: 'GET /health p99',
    target: 'p99 < 20 ms',
    cells: each((r) => ratioCell(r.checks.p99, Math.max(r.health.p99, 0.001), '', r.checks.p99 < 20, fmt.ms)),
  });
  out.push({
    measure: 'POST /authorisation-checks by recipient (no deliberation named), req/s; p99',
    baseline: 'GET /health, same server',
    target: '—',
    cells: each(
      (r) =>
        `${ratioCell(r.checksByRecipient.requestsPerSecond, r.health.requestsPerSecond, '/s')}; p99 ${fmt.ms(r.checksByRecipient.p99)}`,
    ),
  });
  out.push({
    measure: 'Resident memory of the service after the HTTP load',
    baseline: 'bare `node -e` process',
    target: '—',
    cells: each((r) => ratioCell(r.rssAfterLoad, nodeRss, '', undefined, fmt.mb)),
  });
  out.push({
    measure: 'Cold start to 200 on /health, empty database (median)',
    baseline: 'bare `node -e 0` start',
    target: '< 3 s on PostgreSQL',
    cells: each((r, t) =>
      ratioCell(median(r.emptyStartMs), nodeStartMs, '', t === 'postgres' ? median(r.emptyStartMs) < 3000 : undefined, fmt.ms),
    ),
  });
  out.push({
    measure: 'Cold start to 200 on /health, loaded database',
    baseline: 'bare `node -e 0` start',
    target: '< 3 s on PostgreSQL',
    cells: each((r, t) => ratioCell(r.loadedStartMs, nodeStartMs, '', t === 'postgres' ? r.loadedStartMs < 3000 : undefined, fmt.ms)),
  });
  return out;
}

async function main() {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const options = parseOptions(process.argv.slice(2), process.env);
  const started = performance.now();
  const nodeStartMs = median(Array.from({ length: 5 }, bareNodeStartMs));
  const nodeRss = median(Array.from({ length: 3 }, bareNodeRssBytes));
  if (options.decades) return printDecades(options, started, nodeStartMs, nodeRss);
  const results: Partial<Record<TargetName, TargetResults>> = {};
  for (const target of options.targets) results[target] = await measureTarget(target, options);

  const any = Object.values(results)[0]!;
  console.log(
    `\nRegistry benchmark — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores, ${fmt.mb(totalmem())} memory`,
  );
  console.log(
    `Sizes: appends ${options.appendSeconds} s per system and client count (after 1 s warm-up), ${options.appendStreams} streams, ${EVENT_BYTES}-byte events; ` +
      `${fmt.int(options.deliberations)} deliberations + ${fmt.int(options.deliveries)} deliveries (log of ${fmt.int(any.events)} events); ` +
      `HTTP ${options.httpConnections} connections × ${options.httpSeconds} s; ${options.starts} empty cold starts (median). ` +
      `PGlite: one connection (pglite-socket), as the service uses it.`,
  );
  for (const [t, r] of Object.entries(results))
    console.log(
      `Setup (${t}): ${fmt.int(options.deliberations)} deliberations through the service in ${fmt.ms(r.recordDeliberationsMs)}; ` +
        `bulk load in ${fmt.ms(r.loadDeliveriesMs)}; catch-up of the 4 projections in ${fmt.ms(r.catchUpMs)}; ` +
        `health ${fmt.int(r.health.requestsPerSecond)}/s p99 ${r.health.p99} ms; resident ${fmt.mb(r.rssStarted)} after start; ` +
        `errors/non-2xx: health ${r.health.errors}/${r.health.non2xx}, checks ${r.checks.errors}/${r.checks.non2xx}, by recipient ${r.checksByRecipient.errors}/${r.checksByRecipient.non2xx}`,
    );
  console.log(
    `Baselines: bare node start ${fmt.ms(nodeStartMs)}, bare node resident ${fmt.mb(nodeRss)}. Run took ${fmt.ms(performance.now() - started)}.\n`,
  );
  console.log(markdownTable(rows(results, nodeStartMs, nodeRss), options.targets));
}

process.on('uncaughtException', (error) => {
  console.error(`uncaught: ${error instanceof Error ? error.stack : String(error)}`.slice(0, 2000));
  process.exit(1);
});

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
