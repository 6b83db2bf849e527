import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const MAIN = fileURLToPath(new URL('../../apps/registry/src/main.js', import.meta.url));
export const BENCH_KEY = 'bench-steward';
/**
 * The service's node flags, as `npm start` and the Dockerfile pass them: the old space is
 * collected at 1.5 times the live set, not 3-4 times (issue 14; test/architecture/node-flags.spec.ts).
 */
export const SERVICE_NODE_FLAGS = ['--heap-growing-percent=50'];

export interface RunningServer {
  child: ChildProcess;
  url: string;
  /** Spawn to first 200 from /health. */
  startMs: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** `node dist/apps/registry/src/main.js` on this database; resolves once /health answers 200. */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  // Diagnostics: BENCH_SERVICE_NODE_ARGS (e.g. "--trace-gc") for the service's node, its stdout to BENCH_SERVICE_STDOUT.
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const stdoutFile = process.env.BENCH_SERVICE_STDOUT;
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...nodeArgs, MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      REGISTRY_API_KEYS: `bench:steward:${BENCH_KEY}`,
      // The default (6,000 a minute per key) would measure the limiter, not the checks.
      REGISTRY_RATE_LIMIT_PER_MINUTE: '0',
      // The start-up re-hash of the whole log would share the CPU with the measured requests.
      REGISTRY_VERIFY_ON_START: 'false',
      ...env,
    },
    stdio: ['ignore', stdoutFile ? 'pipe' : 'ignore', 'pipe'],
  });
  if (stdoutFile) child.stdout!.pipe(createWriteStream(stdoutFile, { flags: 'a' }));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the registry exited with ${child.exitCode} before /health answered: ${stderr}`);
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`the registry did not answer /health within ${timeoutMs} ms: ${stderr}`);
    }
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url, startMs: performance.now() - started, stop };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Milliseconds from spawning `node -e 0` to its exit. */
export function bareNodeStartMs(): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['-e', '0']);
  if (r.status !== 0) throw new Error('node -e 0 failed');
  return performance.now() - started;
}

/** Resident memory of a bare node process (what `node -e` holds when idle). */
export function bareNodeRssBytes(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.memoryUsage().rss))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

export interface HttpResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  path: string;
  bodies?: string[];
}

/** autocannon for `seconds` (after 1 s of warm-up that is not counted). */
export async function load(url: string, spec: HttpRequestSpec, connections: number, seconds: number): Promise<HttpResult> {
  const run = (duration: number) =>
    autocannon({
      url,
      connections,
      duration,
      requests: [
        {
          method: spec.method,
          path: spec.path,
          headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' },
          ...(spec.bodies
            ? {
                setupRequest: (req: autocannon.Request) => ({
                  ...req,
                  body: spec.bodies![Math.floor(Math.random() * spec.bodies!.length)],
                }),
              }
            : {}),
        },
      ],
    });
  await run(1);
  const r = await run(seconds);
  return {
    requestsPerSecond: r.requests.total / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
  };
}
