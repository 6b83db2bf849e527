/** The service on the decades data set: start, /ready, checks at 1 and 32 connections, first pages, soak. */
import { addDays } from '../../libs/domain/src/shared/dates.js';
import type { Deliberated } from './decades-deliveries.js';
import { RUN_DATE } from './decades-deliveries.js';
import { freshPlace } from './databases.js';
import type { BenchOptions } from './options.js';
import { fmt, median } from './report.js';
import { BENCH_KEY, load, rssBytes, startServer, type HttpResult } from './server.js';

export interface PageFigures {
  path: string;
  paged: boolean;
  p50: number;
  max: number;
  bytes: number;
  items: number;
}

export interface ServerFigures {
  startMs: number;
  readyMs: number;
  emptyStartMs: number[];
  http: Record<'health' | 'named' | 'byRecipient', Record<1 | 32, HttpResult>>;
  health1Sequential: number;
  pages: { schedule: PageFigures; ledger: PageFigures };
  /** After the check loads, before the page requests; and after those. */
  rssAfterChecks: number;
  rssAfterLoad: number;
  soak: { seconds: number; checks: number; rssSamples: number[]; checksPerSecond: number };
  authorisedShare: number;
}

function checkBodies(data: Deliberated[], named: boolean): string[] {
  const n = Math.min(200, data.length);
  return Array.from({ length: n }, (_, i) => {
    const { shape } = data[Math.floor((i * data.length) / n)];
    return JSON.stringify({
      ...(named ? { deliberation: shape.number } : {}),
      recipient: shape.recipients[0],
      dataset: 'sample',
      on: addDays(shape.effectiveFrom, 30),
      referenceYears: [2021],
      table: 'with-next-year',
      variables: ['person.sex', 'person.province', 'work.nace_code@T+1'],
    });
  });
}

const get = async (url: string, path: string) => {
  const started = performance.now();
  const response = await fetch(url + path, { headers: { authorization: `Bearer ${BENCH_KEY}` }, signal: AbortSignal.timeout(300_000) });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
};

/** Median and worst of 5 sequential GETs (3 for a whole list) after one unmeasured; asks for a page of 50 when the API takes `limit`. */
async function firstPage(url: string, path: string): Promise<PageFigures> {
  const pagedPath = `${path}${path.includes('?') ? '&' : '?'}limit=50`;
  const probe = await get(url, pagedPath);
  const paged = probe.status === 200;
  const chosen = paged ? pagedPath : path;
  const times: number[] = [];
  let last = paged ? probe : await get(url, chosen);
  // A whole list at decades scale takes seconds per request: three are enough to see it.
  for (let i = 0; i < (paged ? 5 : 3); i++) {
    last = await get(url, chosen);
    if (last.status !== 200) throw new Error(`GET ${chosen}: ${last.status} ${last.text.slice(0, 300)}`);
    times.push(last.ms);
  }
  const body = JSON.parse(last.text);
  return { path: chosen, paged, p50: median(times), max: Math.max(...times), bytes: last.text.length, items: (body.items ?? []).length };
}

async function waitReady(url: string, started: number): Promise<number> {
  for (;;) {
    const r = await get(url, '/ready').catch(() => undefined);
    if (r?.status === 200 && JSON.parse(r.text).status === 'ready') return performance.now() - started;
    if (performance.now() - started > 600_000) throw new Error('/ready did not say ready within 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function measureLoads(url: string, data: Deliberated[], seconds: number, log: (m: string) => void) {
  const specs = {
    health: { method: 'GET' as const, path: '/health' },
    named: { method: 'POST' as const, path: '/authorisation-checks', bodies: checkBodies(data, true) },
    byRecipient: { method: 'POST' as const, path: '/authorisation-checks', bodies: checkBodies(data, false) },
  };
  // Unmeasured warm-up of every route (JIT, pools, caches), then the measured loads.
  for (const spec of Object.values(specs)) await load(url, spec, 32, 2);
  const http = {} as ServerFigures['http'];
  const order = [...Object.entries(specs), ['health', specs.health]] as [keyof typeof specs, (typeof specs)[keyof typeof specs]][];
  for (const [name, spec] of order) {
    http[name] ??= {} as Record<1 | 32, HttpResult>;
    for (const connections of [1, 32] as const) {
      const r = await load(url, spec, connections, seconds);
      // /health is measured first and last; the baseline is the faster of the two.
      const earlier = http[name][connections];
      if (!earlier || r.requestsPerSecond > earlier.requestsPerSecond) http[name][connections] = r;
      log(
        `  ${name} × ${connections}: ${fmt.int(r.requestsPerSecond)}/s p50 ${r.p50} ms p99 ${r.p99} ms (non-2xx ${r.non2xx}, errors ${r.errors})`,
      );
    }
  }
  return http;
}

async function authorisedShare(url: string, data: Deliberated[]): Promise<number> {
  const bodies = checkBodies(data, false).slice(0, 40);
  let yes = 0;
  for (const body of bodies) {
    const r = await fetch(`${url}/authorisation-checks`, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' },
    });
    if (((await r.json()) as { authorised?: boolean }).authorised) yes++;
  }
  return yes / bodies.length;
}

/** Checks (named and by recipient, alternating) at 32 connections; resident memory sampled every 5 s. */
async function soak(url: string, pid: number, data: Deliberated[], seconds: number) {
  const samples: number[] = [rssBytes(pid)];
  const timer = setInterval(() => samples.push(rssBytes(pid)), 5000);
  try {
    const bodies = [...checkBodies(data, true), ...checkBodies(data, false)];
    const r = await load(url, { method: 'POST', path: '/authorisation-checks', bodies }, 32, seconds);
    samples.push(rssBytes(pid));
    return { seconds, checks: r.total, rssSamples: samples, checksPerSecond: r.requestsPerSecond };
  } finally {
    clearInterval(timer);
  }
}

export async function measureServer(
  env: Record<string, string>,
  data: Deliberated[],
  ledgerFilter: { recipient: string; deliberation: string },
  options: BenchOptions,
  soakSeconds: number,
  log: (m: string) => void,
): Promise<ServerFigures> {
  // Three starts on the loaded database (the median is reported); the last one is measured.
  const starts: number[] = [];
  const readies: number[] = [];
  let server: Awaited<ReturnType<typeof startServer>>;
  for (let i = 0; ; i++) {
    const spawned = performance.now();
    server = await startServer(env);
    starts.push(server.startMs);
    readies.push(await waitReady(server.url, spawned));
    if (i === 2) break;
    await server.stop();
  }
  const readyMs = median(readies);
  log(
    `  /health 200 after ${starts.map(fmt.ms).join(', ')}; /ready after ${readies.map(fmt.ms).join(', ')}; ${fmt.mb(rssBytes(server.child.pid!))} resident`,
  );
  try {
    const share = await authorisedShare(server.url, data);
    log(`  checks by recipient authorised: ${Math.round(share * 100)}%`);
    const http = await measureLoads(server.url, data, options.httpSeconds, log);
    const rssAfterChecks = rssBytes(server.child.pid!);
    const sequential: number[] = [];
    for (let i = 0; i < 50; i++) sequential.push((await get(server.url, '/health')).ms);
    const schedule = await firstPage(server.url, `/destruction-schedule?asOf=${RUN_DATE}`);
    log(
      `  schedule first page (${schedule.path}): p50 ${fmt.ms(schedule.p50)}, max ${fmt.ms(schedule.max)}, ${schedule.items} items, ${fmt.int(schedule.bytes)} bytes`,
    );
    const ledger = await firstPage(
      server.url,
      `/deliveries?recipient=${ledgerFilter.recipient}&deliberation=${encodeURIComponent(ledgerFilter.deliberation)}`,
    );
    log(
      `  ledger first page (${ledger.path}): p50 ${fmt.ms(ledger.p50)}, max ${fmt.ms(ledger.max)}, ${ledger.items} items, ${fmt.int(ledger.bytes)} bytes`,
    );
    const rssAfterLoad = rssBytes(server.child.pid!);
    log(
      `  resident after the check loads ${fmt.mb(rssAfterChecks)}, after the page requests ${fmt.mb(rssAfterLoad)}; soak ${soakSeconds} s`,
    );
    const soaked = await soak(server.url, server.child.pid!, data, soakSeconds);
    log(`  soak: ${fmt.int(soaked.checks)} checks; resident ${soaked.rssSamples.map(fmt.mb).join(' → ')}`);
    const emptyStartMs = await emptyStarts(options);
    return {
      startMs: median(starts),
      readyMs,
      emptyStartMs,
      http,
      health1Sequential: median(sequential),
      pages: { schedule, ledger },
      rssAfterChecks,
      rssAfterLoad,
      soak: soaked,
      authorisedShare: share,
    };
  } finally {
    await server.stop();
  }
}

async function emptyStarts(options: BenchOptions): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < options.starts; i++) {
    const place = await freshPlace(options.targets[0], options.databaseUrl, options.tmpDir);
    try {
      const s = await startServer(place.env);
      out.push(s.startMs);
      await s.stop();
    } finally {
      await place.drop();
    }
  }
  return out;
}
