import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built by `npm run build` into dist/console, which the platform serves under /console
// (CONSOLE_DIR) and the Docker image carries with the rest of dist.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // The polyfill would be the one script not in a file of its own; every browser the console
    // supports preloads modules natively.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // React Router marks its modules "use client" for server-component bundlers; a browser-only
      // bundle has nothing to keep them apart from, so the notice says nothing here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
