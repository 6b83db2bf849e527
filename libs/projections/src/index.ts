export * from './projection.js';
export * from './projection-runner.js';
export * from './deliberation-index.projection.js';
export * from './delivery-ledger.projection.js';
export * from './output-release.projection.js';
export * from './outbox.projection.js';
