/**
 * The boundary rules fail on planted imports: a throw-away tree in a temporary directory, with
 * the repository's own dependency-cruiser and ESLint configurations, one file per forbidden edge.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

let dir: string;

function plant(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Runs dependency-cruiser as `npm run lint` does; the exit code is the text reporter's, the violations its JSON. */
async function cruise(output: 'err' | 'json'): Promise<{ exitCode: number; stdout: string }> {
  const args = [
    join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
    'apps',
    'libs',
    '--config',
    '.dependency-cruiser.cjs',
    '--output-type',
    output,
  ];
  try {
    return { exitCode: 0, ...(await run(process.execPath, args, { cwd: dir })) };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { exitCode: failed.code, stdout: failed.stdout };
  }
}

const violationsOf = async (): Promise<Violation[]> => JSON.parse((await cruise('json')).stdout).summary.violations;

const edges = (violations: Violation[], rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} -> ${v.to}`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'boundaries-'));
  copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  plant({
    'libs/domain/src/index.ts': "export * from './rule.js';\n",
    'libs/domain/src/rule.ts': "import { z } from 'zod';\nexport const id = z.string();\n",
    'libs/domain/src/dates.ts': 'export const today = (): string => "2025-01-15";\n',
    'libs/event-store/src/index.ts': 'export const START = "";\n',
    'libs/event-store/src/event-store.ts': 'export interface EventStore { close(): Promise<void> }\n',
    'libs/database/src/index.ts': 'export const sql = 1;\n',
    'libs/projections/src/index.ts':
      "import { START } from '@registry/event-store';\nimport { id } from '@registry/domain';\nexport const both = [START, id];\n",
    'apps/registry/src/main.ts': "import { id } from '@registry/domain';\nexport const app = id;\n",
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('module boundaries (dependency-cruiser)', () => {
  it('given libraries and an app that import only what they may, when cruised, then nothing is reported', async () => {
    expect(await violationsOf()).toEqual([]);
    expect((await cruise('err')).exitCode).toBe(0);
  });

  it('given planted imports across every boundary, when cruised, then each is reported under its rule and the errors fail the run', async () => {
    plant({
      'libs/domain/src/planted.ts': [
        "import { createHash } from 'node:crypto';",
        "import { DataSource } from 'typeorm';",
        "import { START } from '../../event-store/src/index.js';",
        "import { id } from './rule.js';",
        'export const planted = [createHash, DataSource, START, id];',
      ].join('\n'),
      'libs/event-store/src/planted.ts': "import { id } from '../../domain/src/index.js';\nexport const planted = id;\n",
      'libs/projections/src/planted.ts': "import { app } from '../../../apps/registry/src/main.js';\nexport const planted = app;\n",
      'apps/registry/src/planted.ts': "import { today } from '../../../libs/domain/src/dates.js';\nexport const planted = today;\n",
    });
    const violations = await violationsOf();
    const { exitCode, stdout } = await cruise('err');

    expect(exitCode).not.toBe(0);
    expect(stdout).toContain('error domain-imports-only-zod: libs/domain/src/planted.ts');
    const fromDomain = edges(violations, 'domain-imports-only-zod');
    expect(fromDomain).toHaveLength(3);
    expect(fromDomain).toEqual(
      expect.arrayContaining([
        'libs/domain/src/planted.ts -> crypto',
        'libs/domain/src/planted.ts -> libs/event-store/src/index.ts',
        expect.stringMatching(/^libs\/domain\/src\/planted\.ts -> .*node_modules\/typeorm\//),
      ]),
    );
    expect(edges(violations, 'event-store-knows-no-domain')).toEqual(['libs/event-store/src/planted.ts -> libs/domain/src/index.ts']);
    expect(edges(violations, 'libs-never-import-apps')).toEqual(['libs/projections/src/planted.ts -> apps/registry/src/main.ts']);
    expect(edges(violations, 'app-imports-lib-public-face-only')).toEqual(['apps/registry/src/planted.ts -> libs/domain/src/dates.ts']);
    // Every boundary rule is an error now that apps import libraries by name (docs/architecture.md).
    expect(
      violations
        .filter((v) => v.rule.severity === 'error')
        .map((v) => v.rule.name)
        .sort(),
    ).toEqual(
      [
        'app-imports-lib-public-face-only',
        'domain-imports-only-zod',
        'domain-imports-only-zod',
        'domain-imports-only-zod',
        'event-store-knows-no-domain',
        'libs-never-import-apps',
      ].sort(),
    );
  });
});

describe('apps import libraries by name (ESLint)', () => {
  it('given an app file importing ../../../libs/, when linted, then no-restricted-imports reports it', async () => {
    const args = [
      join(ROOT, 'node_modules/eslint/bin/eslint.js'),
      '--format',
      'json',
      '--stdin',
      '--stdin-filename',
      'apps/registry/src/planted.ts',
    ];
    const child = execFile(process.execPath, args, { cwd: ROOT });
    child.stdin!.end("import { deliberationId } from '../../../libs/domain/src/index.js';\nexport const id = deliberationId;\n");
    let stdout = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    await new Promise((resolve) => child.on('close', resolve));
    const [result] = JSON.parse(stdout) as { messages: { ruleId: string; message: string }[] }[];
    expect(result.messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
    expect(result.messages[0].message).toContain('@registry/domain');
  });
});
