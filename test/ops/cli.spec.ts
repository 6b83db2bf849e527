import { jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, run } from '../../apps/registry/src/cli.js';
import { freshDatabaseUrl } from '../support/database.js';

/** `registry check` of dwse's transfer of `person.sex` for 2021 on 10 January 2025. */
const checkOf = (dataset: string) => [
  'check',
  '--deliberation',
  '24/130',
  '--recipient',
  'dwse',
  '--dataset',
  dataset,
  '--on',
  '2025-01-10',
  '--years',
  '2021',
  '--variables',
  'person.sex',
];

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
    const code = await run(checkOf('population'));
    expect(code).toBe(EXIT.notAuthorised);
    expect(output.join('\n')).toContain('ACCESS_MODE_NOT_ALLOWED');
  });

  it('given a YAML document that is not valid, when imported, then exit 5 with the failing field', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'registry-doc-')), 'bad.yaml');
    writeFileSync(file, 'number: "25/001"\ndecidedOn: "2025-02-30"\n');
    expect(await run(['import', file])).toBe(EXIT.invalid);
    expect(output.join('\n')).toContain('/decidedOn');
    expect(output.join('\n')).toContain(file);
  });

  it('given the log, when verified, exported and rebuilt, then the chain is intact and every event is exported', async () => {
    expect(await run(['verify'])).toBe(EXIT.ok);
    expect(JSON.parse(output[0])).toMatchObject({ ok: true, events: 2 });
    const out = join(mkdtempSync(join(tmpdir(), 'registry-export-')), 'log.jsonl');
    expect(await run(['export', '--out', out])).toBe(EXIT.ok);
    const { readFileSync } = await import('node:fs');
    expect(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).type),
    ).toEqual(['DeliberationRecorded', 'DeliberationAmended']);
    expect(await run(['rebuild', 'deliberation-index'])).toBe(EXIT.ok);
  });

  it('given an unknown command, when run, then exit 2', async () => {
    expect(await run(['bogus'])).toBe(EXIT.usage);
  });

  it('given a bad date, when schedule is run with --as-of 2030-13-45, then exit 2 and the reason names the option', async () => {
    expect(await run(['schedule', '--as-of', '2030-13-45'])).toBe(EXIT.usage);
    expect(output.join('\n')).toMatch(/--as-of: must be a real calendar date/);
    output = [];
    expect(await run(['schedule', '--within', 'soon'])).toBe(EXIT.usage);
    expect(output.join('\n')).toMatch(/--within/);
    output = [];
    expect(await run(['check', '--recipient', 'dwse', '--dataset', 'sample', '--on', '2025-02-30'])).toBe(EXIT.usage);
    expect(output.join('\n')).toMatch(/--on: /);
    output = [];
    expect(await run(['deliveries', '--from', 'yesterday'])).toBe(EXIT.usage);
    expect(output.join('\n')).toMatch(/--from: /);
  });

  it('given --json, when any read command runs, then standard output is one JSON document', async () => {
    for (const args of [
      ['schedule', '--as-of', '2030-11-15'],
      ['deliveries'],
      ['reminders'],
      ['verify'],
      ['seed'],
      ['rebuild', 'deliberation-index'],
      checkOf('sample'),
    ]) {
      output = [];
      const code = await run([...args, '--json']);
      expect([args[0], code === EXIT.ok || code === EXIT.notAuthorised]).toEqual([args[0], true]);
      expect(() => JSON.parse(output.join('\n'))).not.toThrow();
    }
    output = [];
    await run(['deliveries', '--json', '--limit', '1']);
    expect(JSON.parse(output.join('\n'))).toEqual({ items: [], next: null });
  });

  it('given output to a script (no terminal) or NO_COLOR, when a table is printed, then it has no colour codes', async () => {
    const args = checkOf('population');
    expect(await run(args)).toBe(EXIT.notAuthorised);
    expect(output.join('\n')).not.toContain('\u001b[');
    const tty = process.stdout.isTTY;
    Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });
    process.env.NO_COLOR = '1';
    try {
      output = [];
      await run(args);
      expect(output.join('\n')).not.toContain('\u001b[');
    } finally {
      Object.defineProperty(process.stdout, 'isTTY', { value: tty, configurable: true });
      delete process.env.NO_COLOR;
    }
  });

  it('given rebuild of an unknown projection, then exit 2 naming the projections it knows', async () => {
    expect(await run(['rebuild', 'ledger'])).toBe(EXIT.usage);
    expect(output.join('\n')).toMatch(/deliberation-index, delivery-ledger, output-releases/);
  });

  it('given documents, when imported, then every error names the file, and an already-recorded document is exit 5 saying "already recorded"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-import-'));
    const missing = join(dir, 'missing.json');
    expect(await run(['import', missing])).toBe(EXIT.invalid);
    expect(output.join('\n')).toContain(`${missing}: cannot be read as JSON: no such file`);
    output = [];
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"number": ');
    expect(await run(['import', broken])).toBe(EXIT.invalid);
    expect(output.join('\n')).toContain(`${broken}: cannot be read as JSON`);
    output = [];
    const again = new URL('../../fixtures/24-130.deliberation.json', import.meta.url).pathname;
    expect(await run(['import', again])).toBe(EXIT.invalid);
    expect(output.join('\n')).toContain(`${again}: deliberation 24/130 already recorded`);
    output = [];
    const amendment = new URL('../../fixtures/24-130.amendment-1.json', import.meta.url).pathname;
    expect(await run(['import', amendment])).toBe(EXIT.invalid);
    expect(output.join('\n')).toContain('already recorded');
  });

  it('given deliveries and reminders commands, when run on the seeded registry, then they answer (empty lists)', async () => {
    expect(await run(['deliveries'])).toBe(EXIT.ok);
    expect(output).toEqual(['no deliveries']);
    output = [];
    expect(await run(['reminders'])).toBe(EXIT.ok);
    expect(output).toEqual(['no reminders']);
  });
});
