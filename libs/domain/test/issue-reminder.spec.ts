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
});
