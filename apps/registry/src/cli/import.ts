import type { Command } from 'commander';
import { importDocument, line, type Imported } from './documents.js';
import { CliFailure, EXIT, print, withJson, withRegistry } from './shared.js';

export function importCommand(cli: Command) {
  withJson(cli.command('import').argument('<files...>', 'deliberation or amendment documents, JSON or YAML'))
    .description(
      'record documents, validated like the API does; exit 5 when one is invalid or already recorded (the others are still imported)',
    )
    .action(async (files: string[], o) =>
      withRegistry(async (registry) => {
        const results: (Imported | { file: string; outcome: 'refused'; error: string })[] = [];
        let code: number = EXIT.ok;
        for (const file of files) {
          try {
            const imported = await importDocument(registry, file);
            results.push(imported);
            if (imported.outcome !== 'recorded') code = Math.max(code, EXIT.invalid);
            if (!o.json) (imported.outcome === 'recorded' ? console.log : console.error)(line(imported));
          } catch (error) {
            if (!(error instanceof CliFailure)) throw error;
            results.push({ file, outcome: 'refused', error: error.message });
            code = code === EXIT.ok ? error.code : Math.max(code, error.code);
            if (!o.json) console.error(error.message);
          }
        }
        if (o.json) print(true, results, () => '');
        process.exitCode = code;
      }),
    );
}
