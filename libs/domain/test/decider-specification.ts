/**
 * Given/when/then for a decider: `decide(command, history)` returns the events to record or
 * throws a DomainError. Every decider's specs read alike:
 *
 *   spec.given(history).when(command).then([event]);
 *   spec.given(history).when(command).thenRefuses({ kind: 'conflict', code: 'ALREADY_REVOKED' });
 */
import { DomainError } from '../src/index.js';

export type Decide<Command, History, Event> = (command: Command, history: History) => Event[];

/** The fields of a refusal a spec may pin; `errors` are compared in full when given. */
export interface ExpectedRefusal {
  kind?: DomainError['kind'];
  code?: string;
  message?: string | RegExp;
  errors?: { path: string; message: unknown }[];
}

export class DeciderSpecification<Command, History, Event> {
  private constructor(private readonly decide: Decide<Command, History, Event>) {}

  static for<Command, History, Event>(decide: Decide<Command, History, Event>): DeciderSpecification<Command, History, Event> {
    return new DeciderSpecification(decide);
  }

  given(history: History) {
    return { when: (command: Command) => new Outcome(() => this.decide(command, history)) };
  }
}

class Outcome<Event> {
  constructor(private readonly run: () => Event[]) {}

  /** The decided events equal these, in order. */
  then(expected: Event[]): Event[] {
    const events = this.decided();
    expect(events).toEqual(expected);
    return events;
  }

  /** The decider refused with a DomainError matching `expected`; nothing is decided. Returns the error. */
  thenRefuses(expected: ExpectedRefusal): DomainError {
    let outcome: Event[] | undefined;
    try {
      outcome = this.run();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const { message, errors, ...fields } = expected;
      expect(error).toMatchObject(fields);
      if (message !== undefined) expect(error.message).toMatch(message);
      if (errors !== undefined) expect(error.errors).toEqual(errors);
      return error;
    }
    throw new Error(`expected a refusal, but the decider decided ${JSON.stringify(outcome)}`);
  }

  /** The decided events, for a spec that asserts on them itself (fails when the decider refuses). */
  decided(): Event[] {
    try {
      return this.run();
    } catch (error) {
      throw new Error(`expected events, but the decider refused: ${(error as Error).message}`, { cause: error });
    }
  }
}
