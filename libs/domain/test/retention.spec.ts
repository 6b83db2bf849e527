import {
  addDays,
  createsDestructionObligation,
  daysBetween,
  destroyByFor,
  documentAsOf,
  obligationStatus,
  timelineOf,
  type Dataset,
} from '../src/index.js';
import { amended, at, commitments24130, decided, decision24130, given24130, history, timeline } from './given.js';

const dataset = (id: string): Dataset => documentAsOf(given24130(), '2025-01-01').datasets.find((d) => d.id === id)!;
const setRetention = (effectiveFrom: string, destroyBy: string, decidedOn = effectiveFrom) =>
  amended({ decidedOn, effectiveFrom, changes: [{ op: 'setRetention', destroyBy }] });

describe('createsDestructionObligation', () => {
  it('given the pseudonymised sample (personal data), when delivered by transfer, then the recipient must destroy it', () => {
    expect(createsDestructionObligation(dataset('sample'), 'transfer')).toBe(true);
  });

  it('given the scrambled dataset (personalData false), when delivered by transfer, then there is no obligation', () => {
    expect(createsDestructionObligation(dataset('scrambled'), 'transfer')).toBe(false);
  });

  it('given the population dataset, when used secure-onsite, then there is no obligation', () => {
    expect(createsDestructionObligation(dataset('population'), 'secure-onsite')).toBe(false);
  });

  it('given the sample, when (hypothetically) used secure-onsite, then there is no obligation', () => {
    expect(createsDestructionObligation(dataset('sample'), 'secure-onsite')).toBe(false);
  });

  it('given an anonymous or scrambled dataset flagged as personal data, when transferred, then SPEC still exempts it', () => {
    expect(createsDestructionObligation({ ...dataset('sample'), kind: 'anonymous' }, 'transfer')).toBe(false);
    expect(createsDestructionObligation({ ...dataset('scrambled'), personalData: true }, 'transfer')).toBe(false);
  });

  it('given a pseudonymised dataset without personal data, when transferred, then there is no obligation', () => {
    expect(createsDestructionObligation({ ...dataset('sample'), personalData: false }, 'transfer')).toBe(false);
  });
});

describe('destroyByFor', () => {
  it('given 24/130 (destroy by 31 December 2030), when a delivery is made on 15 January 2025, then it must be destroyed by 2030-12-31', () => {
    expect(destroyByFor(given24130(), '2025-01-15')).toBe('2030-12-31');
  });

  it('given a setRetention to 2032 effective after the delivery, when the deadline is computed, then the later amendment moves it', () => {
    expect(destroyByFor(given24130(setRetention('2026-01-01', '2032-12-31')), '2025-01-15')).toBe('2032-12-31');
  });

  it('given a setRetention effective on the delivery date, when computed, then it is the retention in force that day', () => {
    expect(destroyByFor(given24130(setRetention('2025-01-15', '2032-12-31')), '2025-01-15')).toBe('2032-12-31');
  });

  it('given a shortening setRetention effective before the delivery, when computed, then the deadline is that one, not the decision', () => {
    expect(destroyByFor(given24130(setRetention('2025-01-01', '2029-12-31')), '2025-01-15')).toBe('2029-12-31');
  });

  it('given a setRetention effective before delivery and another after, when computed, then the later one wins', () => {
    const t = given24130(setRetention('2025-01-01', '2029-12-31'), setRetention('2027-01-01', '2031-06-30'));
    expect(destroyByFor(t, '2025-01-15')).toBe('2031-06-30');
    expect(destroyByFor(t, '2027-01-02')).toBe('2031-06-30');
    expect(destroyByFor(t, '2024-12-31')).toBe('2031-06-30');
  });

  it('given two later setRetentions recorded in reverse effective order, when computed, then the one taking effect last wins', () => {
    const t = given24130(setRetention('2027-01-01', '2033-12-31', '2025-02-01'), setRetention('2026-01-01', '2032-12-31', '2025-02-02'));
    expect(destroyByFor(t, '2025-01-15')).toBe('2033-12-31');
  });

  it('given a setRetention recorded after knownAt, when computed on the timeline as known then, then it does not move the deadline', () => {
    const h = history(
      decided(decision24130()),
      commitments24130(),
      at('2026-06-01T10:00:00Z', setRetention('2027-01-01', '2032-12-31', '2026-06-01')),
    );
    expect(destroyByFor(timelineOf(h, '2026-05-31T23:59:59Z')!, '2025-01-15')).toBe('2030-12-31');
    expect(destroyByFor(timelineOf(h)!, '2025-01-15')).toBe('2032-12-31');
  });

  it('given a deliberation without retention, when computed, then there is no deadline', () => {
    const { retention: _r, ...doc } = decision24130();
    expect(destroyByFor(timeline(decided(doc)), '2025-01-15')).toBeNull();
  });

  it('given a deliberation without retention until an amendment sets one after the delivery, when computed, then the amendment gives it', () => {
    const { retention: _r, ...doc } = decision24130();
    expect(destroyByFor(timeline(decided(doc), setRetention('2026-01-01', '2031-12-31')), '2025-01-15')).toBe('2031-12-31');
  });
});

describe('obligationStatus', () => {
  it('given destroyBy 2030-12-31, when asked 46 days before (2030-11-15), then it is due with 46 days left', () => {
    expect(obligationStatus('2030-12-31', '2030-11-15')).toEqual({ daysLeft: 46, status: 'due' });
  });

  it('given destroyBy 2030-12-31, when asked exactly 90 days before, then it is due; 91 days before it is pending', () => {
    expect(obligationStatus('2030-12-31', '2030-10-02')).toEqual({ daysLeft: 90, status: 'due' });
    expect(obligationStatus('2030-12-31', '2030-10-01')).toEqual({ daysLeft: 91, status: 'pending' });
  });

  it('given destroyBy 2030-12-31, when asked on that day, then it is due with 0 days left; the day after it is overdue by one', () => {
    expect(obligationStatus('2030-12-31', '2030-12-31')).toEqual({ daysLeft: 0, status: 'due' });
    expect(obligationStatus('2030-12-31', '2031-01-01')).toEqual({ daysLeft: -1, status: 'overdue' });
  });

  it('given a window of 30 days, when asked 46 days before, then it is pending', () => {
    expect(obligationStatus('2030-12-31', '2030-11-15', 30)).toEqual({ daysLeft: 46, status: 'pending' });
  });

  it('given destroyBy 2028-02-29 (leap day), when asked on the 28th, on the day and on 1 March, then 1 day, 0 days, overdue', () => {
    expect(obligationStatus('2028-02-29', '2028-02-28')).toEqual({ daysLeft: 1, status: 'due' });
    expect(obligationStatus('2028-02-29', '2028-02-29')).toEqual({ daysLeft: 0, status: 'due' });
    expect(obligationStatus('2028-02-29', '2028-03-01')).toEqual({ daysLeft: -1, status: 'overdue' });
  });

  it('given destroyBy 2028-03-01, when asked on 2027-03-01, then the leap year counts 366 days', () => {
    expect(obligationStatus('2028-03-01', '2027-03-01')).toEqual({ daysLeft: 366, status: 'pending' });
  });

  it('given the clock change of 30 March 2031 in Brussels, when counting days across it, then days stay whole', () => {
    expect(daysBetween('2031-03-29', '2031-03-31')).toBe(2);
    expect(daysBetween('2031-10-25', '2031-10-27')).toBe(2);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
