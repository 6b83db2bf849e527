export * from './event-store.js';
export * from './hash.js';
export * from './postgres-event-store.js';
export * from './upcasters.js';
export * from './verify.js';
export * from './copy-log.js';
// Type only: the KurrentDB client (a native bridge) is loaded on demand, see kurrentdb-event-store.ts.
export type { KurrentDbStoreOptions } from './kurrentdb-event-store.js';
