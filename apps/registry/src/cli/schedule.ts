import type { Command } from 'commander';
import { brusselsDate, DEFAULT_DUE_WITHIN_DAYS } from '@registry/domain';
import { scheduleQuery } from '../http/queries.js';
import { more, paging } from './options.js';
import { parseOptions, print, table, withJson, withRegistry } from './shared.js';
import { DeliveryService } from '../releases/delivery.service.js';

export function scheduleCommand(cli: Command) {
  paging(withJson(cli.command('schedule')))
    .description('deliveries still to be destroyed as of a date, by deadline')
    .option('--as-of <date>', 'YYYY-MM-DD, default today (Europe/Brussels)')
    .option('--within <days>', 'days counted as due', String(DEFAULT_DUE_WITHIN_DAYS))
    .option('--known-at <instant>', 'as the registry knew it then')
    .action(async (o) => {
      const q = parseOptions(scheduleQuery, { asOf: o.asOf, within: o.within, knownAt: o.knownAt, limit: o.limit, cursor: o.cursor });
      return withRegistry(async (registry) => {
        const asOf = q.asOf ?? brusselsDate();
        const page = await registry.get(DeliveryService).schedulePage(asOf, q.within, q.knownAt, q);
        print(o.json, { ...page, asOf, within: q.within ?? DEFAULT_DUE_WITHIN_DAYS }, () =>
          page.items.length
            ? table(
                ['destroy by', 'days left', 'status', 'deliberation', 'dataset', 'recipient', 'delivery'],
                page.items.map((e) => [e.destroyBy, e.daysLeft, e.status, e.deliberation, e.dataset, e.recipient, e.delivery]),
              ) + more(page.next)
            : 'nothing to destroy',
        );
      });
    });
}
