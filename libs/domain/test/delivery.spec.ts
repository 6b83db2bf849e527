import { decideDestruction, deliveryRequestSchema, destructionSchema, type DeliveryEvent } from '../src/index.js';
import { recorded, refusal } from './given.js';

const delivery: DeliveryEvent = {
  type: 'DeliveryRecorded',
  data: {
    deliveryId: 'd-1',
    deliberation: '24/130',
    recipient: 'steunpunt-werk',
    dataset: 'sample',
    access: 'transfer',
    on: '2025-01-15',
    referenceYears: [2020, 2021, 2022],
    variables: ['person.sex'],
    subjects: 10_000,
    obligation: true,
    destroyByAtDelivery: '2030-12-31',
  },
};
const destruction = { destroyedOn: '2030-06-30', certificateRef: 'CERT-2030-001', attestedBy: 'DPO Steunpunt Werk' };

describe('decideDestruction', () => {
  it('given a delivery of 15 January 2025, when its destruction on 30 June 2030 is recorded, then one DestructionRecorded event is decided', () => {
    expect(decideDestruction(recorded([delivery]), destruction)).toEqual([{ type: 'DestructionRecorded', data: destruction }]);
  });

  it('given a delivery, when destroyed on the delivery day itself, then it is accepted', () => {
    expect(decideDestruction(recorded([delivery]), { ...destruction, destroyedOn: '2025-01-15' })).toHaveLength(1);
  });

  it('given a delivery of 15 January 2025, when destroyed on the 14th, then it is refused at /destroyedOn', () => {
    const error = refusal(() => decideDestruction(recorded([delivery]), { ...destruction, destroyedOn: '2025-01-14' }));
    expect(error).toMatchObject({ kind: 'unprocessable', code: 'DESTROYED_BEFORE_DELIVERY' });
    expect(error.errors).toEqual([{ path: '/destroyedOn', message: expect.stringContaining('2025-01-15') }]);
  });

  it('given a destruction already recorded, when recorded again, then it is a DESTRUCTION_ALREADY_RECORDED conflict', () => {
    const error = refusal(() =>
      decideDestruction(recorded<DeliveryEvent>([delivery, { type: 'DestructionRecorded', data: destruction }]), destruction),
    );
    expect(error).toMatchObject({ kind: 'conflict', code: 'DESTRUCTION_ALREADY_RECORDED' });
  });

  it('given no delivery, when a destruction is recorded, then it is not found', () => {
    expect(refusal(() => decideDestruction([], destruction))).toMatchObject({ kind: 'not-found' });
  });
});

describe('delivery and destruction schemas', () => {
  const request = {
    deliberation: '24/130',
    recipient: 'steunpunt-werk',
    dataset: 'sample',
    access: 'transfer',
    on: '2025-01-15',
    referenceYears: [2020],
    variables: ['person.sex', 'person.deceased@T+1'],
    subjects: 10_000,
    reference: 'KSZ-2025-0001',
    checksum: 'a'.repeat(64),
    medium: 'SFTP',
  };

  it('given a full delivery request, when parsed, then it is accepted', () => {
    expect(deliveryRequestSchema.safeParse(request).success).toBe(true);
  });

  it('given a delivery request with knownAt (the release body of SPEC), when parsed, then it is accepted', () => {
    expect(deliveryRequestSchema.safeParse({ ...request, knownAt: '2025-01-01T00:00:00Z' }).success).toBe(true);
  });

  it('given a checksum that is not a SHA-256 in hex, when parsed, then it is refused at checksum', () => {
    expect(deliveryRequestSchema.safeParse({ ...request, checksum: 'abc' }).error?.issues.map((i) => i.path)).toEqual([['checksum']]);
  });

  it('given a destruction on 2030-02-30, when parsed, then it is refused; with an unknown field it is refused too', () => {
    expect(destructionSchema.safeParse({ ...destruction, destroyedOn: '2030-02-30' }).success).toBe(false);
    expect(destructionSchema.safeParse({ ...destruction, witness: 'x' }).success).toBe(false);
    expect(destructionSchema.safeParse(destruction).success).toBe(true);
  });

  it('given an empty certificate reference, when parsed, then it is refused', () => {
    expect(destructionSchema.safeParse({ ...destruction, certificateRef: '   ' }).success).toBe(false);
  });
});
