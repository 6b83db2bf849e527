/**
 * Module boundaries (docs/architecture.md, "Boundaries"), checked by `npm run lint`.
 * Paths are relative to the repository root; `@registry/<lib>` names resolve through
 * tsconfig.json "paths" to each library's public face, `libs/<lib>/src/index.ts`.
 */

/**
 * 'warn' while apps/ (and a few library files) still import other libraries' inner files by
 * relative paths; the lead sets it to 'error' once every such import is `@registry/<lib>`
 * (see docs/architecture.md, "Boundaries").
 */
const INNER_FILE_IMPORTS = 'error';

/** A library's public faces: its index, and the KurrentDB store loaded on demand (a native bridge). */
const PUBLIC_FACE = '^libs/[^/]+/src/index\\.ts$|^libs/event-store/src/kurrentdb-event-store\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-zod',
      comment: 'libs/domain stays pure: its own files and its validation library (zod), nothing else (no Node built-ins either).',
      severity: 'error',
      from: { path: '^libs/domain/src/' },
      to: { pathNot: ['^libs/domain/src/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'event-store-knows-no-domain',
      comment: 'The event store stores any event: it must not know the domain.',
      severity: 'error',
      from: { path: '^libs/event-store/src/' },
      to: { path: '^libs/domain/' },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'Libraries are used by apps, never the other way round.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'lib-uses-other-libs-by-public-face',
      comment: "A library reaches another library only through that library's index.",
      severity: INNER_FILE_IMPORTS,
      from: { path: '^libs/([^/]+)/' },
      // The event store's contract kit (libs/event-store/test/contract.ts) is shared test support.
      to: { path: '^libs/', pathNot: ['^libs/$1/', PUBLIC_FACE, '^libs/event-store/test/contract\\.ts$'] },
    },
    {
      name: 'app-imports-lib-public-face-only',
      comment: 'An app imports a library by its name (@registry/<lib>), which is its index: never an inner file.',
      severity: INNER_FILE_IMPORTS,
      from: { path: '^apps/' },
      to: { path: '^libs/', pathNot: PUBLIC_FACE },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make start-up order and refactoring fragile.',
      severity: 'warn',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
