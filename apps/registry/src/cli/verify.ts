import type { Command } from 'commander';
import { verifyLog } from '@registry/event-store';
import { EXIT, print, withJson, withRegistry } from './shared.js';
import type { EventStore } from '@registry/event-store';
import { EVENT_STORE } from '../core/tokens.js';

export function verifyCommand(cli: Command) {
  withJson(cli.command('verify'))
    .description('re-hash the whole log; exit 4 when it was tampered with')
    .action(async (o) =>
      withRegistry(async (registry) => {
        const result = await verifyLog(registry.get<EventStore>(EVENT_STORE));
        print(true, result, () => '');
        if (!o.json && !result.ok) console.error(`log tampered with at position ${result.firstBrokenPosition}: ${result.reason}`);
        if (!result.ok) process.exitCode = EXIT.tampered;
      }),
    );
}
