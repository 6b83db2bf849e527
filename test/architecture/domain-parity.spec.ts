/**
 * The domain's `answerCheck` and `decideDelivery` decide what the running service decides today:
 * random releases go to `POST /authorisation-checks` and `POST /deliveries`, and the same
 * releases to the pure functions, folded from the service's own streams. When the services are
 * switched to call the domain, this keeps the HTTP answers as they were.
 */
import fc from 'fast-check';
import {
  answerCheck,
  decideDelivery,
  deliberationHistory,
  deliveryRequestSchema,
  releaseSchema,
  deliberationStreamId,
  ReleaseNotAuthorised,
  timelineOf,
  type DeliberationTimeline,
  type Release,
} from '@registry/domain';
import type { StoredEvent } from '@registry/event-store';
import { startTestServer, type TestServer } from '../support/server.js';
import { commitSynthetic, expectStatus, record24130, synthetic } from '../e2e/helpers.js';

let api: TestServer;
const RECORDED = ['24-130', '23-045'];

beforeAll(async () => {
  api = await startTestServer();
  await record24130(api);
  expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
  await commitSynthetic(api, '23-045');
}, 60_000);
afterAll(() => api?.close());

const asRecorded = (e: StoredEvent) => ({ type: e.type, data: e.data, revision: e.revision, recordedAt: e.metadata.recordedAt });

async function streams(): Promise<Map<string, ReturnType<typeof deliberationHistory>>> {
  const read = await api.server.store.readStreams(RECORDED.map(deliberationStreamId));
  return new Map(RECORDED.map((id) => [id, deliberationHistory((read.get(deliberationStreamId(id)) ?? []).map(asRecorded))]));
}

/** What the deliberation index answers: every deliberation that ever named the party (any role). */
function everNames(history: ReturnType<typeof deliberationHistory>, party: string): boolean {
  return history.some((e) =>
    e.type === 'DeliberationRecorded'
      ? e.data.document.parties.some((p) => p.id === party)
      : e.type === 'DeliberationAmended' && e.data.changes.some((c) => c.op === 'addParty' && c.party.id === party),
  );
}

/** The streams a check reads: the named deliberation's, or those of each naming the recipient. */
async function historiesFor(release: { deliberation?: string; recipient: string }) {
  const all = await streams();
  if (release.deliberation) return [all.get(release.deliberation.replace('/', '-')) ?? []];
  return [...all.values()].filter((history) => everNames(history, release.recipient));
}

/** Those streams folded as known at `knownAt` (a deliberation not known then is no candidate). */
async function timelinesFor(release: { deliberation?: string; recipient: string; knownAt?: string }): Promise<DeliberationTimeline[]> {
  return (await historiesFor(release))
    .map((history) => timelineOf(history, release.knownAt))
    .filter((t): t is DeliberationTimeline => t !== undefined);
}

const releases = fc.record(
  {
    deliberation: fc.constantFrom('24/130', '23/045', '21/144', undefined),
    recipient: fc.constantFrom('steunpunt-werk', 'dwse', 'ugent', 'sciensano', 'unknown-lab'),
    dataset: fc.constantFrom('sample', 'population', 'scrambled', 'cohort'),
    access: fc.constantFrom('transfer', 'secure-onsite', undefined),
    on: fc.constantFrom('2023-06-01', '2024-11-20', '2024-11-21', '2025-01-15', '2031-02-01'),
    referenceYears: fc.constantFrom([2016], [2020, 2021], [2019], [2021]),
    variables: fc.constantFrom(['person.sex'], ['person.sex', 'person.deceased@T+1'], ['demo.age', 'inc.class@T-2'], ['hosp.stays']),
    subjects: fc.constantFrom(10, 4000, 10_000, 20_000_000),
  },
  { requiredKeys: ['recipient', 'dataset', 'on', 'referenceYears', 'variables'] },
);
/** Releases the fixtures authorise (as in the end-to-end specs), named and unnamed, so both outcomes are exercised. */
const sample = {
  deliberation: '24/130',
  recipient: 'steunpunt-werk',
  dataset: 'sample',
  access: 'transfer',
  on: '2024-12-02',
  referenceYears: [2021],
  variables: ['person.sex', 'work.nace_code@T+1'],
  subjects: 10_000,
};
const cohort = {
  deliberation: '23/045',
  recipient: 'ugent',
  dataset: 'cohort',
  on: '2023-06-01',
  referenceYears: [2016],
  variables: ['demo.age', 'inc.class@T-2'],
  subjects: 4000,
};
const authorised = fc.constantFrom(sample, { ...sample, deliberation: undefined }, cohort, { ...cohort, deliberation: undefined });
const anyRelease = fc.oneof(authorised, releases);

const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

describe('the domain decides what the service decides', () => {
  it('given random releases, when checked over HTTP and by answerCheck, then the answers are equal', async () => {
    const seen = new Set<boolean>();
    await fc.assert(
      fc.asyncProperty(anyRelease, fc.constantFrom(undefined, undefined, '2020-01-01T00:00:00Z'), async (generated, knownAt) => {
        const request = releaseSchema.parse(defined({ ...generated, knownAt }));
        const answer = expectStatus(await api.request('POST', '/authorisation-checks', { role: 'steward', body: request }), 200).body;
        const release: Release = { ...request, on: request.on!, access: request.access ?? 'transfer' };
        expect(answer).toEqual(answerCheck(release, await timelinesFor(request)));
        seen.add(answer.authorised);
      }),
      { numRuns: 60, seed: 11 },
    );
    expect([...seen].sort()).toEqual([false, true]);
  }, 120_000);

  it('given random deliveries, when recorded over HTTP and decided by decideDelivery, then the same event is recorded or the same refusal given', async () => {
    const outcomes = { recorded: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(anyRelease, async (generated) => {
        const request = deliveryRequestSchema.parse(defined(generated));
        const answer = await api.request('POST', '/deliveries', { role: 'steward', body: request });
        const given = { deliberations: await historiesFor(request), delivery: [] };
        if (answer.status === 201) {
          outcomes.recorded += 1;
          const [stored] = await api.server.store.readStream(`delivery-${answer.body.id}`);
          const decided = decideDelivery({ type: 'RecordDelivery', request, today: '2000-01-01', deliveryId: answer.body.id }, given);
          expect(decided).toEqual([{ type: stored.type, data: stored.data }]);
        } else {
          expect(answer.status).toBe(422);
          outcomes.refused += 1;
          let refusal: unknown;
          try {
            decideDelivery({ type: 'RecordDelivery', request, today: '2000-01-01', deliveryId: 'none' }, given);
          } catch (error) {
            refusal = error;
          }
          expect(refusal).toBeInstanceOf(ReleaseNotAuthorised);
          const { authorised, deliberation, version, on, reasons } = (refusal as ReleaseNotAuthorised).answer;
          expect(answer.body).toMatchObject({ code: 'RELEASE_NOT_AUTHORISED', authorised, deliberation, version, on, reasons });
        }
      }),
      { numRuns: 40, seed: 11 },
    );
    // The property must have seen both outcomes, or it proved half of what it claims.
    expect(outcomes.recorded).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 120_000);
});
