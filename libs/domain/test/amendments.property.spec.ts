import fc from 'fast-check';
import {
  applyChange,
  decideDeliberation,
  documentAsOf,
  timelineOf,
  type Change,
  type DeliberationDocument,
  type DeliberationEvent,
  type Recorded,
} from '../src/index.js';

/**
 * Property: amendments recorded one by one through `decideDeliberation` (each effective on or after
 * the previous one), then folded with `timelineOf`, give for every date the same deliberation as
 * applying the same changes live with `applyChange`, in effective order; and, as known after the
 * k-th was recorded, the deliberation as it stood after k amendments.
 */

const base: DeliberationDocument = {
  number: '25/001',
  decidedOn: '2025-01-01',
  effectiveFrom: '2025-01-10',
  parties: [{ id: 'p0', name: 'Party 0', roles: ['joint-controller', 'recipient'] }],
  referenceYears: [2020],
  variables: [{ code: 'v0', category: 'c', label: 'V0' }],
  tables: [
    { id: 't1', offsets: { T: { all: true } } },
    { id: 't2', offsets: { 'T+1': { categories: ['c'] } } },
  ],
  datasets: [{ id: 'd0', kind: 'pseudonymised', access: 'transfer', tables: ['t1'], personalData: true, maxSubjects: 100 }],
  retention: { destroyBy: '2030-12-31' },
};

const DATASETS = ['d0', 'd1', 'd2', 'd3'];
const PARTIES = ['p0', 'p1', 'p2'];
const VARIABLES = ['v0', 'v1', 'v2', 'v3'];
const OPS = [
  'addDataset',
  'removeDataset',
  'updateDataset',
  'addVariables',
  'removeVariables',
  'addParty',
  'removeParty',
  'setReferenceYears',
  'setRetention',
] as const;

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const intent = fc.record({
  op: fc.constantFrom(...OPS),
  pick: fc.nat({ max: 1000 }),
  flag: fc.boolean(),
  n: fc.integer({ min: 1, max: 100_000 }),
  years: fc.uniqueArray(fc.integer({ min: 2000, max: 2030 }), { minLength: 1, maxLength: 4 }),
  day: fc.integer({ min: 0, max: 3000 }),
});
type Intent = typeof intent extends fc.Arbitrary<infer I> ? I : never;

const choose = <T>(items: T[], pick: number): T | undefined => (items.length ? items[pick % items.length] : undefined);
const tablesFor = (pick: number) => [['t1'], ['t2'], ['t1', 't2']][pick % 3];

/** A change that applies to `doc`, shaped by the intent; undefined when the op has nothing to act on. */
function changeFor(i: Intent, doc: DeliberationDocument): Change | undefined {
  const datasets = doc.datasets.map((d) => d.id);
  const parties = doc.parties.map((p) => p.id);
  const variables = doc.variables.map((v) => v.code);
  switch (i.op) {
    case 'addDataset': {
      const id = choose(
        DATASETS.filter((d) => !datasets.includes(d)),
        i.pick,
      );
      if (!id) return undefined;
      return {
        op: 'addDataset',
        dataset: {
          id,
          kind: i.flag ? 'pseudonymised' : 'scrambled',
          access: i.n % 2 ? 'transfer' : 'secure-onsite',
          tables: tablesFor(i.pick),
          personalData: i.flag,
          ...(i.n % 3 ? { maxSubjects: i.n } : {}),
        },
      };
    }
    case 'removeDataset': {
      const id = choose(datasets, i.pick);
      return id ? { op: 'removeDataset', datasetId: id } : undefined;
    }
    case 'updateDataset': {
      const id = choose(datasets, i.pick);
      if (!id) return undefined;
      const set = [{ maxSubjects: null }, { maxSubjects: i.n }, { access: i.flag ? 'transfer' : 'secure-onsite', tables: tablesFor(i.n) }][
        i.pick % 3
      ];
      return { op: 'updateDataset', datasetId: id, set } as Change;
    }
    case 'addVariables': {
      const free = VARIABLES.filter((v) => !variables.includes(v));
      const codes = [...new Set([choose(free, i.pick), choose(free, i.n)].filter((c): c is string => c !== undefined))];
      return codes.length
        ? { op: 'addVariables', variables: codes.map((code) => ({ code, category: i.flag ? 'c' : 'd', label: code.toUpperCase() })) }
        : undefined;
    }
    case 'removeVariables': {
      const code = choose(variables, i.pick);
      return code ? { op: 'removeVariables', codes: [code] } : undefined;
    }
    case 'addParty': {
      const id = choose(
        PARTIES.filter((p) => !parties.includes(p)),
        i.pick,
      );
      return id
        ? { op: 'addParty', party: { id, name: id, roles: i.flag ? ['recipient'] : ['joint-controller', 'recipient'] } }
        : undefined;
    }
    case 'removeParty': {
      const id = choose(parties, i.pick);
      return id ? { op: 'removeParty', partyId: id } : undefined;
    }
    case 'setReferenceYears':
      return { op: 'setReferenceYears', years: i.years };
    case 'setRetention':
      return { op: 'setRetention', destroyBy: plusDays('2029-01-01', i.day) };
  }
}

const steps = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 45 }), intents: fc.array(intent, { minLength: 1, maxLength: 3 }) }), {
  minLength: 1,
  maxLength: 12,
});

const T0 = Date.parse('2025-01-01T09:00:00Z');
const recordedAtOf = (revision: number) => new Date(T0 + revision * 3_600_000).toISOString();

describe('amendments recorded one by one, then folded', () => {
  it('given random sequences of valid amendments, when recorded through decideDeliberation and folded with timelineOf, then documentAsOf equals applying them live in effective order', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 20 }), steps, (firstOffset, plan) => {
        let h: Recorded<DeliberationEvent>[] = decideDeliberation({ type: 'RecordDeliberation', document: base }, []).map((e) => ({
          ...e,
          revision: 0,
          recordedAt: recordedAtOf(0),
        }));
        let live = base;
        let date = plusDays(base.effectiveFrom, firstOffset);
        const snapshots: { effectiveFrom: string; recordedAt: string; doc: DeliberationDocument }[] = [];

        for (const step of plan) {
          date = plusDays(date, step.gap);
          const changes: Change[] = [];
          for (const i of step.intents) {
            const change = changeFor(i, live) ?? { op: 'setReferenceYears', years: i.years };
            const result = applyChange(live, change);
            if (!result.ok) throw new Error(`generator produced a change that does not apply: ${JSON.stringify(result.error)}`);
            live = result.document;
            changes.push(change);
          }
          const events = decideDeliberation(
            { type: 'AmendDeliberation', amendment: { deliberation: '25/001', decidedOn: date, effectiveFrom: date, changes } },
            h,
          );
          expect(events).toHaveLength(1);
          expect(events[0]).toMatchObject({ type: 'DeliberationAmended', data: { sequence: snapshots.length + 1 } });
          const recordedAt = recordedAtOf(h.length);
          h = [...h, ...events.map((e, k) => ({ ...e, revision: h.length + k, recordedAt }))];
          snapshots.push({ effectiveFrom: date, recordedAt, doc: live });
        }

        const t = timelineOf(h)!;
        const expectedOn = (on: string) => snapshots.filter((s) => s.effectiveFrom <= on).at(-1)?.doc ?? base;
        const dates = new Set([
          plusDays(base.effectiveFrom, -30),
          ...snapshots.flatMap((s) => [plusDays(s.effectiveFrom, -1), s.effectiveFrom, plusDays(s.effectiveFrom, 1)]),
        ]);
        for (const on of dates) expect(documentAsOf(t, on)).toEqual(expectedOn(on));

        // Known time: as known just after the k-th amendment was recorded, the far future is the k-th live state.
        expect(documentAsOf(timelineOf(h, recordedAtOf(0))!, '2099-12-31')).toEqual(base);
        for (const s of snapshots) expect(documentAsOf(timelineOf(h, s.recordedAt)!, '2099-12-31')).toEqual(s.doc);
      }),
      { numRuns: 300 },
    );
  });
});
