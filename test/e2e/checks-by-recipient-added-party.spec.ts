import { DataSource } from 'typeorm';
import { query } from '../../libs/database/src/index.js';
import { ProjectionRunner } from '../../libs/projections/src/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { icuAmendment } from './amendments-of-23-045.js';
import { check, codes, commitSynthetic, expectStatus, synthetic } from './helpers.js';

/**
 * A check that names no deliberation finds its candidates in rm_deliberation_parties, which the
 * deliberation index keeps: a row per party of the recorded deliberation, and one more per party
 * an amendment adds. A recipient that only an amendment names must be found, and a rebuild of
 * the index must give the same rows.
 */
describe('checks naming no deliberation, for a recipient an amendment added', () => {
  let api: TestServer;
  const release = { recipient: 'vub', dataset: 'cohort', on: '2023-10-02', referenceYears: [2016], variables: ['demo.age'] };
  const rows = () =>
    query(api.server.app.get(DataSource, { strict: false }), 'SELECT * FROM rm_deliberation_parties ORDER BY party_id, deliberation_id');

  beforeAll(async () => {
    api = await startTestServer();
    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
    await commitSynthetic(api, '23-045');
    // Another deliberation naming ugent only: vub is named by 23/045's amendment alone.
    expectStatus(
      await api.request('POST', '/deliberations', { body: synthetic('22/001', { decidedOn: '2022-01-10', effectiveFrom: '2022-02-01' }) }),
      201,
    );
    expectStatus(await api.request('POST', '/deliberations/23-045/amendments', { body: icuAmendment }), 201);
  });
  afterAll(() => api?.close());

  it('given vub added by amendment and no commitment of its own, then the check by recipient finds 23/045 and names what is missing', async () => {
    const answer = await check(api, release);
    expect(answer).toMatchObject({ authorised: false, deliberation: '23/045' });
    expect(codes(answer.reasons)).not.toContain('NO_DELIBERATION_FOR_RECIPIENT');
  });

  it('given vub’s commitment, then the check by recipient is authorised under 23/045', async () => {
    expectStatus(
      await api.request('POST', '/deliberations/23-045/commitments', {
        body: { party: 'vub', kind: 'data-protection', signedOn: '2023-09-15' },
      }),
      201,
    );
    expect(await check(api, release)).toMatchObject({ authorised: true, deliberation: '23/045', reasons: [] });
  });

  it('given a rebuild of the deliberation index, then rm_deliberation_parties holds the same rows, vub’s among them', async () => {
    const before = await rows();
    expect(before).toContainEqual(expect.objectContaining({ party_id: 'vub', deliberation_id: '23-045', number: '23/045' }));
    await api.server.app.get(ProjectionRunner, { strict: false }).rebuild('deliberation-index');
    expect(await rows()).toEqual(before);
    expect(await check(api, release)).toMatchObject({ authorised: true, deliberation: '23/045' });
  });
});
