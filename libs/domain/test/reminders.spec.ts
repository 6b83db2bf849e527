import { DEFAULT_THRESHOLDS, passedThresholds, reminderDue, type Threshold } from '../src/index.js';

const destroyBy = '2030-12-31';

describe('passedThresholds', () => {
  it('given destroyBy 2030-12-31, when asked 181 days before (2030-07-03), then no threshold has passed', () => {
    expect(passedThresholds(destroyBy, '2030-07-03')).toEqual([]);
  });

  it.each([
    ['2030-07-04', [180]],
    ['2030-10-01', [180]],
    ['2030-10-02', [90, 180]],
    ['2030-11-30', [90, 180]],
    ['2030-12-01', [30, 90, 180]],
    ['2030-12-23', [30, 90, 180]],
    ['2030-12-24', [7, 30, 90, 180]],
    ['2030-12-31', [7, 30, 90, 180]],
    ['2031-01-01', ['overdue', 7, 30, 90, 180]],
  ] as [string, Threshold[]][])(
    'given destroyBy 2030-12-31, when asked on %s, then the passed thresholds, most urgent first, are %p',
    (asOf, expected) => {
      expect(passedThresholds(destroyBy, asOf)).toEqual(expected);
    },
  );

  it('given the default thresholds, when read, then they are 180, 90, 30 and 7 days', () => {
    expect(DEFAULT_THRESHOLDS).toEqual([180, 90, 30, 7]);
  });
});

describe('reminderDue', () => {
  it.each([
    ['2030-07-03', undefined],
    ['2030-07-04', 180],
    ['2030-10-02', 90],
    ['2030-12-01', 30],
    ['2030-12-24', 7],
    ['2030-12-31', 7],
    ['2031-01-01', 'overdue'],
  ] as [string, Threshold | undefined][])('given nothing issued, when a run happens on %s, then it issues %p', (asOf, expected) => {
    expect(reminderDue(destroyBy, asOf, [])).toBe(expected);
  });

  it('given 180 and 90 were skipped (the scheduler was down), when a run happens 20 days before, then only the most urgent (30) is issued', () => {
    expect(reminderDue(destroyBy, '2030-12-11', [])).toBe(30);
  });

  it('given a delivery past its deadline with nothing issued, when a run happens, then only overdue is issued and never the day counts after it', () => {
    expect(reminderDue(destroyBy, '2031-02-01', [])).toBe('overdue');
    expect(reminderDue(destroyBy, '2031-02-02', ['overdue'])).toBeUndefined();
  });

  it('given 180 issued, when a run happens the next day, then it is not re-issued', () => {
    expect(reminderDue(destroyBy, '2030-07-05', [180])).toBeUndefined();
  });

  it('given 180 issued, when the 90-day threshold passes, then 90 is issued', () => {
    expect(reminderDue(destroyBy, '2030-10-02', [180])).toBe(90);
  });

  it('given 7 issued, when a run happens again (even for an earlier date), then no less urgent reminder (30, 90, 180) follows', () => {
    expect(reminderDue(destroyBy, '2030-12-25', [7])).toBeUndefined();
    expect(reminderDue(destroyBy, '2030-12-01', [7])).toBeUndefined();
    expect(reminderDue(destroyBy, '2030-07-04', [7])).toBeUndefined();
  });

  it('given 7 issued, when the deadline passes, then overdue is still issued, once', () => {
    expect(reminderDue(destroyBy, '2031-01-01', [180, 90, 30, 7])).toBe('overdue');
    expect(reminderDue(destroyBy, '2031-01-05', [180, 90, 30, 7, 'overdue'])).toBeUndefined();
  });

  it('given a run every day from a year before to a month after, when the issued list grows as reminders are issued, then each threshold is issued at most once, in order of urgency', () => {
    const issued: Threshold[] = [];
    const start = Date.parse('2029-12-31T00:00:00Z');
    for (let day = 0; day <= 396; day++) {
      const asOf = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      const due = reminderDue(destroyBy, asOf, issued);
      if (due !== undefined) issued.push(due);
    }
    expect(issued).toEqual([180, 90, 30, 7, 'overdue']);
  });

  it('given custom thresholds 60 and 14, when a run happens 14 days before, then 14 is issued', () => {
    expect(reminderDue(destroyBy, '2030-12-17', [], [60, 14])).toBe(14);
    expect(reminderDue(destroyBy, '2030-12-16', [], [60, 14])).toBe(60);
  });

  it('given a leap-day deadline 2028-02-29, when runs happen on 2028-02-22 and 2028-03-01, then 7 and overdue', () => {
    expect(reminderDue('2028-02-29', '2028-02-21', [30])).toBeUndefined();
    expect(reminderDue('2028-02-29', '2028-02-22', [30])).toBe(7);
    expect(reminderDue('2028-02-29', '2028-03-01', [30, 7])).toBe('overdue');
  });
});
