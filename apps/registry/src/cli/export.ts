import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { START } from '@registry/event-store';
import { withRegistry } from './shared.js';
import type { EventStore } from '@registry/event-store';
import { EVENT_STORE } from '../core/tokens.js';

export function exportCommand(cli: Command) {
  cli
    .command('export')
    .description('the whole log as JSON lines, in commit order (already JSON)')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--json', 'accepted: the output is JSON lines anyway')
    .action(async (o) =>
      withRegistry(async (registry) => {
        const out = o.out ? createWriteStream(o.out) : process.stdout;
        let checkpoint = START;
        for (;;) {
          const batch = await registry.get<EventStore>(EVENT_STORE).readAll(checkpoint, 1000, { raw: true });
          if (batch.events.length === 0) break;
          for (const event of batch.events) out.write(`${JSON.stringify(event)}\n`);
          checkpoint = batch.checkpoint;
        }
        if (o.out) await new Promise((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
      }),
    );
}
