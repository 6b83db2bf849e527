import { ProjectionLagError } from '@registry/projections';
import { startTestServer, type TestServer } from '../support/server.js';
import { fixture } from '../support/documents.js';
import { commit24130, expectStatus, itemsOf, sampleRelease } from '../e2e/helpers.js';
import { ProjectionRunner } from '@registry/projections';

type Failure = 'remember' | 'catching-up';

/**
 * Issue 10, fault 2: a write whose answer fails after its events committed (the step that
 * remembers the response throws once, or read-your-writes gives up with 503), retried with the
 * same Idempotency-Key, leaves exactly one record, and the retry answers with that record.
 */
describe('fault 2: an Idempotency-Key whose write committed is never forgotten', () => {
  let api: TestServer;
  const runtime = () => ({ database: api.server.database, projections: api.server.app.get(ProjectionRunner) });
  const events = async (type: string) =>
    Number((await runtime().database.dataSource.query('SELECT count(*)::int AS n FROM es_events WHERE type = $1', [type]))[0].n);

  beforeAll(async () => {
    api = await startTestServer();
    expectStatus(await api.request('POST', '/deliberations', { body: fixture('24-130.deliberation.json') }), 201);
  }, 60_000);
  afterAll(async () => api?.close());

  /** Makes the next write fail after its commit, in the way asked. */
  function failOnce(failure: Failure) {
    if (failure === 'catching-up') {
      const projections = runtime().projections;
      const waitFor = projections.waitFor.bind(projections);
      projections.waitFor = async (target) => {
        projections.waitFor = waitFor;
        await waitFor(target);
        throw new ProjectionLagError(target);
      };
      return;
    }
    const dataSource = runtime().database.dataSource;
    const query = dataSource.query.bind(dataSource);
    dataSource.query = (async (sql: string, ...rest: unknown[]) => {
      if (/^UPDATE idempotency_keys SET status/.test(sql)) {
        dataSource.query = query;
        throw new Error('connection lost while remembering the response');
      }
      return (query as (...a: unknown[]) => unknown)(sql, ...rest);
    }) as typeof dataSource.query;
  }

  async function writeTwice(failure: Failure, key: string, path: string, body: unknown, role: 'secretariat' | 'steward' = 'secretariat') {
    failOnce(failure);
    const first = await api.request('POST', path, { role, body, headers: { 'idempotency-key': key } });
    expect(first.status).toBeGreaterThanOrEqual(500);
    expect(first.text).not.toMatch(/nothing partial was recorded/);
    const retry = await api.request('POST', path, { role, body, headers: { 'idempotency-key': key } });
    return { first, retry };
  }

  it.each<Failure>(['remember', 'catching-up'])('amendments (%s): one amendment, the retry answers with it', async (failure) => {
    const before = await events('DeliberationAmended');
    const amendment = fixture('24-130.amendment-1.json');
    if (failure === 'catching-up') amendment.changes[0].dataset.id = 'scrambled-b'; // a second, different amendment
    const { retry } = await writeTwice(failure, `amend-${failure}`, '/deliberations/24-130/amendments', amendment);
    expectStatus(retry, 201);
    expect(await events('DeliberationAmended')).toBe(before + 1);
  });

  it.each<Failure>(['remember', 'catching-up'])('commitments (%s): one commitment event, the retry answers with it', async (failure) => {
    const before = await events('CommitmentRecorded');
    const party = failure === 'remember' ? 'steunpunt-werk' : 'dwse';
    const { retry } = await writeTwice(failure, `commit-${failure}`, '/deliberations/24-130/commitments', {
      party,
      kind: 'confidentiality',
      signedOn: '2024-11-20',
    });
    expectStatus(retry, 201);
    expect(await events('CommitmentRecorded')).toBe(before + 1);
  });

  it.each<Failure>(['remember', 'catching-up'])('deliveries (%s): one delivery, the retry answers with its id', async (failure) => {
    await commit24130(api).catch(() => undefined); // the commitments a sample delivery needs (some may exist)
    const reference = `DEL-FAIL-${failure}`;
    const { retry } = await writeTwice(failure, `deliver-${failure}`, '/deliveries', sampleRelease({ reference }), 'steward');
    expectStatus(retry, 201);
    const recorded = itemsOf(expectStatus(await api.request('GET', '/deliveries', { role: 'auditor' }), 200).body).filter(
      (d) => d.reference === reference,
    );
    expect(recorded).toHaveLength(1);
    expect(retry.body.id).toBe(recorded[0].id);
  });

  it.each<Failure>(['remember', 'catching-up'])('output releases (%s): one release, the retry answers with its id', async (failure) => {
    const description = `Anonymous tables (${failure})`;
    const body = {
      dataset: 'population',
      description,
      releasedOn: '2025-03-01',
      smallCellRiskAnalysis: { performedOn: '2025-03-01', performedBy: 'KSZ', passed: true },
    };
    const path = '/deliberations/24-130/output-releases';
    const { retry } = await writeTwice(failure, `output-${failure}`, path, body, 'steward');
    expectStatus(retry, 201);
    const recorded = itemsOf(expectStatus(await api.request('GET', `${path}?limit=100`, { role: 'auditor' }), 200).body).filter(
      (r) => r.description === description,
    );
    expect(recorded).toHaveLength(1);
    expect(retry.body.id).toBe(recorded[0].id);
  });
});
