import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { CliFailure, colour, EXIT, print, withJson, withRegistry } from './shared.js';
import { ProjectionRunner } from '@registry/projections';

export function rebuildCommand(cli: Command) {
  withJson(cli.command('rebuild').argument('[projection]', 'one projection; every rebuildable one when omitted'))
    .description('drop read models and replay the log into them')
    .addHelpText('after', '\nProjections: deliberation-index, delivery-ledger, output-releases (outbox is never rebuilt: it sends).')
    .action(async (name: string | undefined, o) =>
      withRegistry(async (registry) => {
        const rebuildable = registry
          .get(ProjectionRunner)
          .projections.filter((p) => p.rebuildable !== false)
          .map((p) => p.name);
        if (name && !rebuildable.includes(name))
          throw new CliFailure(`no rebuildable projection "${name}"; the projections are: ${rebuildable.join(', ')}`, EXIT.usage);
        const results = [];
        for (const projection of name ? [name] : rebuildable) {
          // A bar for a person at a terminal; one line per batch otherwise (logs, scripts).
          const bar =
            process.stderr.isTTY && colour() && !o.json
              ? new SingleBar({ format: `${projection.padEnd(20)} {bar} {value} events`, hideCursor: true })
              : undefined;
          bar?.start(0, 0);
          const events = await registry.get(ProjectionRunner).rebuild(projection, (n) => {
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
