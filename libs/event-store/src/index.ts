export * from './event-store.js';
export * from './hash.js';
export * from './postgres-event-store.js';
export * from './upcasters.js';
export * from './verify.js';
