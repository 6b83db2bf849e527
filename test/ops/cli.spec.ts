import { jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, run } from '../../apps/registry/src/cli.js';
import { freshDatabaseUrl } from '../support/database.js';

/** The CLI runs in-process against its own database, as an operator would run it. */
describe('registry command line', () => {
  let drop: () => Promise<void>;
  let output: string[];
  const saved = { ...process.env };

  beforeAll(async () => {
    const db = await freshDatabaseUrl();
    drop = db.drop;
    if (db.url) process.env.DATABASE_URL = db.url;
    else process.env.REGISTRY_DATA_DIR = mkdtempSync(join(tmpdir(), 'registry-cli-'));
    process.env.LOG_LEVEL = 'silent';
  });
  afterAll(async () => {
    process.env = saved;
    await drop();
  });
  beforeEach(() => {
    output = [];
    process.exitCode = undefined;
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void output.push(args.join(' ')));
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void output.push(args.join(' ')));
  });
  afterEach(() => jest.restoreAllMocks());

  it('given an empty registry, when seeded twice, then 24/130 and its amendment are recorded once', async () => {
    expect(await run(['seed'])).toBe(EXIT.ok);
    expect(output).toEqual(['recorded deliberation 24/130 (version 1)', 'recorded amendment to 24/130 (version 2)']);
    output = [];
    expect(await run(['seed'])).toBe(EXIT.ok);
    expect(output[0]).toMatch(/skipped 24-130.deliberation.json/);
  });

  it('given 24/130, when a transfer of the population is checked, then exit 3 and the table names the rule', async () => {
    const code = await run(['check', '--deliberation', '24/130', '--recipient', 'dwse', '--dataset', 'population', '--on', '2025-01-10', '--years', '2021', '--variables', 'person.sex']);
    expect(code).toBe(EXIT.notAuthorised);
    expect(output.join('\n')).toContain('ACCESS_MODE_NOT_ALLOWED');
  });

  it('given a YAML document that is not valid, when imported, then exit 5 with the failing field', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'registry-doc-')), 'bad.yaml');
    writeFileSync(file, 'number: "25/001"\ndecidedOn: "2025-02-30"\n');
    expect(await run(['import', file])).toBe(EXIT.invalid);
    expect(output.join('\n')).toContain('/decidedOn');
  });

  it('given the log, when verified, exported and rebuilt, then the chain is intact and every event is exported', async () => {
    expect(await run(['verify'])).toBe(EXIT.ok);
    expect(JSON.parse(output[0])).toMatchObject({ ok: true, events: 2 });
    const out = join(mkdtempSync(join(tmpdir(), 'registry-export-')), 'log.jsonl');
    expect(await run(['export', '--out', out])).toBe(EXIT.ok);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).type)).toEqual(['DeliberationRecorded', 'DeliberationAmended']);
    expect(await run(['rebuild', 'deliberation-index'])).toBe(EXIT.ok);
  });

  it('given an unknown command, when run, then exit 2', async () => {
    expect(await run(['bogus'])).toBe(EXIT.usage);
  });
});
