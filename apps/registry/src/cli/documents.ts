import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { amendmentDocumentSchema, canonicalJsonOf, deliberationDocumentSchema, deliberationId, DomainError } from './domain.js';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AmendDeliberation, RecordDeliberation, type Written } from '../deliberations/commands.js';
import { DeliberationService } from '../deliberations/deliberation.service.js';
import { CliFailure, ctx, EXIT } from './shared.js';

/** The project's own fixtures, found from the source file or from its build under dist/. */
export function fixturesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return join(dir, 'fixtures') + '/';
  throw new Error('cannot find the fixtures directory');
}

function readDocument(path: string): Record<string, unknown> {
  let value: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    value = /\.ya?ml$/i.test(path) ? loadYaml(text) : JSON.parse(text);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : error instanceof Error
          ? error.message.split('\n')[0]
          : String(error);
    throw new CliFailure(`${path}: cannot be read as ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${reason}`, EXIT.invalid);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new CliFailure(`${path}: is not a document (an object is expected)`, EXIT.invalid);
  return value as Record<string, unknown>;
}

export interface Imported {
  file: string;
  outcome: 'recorded' | 'already recorded';
  kind: 'deliberation' | 'amendment';
  number: string;
  version?: number;
}

/** Records a deliberation or an amendment document (told apart by its `changes`), validated by the API's schemas. */
export async function importDocument(registry: INestApplicationContext, path: string): Promise<Imported> {
  const commands = registry.get(CommandBus);
  const deliberations = registry.get(DeliberationService);
  const document = readDocument(path);
  const kind = 'changes' in document ? 'amendment' : 'deliberation';
  const parsed = (kind === 'amendment' ? amendmentDocumentSchema : deliberationDocumentSchema).safeParse(document);
  if (!parsed.success)
    throw new CliFailure(
      `${path}: not a valid ${kind} document:\n${parsed.error.issues.map((i) => `  /${i.path.join('/')}: ${i.message}`).join('\n')}`,
      EXIT.invalid,
    );
  const number = String(
    (parsed.data as { number?: string; deliberation?: string })[kind === 'amendment' ? 'deliberation' : 'number'] ?? '',
  );
  if (!number) throw new CliFailure(`${path}: an amendment document must name its "deliberation" to be imported`, EXIT.invalid);
  try {
    if (kind === 'deliberation')
      return {
        file: path,
        outcome: 'recorded',
        kind,
        number,
        version: ((await commands.execute(new RecordDeliberation(parsed.data as never, ctx()))) as Written).version,
      };
    const t = await deliberations.timeline(deliberationId(number));
    const { deliberation: _, ...amendment } = parsed.data as Record<string, unknown>;
    if (t?.amendments.some(({ sequence: _s, recordedAt: _r, ...known }) => canonicalJsonOf(known) === canonicalJsonOf(amendment)))
      return { file: path, outcome: 'already recorded', kind, number };
    return {
      file: path,
      outcome: 'recorded',
      kind,
      number,
      version: ((await commands.execute(new AmendDeliberation(deliberationId(number), parsed.data as never, ctx()))) as Written).version,
    };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'DELIBERATION_EXISTS')
      return { file: path, outcome: 'already recorded', kind, number };
    if (error instanceof DomainError) throw new CliFailure(`${path}: ${error.message}`, EXIT.invalid);
    throw new CliFailure(`${path}: ${error instanceof Error ? error.message : String(error)}`, EXIT.failure);
  }
}

export const line = (i: Imported) =>
  i.outcome === 'recorded'
    ? `recorded ${i.kind === 'amendment' ? 'amendment to' : 'deliberation'} ${i.number} (version ${i.version})`
    : `${i.file}: ${i.kind} ${i.number} already recorded`;
