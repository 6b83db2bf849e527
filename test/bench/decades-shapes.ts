/**
 * The deliberations of the decades-scale data set: varied shapes, recorded through the service
 * (decide, append with the revision read, read models waited for), a few commands at a time.
 *
 * Shape of deliberation k (1-based, of D):
 * - number `yy/seq`, decided between 2000 and 2026 (D / 27 a year), in force 15 days later;
 * - one to four recipients (1 + k % 4): the first from 40 frequent organisations (each named by
 *   about D / 40 deliberations: universities and public services come back), the others from 1,200;
 * - retention: 31 December six years after it takes effect;
 * - every 10th is amended one to seven times (addParty, setReferenceYears, setRetention in turn);
 *   every other 5th gets one retention change; every 50th (k % 50 = 25) is revoked after 3 years.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { addDays } from '@registry/domain';
import type { BenchRegistry } from './registry.js';

const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/24-130.deliberation.json', import.meta.url), 'utf8'));

export const FREQUENT_RECIPIENTS = 40;
const OTHER_RECIPIENTS = 1200;
const YEARS = 27;

export interface DeliberationShape {
  k: number;
  number: string;
  id: string;
  decidedOn: string;
  effectiveFrom: string;
  recipients: string[];
}

export function shapeOf(k: number, total: number): DeliberationShape {
  const perYear = Math.ceil(total / YEARS);
  const year = 2000 + Math.floor((k - 1) / perYear);
  const seq = ((k - 1) % perYear) + 1;
  const number = `${String(year % 100).padStart(2, '0')}/${String(seq).padStart(3, '0')}`;
  const decidedOn = addDays(`${year}-01-10`, Math.floor(((seq - 1) * 340) / perYear));
  const recipients = Array.from({ length: 1 + (k % 4) }, (_, j) =>
    j === 0 ? `org-${k % FREQUENT_RECIPIENTS}` : `org-${FREQUENT_RECIPIENTS + ((k * 37 + j * 101) % OTHER_RECIPIENTS)}`,
  );
  return {
    k,
    number,
    id: number.replace('/', '-'),
    decidedOn,
    effectiveFrom: addDays(decidedOn, 15),
    recipients: [...new Set(recipients)],
  };
}

export const retentionEnd = (effectiveFrom: string, extraYears = 0) => `${Number(effectiveFrom.slice(0, 4)) + 6 + extraYears}-12-31`;

export function documentOf(s: DeliberationShape) {
  const { requiredCommitments: _, ...doc } = fixture;
  return {
    ...doc,
    number: s.number,
    decidedOn: s.decidedOn,
    effectiveFrom: s.effectiveFrom,
    referenceYears: [2020, 2021, 2022],
    retention: { ...fixture.retention, destroyBy: retentionEnd(s.effectiveFrom) },
    parties: [
      ...s.recipients.map((id, j) => ({
        id,
        name: `Organisation ${id}`,
        roles: j === 0 ? ['joint-controller', 'recipient'] : ['recipient'],
      })),
      { id: 'ksz', name: 'Kruispuntbank van de Sociale Zekerheid', roles: ['source'] },
    ],
  };
}

/** The amendments of deliberation k, oldest first (none for most). */
export function amendmentsOf(s: DeliberationShape) {
  const count = s.k % 10 === 0 ? 1 + ((s.k / 10) % 7) : s.k % 5 === 0 ? 1 : 0;
  return Array.from({ length: count }, (_, i) => {
    const decidedOn = addDays(s.effectiveFrom, 60 * (i + 1));
    const kind = count === 1 ? 2 : i % 3;
    const change =
      kind === 0
        ? {
            op: 'addParty',
            party: {
              id: `org-${FREQUENT_RECIPIENTS + ((s.k * 13 + i) % OTHER_RECIPIENTS)}-x${i}`,
              name: 'Added recipient',
              roles: ['recipient'],
            },
          }
        : kind === 1
          ? { op: 'setReferenceYears', years: [2020, 2021, 2022, 2023 + i] }
          : { op: 'setRetention', destroyBy: retentionEnd(s.effectiveFrom, 1 + i) };
    return { deliberation: s.number, decidedOn, effectiveFrom: addDays(decidedOn, 10), summary: `Amendment ${i + 1}`, changes: [change] };
  });
}

export const revocationOf = (s: DeliberationShape) =>
  s.k % 50 === 25
    ? { decidedOn: addDays(s.effectiveFrom, 3 * 365), effectiveFrom: addDays(s.effectiveFrom, 3 * 365 + 15), reason: 'Purpose fulfilled' }
    : undefined;

/** Records deliberation k with its amendments and revocation through the service. */
async function recordOne(runtime: BenchRegistry, s: DeliberationShape): Promise<number> {
  const ctx = () => ({ actor: 'bench', correlationId: randomUUID() });
  await runtime.deliberations.record(documentOf(s) as never, ctx());
  let commands = 1;
  for (const amendment of amendmentsOf(s)) {
    await runtime.deliberations.amend(s.id, amendment as never, ctx());
    commands++;
  }
  const revocation = revocationOf(s);
  if (revocation) {
    await runtime.deliberations.revoke(s.id, revocation, ctx());
    commands++;
  }
  return commands;
}

/** Records every deliberation, `concurrency` at a time; returns the commands run and the time taken. */
export async function recordDeliberationShapes(
  runtime: BenchRegistry,
  total: number,
  concurrency: number,
  onProgress?: (done: number) => void,
) {
  const started = performance.now();
  let next = 1;
  let commands = 0;
  const worker = async () => {
    for (let k = next++; k <= total; k = next++) {
      const done = await recordOne(runtime, shapeOf(k, total));
      commands += done;
      if (k % 1000 === 0) onProgress?.(k);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { commands, ms: performance.now() - started };
}
