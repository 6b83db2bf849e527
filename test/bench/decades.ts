/**
 * `npm run bench -- --scale decades`: builds the decades-scale data set (10,000 deliberations,
 * 1,000,000 deliveries and what followed them, times --fraction) and measures, in one run and on
 * one database, every figure of docs/performance.md "Decades scale" against its same-run baseline.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../apps/registry/src/core/config.js';
import { openBenchRegistry, type BenchRegistry } from './registry.js';
import { timelineOf, type DeliberationTimeline } from '@registry/domain';
import { toRecorded } from '../../apps/registry/src/core/event-sourced-repository.js';
import { eventHash } from '@registry/event-store';
import { freshPlace } from './databases.js';
import { recordDeliberationShapes, shapeOf } from './decades-shapes.js';
import { RUN_DATE, deliveryEvents, eligibleFor, loadDeliveryStreams, type Deliberated } from './decades-deliveries.js';
import { measureServer, type ServerFigures } from './decades-http.js';
import type { BenchOptions, TargetName } from './options.js';
import { rawCursorRead, type Throughput } from './rebuild.js';
import { fmt } from './report.js';

const log = (message: string) => process.stderr.write(`${message}\n`);

export interface DecadesFigures {
  target: TargetName;
  deliberations: number;
  deliberationCommands: number;
  deliberationsMs: number;
  deliveries: number;
  events: number;
  loadMs: number;
  rebuilds: { name: string; throughput: Throughput }[];
  rebuildAllMs: number;
  /** Bytes on disk after VACUUM: es_events with its indexes, and the whole database. */
  sizes: { log: number; database: number };
  rawRead: Throughput;
  reminderRun: {
    ms: number;
    issued: number;
    obligations: number;
    open: number;
    wholeReadMs: number;
    scheduleRows: number;
    reminderRows: number;
    dueReadMs: number;
    dueRows: number;
  };
  reminderRerun: { ms: number; issued: number };
  server: ServerFigures;
}

/** Reads every deliberation back through the store and folds it, as the service does. */
async function deliberated(runtime: BenchRegistry, total: number): Promise<Deliberated[]> {
  const shapes = Array.from({ length: total }, (_, i) => shapeOf(i + 1, total));
  const out: Deliberated[] = [];
  for (let i = 0; i < shapes.length; i += 1000) {
    const part = shapes.slice(i, i + 1000);
    const streams = await runtime.store.readStreams(part.map((s) => `deliberation-${s.id}`));
    for (const shape of part) {
      const timeline = timelineOf((streams.get(`deliberation-${shape.id}`) ?? []).map(toRecorded) as never) as
        DeliberationTimeline | undefined;
      if (!timeline) throw new Error(`deliberation ${shape.number} was not recorded`);
      out.push({ shape, timeline });
    }
  }
  return out;
}

/**
 * The bulk load writes what the store's append writes: one more delivery is appended through
 * PostgresEventStore.append and its stored hashes compared with those computed for the load;
 * then a random sample of loaded streams is re-hashed as read back through the store.
 */
async function verifyLoad(runtime: BenchRegistry, data: Deliberated[], count: number): Promise<void> {
  const probe = deliveryEvents(count, eligibleFor(data), runtime.config.reminderThresholds);
  const streamId = probe[0].streamId;
  await runtime.store.append(
    streamId,
    probe.map(({ eventId, type, data: d, metadata }) => ({ eventId, type, schemaVersion: 1, data: d, metadata: metadata as never })),
    0,
    // The loader writes the data set's own times, as a log copy does (the store stamps its clock otherwise).
    { keepRecordedAt: true },
  );
  const stored = await runtime.store.readStream(streamId);
  if (stored.map((e) => e.hash).join() !== probe.map((e) => e.hash).join())
    throw new Error('the store appended other hashes than the bulk load computes');
  const sample: { stream_id: string }[] = await runtime.database.dataSource.query(
    `SELECT stream_id FROM es_streams WHERE stream_id LIKE 'delivery-%' ORDER BY random() LIMIT 200`,
  );
  const streams = await runtime.store.readStreams(sample.map((r) => r.stream_id));
  for (const [id, events] of streams)
    for (const e of events)
      if (eventHash(e.previousHash, { ...e, streamId: id }) !== e.hash)
        throw new Error(`bulk-loaded event ${e.eventId} of ${id} does not hash to its stored hash`);
}

async function buildAndRebuild(runtime: BenchRegistry, options: BenchOptions, fraction: number) {
  const deliberations = Math.max(40, Math.round(10_000 * fraction));
  const deliveries = Math.max(1000, Math.round(1_000_000 * fraction));
  log(`  ${deliberations} deliberations through the service (8 at a time)`);
  const recorded = await recordDeliberationShapes(runtime, deliberations, 8, (k) => log(`    ${k} deliberations`));
  log(`  ${recorded.commands} commands in ${fmt.ms(recorded.ms)}`);
  const data = await deliberated(runtime, deliberations);
  log(`  ${deliveries} delivery streams, bulk`);
  const loaded = await loadDeliveryStreams(
    runtime.database.dataSource,
    data,
    deliveries,
    runtime.config.reminderThresholds,
    (done, events) => {
      if (done % 100_000 === 0 || done === deliveries) log(`    ${done} deliveries, ${events} events`);
    },
  );
  await verifyLoad(runtime, data, deliveries);
  log(`  ${fmt.int(loaded.events)} events in ${fmt.ms(loaded.ms)}; store append and a sample of 200 streams re-hashed: identical`);
  // Each read model rebuilt alone, one after the other (on two cores, rebuilding them together
  // was no faster in total and slowed each one down).
  const started = performance.now();
  const rebuilds: DecadesFigures['rebuilds'] = [];
  for (const projection of runtime.projections.projections) {
    if (projection.rebuildable === false) {
      // The outbox only turns reminders into sends; none are configured here (and the reminders are history).
      await runtime.projections.skipTo(projection.name, await runtime.store.headCheckpoint());
      continue;
    }
    const begun = performance.now();
    const events = await runtime.projections.rebuild(projection.name);
    const ms = performance.now() - begun;
    rebuilds.push({ name: projection.name, throughput: { events, ms, perSecond: events / (ms / 1000) } });
    log(`  rebuild ${projection.name}: ${fmt.int(events)} events in ${fmt.ms(ms)} (${fmt.int(events / (ms / 1000))} ev/s)`);
  }
  const rebuildAllMs = performance.now() - started;
  await runtime.projections.catchUp();
  const rawRead = await rawCursorRead(runtime);
  log(`  raw cursor read: ${fmt.int(rawRead.events)} events in ${fmt.ms(rawRead.ms)} (${fmt.int(rawRead.perSecond)} ev/s)`);
  // What autovacuum does within minutes in production; without it the planner knows nothing of
  // the rebuilt read models, and autovacuum would run during the measures below.
  const vacuumStarted = performance.now();
  if (runtime.database.kind !== 'pglite') await runtime.database.dataSource.query('VACUUM (ANALYZE)');
  log(`  VACUUM (ANALYZE) in ${fmt.ms(performance.now() - vacuumStarted)}`);
  const [sizes] = await runtime.database.dataSource.query(
    `SELECT pg_total_relation_size('es_events')::float8 AS log, pg_database_size(current_database())::float8 AS database`,
  );
  log(`  event log ${fmt.mb(sizes.log)} with its indexes; whole database ${fmt.mb(sizes.database)}`);
  return {
    deliberations,
    deliberationCommands: recorded.commands,
    deliberationsMs: recorded.ms,
    deliveries,
    events: rawRead.events,
    loadMs: loaded.ms,
    rebuilds,
    rebuildAllMs,
    rawRead,
    sizes: sizes as { log: number; database: number },
    data,
  };
}

async function reminderRuns(runtime: BenchRegistry) {
  const [{ open }] = await runtime.database.dataSource.query(
    `SELECT count(*)::int AS open FROM rm_deliveries WHERE obligation AND destroyed_on IS NULL`,
  );
  const [{ all }] = await runtime.database.dataSource.query(`SELECT count(*)::int AS all FROM rm_deliveries WHERE obligation`);
  const ctx = () => ({ actor: 'bench', correlationId: randomUUID() });
  // The ledger filter of the page measure: the recipient and deliberation with the most deliveries.
  const [ledgerFilter] = await runtime.database.dataSource.query(
    `SELECT recipient, deliberation FROM rm_deliveries GROUP BY recipient, deliberation ORDER BY count(*) DESC LIMIT 1`,
  );
  // Baseline: what a run read before it read only what is due (the whole schedule and every reminder).
  let started = performance.now();
  const schedule = await runtime.deliveries.schedule(RUN_DATE);
  const allReminders = await runtime.database.dataSource.query('SELECT delivery_id::text, threshold FROM rm_reminders');
  const wholeReadMs = performance.now() - started;
  log(
    `  baseline read (whole schedule ${fmt.int(schedule.length)} rows, every reminder ${fmt.int(allReminders.length)} rows): ${fmt.ms(wholeReadMs)}`,
  );
  started = performance.now();
  const due = await runtime.deliveries.dueObligations(RUN_DATE, Math.max(...runtime.config.reminderThresholds));
  const dueReadMs = performance.now() - started;
  log(`  read of what is due: ${fmt.int(due.length)} rows in ${fmt.ms(dueReadMs)}`);
  started = performance.now();
  const first = await runtime.reminders.run(RUN_DATE, ctx());
  const reminderRun = {
    ms: performance.now() - started,
    issued: first.length,
    obligations: all,
    open,
    wholeReadMs,
    scheduleRows: schedule.length,
    reminderRows: allReminders.length,
    dueReadMs,
    dueRows: due.length,
  };
  log(
    `  reminder run on ${RUN_DATE} over ${fmt.int(all)} obligations (${fmt.int(open)} open): ${first.length} issued in ${fmt.ms(reminderRun.ms)}`,
  );
  started = performance.now();
  const again = await runtime.reminders.run(RUN_DATE, ctx());
  const reminderRerun = { ms: performance.now() - started, issued: again.length };
  log(`  the same run again: ${again.length} issued in ${fmt.ms(reminderRerun.ms)}`);
  return { reminderRun, reminderRerun, ledgerFilter: ledgerFilter as { recipient: string; deliberation: string } };
}

export async function runDecades(target: TargetName, options: BenchOptions): Promise<DecadesFigures> {
  const { fraction, soakSeconds } = options.decades!;
  const place = await freshPlace(target, options.databaseUrl, options.tmpDir);
  try {
    log(`[${target}] decades ×${fraction}: build, rebuild, reminders`);
    const config = loadConfig({ ...place.env, LOG_LEVEL: 'silent' });
    const runtime = await openBenchRegistry(config);
    let built: Awaited<ReturnType<typeof buildAndRebuild>>;
    let runs: Awaited<ReturnType<typeof reminderRuns>>;
    try {
      built = await buildAndRebuild(runtime, options, fraction);
      runs = await reminderRuns(runtime);
    } finally {
      await runtime.close();
    }
    log(`[${target}] the service on the loaded database`);
    const { ledgerFilter, ...reminders } = runs;
    const server = await measureServer(place.env, built.data, ledgerFilter, options, soakSeconds, log);
    const { data: _, ...figures } = built;
    return { target, ...figures, ...reminders, server };
  } finally {
    await place.drop();
  }
}
