/** Sizes and targets of a bench run: flags win over environment variables, which win over defaults. */
export type TargetName = 'pglite' | 'postgres';

export interface BenchOptions {
  targets: TargetName[];
  databaseUrl?: string;
  scale: number;
  /** `--scale decades`: 10,000 deliberations and 1,000,000 deliveries times `fraction` (see decades.ts). */
  decades?: { fraction: number; soakSeconds: number };
  /** Measured window of each append run (per system and client count). */
  appendSeconds: number;
  appendStreams: number;
  /** Deliberations recorded through the service, and DeliveryRecorded events bulk-loaded. */
  deliberations: number;
  deliveries: number;
  httpSeconds: number;
  httpConnections: number;
  /** Cold starts per kind (the median is reported). */
  starts: number;
  /** Where PGlite data directories go. */
  tmpDir: string;
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

function num(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${what}: expected a positive number, got ${JSON.stringify(value)}`);
  return n;
}

export const USAGE = `npm run bench -- [--target pglite|postgres|both] [--scale S] [--seconds N] [--http-seconds N]
  [--deliberations N] [--deliveries N] [--starts N]
npm run bench -- --scale decades [--fraction F] [--http-seconds N] [--soak-seconds N] [--starts N]
  decades: 10,000 deliberations and 1,000,000 deliveries (about 5 million events) times F (default 1),
  built and measured in one run; PostgreSQL only unless --target pglite is given (small F only).
Environment: DATABASE_URL (PostgreSQL server; a fresh database is created and dropped per run),
  BENCH_TARGET, BENCH_SCALE (default 1: 1,000 deliberations, 100,000 deliveries), BENCH_SECONDS (append window, 5),
  BENCH_HTTP_SECONDS (10), BENCH_DELIBERATIONS, BENCH_DELIVERIES, BENCH_STARTS (3), BENCH_TMPDIR.
Default target: pglite, plus postgres when DATABASE_URL is set.`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const databaseUrl = env.DATABASE_URL || undefined;
  const target = flag(argv, 'target') ?? env.BENCH_TARGET ?? (databaseUrl ? 'both' : 'pglite');
  const targets: TargetName[] = target === 'both' ? ['pglite', 'postgres'] : target === 'pglite' || target === 'postgres' ? [target] : [];
  if (targets.length === 0) throw new Error(`--target: pglite, postgres or both, not ${target}`);
  if (targets.includes('postgres') && !databaseUrl)
    throw new Error('--target postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
  const scaleFlag = flag(argv, 'scale') ?? env.BENCH_SCALE;
  const decades = scaleFlag === 'decades';
  const scale = decades ? 1 : num(scaleFlag, 1, 'BENCH_SCALE');
  if (decades && !flag(argv, 'target') && !env.BENCH_TARGET)
    targets.splice(0, targets.length, ...(databaseUrl ? (['postgres'] as const) : (['pglite'] as const)));
  return {
    ...(decades
      ? {
          decades: {
            fraction: num(flag(argv, 'fraction') ?? env.BENCH_FRACTION, 1, 'BENCH_FRACTION'),
            soakSeconds: num(flag(argv, 'soak-seconds') ?? env.BENCH_SOAK_SECONDS, 60, 'BENCH_SOAK_SECONDS'),
          },
        }
      : {}),
    targets,
    databaseUrl,
    scale,
    appendSeconds: num(flag(argv, 'seconds') ?? env.BENCH_SECONDS, 5, 'BENCH_SECONDS'),
    appendStreams: 1000,
    deliberations: Math.round(
      num(
        flag(argv, 'deliberations') ?? env.BENCH_DELIBERATIONS,
        Math.max(10, Math.round(1000 * Math.min(1, scale))),
        'BENCH_DELIBERATIONS',
      ),
    ),
    deliveries: Math.round(num(flag(argv, 'deliveries') ?? env.BENCH_DELIVERIES, Math.round(100_000 * scale), 'BENCH_DELIVERIES')),
    httpSeconds: num(flag(argv, 'http-seconds') ?? env.BENCH_HTTP_SECONDS, 10, 'BENCH_HTTP_SECONDS'),
    httpConnections: 32,
    starts: Math.round(num(flag(argv, 'starts') ?? env.BENCH_STARTS, 3, 'BENCH_STARTS')),
    tmpDir: env.BENCH_TMPDIR ?? '',
  };
}
