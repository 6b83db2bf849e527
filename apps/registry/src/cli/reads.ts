import type { Command } from 'commander';
import { brusselsDate, DEFAULT_DUE_WITHIN_DAYS, releaseSchema } from '../../../../libs/domain/src/index.js';
import { deliveryListQuery, remindersQuery, scheduleQuery } from '../http/queries.js';
import { EXIT, parseOptions, print, table, withJson, withRuntime } from './shared.js';

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);
const number = (value: string | undefined) => (value === undefined || value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value));
const paging = (command: Command) =>
  command.option('--limit <n>', 'at most this many (1 to 1000, default 100)').option('--cursor <next>', 'resume from the `next` a previous --json answer gave');

export function checkCommand(cli: Command) {
  withJson(cli.command('check'))
    .description('is this release authorised? prints the answer and every failing rule (exit 3 when refused)')
    .requiredOption('--recipient <party>')
    .requiredOption('--dataset <dataset>')
    .option('--deliberation <number>', 'e.g. 24/130; without it every deliberation naming the recipient is tried')
    .option('--access <mode>', 'transfer or secure-onsite')
    .option('--on <date>', 'YYYY-MM-DD, default today (Europe/Brussels)')
    .option('--years <list>', 'reference years, comma-separated', '')
    .option('--variables <list>', 'variable references, comma-separated (code, code@T+1, code@T-1)', '')
    .option('--table <table>')
    .option('--subjects <n>')
    .option('--known-at <instant>')
    .action(async (o) => {
      const release = parseOptions(releaseSchema, {
        deliberation: o.deliberation, recipient: o.recipient, dataset: o.dataset, access: o.access, on: o.on,
        referenceYears: list(o.years).map(number), variables: list(o.variables), table: o.table, subjects: number(o.subjects), knownAt: o.knownAt,
      }, { referenceYears: '--years' });
      return withRuntime(async (runtime) => {
        const answer = await runtime.deliberations.check(release);
        print(o.json, answer, () => {
          const head = `${answer.authorised ? 'AUTHORISED' : 'NOT AUTHORISED'} under ${answer.deliberation ?? '(no deliberation)'} version ${answer.version ?? '-'} on ${answer.on}`;
          return answer.reasons.length ? `${head}\n${table(['rule', 'clause', 'why'], answer.reasons.map((r) => [r.code, r.clause, r.message]), { colWidths: [32, 18, 80] })}` : head;
        });
        if (!answer.authorised) process.exitCode = EXIT.notAuthorised;
      });
    });
}

export function scheduleCommand(cli: Command) {
  paging(withJson(cli.command('schedule')))
    .description('deliveries still to be destroyed as of a date, by deadline')
    .option('--as-of <date>', 'YYYY-MM-DD, default today (Europe/Brussels)')
    .option('--within <days>', 'days counted as due', String(DEFAULT_DUE_WITHIN_DAYS))
    .option('--known-at <instant>', 'as the registry knew it then')
    .action(async (o) => {
      const q = parseOptions(scheduleQuery, { asOf: o.asOf, within: o.within, knownAt: o.knownAt, limit: o.limit, cursor: o.cursor });
      return withRuntime(async (runtime) => {
        const asOf = q.asOf ?? brusselsDate();
        const page = await runtime.deliveries.schedulePage(asOf, q.within, q.knownAt, q);
        print(o.json, { ...page, asOf, within: q.within ?? DEFAULT_DUE_WITHIN_DAYS }, () =>
          page.items.length
            ? table(['destroy by', 'days left', 'status', 'deliberation', 'dataset', 'recipient', 'delivery'], page.items.map((e) => [e.destroyBy, e.daysLeft, e.status, e.deliberation, e.dataset, e.recipient, e.delivery])) + more(page.next)
            : 'nothing to destroy',
        );
      });
    });
}

export function deliveriesCommand(cli: Command) {
  paging(withJson(cli.command('deliveries')))
    .description('the delivery ledger, oldest first, with filters')
    .option('--recipient <party>').option('--deliberation <number>').option('--dataset <dataset>')
    .option('--from <date>', 'delivered on or after').option('--to <date>', 'delivered on or before')
    .option('--destroyed <yes-or-no>', 'true or false').option('--known-at <instant>')
    .action(async (o) => {
      const q = parseOptions(
        deliveryListQuery,
        { recipient: o.recipient, deliberation: o.deliberation, dataset: o.dataset, deliveredFrom: o.from, deliveredTo: o.to, destroyed: o.destroyed, knownAt: o.knownAt, limit: o.limit, cursor: o.cursor },
        { deliveredFrom: '--from', deliveredTo: '--to' },
      );
      return withRuntime(async (runtime) => {
        const page = await runtime.deliveries.list(q);
        print(o.json, page, () =>
          page.items.length
            ? table(['delivered', 'deliberation', 'dataset', 'recipient', 'destroy by', 'destroyed', 'id'], page.items.map((d) => [d.deliveredOn, d.deliberation, d.dataset, d.recipient, d.destroyBy, d.destroyed ? 'yes' : 'no', d.id])) + more(page.next)
            : 'no deliveries',
        );
      });
    });
}

export function remindersCommand(cli: Command) {
  paging(withJson(cli.command('reminders')))
    .description('destruction reminders issued, with their send status')
    .option('--delivery <id>').option('--known-at <instant>')
    .action(async (o) => {
      const q = parseOptions(remindersQuery, { delivery: o.delivery, knownAt: o.knownAt, limit: o.limit, cursor: o.cursor });
      return withRuntime(async (runtime) => {
        const page = await runtime.reminders.list(q);
        print(o.json, page, () =>
          page.items.length
            ? table(['issued', 'threshold', 'destroy by', 'deliberation', 'dataset', 'recipient', 'status', 'delivery'], page.items.map((r: Record<string, unknown>) => ['issuedAt', 'threshold', 'destroyBy', 'deliberation', 'dataset', 'recipient', 'status', 'delivery'].map((k) => String(r[k] ?? '').slice(0, k === 'issuedAt' ? 10 : undefined)))) + more(page.next)
            : 'no reminders',
        );
      });
    });
}

const more = (next: string | null) => (next ? `\nmore: add --cursor ${next}` : '');
