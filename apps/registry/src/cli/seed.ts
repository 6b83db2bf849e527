import type { Command } from 'commander';
import { fixturesDir, importDocument, line, type Imported } from './documents.js';
import { print, withJson, withRegistry } from './shared.js';

export function seedCommand(cli: Command) {
  withJson(
    cli.command('seed').description('record deliberation 24/130 and its amendment of 5 November 2024 (skips what is already there)'),
  ).action(async (o) =>
    withRegistry(async (registry) => {
      const results: Imported[] = [];
      for (const file of ['24-130.deliberation.json', '24-130.amendment-1.json']) {
        const imported = await importDocument(registry, fixturesDir() + file);
        results.push(imported);
        if (!o.json)
          console.log(
            imported.outcome === 'recorded' ? line(imported) : `skipped ${file}: ${imported.kind} ${imported.number} already recorded`,
          );
      }
      if (o.json) print(true, results, () => '');
    }),
  );
}
