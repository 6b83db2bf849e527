import { answerCheck, noDeliberationNames } from '../src/index.js';
import { commitments24130, decided, decision21144, given24130, release, timeline } from './given.js';

const given21144 = () => timeline(decided(decision21144()), commitments24130('2021-11-01'));

describe('answerCheck', () => {
  it('given 24/130, when a release names it, then the answer carries its number, version, date and no reasons', () => {
    expect(answerCheck(release(), [given24130()])).toEqual({
      authorised: true,
      deliberation: '24/130',
      version: 5,
      on: '2025-01-15',
      reasons: [],
    });
  });

  it('given a knownAt, when answered, then the answer repeats it (the frame of the question)', () => {
    expect(answerCheck(release({ knownAt: '2025-01-01T00:00:00.000Z' }), [given24130()])).toMatchObject({
      knownAt: '2025-01-01T00:00:00.000Z',
    });
  });

  it('given no recorded deliberation under the number named, when answered, then UNKNOWN_DELIBERATION with no version', () => {
    const answer = answerCheck(release({ deliberation: '21/144' }), [given24130()]);
    expect(answer).toMatchObject({ authorised: false, deliberation: '21/144', version: null });
    expect(answer.reasons.map((r) => r.code)).toEqual(['UNKNOWN_DELIBERATION']);
  });

  it('given no deliberation naming the recipient, when a release names none, then the domain answers RECIPIENT_NOT_AUTHORISED without a deliberation', () => {
    expect(answerCheck(release({ deliberation: undefined, recipient: 'unknown-lab' }), [])).toEqual({
      authorised: false,
      deliberation: null,
      version: null,
      on: '2025-01-15',
      reasons: [noDeliberationNames('unknown-lab')],
    });
    expect(noDeliberationNames('unknown-lab')).toEqual({
      code: 'RECIPIENT_NOT_AUTHORISED',
      message: 'No recorded deliberation names "unknown-lab" as a party.',
      clause: null,
      details: { recipient: 'unknown-lab' },
    });
  });

  it('given 24/130 and its predecessor, when year 2019 is asked with none named, then the predecessor answers with its own version', () => {
    const answer = answerCheck(release({ deliberation: undefined, referenceYears: [2019] }), [given24130(), given21144()]);
    expect(answer).toMatchObject({ authorised: true, deliberation: '21/144', version: 4, reasons: [] });
  });
});
