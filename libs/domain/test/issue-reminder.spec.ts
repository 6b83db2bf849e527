import { decideReminder, type DeliveryEvent, type DeliveryRecordedData, type ReminderEvent } from '../src/index.js';
import { recorded } from './given.js';

const delivery = (obligation = true): DeliveryRecordedData => ({
  deliveryId: 'd-1',
  deliberation: '24/130',
  dataset: 'sample',
  recipient: 'dwse',
  access: 'transfer',
  on: '2025-01-10',
  referenceYears: [2021],
  variables: ['person.sex'],
  obligation,
  destroyByAtDelivery: obligation ? '2030-12-31' : null,
});
const issued = (threshold: number | 'overdue'): ReminderEvent => ({
  type: 'ReminderIssued',
  data: {
    reminderId: `r-${threshold}`,
    delivery: 'd-1',
    deliberation: '24/130',
    dataset: 'sample',
    recipient: 'dwse',
    destroyBy: '2030-12-31',
    threshold,
    asOf: '2030-07-04',
  },
});
const stream = (...more: (DeliveryEvent | ReminderEvent)[]) =>
  recorded<DeliveryEvent | ReminderEvent>([{ type: 'DeliveryRecorded', data: delivery() }, ...more]);

describe('decideReminder', () => {
  it('given a delivery due by 2030-12-31, when the run is on 2030-07-04 (180 days before), then the 180-day reminder is issued with the webhook fields', () => {
    expect(decideReminder(stream(), '2030-12-31', '2030-07-04', 'r-1')).toEqual([
      {
        type: 'ReminderIssued',
        data: {
          reminderId: 'r-1',
          delivery: 'd-1',
          deliberation: '24/130',
          dataset: 'sample',
          recipient: 'dwse',
          destroyBy: '2030-12-31',
          threshold: 180,
          asOf: '2030-07-04',
        },
      },
    ]);
  });

  it('given the 180-day reminder was issued, when the run repeats the same day, then nothing is issued', () => {
    expect(decideReminder(stream(issued(180)), '2030-12-31', '2030-07-04', 'r-2')).toEqual([]);
  });

  it('given a run on 2031-01-05 with nothing issued, when decided, then only the overdue reminder is issued', () => {
    expect(decideReminder(stream(), '2030-12-31', '2031-01-05', 'r-3').map((e) => e.data.threshold)).toEqual(['overdue']);
  });

  it('given the destruction is recorded, when a reminder would be due, then nothing is issued', () => {
    const destroyed: DeliveryEvent = {
      type: 'DestructionRecorded',
      data: { destroyedOn: '2030-06-01', certificateRef: 'C-1', attestedBy: 'DPO' },
    };
    expect(decideReminder(stream(destroyed), '2030-12-31', '2030-12-30', 'r-4')).toEqual([]);
  });

  it('given a delivery without destruction obligation, when decided, then nothing is issued', () => {
    const h = recorded<DeliveryEvent | ReminderEvent>([{ type: 'DeliveryRecorded', data: delivery(false) }]);
    expect(decideReminder(h, '2030-12-31', '2031-01-05', 'r-5')).toEqual([]);
  });

  describe('Reminders follow the deadline', () => {
    it('given 30 days and overdue issued for 2030-12-31, when an amendment moves the deadline to 2032-12-31, then nothing is due while the new date is far off', () => {
      expect(decideReminder(stream(issued(30), issued('overdue')), '2032-12-31', '2031-01-11', 'r-6')).toEqual([]);
    });

    it('given 30 days issued for 2030-12-31, when the run is 29 days before the moved deadline, then the 30-day reminder is issued again naming the new deadline', () => {
      const [event] = decideReminder(stream(issued(30), issued('overdue')), '2032-12-31', '2032-12-02', 'r-7');
      expect(event.data).toMatchObject({ threshold: 30, destroyBy: '2032-12-31' });
    });

    it('given 30 days issued for the current deadline, when the run is again 29 days before it, then nothing is issued twice', () => {
      expect(decideReminder(stream(issued(30)), '2030-12-31', '2030-12-02', 'r-8')).toEqual([]);
    });
  });
});
