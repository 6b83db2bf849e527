import type { Command } from 'commander';
import { deliveryListQuery } from '../http/queries.js';
import { more, paging } from './options.js';
import { parseOptions, print, table, withJson, withRegistry } from './shared.js';
import { DeliveryService } from '../releases/delivery.service.js';

export function deliveriesCommand(cli: Command) {
  paging(withJson(cli.command('deliveries')))
    .description('the delivery ledger, oldest first, with filters')
    .option('--recipient <party>')
    .option('--deliberation <number>')
    .option('--dataset <dataset>')
    .option('--from <date>', 'delivered on or after')
    .option('--to <date>', 'delivered on or before')
    .option('--destroyed <yes-or-no>', 'true or false')
    .option('--known-at <instant>')
    .action(async (o) => {
      const q = parseOptions(
        deliveryListQuery,
        {
          recipient: o.recipient,
          deliberation: o.deliberation,
          dataset: o.dataset,
          deliveredFrom: o.from,
          deliveredTo: o.to,
          destroyed: o.destroyed,
          knownAt: o.knownAt,
          limit: o.limit,
          cursor: o.cursor,
        },
        { deliveredFrom: '--from', deliveredTo: '--to' },
      );
      return withRegistry(async (registry) => {
        const page = await registry.get(DeliveryService).list(q);
        print(o.json, page, () =>
          page.items.length
            ? table(
                ['delivered', 'deliberation', 'dataset', 'recipient', 'destroy by', 'destroyed', 'id'],
                page.items.map((d) => [
                  d.deliveredOn,
                  d.deliberation,
                  d.dataset,
                  d.recipient,
                  d.destroyBy,
                  d.destroyed ? 'yes' : 'no',
                  d.id,
                ]),
              ) + more(page.next)
            : 'no deliveries',
        );
      });
    });
}
