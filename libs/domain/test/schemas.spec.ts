import {
  amendmentDocumentSchema,
  commitmentSchema,
  datasetPatchSchema,
  deliberationDocumentSchema,
  isCalendarDate,
  parseVariableReference,
  releaseSchema,
  revocationSchema,
  variableReference,
} from '../src/index.js';
import { rawFixture } from './given.js';

const decision = () => rawFixture('24-130.deliberation.json') as Record<string, any>;
const amendment = () => rawFixture('24-130.amendment-1.json') as Record<string, any>;
const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; code: string; message: string }[] } }) =>
  result.error?.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) ?? [];

describe('the fixtures', () => {
  it('given the 24/130 decision fixture, when parsed, then it is accepted unchanged', () => {
    const result = deliberationDocumentSchema.safeParse(decision());
    expect(result.success).toBe(true);
    expect(result.data).toEqual(decision());
  });

  it('given the 24/130 amendment fixture, when parsed, then it is accepted unchanged', () => {
    const result = amendmentDocumentSchema.safeParse(amendment());
    expect(result.success).toBe(true);
    expect(result.data).toEqual(amendment());
  });
});

describe('calendar dates', () => {
  it.each(['2024-02-29', '2028-02-29', '2000-02-29', '2030-12-31'])('given %s, when checked, then it is a real date', (date) => {
    expect(isCalendarDate(date)).toBe(true);
    expect(deliberationDocumentSchema.safeParse({ ...decision(), decidedOn: date }).success).toBe(true);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-1-05',
    '2024-01-5',
    '05/01/2024',
    '2024-01-05T00:00:00Z',
    '',
  ])('given %p, when used as decidedOn, then it is refused at decidedOn', (date) => {
    expect(isCalendarDate(date)).toBe(false);
    expect(issuesOf(deliberationDocumentSchema.safeParse({ ...decision(), decidedOn: date }))).toEqual([
      { path: 'decidedOn', code: 'custom' },
    ]);
  });

  it('given an amendment effective 2024-02-30, when parsed, then it is refused at effectiveFrom', () => {
    expect(issuesOf(amendmentDocumentSchema.safeParse({ ...amendment(), effectiveFrom: '2024-02-30' }))).toEqual([
      { path: 'effectiveFrom', code: 'custom' },
    ]);
  });

  it('given a setRetention to 2031-02-29, when parsed, then it is refused at its destroyBy', () => {
    const result = amendmentDocumentSchema.safeParse({ ...amendment(), changes: [{ op: 'setRetention', destroyBy: '2031-02-29' }] });
    expect(issuesOf(result)).toEqual([{ path: 'changes.0.destroyBy', code: 'custom' }]);
  });

  it('given revocations and commitments with impossible dates, when parsed, then they are refused', () => {
    expect(revocationSchema.safeParse({ decidedOn: '2025-02-30', effectiveFrom: '2025-03-01', reason: 'x' }).success).toBe(false);
    expect(commitmentSchema.safeParse({ party: 'dwse', kind: 'x', signedOn: '2025-06-31' }).success).toBe(false);
    expect(commitmentSchema.safeParse({ party: 'dwse', kind: 'x', signedOn: '2024-02-29' }).success).toBe(true);
  });
});

describe('strict documents', () => {
  it('given an unknown top-level field, when the decision is parsed, then it is refused as unrecognized', () => {
    const result = deliberationDocumentSchema.safeParse({ ...decision(), approvedBy: 'Michel Deneyer' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['approvedBy'], path: [] })]);
  });

  it('given an unknown field inside a dataset, when parsed, then it is refused at that dataset', () => {
    const doc = decision();
    doc.datasets[1].encrypted = true;
    expect(issuesOf(deliberationDocumentSchema.safeParse(doc))).toEqual([{ path: 'datasets.1', code: 'unrecognized_keys' }]);
  });

  it('given an unknown field inside a party, a table offset, the retention, when parsed, then each is refused', () => {
    for (const mutate of [
      (d: any) => (d.parties[0].email = 'x@y'),
      (d: any) => (d.tables[0].offsets.T.note = 'x'),
      (d: any) => (d.retention.extendable = true),
      (d: any) => (d.source.url = 'x'),
    ]) {
      const doc = decision();
      mutate(doc);
      expect(issuesOf(deliberationDocumentSchema.safeParse(doc)).map((i) => i.code)).toEqual(['unrecognized_keys']);
    }
  });

  it('given an unknown field in the amendment, or in the dataset it adds, when parsed, then it is refused', () => {
    expect(amendmentDocumentSchema.safeParse({ ...amendment(), signedBy: 'x' }).success).toBe(false);
    const a = amendment();
    a.changes[0].dataset.colour = 'blue';
    expect(issuesOf(amendmentDocumentSchema.safeParse(a))).toEqual([{ path: 'changes.0.dataset', code: 'unrecognized_keys' }]);
  });

  it('given updateDataset setting an unknown field or the id, when parsed, then it is refused; maxSubjects null is accepted; an empty set is refused', () => {
    expect(datasetPatchSchema.safeParse({ colour: 'blue' }).success).toBe(false);
    expect(datasetPatchSchema.safeParse({ id: 'other' }).success).toBe(false);
    expect(datasetPatchSchema.safeParse({}).success).toBe(false);
    expect(datasetPatchSchema.safeParse({ maxSubjects: null }).data).toEqual({ maxSubjects: null });
    expect(datasetPatchSchema.safeParse({ maxSubjects: 0 }).success).toBe(false);
  });
});

describe('document rules', () => {
  it('given a dataset naming a table the document does not define, when parsed, then it is refused at that table reference', () => {
    const doc = decision();
    doc.datasets[0].tables = ['with-next-year', 'with-other-year'];
    expect(issuesOf(deliberationDocumentSchema.safeParse(doc))).toEqual([{ path: 'datasets.0.tables.1', code: 'custom' }]);
  });

  it('given two datasets with the same id, when parsed, then it is refused', () => {
    const doc = decision();
    doc.datasets[1].id = 'sample';
    expect(issuesOf(deliberationDocumentSchema.safeParse(doc))).toEqual([{ path: 'datasets.1', code: 'custom' }]);
  });

  it('given a commitment rule from an unknown party, when parsed, then it is refused; from a party id it is accepted', () => {
    const doc = decision();
    doc.requiredCommitments[0].from = 'each-processor';
    expect(issuesOf(deliberationDocumentSchema.safeParse(doc))).toEqual([{ path: 'requiredCommitments.0.from', code: 'custom' }]);
    doc.requiredCommitments[0].from = 'dwse';
    expect(deliberationDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('given a malformed number, an unknown role, kind or access, when parsed, then each is refused', () => {
    for (const mutate of [
      (d: any) => (d.number = '24-130'),
      (d: any) => (d.parties[0].roles = ['researcher']),
      (d: any) => (d.datasets[0].kind = 'synthetic'),
      (d: any) => (d.datasets[0].access = 'download'),
      (d: any) => (d.tables[0].offsets = { 'T+0': { all: true } }),
      (d: any) => (d.tables[0].offsets = { T: {} }),
      (d: any) => (d.referenceYears = []),
    ]) {
      const doc = decision();
      mutate(doc);
      expect(deliberationDocumentSchema.safeParse(doc).success).toBe(false);
    }
  });
});

describe('variable references', () => {
  it.each([
    ['person.sex', 'person.sex', 0],
    ['person.deceased@T+1', 'person.deceased', 1],
    ['work.nace_code@T-1', 'work.nace_code', -1],
    ['person.sex@T', 'person.sex', 0],
    ['x@T+12', 'x', 12],
  ])('given %s, when parsed, then it is code %s at offset %d', (raw, code, offset) => {
    expect(parseVariableReference(raw)).toEqual({ raw, code, offset });
    expect(variableReference.safeParse(raw).success).toBe(true);
  });

  it.each([
    'person.deceased@T+0',
    'person.deceased@t+1',
    'person.deceased@T1',
    'person.deceased@T+100',
    'person.deceased@T+01',
    '@T+1',
    '.sex',
    'person sex',
    'person.sex@',
    'person.sex@T+1@T-1',
    '',
  ])('given %p, when parsed, then it is not a variable reference', (raw) => {
    expect(parseVariableReference(raw)).toBeUndefined();
    expect(variableReference.safeParse(raw).success).toBe(false);
  });

  it('given a release body with one bad reference among good ones, when parsed, then the error points at that index', () => {
    const result = releaseSchema.safeParse({
      recipient: 'dwse',
      dataset: 'sample',
      referenceYears: [2020],
      variables: ['person.sex', 'person.sex@T+0'],
    });
    expect(issuesOf(result)).toEqual([{ path: 'variables.1', code: 'custom' }]);
  });
});

describe('release body', () => {
  const body = { deliberation: '24/130', recipient: 'dwse', dataset: 'sample', referenceYears: [2020], variables: ['person.sex'] };

  it('given a minimal release body (no on, access, subjects), when parsed, then it is accepted and no default is invented by the schema', () => {
    expect(releaseSchema.parse(body)).toEqual(body);
  });

  it('given an unknown field, when parsed, then it is refused', () => {
    expect(issuesOf(releaseSchema.safeParse({ ...body, purpose: 'x' }))).toEqual([{ path: '', code: 'unrecognized_keys' }]);
  });

  it('given knownAt without a time zone, or on an impossible day, when parsed, then it is refused; with Z or an offset it is accepted', () => {
    expect(releaseSchema.safeParse({ ...body, knownAt: '2025-01-01T10:00:00' }).success).toBe(false);
    expect(releaseSchema.safeParse({ ...body, knownAt: '2025-02-30T10:00:00Z' }).success).toBe(false);
    expect(releaseSchema.safeParse({ ...body, knownAt: '2025-01-01T10:00:00Z' }).success).toBe(true);
    expect(releaseSchema.safeParse({ ...body, knownAt: '2025-01-01T10:00:00.123+01:00' }).success).toBe(true);
  });

  it('given a deliberation written as a path id, a fractional subject count or an impossible on, when parsed, then each is refused', () => {
    expect(releaseSchema.safeParse({ ...body, deliberation: '24-130' }).success).toBe(false);
    expect(releaseSchema.safeParse({ ...body, subjects: 10.5 }).success).toBe(false);
    expect(releaseSchema.safeParse({ ...body, on: '2024-02-30' }).success).toBe(false);
    expect(releaseSchema.safeParse({ ...body, on: '2024-02-29' }).success).toBe(true);
    expect(releaseSchema.safeParse({ ...body, access: 'download' }).success).toBe(false);
  });
});
