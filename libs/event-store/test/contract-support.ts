import { randomUUID } from 'node:crypto';
import { START, type Checkpoint, type EventStore, type NewEvent, type StoredEvent } from '../src/event-store.js';
import { Upcasters } from '../src/upcasters.js';

/** Undoes one tampering, so later tests see an intact log again. */
export type Undo = () => Promise<void>;

/** Direct edits of the stored log behind the store's back (for tamper-detection tests). */
export interface Tamper {
  /** Replaces the stored data of one event, leaving its hash as it was. */
  editData(streamId: string, revision: number, data: Record<string, unknown>): Promise<Undo>;
  deleteEvent(streamId: string, revision: number): Promise<Undo>;
  /** Stores `event` after the stream's last event with a correctly chained hash, without moving the stream's head. */
  insertEvent(streamId: string, event: NewEvent): Promise<Undo>;
}

export interface ContractSubject {
  store: EventStore;
  cleanup(): Promise<void>;
  tamper?: Tamper;
  /** The store hands out consecutive positions (a PostgreSQL sequence): a burned one shows as a gap. */
  gaplessPositions?: boolean;
}

/** What a store cannot be tested for, each with the reason; such tests are reported as skipped, never as passed. */
export interface ContractGaps {
  /** Why this store's factory gives no `tamper` hooks (the tamper-detection tests are skipped). */
  noTamperHooks?: string;
}

/** The store under test, set by the contract's beforeAll; the tests read it when they run. */
export interface TestedStore {
  subject: ContractSubject;
  store: EventStore;
}

/** Every event of a store, raw, in global order. */
export async function everything(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let checkpoint = START; ;) {
    const batch = await store.readAll(checkpoint, 100, { raw: true });
    if (batch.events.length === 0) return events;
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
  }
}

/** The example schema change every store is tested with: v2 renamed `name` to `title`. */
export const RENAMED_TYPE = 'contract.Renamed';
export function contractUpcasters(): Upcasters {
  return new Upcasters().register(RENAMED_TYPE, 1, ({ name, ...rest }) => ({ ...rest, title: name }));
}

export function newEvent(type = 'contract.Happened', data: Record<string, unknown> = {}, schemaVersion = 1): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: { actor: 'tester', recordedAt: new Date().toISOString(), correlationId: randomUUID() },
  };
}

export const stream = (label: string) => `contract-${label}-${randomUUID().slice(0, 8)}`;

export async function readAllFrom(
  store: EventStore,
  from: Checkpoint,
  limit = 100,
): Promise<{ events: StoredEvent[]; checkpoint: Checkpoint }> {
  const events: StoredEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const batch = await store.readAll(checkpoint, limit);
    if (batch.events.length === 0) return { events, checkpoint };
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
  }
}
