import type { StoredEvent, Upcaster } from './event-store.js';

/** Turns the data of `type` at `fromVersion` into its data at `fromVersion + 1`. */
export type UpcastStep = (data: Record<string, unknown>, event: StoredEvent) => Record<string, unknown>;

/**
 * Schema upcasters by event type: stored events are never rewritten, they are brought to
 * the newest version of their type on every read. Pass `upcasters.upcast` to the store.
 */
export class Upcasters {
  private readonly steps = new Map<string, UpcastStep>();

  register(type: string, fromVersion: number, step: UpcastStep): this {
    const key = `${fromVersion}:${type}`;
    if (this.steps.has(key)) throw new Error(`upcaster for ${type} v${fromVersion} is already registered`);
    this.steps.set(key, step);
    return this;
  }

  /** Applies every registered step from the event's version on; unknown types pass unchanged. */
  readonly upcast: Upcaster = (event) => {
    let current = event;
    for (let step = this.step(current); step; step = this.step(current)) {
      current = { ...current, data: step(current.data, current), schemaVersion: current.schemaVersion + 1 };
    }
    return current;
  };

  private step(event: StoredEvent): UpcastStep | undefined {
    return this.steps.get(`${event.schemaVersion}:${event.type}`);
  }
}
