import { createWriteStream } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { START } from '../../../../libs/event-store/src/event-store.js';
import { verifyLog } from '../../../../libs/event-store/src/verify.js';
import { CliFailure, colour, EXIT, print, withJson, withRuntime } from './shared.js';

export function verifyCommand(cli: Command) {
  withJson(cli.command('verify')).description('re-hash the whole log; exit 4 when it was tampered with').action(async (o) =>
    withRuntime(async (runtime) => {
      const result = await verifyLog(runtime.store);
      print(true, result, () => '');
      if (!o.json && !result.ok) console.error(`log tampered with at position ${result.firstBrokenPosition}: ${result.reason}`);
      if (!result.ok) process.exitCode = EXIT.tampered;
    }),
  );
}

export function rebuildCommand(cli: Command) {
  withJson(cli.command('rebuild').argument('[projection]', 'one projection; every rebuildable one when omitted'))
    .description('drop read models and replay the log into them')
    .addHelpText('after', '\nProjections: deliberation-index, delivery-ledger, output-releases (outbox is never rebuilt: it sends).')
    .action(async (name: string | undefined, o) =>
      withRuntime(async (runtime) => {
        const rebuildable = runtime.projections.projections.filter((p) => p.rebuildable !== false).map((p) => p.name);
        if (name && !rebuildable.includes(name))
          throw new CliFailure(`no rebuildable projection "${name}"; the projections are: ${rebuildable.join(', ')}`, EXIT.usage);
        const results = [];
        for (const projection of name ? [name] : rebuildable) {
          // A bar for a person at a terminal; one line per batch otherwise (logs, scripts).
          const bar = process.stderr.isTTY && colour() && !o.json ? new SingleBar({ format: `${projection.padEnd(20)} {bar} {value} events`, hideCursor: true }) : undefined;
          bar?.start(0, 0);
          const events = await runtime.projections.rebuild(projection, (n) => {
            if (!bar) return void (o.json ? undefined : console.error(`${projection}: ${n} events replayed`));
            bar.setTotal(n);
            bar.update(n);
          });
          bar?.stop();
          results.push({ projection, events });
          if (!o.json) console.log(`rebuilt ${projection} from ${events} events`);
        }
        if (o.json) print(true, results, () => '');
      }),
    );
}

export function exportCommand(cli: Command) {
  cli.command('export').description('the whole log as JSON lines, in commit order (already JSON)').option('--out <file>', 'write to a file instead of standard output').option('--json', 'accepted: the output is JSON lines anyway').action(async (o) =>
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
    }),
  );
}
