/** The decades-scale table: every figure as a ratio to its same-run baseline, with the target. */
import { cpus, totalmem } from 'node:os';
import { runDecades, type DecadesFigures } from './decades.js';
import type { BenchOptions } from './options.js';
import { fmt, markdownTable, median, ratioCell, type Row } from './report.js';

const MB = 1024 * 1024;

export function decadesRows(r: DecadesFigures, nodeStartMs: number, nodeRss: number): Row[] {
  const row = (measure: string, baseline: string, target: string, cell: string): Row => ({
    measure,
    baseline,
    target,
    cells: { [r.target]: cell },
  });
  const h = r.server.http;
  const out: Row[] = [
    row(
      'Data set: deliberations through the service (record, amend, revoke; 8 at a time)',
      '—',
      '—',
      `${fmt.int(r.deliberations)} deliberations, ${fmt.int(r.deliberationCommands)} commands in ${fmt.ms(r.deliberationsMs)} (${fmt.int(r.deliberationCommands / (r.deliberationsMs / 1000))}/s)`,
    ),
    row(
      'Data set: delivery streams bulk-loaded (hashes as the store appends them)',
      '—',
      '—',
      `${fmt.int(r.deliveries)} deliveries, ${fmt.int(r.events)} events in the log, load ${fmt.ms(r.loadMs)} (${fmt.int((r.events - r.deliberationCommands) / (r.loadMs / 1000))} ev/s)`,
    ),
    row(
      'Data set: size on disk after VACUUM',
      '—',
      '—',
      `event log (es_events and its indexes) ${fmt.mb(r.sizes.log)}; whole database ${fmt.mb(r.sizes.database)}`,
    ),
  ];
  for (const { name, throughput } of r.rebuilds)
    out.push(
      row(
        `Rebuild ${name} (ProjectionRunner.rebuild, whole log), events/s`,
        'raw cursor read of the same rows',
        '≥ 50,000 ev/s',
        ratioCell(throughput.perSecond, r.rawRead.perSecond, ' ev/s', throughput.perSecond >= 50_000),
      ),
    );
  out.push(row('Rebuild of every read model, one after the other', '—', '—', `${fmt.ms(r.rebuildAllMs)} for ${fmt.int(r.events)} events`));
  for (const c of [1, 32] as const) {
    out.push(
      row(
        `POST /authorisation-checks naming the deliberation, ${c} conn., req/s`,
        `GET /health, ${c} conn.`,
        c === 32 ? '≥ 0.5×' : '—',
        ratioCell(
          h.named[c].requestsPerSecond,
          h.health[c].requestsPerSecond,
          '/s',
          c === 32 ? h.named[c].requestsPerSecond / h.health[c].requestsPerSecond >= 0.5 : undefined,
        ),
      ),
    );
    out.push(
      row(
        `same, p50 / p99 latency, ${c} conn.`,
        `GET /health p50 / p99`,
        c === 32 ? 'p99 < 20 ms (where /health p99 < 10 ms)' : '—',
        `p50 ${fmt.ms(h.named[c].p50)} vs ${fmt.ms(h.health[c].p50)}; p99 ${fmt.ms(h.named[c].p99)} vs ${fmt.ms(h.health[c].p99)}${c === 32 ? fmt.mark(h.named[c].p99 < 20) : ''}`,
      ),
    );
    out.push(
      row(
        `POST /authorisation-checks naming no deliberation (by recipient), ${c} conn., req/s`,
        `GET /health, ${c} conn.`,
        '≥ 0.5×',
        ratioCell(
          h.byRecipient[c].requestsPerSecond,
          h.health[c].requestsPerSecond,
          '/s',
          h.byRecipient[c].requestsPerSecond / h.health[c].requestsPerSecond >= 0.5,
        ),
      ),
    );
    out.push(
      row(
        `same, p50 / p99 latency, ${c} conn.`,
        `GET /health p50 / p99`,
        c === 32 ? 'p99 < 20 ms' : '—',
        `p50 ${fmt.ms(h.byRecipient[c].p50)} vs ${fmt.ms(h.health[c].p50)}; p99 ${fmt.ms(h.byRecipient[c].p99)} vs ${fmt.ms(h.health[c].p99)}${c === 32 ? fmt.mark(h.byRecipient[c].p99 < 20) : ''}`,
      ),
    );
  }
  for (const [label, p] of [
    ['destruction schedule', r.server.pages.schedule],
    ['ledger, filtered by recipient and deliberation', r.server.pages.ledger],
  ] as const)
    out.push(
      row(
        `First page of the ${label} (median of 5, one at a time)`,
        'GET /health, one at a time',
        '—',
        `${ratioCell(p.p50, r.server.health1Sequential, '', undefined, fmt.ms)}; max ${fmt.ms(p.max)}; ${p.paged ? 'paged (limit=50)' : 'NOT paged: whole list'}, ${fmt.int(p.items)} items, ${fmt.int(p.bytes / 1024)} KB`,
      ),
    );
  const rr = r.reminderRun;
  out.push(
    row(
      'Reminder run: reading what is due (open obligations within 180 days of their deadline or past, with their reminders)',
      'what a run read before: the whole schedule and every reminder',
      '—',
      `${ratioCell(rr.dueReadMs, rr.wholeReadMs, '', undefined, fmt.ms)}; ${fmt.int(rr.dueRows)} rows vs ${fmt.int(rr.scheduleRows)} + ${fmt.int(rr.reminderRows)}`,
    ),
  );
  out.push(
    row(
      `Reminder run on the data set's day, over every obligation`,
      '—',
      '< 60 s',
      `${fmt.ms(rr.ms)} over ${fmt.int(rr.obligations)} obligations (${fmt.int(rr.open)} open), ${fmt.int(rr.issued)} issued${fmt.mark(rr.ms < 60_000)}`,
    ),
  );
  out.push(
    row(
      'The same run again (everything due already issued: the read alone)',
      '—',
      '< 60 s',
      `${fmt.ms(r.reminderRerun.ms)}, ${r.reminderRerun.issued} issued${fmt.mark(r.reminderRerun.ms < 60_000)}`,
    ),
  );
  out.push(
    row(
      'Cold start to 200 on /health, loaded database (median of 3)',
      'bare `node -e 0` start',
      '< 3 s',
      ratioCell(r.server.startMs, nodeStartMs, '', r.server.startMs < 3000, fmt.ms),
    ),
  );
  out.push(
    row(
      'Cold start to /ready saying ready, loaded database (median of 3)',
      'bare `node -e 0` start',
      '—',
      ratioCell(r.server.readyMs, nodeStartMs, '', undefined, fmt.ms),
    ),
  );
  out.push(
    row(
      'Cold start to 200 on /health, empty database (median)',
      'bare `node -e 0` start',
      '< 3 s',
      ratioCell(median(r.server.emptyStartMs), nodeStartMs, '', median(r.server.emptyStartMs) < 3000, fmt.ms),
    ),
  );
  out.push(
    row(
      'Resident memory of the service after the check loads above',
      'bare `node -e` process',
      '< 512 MB',
      ratioCell(r.server.rssAfterChecks, nodeRss, '', r.server.rssAfterChecks < 512 * MB, fmt.mb),
    ),
  );
  out.push(
    row(
      'Resident memory after the page requests too',
      'bare `node -e` process',
      '< 512 MB',
      ratioCell(r.server.rssAfterLoad, nodeRss, '', r.server.rssAfterLoad < 512 * MB, fmt.mb),
    ),
  );
  const s = r.server.soak;
  const end = s.rssSamples.at(-1)!;
  out.push(
    row(
      `Resident memory after a soak: ${fmt.int(s.checks)} checks in ${s.seconds} s at 32 conn.`,
      'bare `node -e` process',
      '< 512 MB',
      `${ratioCell(end, nodeRss, '', end < 512 * MB, fmt.mb)}; max ${fmt.mb(Math.max(...s.rssSamples))}, first ${fmt.mb(s.rssSamples[0])}`,
    ),
  );
  return out;
}

/** `--scale decades`: builds the data set per target, measures it and prints its table. */
export async function printDecades(options: BenchOptions, started: number, nodeStartMs: number, nodeRss: number) {
  const { fraction, soakSeconds } = options.decades!;
  for (const target of options.targets) {
    const r = await runDecades(target, options);
    console.log(
      `\nRegistry benchmark, decades scale ×${fraction} — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores, ${fmt.mb(totalmem())} memory`,
    );
    console.log(
      `Sizes: ${fmt.int(r.deliberations)} deliberations, ${fmt.int(r.deliveries)} deliveries, ${fmt.int(r.events)} events; HTTP ${options.httpSeconds} s per load (after 1 s warm-up); ` +
        `soak ${soakSeconds} s; ${options.starts} empty cold starts (median). Checks by recipient authorised: ${Math.round(r.server.authorisedShare * 100)}%.`,
    );
    const errors = Object.entries(r.server.http).flatMap(([name, byConn]) =>
      Object.entries(byConn).map(([c, x]) => `${name}×${c} ${x.errors}/${x.non2xx}`),
    );
    console.log(
      `Errors/non-2xx: ${errors.join(', ')}. Baselines: bare node start ${fmt.ms(nodeStartMs)}, bare node resident ${fmt.mb(nodeRss)}. Run took ${fmt.ms(performance.now() - started)}.\n`,
    );
    console.log(markdownTable(decadesRows(r, nodeStartMs, nodeRss), [target]));
  }
}
