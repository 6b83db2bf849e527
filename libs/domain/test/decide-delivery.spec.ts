import {
  decideDelivery,
  ReleaseNotAuthorised,
  type DeliberationEvent,
  type DeliveryCommand,
  type DeliveryEvent,
  type DeliveryHistory,
  type DeliveryRequest,
  type Destruction,
  type ReminderEvent,
} from '../src/index.js';
import { DeciderSpecification } from './decider-specification.js';
import {
  amended,
  amendment24130,
  at,
  commitments24130,
  decided,
  decision21144,
  decision24130,
  history,
  recorded,
  release,
  revoked,
} from './given.js';

const spec = DeciderSpecification.for(decideDelivery);

/** The streams a delivery decision reads: deliberation streams, then the delivery's own (empty by default). */
const given = (deliberations: DeliberationEvent[][], delivery: (DeliveryEvent | ReminderEvent)[] = []): DeliveryHistory => ({
  deliberations: deliberations.map((events) => history(...events)),
  delivery: recorded(delivery),
});
const stream24130 = (...more: DeliberationEvent[]) => [decided(decision24130()), amended(amendment24130()), ...commitments24130(), ...more];
const stream21144 = () => [decided(decision21144()), ...commitments24130('2021-11-01')];

const { on: _on, ...sampleRelease } = release();
const request = (overrides: Partial<DeliveryRequest> = {}): DeliveryRequest => ({ ...sampleRelease, on: '2025-01-15', ...overrides });
const deliver = (overrides: Partial<DeliveryRequest> = {}, today = '2025-02-01'): DeliveryCommand => ({
  type: 'RecordDelivery',
  request: request(overrides),
  today,
  deliveryId: 'd-1',
});
const delivered = (overrides: Partial<Extract<DeliveryEvent, { type: 'DeliveryRecorded' }>['data']> = {}): DeliveryEvent => ({
  type: 'DeliveryRecorded',
  data: {
    ...request(),
    deliveryId: 'd-1',
    deliberation: '24/130',
    on: '2025-01-15',
    access: 'transfer',
    obligation: true,
    destroyByAtDelivery: '2030-12-31',
    ...overrides,
  },
});
const destruction: Destruction = { destroyedOn: '2030-06-30', certificateRef: 'CERT-2030-001', attestedBy: 'DPO Steunpunt Werk' };

describe('decideDelivery: recording a delivery', () => {
  it('given 24/130 with every commitment signed, when the sample is delivered by transfer on 15 January 2025, then one DeliveryRecorded with the obligation to destroy by 31 December 2030', () => {
    spec
      .given(given([stream24130()]))
      .when(deliver())
      .then([delivered()]);
  });

  it('given the same, when the request names no date, then it is delivered on today (in Brussels) as the command gives it', () => {
    const [event] = spec
      .given(given([stream24130()]))
      .when(deliver({ on: undefined }, '2025-02-03'))
      .decided();
    expect(event).toMatchObject({ type: 'DeliveryRecorded', data: { on: '2025-02-03' } });
  });

  it('given a retention extended to 2032 by an amendment taking effect after the delivery date, when delivered, then the deadline at delivery is already the extended one', () => {
    const extension = amended({
      decidedOn: '2025-01-01',
      effectiveFrom: '2025-06-01',
      summary: 'extends retention',
      changes: [{ op: 'setRetention', destroyBy: '2032-12-31' }],
    });
    spec
      .given(given([stream24130(extension)]))
      .when(deliver())
      .then([delivered({ destroyByAtDelivery: '2032-12-31' })]);
  });

  it('given 24/130, when the population dataset is delivered for secure on-site access, then nothing leaves to destroy: no obligation, no deadline', () => {
    const [event] = spec
      .given(given([stream24130()]))
      .when(deliver({ dataset: 'population', access: 'secure-onsite', subjects: 7_000_000 }))
      .decided();
    expect(event.data).toMatchObject({ dataset: 'population', access: 'secure-onsite', obligation: false, destroyByAtDelivery: null });
  });

  it('given the amendment recorded on 5 November 2024, when a delivery says knownAt 1 November, then it is checked as known now and knownAt is not recorded', () => {
    const streams = given([stream24130()]);
    const [event] = spec
      .given(streams)
      .when(deliver({ knownAt: '2024-11-01T00:00:00.000Z' }))
      .decided();
    expect(event.data).not.toHaveProperty('knownAt');
    expect(event).toEqual(delivered());
  });

  it('given 24/130 and its 21/144-like predecessor, when no deliberation is named and years 2005-2006 are asked, then the delivery is recorded under 21/144', () => {
    const [event] = spec
      .given(given([stream21144(), stream24130()]))
      .when(deliver({ deliberation: undefined, referenceYears: [2005, 2006] }))
      .decided();
    expect(event.data).toMatchObject({ deliberation: '21/144', obligation: true, destroyByAtDelivery: '2027-12-31' });
  });

  it('given 24/130, when year 2019 is asked, then it is refused with the answer of the check, and nothing is decided', () => {
    const error = spec
      .given(given([stream24130()]))
      .when(deliver({ referenceYears: [2019] }))
      .thenRefuses({ kind: 'unprocessable', code: 'RELEASE_NOT_AUTHORISED' });
    expect(error).toBeInstanceOf(ReleaseNotAuthorised);
    expect((error as ReleaseNotAuthorised).answer).toMatchObject({
      authorised: false,
      deliberation: '24/130',
      version: 5,
      on: '2025-01-15',
    });
    expect((error as ReleaseNotAuthorised).answer.reasons.map((r) => r.code)).toEqual(['REFERENCE_YEAR_NOT_AUTHORISED']);
  });

  it('given 24/130 revoked from 1 January 2025, when delivered on 15 January, then it is refused as REVOKED', () => {
    const revocation = revoked({ decidedOn: '2024-12-15', effectiveFrom: '2025-01-01', reason: 'test' });
    const error = spec
      .given(given([stream24130(revocation)]))
      .when(deliver())
      .thenRefuses({ code: 'RELEASE_NOT_AUTHORISED' });
    expect((error as ReleaseNotAuthorised).answer.reasons.map((r) => r.code)).toEqual(['REVOKED']);
  });

  it('given no deliberation naming the recipient, when delivered without naming one, then the domain answers that none names it', () => {
    const error = spec
      .given(given([]))
      .when(deliver({ deliberation: undefined, recipient: 'unknown-lab' }))
      .thenRefuses({ code: 'RELEASE_NOT_AUTHORISED' });
    expect((error as ReleaseNotAuthorised).answer).toEqual({
      authorised: false,
      deliberation: null,
      version: null,
      on: '2025-01-15',
      reasons: [
        {
          code: 'RECIPIENT_NOT_AUTHORISED',
          message: 'No recorded deliberation names "unknown-lab" as a party.',
          clause: null,
          details: { recipient: 'unknown-lab' },
        },
      ],
    });
  });

  it('given a named deliberation that is not recorded, when delivered, then it is refused as UNKNOWN_DELIBERATION', () => {
    const error = spec.given(given([])).when(deliver()).thenRefuses({ code: 'RELEASE_NOT_AUTHORISED' });
    expect((error as ReleaseNotAuthorised).answer).toMatchObject({ deliberation: '24/130', version: null });
    expect((error as ReleaseNotAuthorised).answer.reasons.map((r) => r.code)).toEqual(['UNKNOWN_DELIBERATION']);
  });

  it('given a delivery stream that already holds a delivery, when recorded again under its id, then it is a DELIVERY_EXISTS conflict', () => {
    spec
      .given(given([stream24130()], [delivered()]))
      .when(deliver())
      .thenRefuses({ kind: 'conflict', code: 'DELIVERY_EXISTS' });
  });
});

describe('decideDelivery: recording the destruction', () => {
  const reminder: ReminderEvent = {
    type: 'ReminderIssued',
    data: {
      reminderId: 'r-1',
      delivery: 'd-1',
      deliberation: '24/130',
      dataset: 'sample',
      recipient: 'steunpunt-werk',
      destroyBy: '2030-12-31',
      threshold: 180,
      asOf: '2030-07-04',
    },
  };

  it('given a delivery and a reminder in its stream, when its destruction is recorded, then one DestructionRecorded', () => {
    spec
      .given(given([], [delivered(), at('2030-07-04T06:00:00.000Z', reminder).event]))
      .when({ type: 'RecordDestruction', destruction })
      .then([{ type: 'DestructionRecorded', data: destruction }]);
  });

  it('given a destruction already recorded, when recorded again, then it is a DESTRUCTION_ALREADY_RECORDED conflict', () => {
    spec
      .given(given([], [delivered(), { type: 'DestructionRecorded', data: destruction }]))
      .when({ type: 'RecordDestruction', destruction })
      .thenRefuses({ kind: 'conflict', code: 'DESTRUCTION_ALREADY_RECORDED' });
  });

  it('given a delivery of 15 January 2025, when destroyed on the 14th, then it is refused at /destroyedOn', () => {
    spec
      .given(given([], [delivered()]))
      .when({ type: 'RecordDestruction', destruction: { ...destruction, destroyedOn: '2025-01-14' } })
      .thenRefuses({
        kind: 'unprocessable',
        code: 'DESTROYED_BEFORE_DELIVERY',
        errors: [{ path: '/destroyedOn', message: expect.stringContaining('2025-01-15') }],
      });
  });

  it('given no delivery, when a destruction is recorded, then it is not found', () => {
    spec.given(given([])).when({ type: 'RecordDestruction', destruction }).thenRefuses({ kind: 'not-found' });
  });
});
