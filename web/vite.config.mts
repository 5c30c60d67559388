// The console's build: React through Vite's own JSX transform (oxc, automatic runtime),
// output to web/dist, which the API serves at `/` (api/static.ts).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  // `vite` (dev server) proxies the API so the console can be worked on with hot reload.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
