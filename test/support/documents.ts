import { readFileSync } from 'node:fs';

export const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));

/** A small deliberation of another shape than 24/130, numbered as asked. */
export function smallDeliberation(number: string) {
  return {
    number,
    decidedOn: '2025-01-07',
    effectiveFrom: '2025-01-20',
    parties: [
      { id: 'uni-x', name: 'University X', roles: ['controller', 'recipient'] },
      { id: 'ksz', name: 'KSZ', roles: ['source'] },
    ],
    referenceYears: [2022, 2023],
    variables: [
      { code: 'p.age', category: 'person', label: 'Age class' },
      { code: 'w.sector', category: 'work', label: 'Sector' },
    ],
    tables: [{ id: 't1', offsets: { T: { all: true } } }],
    datasets: [{ id: 'extract', kind: 'pseudonymised', access: 'transfer', maxSubjects: 500, tables: ['t1'], personalData: true }],
    retention: { destroyBy: '2029-06-30' },
    requiredCommitments: [],
  };
}
