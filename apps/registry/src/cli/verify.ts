import type { Command } from 'commander';
import { verifyLog } from '@registry/event-store';
import { EXIT, print, withJson, withRuntime } from './shared.js';

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
