import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

/**
 * The SPA build. Root is `web/`; the output goes to `web/dist`, which the Fastify server serves
 * (answering unknown GETs with index.html). Shared code (zod schemas, role labels, rule
 * engines) is imported from `../src` with relative paths, so the server and the browser
 * validate with the very same schemas.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    // antd is one large vendor chunk by nature; screens are split per route (React.lazy).
    chunkSizeWarningLimit: 1500,
    // The CSP forbids inline scripts; Vite emits only external module scripts.
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
