/** Jest runs the TypeScript sources as ES modules through SWC (NestJS 12 ships ES modules only). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    // The libraries' public faces, as in tsconfig.json "paths" (tsc-alias rewrites them in dist/).
    '^@registry/event-store/kurrentdb$': '<rootDir>/libs/event-store/src/kurrentdb-event-store.ts',
    '^@registry/(domain|event-store|projections|database)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{libs,apps,test}/**/*.spec.ts'],
  testTimeout: 60000,
};
