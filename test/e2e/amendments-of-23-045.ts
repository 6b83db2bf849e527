import type { TestServer } from '../support/server.js';
import { expectStatus, synthetic } from './helpers.js';

/** The synthetic 23/045 as of `on`. */
export const view = async (api: TestServer, on: string) =>
  expectStatus(await api.request('GET', `/deliberations/23-045?on=${on}`, { role: 'auditor' }), 200).body;
export const ids = (items: { id: string }[]) => items.map((x) => x.id);

/** Amendment 1, from 2023-09-01: a dataset, a variable and a recipient come in. */
export const icuAmendment = {
  deliberation: '23/045',
  decidedOn: '2023-08-10',
  effectiveFrom: '2023-09-01',
  summary: 'An ICU dataset, the ICU variable and the VUB as recipient',
  changes: [
    {
      op: 'addDataset',
      dataset: { id: 'icu', kind: 'pseudonymised', access: 'transfer', tables: ['snapshot'], personalData: true },
    },
    { op: 'addVariables', variables: [{ code: 'hosp.icu_days', category: 'hospital', label: 'Days in intensive care' }] },
    { op: 'addParty', party: { id: 'vub', name: 'VUB', roles: ['recipient'] } },
  ],
};

/** Amendment 2, from 2024-01-01: a dataset, a variable and a party go; the cohort, the years and the retention change. */
export const secondAmendment = {
  decidedOn: '2023-12-05',
  effectiveFrom: '2024-01-01',
  summary: 'Second amendment',
  changes: [
    { op: 'removeDataset', datasetId: 'aggregates' },
    { op: 'updateDataset', datasetId: 'cohort', set: { maxSubjects: 8000, description: 'A larger cohort' } },
    { op: 'removeVariables', codes: ['inc.benefits'] },
    { op: 'removeParty', partyId: 'healthdata' },
    { op: 'setReferenceYears', years: [2019, 2016, 2017, 2018] },
    { op: 'setRetention', destroyBy: '2028-12-31' },
  ],
};

/** Amendment 3, from 2024-03-01: the cohort loses its subject limit. */
export const noSubjectLimitAmendment = {
  decidedOn: '2024-02-01',
  effectiveFrom: '2024-03-01',
  changes: [{ op: 'updateDataset', datasetId: 'cohort', set: { maxSubjects: null } }],
};

/** 23/045 with its three amendments, as amendments.spec.ts records them one test at a time. */
export async function record23045WithThreeAmendments(api: TestServer): Promise<void> {
  expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
  for (const body of [icuAmendment, secondAmendment, noSubjectLimitAmendment])
    expectStatus(await api.request('POST', '/deliberations/23-045/amendments', { body }), 201);
}
