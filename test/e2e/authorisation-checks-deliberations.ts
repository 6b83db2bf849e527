import type { TestServer } from '../support/server.js';
import { commitSynthetic, expectStatus, fixture, record24130, sleep, synthetic } from './helpers.js';

/** A release under the synthetic 23/045 that every rule allows (commitments signed 2023-04-01). */
export const cohort = (overrides: Record<string, unknown> = {}) => ({
  deliberation: '23/045',
  recipient: 'ugent',
  dataset: 'cohort',
  access: 'transfer',
  on: '2023-06-01',
  referenceYears: [2015, 2018],
  variables: ['demo.age', 'hosp.stays', 'inc.class@T-2', 'demo.death_date@T+1'],
  subjects: 5000,
  ...overrides,
});

/**
 * The deliberations every authorisation-check spec runs against: 24/130 and its 21/144-like
 * predecessor, and the synthetic 23/045, 23/060, 22/300 (revoked) and 23/070 (amended).
 * Answers the instant `between`, after 23/070 was recorded and before its amendment.
 */
export async function recordCheckDeliberations(api: TestServer): Promise<string> {
  await record24130(api);
  // A 21/144-like predecessor: same recipients and datasets, reference years 2005-2019.
  const predecessor = {
    ...fixture('24-130.deliberation.json'),
    number: '21/144',
    reference: 'IVC/KSZG/21/200',
    decidedOn: '2021-10-05',
    effectiveFrom: '2021-10-20',
    predecessors: [],
  };
  predecessor.referenceYears = Array.from({ length: 15 }, (_, i) => 2005 + i);
  predecessor.retention = { destroyBy: '2027-12-31' };
  expectStatus(await api.request('POST', '/deliberations', { body: predecessor }), 201);
  for (const [party, kind] of [
    ['steunpunt-werk', 'joint-and-several-liability'],
    ['dwse', 'joint-and-several-liability'],
    ['steunpunt-werk', 'non-reidentification'],
  ])
    expectStatus(await api.request('POST', '/deliberations/21-144/commitments', { body: { party, kind, signedOn: '2021-11-01' } }), 201);

  expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
  await commitSynthetic(api, '23-045');
  expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/060') }), 201);
  expectStatus(
    await api.request('POST', '/deliberations/23-060/commitments', {
      body: { party: 'ugent', kind: 'data-protection', signedOn: '2023-04-01' },
    }),
    201,
  );
  expectStatus(await api.request('POST', '/deliberations', { body: synthetic('22/300') }), 201);
  await commitSynthetic(api, '22-300');
  expectStatus(
    await api.request('POST', '/deliberations/22-300/revocation', {
      body: { decidedOn: '2024-01-10', effectiveFrom: '2024-02-01', reason: 'Purpose achieved' },
    }),
    201,
  );

  // 23/070: an amendment recorded after the instant `between` brings a dataset, a variable and a recipient in from 2024-01-01.
  expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/070') }), 201);
  await commitSynthetic(api, '23-070');
  await sleep(5);
  const between = new Date().toISOString();
  await sleep(5);
  expectStatus(
    await api.request('POST', '/deliberations/23-070/amendments', {
      body: {
        decidedOn: '2023-11-15',
        effectiveFrom: '2024-01-01',
        changes: [
          { op: 'addDataset', dataset: { id: 'late', kind: 'pseudonymised', access: 'transfer', tables: ['panel'], personalData: true } },
          { op: 'addVariables', variables: [{ code: 'hosp.icu_days', category: 'hospital', label: 'ICU days' }] },
          { op: 'addParty', party: { id: 'vub', name: 'VUB', roles: ['recipient'] } },
        ],
      },
    }),
    201,
  );
  expectStatus(
    await api.request('POST', '/deliberations/23-070/commitments', {
      body: { party: 'vub', kind: 'data-protection', signedOn: '2023-11-20' },
    }),
    201,
  );
  return between;
}
