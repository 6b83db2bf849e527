export * from './database.js';
export * from './sql.js';
export { isDatabaseUnavailable, withDeadline, DatabaseTimeoutError } from './unavailable.js';
export { DataDirectoryInUseError } from './data-dir-lock.js';
