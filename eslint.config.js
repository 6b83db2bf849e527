// ESLint 9 flat config: typescript-eslint's recommended rules (untyped: fast on a small machine),
// Prettier owns the layout (eslint-config-prettier switches layout rules off). The module
// boundaries are checked by dependency-cruiser (.dependency-cruiser.cjs, see docs/architecture.md);
// the rule below only forbids the relative `../libs/` path an app must no longer use.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Apps reach a library only by its name (`@registry/domain`, ...), never by a relative path (docs/architecture.md, "Boundaries"). */
const APP_RELATIVE_LIB_IMPORTS = 'error';

export default tseslint.config(
  // The desk's API types are generated (npm run desk:api) from docs/openapi.json.
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', '.test-data/', 'apps/desk/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      // `_`-prefixed names are deliberate discards (`const { knownAt: _ignored, ...rest } = ...`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Short files and functions (the developer guide): enforced everywhere (specs: files only, below).
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  {
    // The desk runs in the browser; its build scripts in Node.
    files: ['apps/desk/**/*.{ts,tsx,mjs}'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        sessionStorage: 'readonly',
        navigator: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'libs/*/test/**/*.ts'],
    rules: {
      // A describe() block is one function: its length says nothing about a spec's clarity.
      'max-lines-per-function': 'off',
      // Response bodies and deliberately malformed inputs are read as `any` in specs.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        APP_RELATIVE_LIB_IMPORTS,
        {
          patterns: [
            { regex: '^(\\.\\./)+libs/', message: 'Import a library by its name (@registry/domain, ...), not by a relative path.' },
          ],
        },
      ],
    },
  },
);
