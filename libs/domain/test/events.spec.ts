import {
  decideDeliberation,
  decideDestruction,
  deliberationHistory,
  deliveryHistory,
  isEventOfType,
  isRegistryEvent,
  REGISTRY_EVENT_TYPES,
  toRegistryEvent,
  type DeliveryEvent,
} from '../src/index.js';
import { decided, decision24130, recorded } from './given.js';

const delivery: DeliveryEvent = {
  type: 'DeliveryRecorded',
  data: {
    deliveryId: 'd-1',
    deliberation: '24/130',
    recipient: 'steunpunt-werk',
    dataset: 'sample',
    access: 'transfer',
    on: '2025-01-15',
    referenceYears: [2020],
    variables: ['person.sex'],
    subjects: 10,
    obligation: true,
    destroyByAtDelivery: '2030-12-31',
  },
};

describe('the registry event union', () => {
  it('lists the eight event types the registry records', () => {
    expect([...REGISTRY_EVENT_TYPES].sort()).toEqual(
      [
        'CommitmentRecorded',
        'DeliberationAmended',
        'DeliberationRecorded',
        'DeliberationRevoked',
        'DeliveryRecorded',
        'DestructionRecorded',
        'OutputReleaseRecorded',
        'ReminderIssued',
      ].sort(),
    );
  });

  it('given what the deciders decide, when narrowed, then each is a registry event of its own type', () => {
    const decidedEvents = [
      ...decideDeliberation({ type: 'RecordDeliberation', document: decision24130() }, []),
      ...decideDestruction(recorded([delivery]), { destroyedOn: '2026-01-01', certificateRef: 'C-1', attestedBy: 'DPO' }),
    ];
    expect(decidedEvents.map((e) => isRegistryEvent(e))).toEqual([true, true]);
    expect(decidedEvents.map((e) => isEventOfType(e, 'DestructionRecorded'))).toEqual([false, true]);
  });

  it('given an event of a type the registry does not know, when read as a domain event, then it is an error, not skipped', () => {
    expect(isRegistryEvent({ type: 'DeliveryCancelled', data: {} })).toBe(false);
    expect(() => toRegistryEvent({ type: 'DeliveryCancelled', data: {}, revision: 3, recordedAt: '2025-01-01T00:00:00Z' })).toThrow(
      'unknown event type "DeliveryCancelled" at revision 3',
    );
  });

  it('given a stream of stored events, when read as a deliberation or a delivery history, then each keeps only its own events', () => {
    const stored = recorded<{ type: string; data: unknown }>([decided(decision24130()), delivery]).map((e) => ({ ...e, streamId: 'x' }));
    expect(deliberationHistory(stored).map((e) => e.type)).toEqual(['DeliberationRecorded']);
    expect(deliveryHistory(stored).map((e) => e.type)).toEqual(['DeliveryRecorded']);
    expect(toRegistryEvent(stored[1])).toBe(stored[1]);
  });
});
