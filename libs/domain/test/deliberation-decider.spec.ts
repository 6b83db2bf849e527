import { decideDeliberation } from '../src/index.js';
import { DeciderSpecification } from './decider-specification.js';
import { amended, commitments24130, decision24130, revoked } from './given.js';
import { amendment, stream } from './given-amendments.js';

describe('recording the deliberation, revocations and commitments', () => {
  const spec = DeciderSpecification.for(decideDeliberation);

  it('given nothing recorded, when 24/130 is recorded, then one DeliberationRecorded event carries the document', () => {
    spec
      .given([])
      .when({ type: 'RecordDeliberation', document: decision24130() })
      .then([{ type: 'DeliberationRecorded', data: { document: decision24130() } }]);
  });

  it('given 24/130 already recorded, when it is recorded twice, then it is a DELIBERATION_EXISTS conflict', () => {
    spec
      .given(stream())
      .when({ type: 'RecordDeliberation', document: decision24130() })
      .thenRefuses({ kind: 'conflict', code: 'DELIBERATION_EXISTS' });
  });

  it('given 24/130, when revoked, then a DeliberationRevoked event is decided; revoking again is an ALREADY_REVOKED conflict', () => {
    const revocation = { decidedOn: '2025-05-20', effectiveFrom: '2025-06-01', reason: 'Ended' };
    spec
      .given(stream())
      .when({ type: 'RevokeDeliberation', revocation })
      .then([{ type: 'DeliberationRevoked', data: revocation }]);
    spec
      .given(stream(revoked(revocation)))
      .when({ type: 'RevokeDeliberation', revocation })
      .thenRefuses({ kind: 'conflict', code: 'ALREADY_REVOKED' });
  });

  it('given 24/130, when a party signs a commitment, then a CommitmentRecorded event is decided', () => {
    const commitment = { party: 'dwse', kind: 'joint-and-several-liability', signedOn: '2024-09-10', documentRef: 'DWSE-2024-17' };
    spec
      .given(stream())
      .when({ type: 'RecordCommitment', commitment })
      .then([{ type: 'CommitmentRecorded', data: commitment }]);
  });

  it('given 24/130, when a commitment comes from a non-party, then it is refused as UNKNOWN_PARTY at /party', () => {
    spec
      .given(stream())
      .when({ type: 'RecordCommitment', commitment: { party: 'acme', kind: 'non-reidentification', signedOn: '2024-09-10' } })
      .thenRefuses({ kind: 'unprocessable', code: 'UNKNOWN_PARTY', errors: [{ path: '/party', message: expect.any(String) }] });
  });

  it('given a party brought by an amendment not yet in force, when it signs, then its commitment is accepted', () => {
    const h = stream(amended(amendment([{ op: 'addParty', party: { id: 'ugent', name: 'UGent', roles: ['recipient'] } }])));
    const commitment = { party: 'ugent', kind: 'non-reidentification', signedOn: '2025-02-10' };
    expect(spec.given(h).when({ type: 'RecordCommitment', commitment }).decided()).toHaveLength(1);
  });

  it('given no deliberation, when a commitment or a revocation is recorded, then it is not found', () => {
    spec
      .given([])
      .when({ type: 'RecordCommitment', commitment: commitments24130()[0].data as never })
      .thenRefuses({ kind: 'not-found' });
    spec
      .given([])
      .when({ type: 'RevokeDeliberation', revocation: { decidedOn: '2025-01-01', effectiveFrom: '2025-01-01', reason: 'x' } })
      .thenRefuses({ kind: 'not-found' });
  });
});
