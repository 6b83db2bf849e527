import { conflict } from '../src/index.js';
import { DeciderSpecification } from './decider-specification.js';

/** A toy decider: counts to three, then refuses. */
type Counted = { type: 'Counted'; data: { n: number } };
const spec = DeciderSpecification.for((command: { type: 'Count' }, history: Counted[]): Counted[] => {
  if (history.length >= 3) throw conflict('counted enough', 'ENOUGH');
  return [{ type: 'Counted', data: { n: history.length + 1 } }];
});
const counted = (n: number): Counted => ({ type: 'Counted', data: { n } });

describe('DeciderSpecification (the helper itself can fail)', () => {
  it('given a decider that decides, when then() names the same events, then it passes; other events fail it', () => {
    spec
      .given([counted(1)])
      .when({ type: 'Count' })
      .then([counted(2)]);
    expect(() =>
      spec
        .given([counted(1)])
        .when({ type: 'Count' })
        .then([counted(3)]),
    ).toThrow();
  });

  it('given a decider that decides, when a refusal is expected, then it fails and says what was decided', () => {
    expect(() => spec.given([]).when({ type: 'Count' }).thenRefuses({ kind: 'conflict' })).toThrow(
      'expected a refusal, but the decider decided [{"type":"Counted","data":{"n":1}}]',
    );
  });

  it('given a decider that refuses, when the refusal matches, then it passes; another kind, code or message fails it', () => {
    const three = [counted(1), counted(2), counted(3)];
    expect(
      spec
        .given(three)
        .when({ type: 'Count' })
        .thenRefuses({ kind: 'conflict', code: 'ENOUGH', message: /enough/ }).message,
    ).toBe('counted enough');
    expect(() => spec.given(three).when({ type: 'Count' }).thenRefuses({ kind: 'not-found' })).toThrow();
    expect(() => spec.given(three).when({ type: 'Count' }).thenRefuses({ code: 'OTHER' })).toThrow();
    expect(() => spec.given(three).when({ type: 'Count' }).thenRefuses({ message: 'too many' })).toThrow();
    expect(() => spec.given(three).when({ type: 'Count' }).then([])).toThrow('expected events, but the decider refused: counted enough');
  });
});
