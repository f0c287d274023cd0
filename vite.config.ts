import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web dashboard (src/web) → dist/web, served by `coalition serve` at `/`. React's automatic JSX runtime
// comes from Vite's own transform (oxc), so no React plugin is needed for a production build.
const root = fileURLToPath(new URL('./src/web', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
