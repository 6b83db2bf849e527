import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Built into dist/desk, which the registry serves at `/` (apps/registry/src/http/desk.ts). */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  // The domain's public face, shared with the service: the same zod schemas validate in the browser.
  resolve: { alias: { '@registry/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/desk', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'desk-assets',
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      // React Query marks its modules "use client" (for server components); meaningless in a SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  // `npm run desk:dev`: the page with hot reload, the API of a registry running on :3000.
  server: {
    proxy: Object.fromEntries(
      [
        '/deliberations',
        '/authorisation-checks',
        '/deliveries',
        '/destruction-schedule',
        '/reminders',
        '/audit',
        '/events',
        '/session',
        '/desk-config.json',
        '/docs',
        '/health',
        '/ready',
      ].map((p) => [p, 'http://localhost:3000']),
    ),
  },
});
