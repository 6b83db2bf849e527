import Table from 'cli-table3';
import type { Command } from 'commander';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';
import type { z } from 'zod';
import { loadConfig } from '../core/config.js';
import { releasingOnFailedStart } from '../core/infrastructure-opening.js';
import { PinoNestLogger } from '../core/logger.js';
import { RegistryModule } from '../registry.module.js';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, usage: 2, notAuthorised: 3, tampered: 4, invalid: 5 } as const;

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

export const ctx = () => ({ actor: `cli:${process.env.USER ?? 'operator'}`, correlationId: `cli-${Date.now()}` });

/** The service's providers (feature modules on the core) in a Nest application context: no HTTP, no daily scheduler. */
export async function withRegistry<T>(work: (registry: INestApplicationContext) => Promise<T>): Promise<T> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  // A start-up hook that fails inside createApplicationContext leaves no context to close: release what the core opened.
  const registry = await releasingOnFailedStart(log, (opening) =>
    NestFactory.createApplicationContext(RegistryModule.forRoot(loadConfig(), log, { scheduler: false, opening }), {
      logger: new PinoNestLogger(log),
      abortOnError: false,
    }),
  );
  try {
    return await work(registry);
  } finally {
    await registry.close();
  }
}

/**
 * Options are checked with the API's own schemas: a bad value is exit 2 with the option and the
 * reason (`--as-of: must be a real calendar date ...`), never a silent default.
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
  flags: Record<string, string> = {},
): z.infer<S> {
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const result = schema.safeParse(defined);
  if (result.success) return result.data;
  const flag = (key: string) => flags[key] ?? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  throw new CliFailure(result.error.issues.map((i) => `${flag(String(i.path[0] ?? ''))}: ${i.message}`).join('\n'), EXIT.usage);
}

/** Colour only for a person at a terminal, and never when NO_COLOR is set (https://no-color.org). */
export const colour = () => Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env);

export function table(head: string[], rows: (string | number | null)[][], options: { colWidths?: number[] } = {}): string {
  const t = new Table({ head, ...options, wordWrap: true, style: colour() ? {} : { head: [], border: [] } });
  for (const row of rows) t.push(row.map((cell) => (cell === null ? '' : cell)));
  return t.toString();
}

/** `--json` on every command: one JSON document on standard output, for scripts. */
export const withJson = (command: Command) => command.option('--json', 'print the answer as JSON');

export function print(json: boolean | undefined, value: unknown, text: () => string) {
  console.log(json ? JSON.stringify(value, null, 2) : text());
}
