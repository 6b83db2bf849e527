import { amendmentDocumentSchema, applyChange, CHANGE_OPS, type Change } from '../src/index.js';
import { decision24130 } from './given.js';
import { afterAmending, newDataset, refused } from './given-amendments.js';

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
