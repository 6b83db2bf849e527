import type { Command } from 'commander';
import { releaseSchema } from '@registry/domain';
import { list, number } from './options.js';
import { EXIT, parseOptions, print, table, withJson, withRegistry } from './shared.js';
import { DeliberationService } from '../deliberations/deliberation.service.js';

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
      const release = parseOptions(
        releaseSchema,
        {
          deliberation: o.deliberation,
          recipient: o.recipient,
          dataset: o.dataset,
          access: o.access,
          on: o.on,
          referenceYears: list(o.years).map(number),
          variables: list(o.variables),
          table: o.table,
          subjects: number(o.subjects),
          knownAt: o.knownAt,
        },
        { referenceYears: '--years' },
      );
      return withRegistry(async (registry) => {
        const answer = await registry.get(DeliberationService).check(release);
        print(o.json, answer, () => {
          const head = `${answer.authorised ? 'AUTHORISED' : 'NOT AUTHORISED'} under ${answer.deliberation ?? '(no deliberation)'} version ${answer.version ?? '-'} on ${answer.on}`;
          return answer.reasons.length
            ? `${head}\n${table(
                ['rule', 'clause', 'why'],
                answer.reasons.map((r) => [r.code, r.clause, r.message]),
                { colWidths: [32, 18, 80] },
              )}`
            : head;
        });
        if (!answer.authorised) process.exitCode = EXIT.notAuthorised;
      });
    });
}
