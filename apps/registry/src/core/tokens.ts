/** Injection tokens for what has no class of its own to stand for it. */
export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
export const LOGGER = Symbol('LOGGER');
/** `Database` from @registry/database: the connection and, when embedded, the data-directory lock. */
export const DATABASE = Symbol('DATABASE');
/** `EventStore` from @registry/event-store (PostgreSQL/PGlite or KurrentDB), counted by the metrics. */
export const EVENT_STORE = Symbol('EVENT_STORE');
