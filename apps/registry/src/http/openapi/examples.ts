import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Examples taken from deliberation 24/130 (the project's fixtures), so the document teaches with the real case. */
function fixture(name: string): unknown {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures', name)))
      return JSON.parse(readFileSync(join(dir, 'fixtures', name), 'utf8'));
  throw new Error(`cannot find fixtures/${name}`);
}

export const examples = {
  deliberation: () => fixture('24-130.deliberation.json'),
  amendment: () => fixture('24-130.amendment-1.json'),
  revocation: {
    decidedOn: '2031-03-04',
    effectiveFrom: '2031-03-15',
    reason: 'The project ended; the committee revokes the authorisation (§19).',
  },
  commitment: { party: 'steunpunt-werk', kind: 'non-reidentification', signedOn: '2024-09-20', documentRef: 'KSZ/2024/130/SW-NR' },
  release: {
    deliberation: '24/130',
    recipient: 'steunpunt-werk',
    dataset: 'sample',
    access: 'transfer',
    on: '2024-12-02',
    referenceYears: [2021],
    variables: ['person.sex', 'work.nace_code@T+1'],
    subjects: 10000,
  },
  written: { number: '24/130', id: '24-130', version: 2, amendment: 1 },
  checkAnswer: { authorised: true, deliberation: '24/130', version: 6, on: '2024-12-02', reasons: [] },
  destruction: { destroyedOn: '2030-11-15', certificateRef: 'CERT-SW-2030-017', attestedBy: 'DPO Steunpunt Werk' },
  outputRelease: {
    dataset: 'population',
    description: 'Anonymous tables of the labour reserve by region and year (§15)',
    releasedOn: '2025-03-01',
    smallCellRiskAnalysis: { performedOn: '2025-02-27', performedBy: 'KSZ output checker', passed: true, reportRef: 'SCRA-2025-004' },
  },
};

const deliveryId = '0b6f3a52-8f1e-4c63-9a57-2d1f0c6d9e41';
export const delivery = {
  id: deliveryId,
  deliberation: '24/130',
  recipient: 'steunpunt-werk',
  dataset: 'sample',
  access: 'transfer',
  referenceYears: [2021],
  variables: ['person.sex', 'work.nace_code@T+1'],
  subjects: 10000,
  reference: 'DEL-2024-001',
  deliveredOn: '2024-12-02',
  obligation: true,
  destroyBy: '2030-12-31',
  destroyed: false,
  destruction: null,
  recordedAt: '2024-12-02T09:14:03.120Z',
};
export const scheduleEntry = {
  delivery: deliveryId,
  deliberation: '24/130',
  dataset: 'sample',
  recipient: 'steunpunt-werk',
  deliveredOn: '2024-12-02',
  destroyBy: '2030-12-31',
  daysLeft: 57,
  status: 'due',
};
export const reminderIssued = {
  id: '6a1c1d2e-3f40-4b5a-8c9d-0e1f2a3b4c5d',
  reminderId: '6a1c1d2e-3f40-4b5a-8c9d-0e1f2a3b4c5d',
  delivery: deliveryId,
  deliberation: '24/130',
  dataset: 'sample',
  recipient: 'steunpunt-werk',
  destroyBy: '2030-12-31',
  threshold: 90,
  asOf: '2030-11-05',
};
