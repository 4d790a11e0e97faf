import { defineConfig } from 'vite';

// The portal is served by the main job at `/`; in development, Vite proxies the API to a running `fournaise serve`.
export default defineConfig({
  root: 'web',
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
