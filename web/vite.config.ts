import { defineConfig } from 'vite';

// The portal is served by the main job at `/`; in development, Vite proxies the API to a running `fournaise serve`.
// Two entries: the search app (index.html) and the map script of the server-rendered landing pages, found by the
// server through the manifest.
export default defineConfig({
  root: 'web',
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        main: 'web/index.html',
        viewer: 'web/viewer.html',
        stations: 'web/stations.html',
        station: 'web/station.html',
        chart: 'web/chart.html',
        landing: 'web/src/landing/landing-map.ts',
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/collections': 'http://localhost:8080' } },
});
