import { decideDeliberation, DomainError } from '../src/index.js';
import { amended, amendment24130, decided, decision24130, history, refusal, revoked } from './given.js';
import { afterAmending, amend, amendment, newDataset, refused, stream } from './given-amendments.js';

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
