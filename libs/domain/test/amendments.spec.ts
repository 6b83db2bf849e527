import {
  amendmentDocumentSchema,
  applyChange,
  CHANGE_OPS,
  decideDeliberation,
  DomainError,
  documentAsOf,
  timelineOf,
  type AmendmentDocument,
  type Change,
  type DeliberationEvent,
  type Recorded,
} from '../src/index.js';
import { DeciderSpecification } from './decider-specification.js';
import { amended, amendment24130, commitments24130, decided, decision24130, history, refusal, revoked } from './given.js';

const stream = (...more: DeliberationEvent[]): Recorded<DeliberationEvent>[] =>
  history(decided(decision24130()), amended(amendment24130()), ...more);
const amendment = (changes: Change[], effectiveFrom = '2025-03-01'): AmendmentDocument => ({
  deliberation: '24/130',
  decidedOn: '2025-02-01',
  effectiveFrom,
  summary: 'test amendment',
  changes,
});
const amend = (changes: Change[], h = stream(), effectiveFrom = '2025-03-01') =>
  decideDeliberation({ type: 'AmendDeliberation', amendment: amendment(changes, effectiveFrom) }, h);
/** Records the amendment and returns the deliberation as of its effective date. */
const afterAmending = (changes: Change[], effectiveFrom = '2025-03-01') => {
  const h = stream();
  const events = amend(changes, h, effectiveFrom);
  return documentAsOf(timelineOf(history(...h, ...events))!, effectiveFrom);
};
const refused = (changes: Change[], h = stream(), effectiveFrom = '2025-03-01') => refusal(() => amend(changes, h, effectiveFrom));

const newDataset = {
  id: 'extract-2023',
  kind: 'pseudonymised' as const,
  access: 'transfer' as const,
  maxSubjects: 5000,
  tables: ['with-next-year'],
  personalData: true,
};

describe('recording an amendment', () => {
  it('given 24/130 with amendment 1, when a second is recorded, then one DeliberationAmended event is decided with sequence 2 and without the deliberation field', () => {
    const events = amend([{ op: 'setRetention', destroyBy: '2031-12-31' }]);
    expect(events).toEqual([
      {
        type: 'DeliberationAmended',
        data: {
          decidedOn: '2025-02-01',
          effectiveFrom: '2025-03-01',
          summary: 'test amendment',
          changes: [{ op: 'setRetention', destroyBy: '2031-12-31' }],
          sequence: 2,
        },
      },
    ]);
  });

  it('given the fixture amendment, when recorded on the bare decision, then it is sequence 1', () => {
    const events = decideDeliberation({ type: 'AmendDeliberation', amendment: amendment24130() }, history(decided(decision24130())));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'DeliberationAmended', data: { sequence: 1, effectiveFrom: '2024-11-21' } });
  });

  it('given an amendment naming 21/144, when recorded on 24/130, then it is refused at /deliberation', () => {
    const error = refusal(() =>
      decideDeliberation(
        {
          type: 'AmendDeliberation',
          amendment: { ...amendment([{ op: 'setRetention', destroyBy: '2031-12-31' }]), deliberation: '21/144' },
        },
        stream(),
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe('unprocessable');
    expect(error.errors).toEqual([{ path: '/deliberation', message: expect.stringContaining('21/144') }]);
  });

  it('given an amendment naming no deliberation, when recorded, then it is accepted', () => {
    const { deliberation: _d, ...anonymous } = amendment([{ op: 'setRetention', destroyBy: '2031-12-31' }]);
    expect(decideDeliberation({ type: 'AmendDeliberation', amendment: anonymous }, stream())).toHaveLength(1);
  });

  it('given a revoked deliberation (even with a future effective date), when amended, then it is refused as a REVOKED conflict', () => {
    const h = stream(revoked({ decidedOn: '2025-01-10', effectiveFrom: '2026-01-01', reason: 'Ended' }));
    const error = refused([{ op: 'setRetention', destroyBy: '2031-12-31' }], h);
    expect(error).toMatchObject({ kind: 'conflict', code: 'REVOKED' });
  });

  it('given no deliberation recorded, when amended, then it is not found', () => {
    expect(refused([{ op: 'setRetention', destroyBy: '2031-12-31' }], [])).toMatchObject({ kind: 'not-found' });
  });

  it('given a change that does not apply at index 1, when recorded, then the error path points at /changes/1 and nothing is decided', () => {
    const error = refused([
      { op: 'setRetention', destroyBy: '2031-12-31' },
      { op: 'removeDataset', datasetId: 'health-claims' },
    ]);
    expect(error).toMatchObject({ kind: 'unprocessable', code: 'CHANGE_DOES_NOT_APPLY' });
    expect(error.errors).toEqual([{ path: '/changes/1/datasetId', message: 'no dataset "health-claims" to remove' }]);
    expect(error.message).toContain('change 1 (removeDataset)');
  });

  it('given the scrambled dataset arrives on 21 November 2024, when an amendment effective the 20th removes it, then it is refused; effective the 21st it is accepted', () => {
    expect(refused([{ op: 'removeDataset', datasetId: 'scrambled' }], stream(), '2024-11-20').errors).toEqual([
      { path: '/changes/0/datasetId', message: 'no dataset "scrambled" to remove' },
    ]);
    expect(amend([{ op: 'removeDataset', datasetId: 'scrambled' }], stream(), '2024-11-21')).toHaveLength(1);
  });

  it('given one amendment adds a dataset and updates it in the next change, when recorded, then the changes apply in order', () => {
    const doc = afterAmending([
      { op: 'addDataset', dataset: newDataset },
      { op: 'updateDataset', datasetId: 'extract-2023', set: { maxSubjects: 6000 } },
    ]);
    expect(doc.datasets.find((d) => d.id === 'extract-2023')?.maxSubjects).toBe(6000);
  });
});

describe('each amendment op, applied', () => {
  it('given 24/130, when addDataset is recorded, then the dataset is there from its effective date', () => {
    expect(afterAmending([{ op: 'addDataset', dataset: newDataset }]).datasets.map((d) => d.id)).toEqual([
      'sample',
      'population',
      'scrambled',
      'extract-2023',
    ]);
  });

  it('given 24/130, when removeDataset population is recorded, then it is gone', () => {
    expect(afterAmending([{ op: 'removeDataset', datasetId: 'population' }]).datasets.map((d) => d.id)).toEqual(['sample', 'scrambled']);
  });

  it('given 24/130, when updateDataset sets the sample access and tables, then only those fields change', () => {
    const sample = afterAmending([
      { op: 'updateDataset', datasetId: 'sample', set: { access: 'secure-onsite', tables: ['with-next-year'] } },
    ]).datasets[0];
    expect(sample).toEqual({ ...decision24130().datasets[0], access: 'secure-onsite', tables: ['with-next-year'] });
  });

  it('given 24/130, when updateDataset sets maxSubjects null, then the limit is removed (not kept, not null)', () => {
    const sample = afterAmending([{ op: 'updateDataset', datasetId: 'sample', set: { maxSubjects: null } }]).datasets[0];
    expect('maxSubjects' in sample).toBe(false);
  });

  it('given 24/130, when updateDataset sets maxSubjects 20000, then the limit is 20000', () => {
    expect(afterAmending([{ op: 'updateDataset', datasetId: 'sample', set: { maxSubjects: 20_000 } }]).datasets[0].maxSubjects).toBe(
      20_000,
    );
  });

  it('given 24/130, when addVariables is recorded, then the catalogue ends with the new variables', () => {
    const variables = afterAmending([
      { op: 'addVariables', variables: [{ code: 'person.disability_status', category: 'person', label: 'Handicap' }] },
    ]).variables;
    expect(variables).toHaveLength(36);
    expect(variables.at(-1)).toEqual({ code: 'person.disability_status', category: 'person', label: 'Handicap' });
  });

  it('given 24/130, when removeVariables is recorded, then those codes are gone and the rest stay', () => {
    const codes = afterAmending([{ op: 'removeVariables', codes: ['work.nace_code', 'person.deceased'] }]).variables.map((v) => v.code);
    expect(codes).toHaveLength(33);
    expect(codes).not.toContain('work.nace_code');
    expect(codes).not.toContain('person.deceased');
  });

  it('given 24/130, when addParty is recorded, then the party is there', () => {
    const parties = afterAmending([{ op: 'addParty', party: { id: 'ugent', name: 'UGent', roles: ['recipient', 'processor'] } }]).parties;
    expect(parties.map((p) => p.id)).toEqual(['steunpunt-werk', 'dwse', 'ksz', 'ugent']);
  });

  it('given 24/130, when removeParty is recorded, then the party is gone', () => {
    expect(afterAmending([{ op: 'removeParty', partyId: 'dwse' }]).parties.map((p) => p.id)).toEqual(['steunpunt-werk', 'ksz']);
  });

  it('given 24/130, when setReferenceYears is recorded with repeats and disorder, then the years are replaced, unique and sorted', () => {
    expect(afterAmending([{ op: 'setReferenceYears', years: [2023, 2021, 2023, 2022] }]).referenceYears).toEqual([2021, 2022, 2023]);
  });

  it('given 24/130, when setRetention is recorded, then destroyBy moves and the rest of the retention (clause, rule) stays', () => {
    const retention = afterAmending([{ op: 'setRetention', destroyBy: '2032-12-31' }]).retention;
    expect(retention).toEqual({ ...decision24130().retention, destroyBy: '2032-12-31' });
  });

  it('given a deliberation without retention, when setRetention is applied, then it gets one', () => {
    const { retention: _r, ...bare } = decision24130();
    const result = applyChange(bare, { op: 'setRetention', destroyBy: '2029-01-01' });
    expect(result).toMatchObject({ ok: true, document: { retention: { destroyBy: '2029-01-01' } } });
  });

  it('given the nine ops of SPEC, when the schema is read, then exactly these are known', () => {
    expect(CHANGE_OPS).toEqual([
      'addDataset',
      'removeDataset',
      'updateDataset',
      'addVariables',
      'removeVariables',
      'addParty',
      'removeParty',
      'setReferenceYears',
      'setRetention',
    ]);
  });
});

describe('each amendment op, refused when it does not apply', () => {
  const cases: [string, Change, string, string][] = [
    [
      'addDataset of an existing id',
      { op: 'addDataset', dataset: { ...newDataset, id: 'sample' } },
      '/changes/0/dataset/id',
      'dataset "sample" already exists',
    ],
    [
      'addDataset with an unknown table',
      { op: 'addDataset', dataset: { ...newDataset, tables: ['with-next-year', 'nope'] } },
      '/changes/0/dataset/tables',
      'unknown table "nope"',
    ],
    [
      'removeDataset of a missing dataset',
      { op: 'removeDataset', datasetId: 'nope' },
      '/changes/0/datasetId',
      'no dataset "nope" to remove',
    ],
    [
      'updateDataset of a missing dataset',
      { op: 'updateDataset', datasetId: 'nope', set: { maxSubjects: 1 } },
      '/changes/0/datasetId',
      'no dataset "nope" to update',
    ],
    [
      'updateDataset with an unknown table',
      { op: 'updateDataset', datasetId: 'sample', set: { tables: ['nope'] } },
      '/changes/0/set/tables',
      'unknown table "nope"',
    ],
    [
      'addVariables of a known code',
      { op: 'addVariables', variables: [{ code: 'person.sex', category: 'person', label: 'Geslacht' }] },
      '/changes/0/variables',
      'variable "person.sex" is already authorised',
    ],
    [
      'addVariables listing a code twice',
      {
        op: 'addVariables',
        variables: [
          { code: 'x.a', category: 'x', label: 'A' },
          { code: 'x.a', category: 'x', label: 'A again' },
        ],
      },
      '/changes/0/variables',
      'variable "x.a" is listed twice',
    ],
    [
      'removeVariables of an unknown code',
      { op: 'removeVariables', codes: ['person.sex', 'person.shoe_size'] },
      '/changes/0/codes',
      'no variable "person.shoe_size" to remove',
    ],
    [
      'addParty of an existing id',
      { op: 'addParty', party: { id: 'ksz', name: 'KSZ', roles: ['source'] } },
      '/changes/0/party/id',
      'party "ksz" already exists',
    ],
    ['removeParty of an unknown id', { op: 'removeParty', partyId: 'nope' }, '/changes/0/partyId', 'no party "nope" to remove'],
  ];

  it.each(cases)(
    'given 24/130, when %s is recorded, then it is refused with the path of the failing change',
    (_what, change, path, message) => {
      const error = refused([change]);
      expect(error).toMatchObject({ kind: 'unprocessable', code: 'CHANGE_DOES_NOT_APPLY' });
      expect(error.errors).toEqual([{ path, message }]);
    },
  );

  it.each(cases)(
    'given 24/130, when %s is applied directly, then applyChange answers not ok (the document is untouched)',
    (_what, change, path) => {
      const doc = decision24130();
      const before = JSON.stringify(doc);
      const result = applyChange(doc, change);
      expect(result).toEqual({ ok: false, error: { path: path.replace('/changes/0', ''), message: expect.any(String) } });
      expect(JSON.stringify(doc)).toBe(before);
    },
  );

  it('given an unknown op, when the amendment is parsed, then zod refuses it at changes/0/op', () => {
    const result = amendmentDocumentSchema.safeParse({
      decidedOn: '2025-02-01',
      effectiveFrom: '2025-03-01',
      changes: [{ op: 'renameDataset', datasetId: 'sample' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['changes', 0, 'op']]);
  });

  it('given an amendment with no change, when parsed, then it is refused', () => {
    expect(amendmentDocumentSchema.safeParse({ decidedOn: '2025-02-01', effectiveFrom: '2025-03-01', changes: [] }).success).toBe(false);
  });

  it('given a change with a field its op does not take, when parsed, then it is refused (strict)', () => {
    const result = amendmentDocumentSchema.safeParse({
      decidedOn: '2025-02-01',
      effectiveFrom: '2025-03-01',
      changes: [{ op: 'removeDataset', datasetId: 'sample', reason: 'no longer needed' }],
    });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['reason'], path: ['changes', 0] });
  });
});

describe('recording the deliberation, revocations and commitments', () => {
  const spec = DeciderSpecification.for(decideDeliberation);

  it('given nothing recorded, when 24/130 is recorded, then one DeliberationRecorded event carries the document', () => {
    spec
      .given([])
      .when({ type: 'RecordDeliberation', document: decision24130() })
      .then([{ type: 'DeliberationRecorded', data: { document: decision24130() } }]);
  });

  it('given 24/130 already recorded, when it is recorded twice, then it is a DELIBERATION_EXISTS conflict', () => {
    spec
      .given(stream())
      .when({ type: 'RecordDeliberation', document: decision24130() })
      .thenRefuses({ kind: 'conflict', code: 'DELIBERATION_EXISTS' });
  });

  it('given 24/130, when revoked, then a DeliberationRevoked event is decided; revoking again is an ALREADY_REVOKED conflict', () => {
    const revocation = { decidedOn: '2025-05-20', effectiveFrom: '2025-06-01', reason: 'Ended' };
    spec
      .given(stream())
      .when({ type: 'RevokeDeliberation', revocation })
      .then([{ type: 'DeliberationRevoked', data: revocation }]);
    spec
      .given(stream(revoked(revocation)))
      .when({ type: 'RevokeDeliberation', revocation })
      .thenRefuses({ kind: 'conflict', code: 'ALREADY_REVOKED' });
  });

  it('given 24/130, when a party signs a commitment, then a CommitmentRecorded event is decided', () => {
    const commitment = { party: 'dwse', kind: 'joint-and-several-liability', signedOn: '2024-09-10', documentRef: 'DWSE-2024-17' };
    spec
      .given(stream())
      .when({ type: 'RecordCommitment', commitment })
      .then([{ type: 'CommitmentRecorded', data: commitment }]);
  });

  it('given 24/130, when a commitment comes from a non-party, then it is refused as UNKNOWN_PARTY at /party', () => {
    spec
      .given(stream())
      .when({ type: 'RecordCommitment', commitment: { party: 'acme', kind: 'non-reidentification', signedOn: '2024-09-10' } })
      .thenRefuses({ kind: 'unprocessable', code: 'UNKNOWN_PARTY', errors: [{ path: '/party', message: expect.any(String) }] });
  });

  it('given a party brought by an amendment not yet in force, when it signs, then its commitment is accepted', () => {
    const h = stream(amended(amendment([{ op: 'addParty', party: { id: 'ugent', name: 'UGent', roles: ['recipient'] } }])));
    const commitment = { party: 'ugent', kind: 'non-reidentification', signedOn: '2025-02-10' };
    expect(spec.given(h).when({ type: 'RecordCommitment', commitment }).decided()).toHaveLength(1);
  });

  it('given no deliberation, when a commitment or a revocation is recorded, then it is not found', () => {
    spec
      .given([])
      .when({ type: 'RecordCommitment', commitment: commitments24130()[0].data as never })
      .thenRefuses({ kind: 'not-found' });
    spec
      .given([])
      .when({ type: 'RevokeDeliberation', revocation: { decidedOn: '2025-01-01', effectiveFrom: '2025-01-01', reason: 'x' } })
      .thenRefuses({ kind: 'not-found' });
  });
});

describe('a backdated amendment', () => {
  it('given an amendment effective 2025-06-01 removing dataset "scrambled", when an amendment effective 2025-03-01 removes it first, then it is refused because the later one would no longer apply', () => {
    const h = stream(
      amended({ decidedOn: '2025-05-01', effectiveFrom: '2025-06-01', changes: [{ op: 'removeDataset', datasetId: 'scrambled' }] }),
    );
    const refused = refusal(() => amend([{ op: 'removeDataset', datasetId: 'scrambled' }], h, '2025-03-01'));
    expect(refused.code).toBe('CHANGE_DOES_NOT_APPLY');
    expect(refused.message).toContain('amendment 2');
  });

  it('given the same later amendment, when a backdated amendment changes something else, then it is recorded', () => {
    const h = stream(
      amended({ decidedOn: '2025-05-01', effectiveFrom: '2025-06-01', changes: [{ op: 'removeDataset', datasetId: 'scrambled' }] }),
    );
    expect(amend([{ op: 'setRetention', destroyBy: '2031-12-31' }], h, '2025-03-01')).toHaveLength(1);
  });
});
