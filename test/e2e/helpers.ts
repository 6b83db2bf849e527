import { readFileSync } from 'node:fs';
import type { TestResponse, TestServer } from '../support/server.js';

/** A fixture of 24/130 (fresh copy each time, so a test may change it). */
export const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));

export const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);
export const reasonOf = (body: { reasons: { code: string; details: any }[] }, code: string) => body.reasons.find((r) => r.code === code);
export const itemsOf = (body: any): any[] => (Array.isArray(body) ? body : body.items);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails with the response body in the message, so a wrong status says why. */
export function expectStatus(response: TestResponse, status: number): TestResponse {
  if (response.status !== status) throw new Error(`expected HTTP ${status}, got ${response.status}: ${response.text.slice(0, 1500)}`);
  return response;
}

/** A problem+json answer with the given status. */
export function expectProblem(response: TestResponse, status: number): any {
  expectStatus(response, status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  return response.body;
}

/**
 * A synthetic deliberation unlike 24/130: other parties (a controller, a processor, two joint
 * controllers of which one is no recipient), other tables and offsets (T-2, a table limited to
 * listed variables), a subject limit, an anonymous dataset, a commitment owed by one named party.
 */
export function synthetic(number = '23/045', overrides: Record<string, unknown> = {}) {
  return {
    number,
    reference: `IVC/KSZG/${number.slice(0, 2)}/900`,
    committee: 'Informatieveiligheidscomité',
    chamber: 'Kamer sociale zekerheid en gezondheid',
    title: `Synthetic deliberation ${number} on hospital stays and income`,
    decidedOn: '2023-03-07',
    effectiveFrom: '2023-03-20',
    purpose: 'Study of the link between income and hospital stays (§2)',
    legalBasis: ['Law of 15 January 1990, article 15'],
    source: { party: 'ksz', system: 'Datawarehouse' },
    parties: [
      { id: 'ugent', name: 'Universiteit Gent', roles: ['joint-controller', 'recipient'] },
      { id: 'sciensano', name: 'Sciensano', roles: ['joint-controller'] },
      { id: 'healthdata', name: 'Healthdata', roles: ['processor'] },
      { id: 'ksz', name: 'KSZ', roles: ['source'] },
    ],
    population: 'Persons admitted to a hospital in the reference years (§3)',
    referenceYears: [2015, 2016, 2017, 2018],
    variables: [
      { code: 'demo.age', category: 'demography', label: 'Age' },
      { code: 'demo.sex', category: 'demography', label: 'Sex' },
      { code: 'demo.death_date', category: 'demography', label: 'Month of death' },
      { code: 'hosp.stays', category: 'hospital', label: 'Number of stays' },
      { code: 'hosp.days', category: 'hospital', label: 'Days in hospital' },
      { code: 'inc.class', category: 'income', label: 'Income class' },
      { code: 'inc.benefits', category: 'income', label: 'Benefits received' },
    ],
    tables: [
      {
        id: 'panel',
        description: 'Year T without death, plus income two years before (§4)',
        offsets: { T: { all: true, except: ['demo.death_date'] }, 'T-2': { categories: ['income'] } },
      },
      {
        id: 'snapshot',
        description: 'Age and sex of year T, death the year after (§5)',
        offsets: { T: { variables: ['demo.age', 'demo.sex'] }, 'T+1': { variables: ['demo.death_date'] } },
      },
    ],
    datasets: [
      {
        id: 'cohort',
        description: 'Pseudonymised cohort (§6)',
        kind: 'pseudonymised',
        access: 'transfer',
        maxSubjects: 5000,
        tables: ['panel', 'snapshot'],
        personalData: true,
      },
      {
        id: 'enclave',
        description: 'Full population in the secure room (§7)',
        kind: 'pseudonymised',
        access: 'secure-onsite',
        tables: ['panel'],
        personalData: true,
        outputs: { only: 'anonymous', requires: 'small-cell-risk-analysis', clause: '§7' },
      },
      {
        id: 'aggregates',
        description: 'Anonymous tables (§8)',
        kind: 'anonymous',
        access: 'transfer',
        tables: ['snapshot'],
        personalData: false,
      },
    ],
    retention: { destroyBy: '2027-06-30', appliesTo: 'personal-data', clause: '§9' },
    requiredCommitments: [
      { kind: 'confidentiality', from: 'each-joint-controller', clause: '§10' },
      { kind: 'data-protection', from: 'each-recipient', clause: '§11' },
      { kind: 'processing-agreement', from: 'healthdata', clause: '§12' },
    ],
    conditions: [{ code: 'no-linkage', clause: '§13', text: 'No linkage with other data' }],
    ...overrides,
  };
}

/** Records the commitments that 24/130 requires, signed on `signedOn`. */
export async function commit24130(api: TestServer, signedOn = '2024-09-20') {
  for (const [party, kind] of [
    ['steunpunt-werk', 'joint-and-several-liability'],
    ['dwse', 'joint-and-several-liability'],
    ['steunpunt-werk', 'non-reidentification'],
    ['dwse', 'non-reidentification'],
  ])
    expectStatus(
      await api.request('POST', '/deliberations/24-130/commitments', {
        body: { party, kind, signedOn, documentRef: `doc-${party}-${kind}` },
      }),
      201,
    );
}

/** Records every commitment the synthetic deliberation requires (for recipient ugent). */
export async function commitSynthetic(api: TestServer, id = '23-045', signedOn = '2023-04-01') {
  for (const [party, kind] of [
    ['ugent', 'confidentiality'],
    ['sciensano', 'confidentiality'],
    ['ugent', 'data-protection'],
    ['healthdata', 'processing-agreement'],
  ])
    expectStatus(await api.request('POST', `/deliberations/${id}/commitments`, { body: { party, kind, signedOn } }), 201);
}

/** 24/130 as decided and amended, with its commitments on file. */
export async function record24130(api: TestServer, { commitments = true } = {}) {
  expectStatus(await api.request('POST', '/deliberations', { body: fixture('24-130.deliberation.json') }), 201);
  expectStatus(await api.request('POST', '/deliberations/24-130/amendments', { body: fixture('24-130.amendment-1.json') }), 201);
  if (commitments) await commit24130(api);
}

export const sampleRelease = (overrides: Record<string, unknown> = {}) => ({
  deliberation: '24/130',
  recipient: 'steunpunt-werk',
  dataset: 'sample',
  access: 'transfer',
  on: '2024-12-02',
  referenceYears: [2021],
  variables: ['person.sex', 'work.nace_code@T+1'],
  subjects: 10000,
  ...overrides,
});

export async function check(api: TestServer, body: Record<string, unknown>, role: 'steward' | 'secretariat' | 'auditor' = 'steward') {
  return expectStatus(await api.request('POST', '/authorisation-checks', { role, body }), 200).body;
}

export async function deliver(api: TestServer, body: Record<string, unknown>) {
  return expectStatus(await api.request('POST', '/deliveries', { role: 'steward', body }), 201).body;
}

export async function versionOf(api: TestServer, id: string): Promise<number> {
  return expectStatus(await api.request('GET', `/deliberations/${id}`, { role: 'auditor' }), 200).body.version;
}

/** A release of the synthetic deliberation's `cohort` dataset to ugent. */
export const cohort = (deliberation: string, on: string, reference: string) => ({
  deliberation,
  recipient: 'ugent',
  dataset: 'cohort',
  on,
  referenceYears: [2016],
  variables: ['demo.age'],
  reference,
});

/** 24/130 (destroy by 2030-12-31), 23/045 (2027-06-30) and 23/080 (2026-03-31), with their commitments. */
export async function recordThreeDeadlines(api: TestServer) {
  await record24130(api);
  expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
  await commitSynthetic(api, '23-045');
  expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/080', { retention: { destroyBy: '2026-03-31' } }) }), 201);
  await commitSynthetic(api, '23-080');
}

/** Every page of `GET /destruction-schedule?<query>`, `limit` a page, checking no page is longer. */
export async function allSchedulePages(api: TestServer, query: string, limit: number): Promise<{ destroyBy: string; delivery: string }[]> {
  const items: { destroyBy: string; delivery: string }[] = [];
  let cursor: string | null = null;
  do {
    const address = `/destruction-schedule?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = expectStatus(await api.request('GET', address, { role: 'auditor' }), 200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    cursor = res.body.next;
  } while (cursor);
  return items;
}
