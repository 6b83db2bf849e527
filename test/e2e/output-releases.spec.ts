import { startTestServer, type TestServer } from '../support/server.js';
import { expectProblem, expectStatus, itemsOf, record24130, synthetic } from './helpers.js';

const analysis = (overrides: Record<string, unknown> = {}) => ({
  performedOn: '2025-03-01',
  performedBy: 'KSZ statistics unit',
  passed: true,
  reportRef: 'SCA-2025-01',
  ...overrides,
});
const release = (overrides: Record<string, unknown> = {}) => ({
  dataset: 'population',
  description: 'Labour reserve by province and age class, 2022',
  releasedOn: '2025-03-02',
  smallCellRiskAnalysis: analysis(),
  ...overrides,
});

describe('POST /deliberations/{id}/output-releases', () => {
  let api: TestServer;
  const listed = async (id: string) =>
    itemsOf(expectStatus(await api.request('GET', `/deliberations/${id}/output-releases`, { role: 'auditor' }), 200).body);

  beforeAll(async () => {
    api = await startTestServer();
    await record24130(api);
    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
  });
  afterAll(() => api?.close());

  it('422 SMALL_CELL_ANALYSIS_REQUIRED without an analysis, or with one performed after the release', async () => {
    const { smallCellRiskAnalysis: _, ...without } = release();
    expect(
      expectProblem(await api.request('POST', '/deliberations/24-130/output-releases', { role: 'steward', body: without }), 422).code,
    ).toBe('SMALL_CELL_ANALYSIS_REQUIRED');
    const late = release({ smallCellRiskAnalysis: analysis({ performedOn: '2025-03-03' }) });
    expect(
      expectProblem(await api.request('POST', '/deliberations/24-130/output-releases', { role: 'steward', body: late }), 422).code,
    ).toBe('SMALL_CELL_ANALYSIS_REQUIRED');
    expect(await listed('24-130')).toEqual([]);
  });

  it('422 SMALL_CELL_ANALYSIS_FAILED when the analysis did not pass', async () => {
    const failed = release({ smallCellRiskAnalysis: analysis({ passed: false }) });
    expect(
      expectProblem(await api.request('POST', '/deliberations/24-130/output-releases', { role: 'steward', body: failed }), 422).code,
    ).toBe('SMALL_CELL_ANALYSIS_FAILED');
    expect(await listed('24-130')).toEqual([]);
  });

  it('refuses a release from a dataset without an outputs rule (the sample; the synthetic cohort)', async () => {
    const sample = await api.request('POST', '/deliberations/24-130/output-releases', {
      role: 'steward',
      body: release({ dataset: 'sample' }),
    });
    expect(sample.status).toBeGreaterThanOrEqual(400);
    expect(sample.status).toBeLessThan(500);
    expect(expectProblem(sample, sample.status).code).not.toMatch(/^SMALL_CELL/);
    const cohort = await api.request('POST', '/deliberations/23-045/output-releases', {
      role: 'steward',
      body: release({ dataset: 'cohort', releasedOn: '2024-01-02' }),
    });
    expect(cohort.status).toBeGreaterThanOrEqual(400);
    expect(cohort.status).toBeLessThan(500);
    expect(await listed('24-130')).toEqual([]);
    expect(await listed('23-045')).toEqual([]);
  });

  it('refuses a dataset the deliberation does not have, and an unknown deliberation (404)', async () => {
    const nope = await api.request('POST', '/deliberations/24-130/output-releases', {
      role: 'steward',
      body: release({ dataset: 'nope' }),
    });
    expect(nope.status).toBeGreaterThanOrEqual(400);
    expect(nope.status).toBeLessThan(500);
    expectProblem(await api.request('POST', '/deliberations/99-999/output-releases', { role: 'steward', body: release() }), 404);
  });

  it('400 for an invalid body', async () => {
    const problem = expectProblem(
      await api.request('POST', '/deliberations/24-130/output-releases', {
        role: 'steward',
        body: release({ releasedOn: 'soon', smallCellRiskAnalysis: { passed: 'yes' } }),
      }),
      400,
    );
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/releasedOn', '/smallCellRiskAnalysis/passed']),
    );
  });

  it('201 when the analysis passed on or before the release; it is listed', async () => {
    const res = expectStatus(await api.request('POST', '/deliberations/24-130/output-releases', { role: 'steward', body: release() }), 201);
    expect(res.body).toMatchObject({ id: expect.any(String), deliberation: '24/130', dataset: 'population', releasedOn: '2025-03-02' });
    const sameDay = release({ releasedOn: '2025-03-01', description: 'Same-day analysis' });
    expectStatus(await api.request('POST', '/deliberations/24-130/output-releases', { role: 'steward', body: sameDay }), 201);
    const items = await listed('24-130');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      id: res.body.id,
      dataset: 'population',
      smallCellRiskAnalysis: { passed: true, reportRef: 'SCA-2025-01' },
    });
  });

  it('the synthetic enclave dataset follows the same rule', async () => {
    const failed = release({
      dataset: 'enclave',
      releasedOn: '2024-01-02',
      smallCellRiskAnalysis: analysis({ performedOn: '2024-01-01', passed: false }),
    });
    expect(
      expectProblem(await api.request('POST', '/deliberations/23-045/output-releases', { role: 'steward', body: failed }), 422).code,
    ).toBe('SMALL_CELL_ANALYSIS_FAILED');
    const passed = release({
      dataset: 'enclave',
      releasedOn: '2024-01-02',
      smallCellRiskAnalysis: analysis({ performedOn: '2024-01-01' }),
    });
    expect(
      expectStatus(await api.request('POST', '/deliberations/23-045/output-releases', { role: 'steward', body: passed }), 201).body
        .deliberation,
    ).toBe('23/045');
    expect(await listed('23-045')).toHaveLength(1);
  });
});
