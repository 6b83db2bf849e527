import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, run } from '../../apps/registry/src/cli.js';
import { fixture, smallDeliberation } from '../support/documents.js';
import { buildOnce, freePort, kill, ROOT, startService, type ServiceProcess } from '../support/process.js';

const KEYS = 'sec:secretariat:k-sec,aud:auditor:k-aud';
const headers = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

/** Runs the service on `env` until it exits by itself (or 30 s pass); its exit code and output. */
function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['dist/apps/registry/src/main.js'], {
          cwd: ROOT,
          env: { ...process.env, ...env, PORT: String(port) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolve({ code, output });
        });
      }),
  );
}

/**
 * Issue 10, fault 1: the embedded database (PGlite) is single-process. A second service or a
 * writing CLI on a data directory in use must refuse to start, and the first keeps every write.
 * Always on an embedded data directory, whatever DATABASE_URL says (PostgreSQL needs no lock).
 */
describe('fault 1: one process per embedded data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-lock-'));
  const env = { REGISTRY_API_KEYS: KEYS, REGISTRY_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  const saved = { ...process.env };
  let first: ServiceProcess | undefined;

  beforeAll(() => buildOnce(), 120_000);
  afterAll(async () => {
    process.env = saved;
    if (first) await kill(first);
  });

  const post = (url: string, path: string, body: unknown) =>
    fetch(url + path, { method: 'POST', headers: headers('k-sec'), body: JSON.stringify(body) });
  const numbers = async (url: string) =>
    ((await (await fetch(`${url}/deliberations`, { headers: headers('k-aud') })).json()) as { items: { number: string }[] }).items
      .map((d) => d.number)
      .sort();

  it('a second service on the directory exits non-zero with a clear message', async () => {
    first = await startService(env);
    expect((await post(first.url, '/deliberations', fixture('24-130.deliberation.json'))).status).toBe(201);
    const second = await runUntilExit(env);
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.output).toMatch(/data directory .* is in use by process \d+/);
  }, 60_000);

  it('a writing CLI on the directory exits non-zero and says to stop the service or use its API', async () => {
    Object.assign(process.env, { REGISTRY_DATA_DIR: dir, LOG_LEVEL: 'silent' });
    delete process.env.DATABASE_URL;
    const output: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void output.push(args.join(' ')));
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void output.push(args.join(' ')));
    try {
      const code = await run(['import', join(ROOT, 'fixtures/24-130.amendment-1.json')]);
      expect(code).not.toBe(EXIT.ok);
    } finally {
      jest.restoreAllMocks();
    }
    expect(output.join('\n')).toMatch(/in use.*\n?.*stop the service|stop the service/i);
    expect(output.join('\n')).not.toMatch(/recorded/);
  }, 60_000);

  it('the first service kept every write, across a restart; a lock left by a killed process is taken over', async () => {
    expect((await post(first!.url, '/deliberations', smallDeliberation('25/101'))).status).toBe(201);
    expect(await numbers(first!.url)).toEqual(['24/130', '25/101']);
    expect(await kill(first!, 'SIGTERM')).toBe(0);
    first = await startService(env);
    expect(await numbers(first.url)).toEqual(['24/130', '25/101']);
    await kill(first, 'SIGKILL'); // leaves its lock file behind
    first = await startService(env);
    expect(await numbers(first.url)).toEqual(['24/130', '25/101']);
  }, 120_000);
});
