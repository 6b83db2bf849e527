import { query, type Database } from '@registry/database';
import { openTestDatabase } from '../../../test/support/database.js';
import { inForceDeliberationsNaming } from '../src/index.js';

/**
 * The candidates of a check that names no deliberation come from the index in chunks of whole
 * decision days, latest first, only those in effect by the release date: the service orders
 * within a day itself (by number, as chooseDeliberation does), so a chunk must never cut a day.
 */
describe('inForceDeliberationsNaming', () => {
  let db: Database;
  // [number, decided_on, effective_from, parties]
  const rows: [string, string, string, string[]][] = [
    ['20/001', '2020-01-10', '2020-02-01', ['ugent', 'kul']],
    ['20/002', '2020-03-10', '2020-04-01', ['ugent']],
    ['20/003', '2020-03-10', '2020-04-01', ['ugent']],
    ['20/010', '2020-03-10', '2020-04-01', ['ugent']],
    ['20/004', '2020-05-10', '2021-06-01', ['ugent']], // decided later, in effect only from 2021
    ['20/005', '2020-06-10', '2020-07-01', ['kul']],
    ['20/006', '2020-07-10', '2020-08-01', ['ugent']],
  ];

  beforeAll(async () => {
    db = await openTestDatabase();
    for (const [number, decided, effective, parties] of rows)
      await query(
        db.dataSource,
        `INSERT INTO rm_deliberations (id, number, decided_on, effective_from, title, party_ids, version, recorded_at)
         VALUES ($1, $2, $3, $4, NULL, $5, 1, now())`,
        [number.replace('/', '-'), number, decided, effective, parties],
      );
    // The candidates come from the companion table the projection keeps (one row per party).
    await query(
      db.dataSource,
      `INSERT INTO rm_deliberation_parties (party_id, deliberation_id, number, decided_on, effective_from, recorded_at)
       SELECT unnest(party_ids), id, number, decided_on, effective_from, recorded_at FROM rm_deliberations`,
    );
  });
  afterAll(() => db.close());

  const numbers = async (on: string, chunk: { before?: string; limit: number }) =>
    (await inForceDeliberationsNaming(db.dataSource, 'ugent', on, chunk))
      .map((r) => `${r.decidedOn} ${r.number}`)
      .sort()
      .reverse();

  it('answers the latest decision day in effect by the date, naming the party', async () => {
    expect(await numbers('2020-12-31', { limit: 1 })).toEqual(['2020-07-10 20/006']);
  });

  it('never cuts a decision day: the last day of a chunk comes whole', async () => {
    expect(await numbers('2020-12-31', { limit: 2 })).toEqual([
      '2020-07-10 20/006',
      '2020-03-10 20/010',
      '2020-03-10 20/003',
      '2020-03-10 20/002',
    ]);
  });

  it('leaves out deliberations not yet in effect on the date, and other parties', async () => {
    expect(await numbers('2020-12-31', { limit: 10 })).not.toContain('2020-05-10 20/004');
    expect(await numbers('2021-06-01', { limit: 2 })).toEqual(['2020-07-10 20/006', '2020-05-10 20/004']);
    expect(await numbers('2020-12-31', { limit: 10 })).not.toContain('2020-06-10 20/005');
  });

  it('continues before a day: the next chunk starts at the previous decision day', async () => {
    expect(await numbers('2020-12-31', { before: '2020-03-10', limit: 4 })).toEqual(['2020-01-10 20/001']);
    expect(await numbers('2020-12-31', { before: '2020-01-10', limit: 4 })).toEqual([]);
  });

  it('a date before any effect answers nothing', async () => {
    expect(await numbers('2019-12-31', { limit: 4 })).toEqual([]);
  });
});
