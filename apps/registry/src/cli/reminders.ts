import type { Command } from 'commander';
import { remindersQuery } from '../http/queries.js';
import { more, paging } from './options.js';
import { parseOptions, print, table, withJson, withRegistry } from './shared.js';
import { ReminderService } from '../schedule/reminder.service.js';

export function remindersCommand(cli: Command) {
  paging(withJson(cli.command('reminders')))
    .description('destruction reminders issued, with their send status')
    .option('--delivery <id>')
    .option('--known-at <instant>')
    .action(async (o) => {
      const q = parseOptions(remindersQuery, { delivery: o.delivery, knownAt: o.knownAt, limit: o.limit, cursor: o.cursor });
      return withRegistry(async (registry) => {
        const page = await registry.get(ReminderService).list(q);
        print(o.json, page, () =>
          page.items.length
            ? table(
                ['issued', 'threshold', 'destroy by', 'deliberation', 'dataset', 'recipient', 'status', 'delivery'],
                page.items.map((r: Record<string, unknown>) =>
                  ['issuedAt', 'threshold', 'destroyBy', 'deliberation', 'dataset', 'recipient', 'status', 'delivery'].map((k) =>
                    String(r[k] ?? '').slice(0, k === 'issuedAt' ? 10 : undefined),
                  ),
                ),
              ) + more(page.next)
            : 'no reminders',
        );
      });
    });
}
