import { EventStore1732000000000 } from './1732000000000-event-store.js';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const allMigrations = [EventStore1732000000000];
