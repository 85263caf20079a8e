import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(webRoot, 'dist');

/** Files worth compressing (text), and the size below which the headers outweigh the gain. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
const MIN_BYTES = 1024;

/**
 * Writes `x.br` (brotli, quality 11) and `x.gz` (gzip -9) beside every text file of the build,
 * once, at build time. The server sends them by the request's Accept-Encoding (@fastify/static
 * `preCompressed`, src/server.ts): no per-request compression, and the smallest bytes (issue 10:
 * the login page was 1.43 MB of uncompressed JavaScript).
 */
export function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'mamori-precompress',
    apply: 'build',
    async writeBundle(output, bundle) {
      const dir = output.dir ?? outDir;
      const targets = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        targets.map(async (name) => {
          const file = path.join(dir, name);
          const body = await readFile(file);
          if (body.length < MIN_BYTES) return;
          const [br, gzipped] = await Promise.all([
            brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
            gz(body, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
        }),
      );
    },
  };
}

/**
 * The SPA build. Root is `web/`; the output goes to `web/dist`, which the Fastify server serves
 * (answering unknown GETs with index.html). Shared code (zod schemas, role labels, rule
 * engines) is imported from `../src` with relative paths, so the server and the browser
 * validate with the very same schemas.
 *
 * Splitting (issue 10, the first screen): every screen and the signed-in layout are React.lazy
 * chunks (router.tsx); the pages before sign-in use no antd (features/auth), so the login page
 * loads React, the router, react-query, zod, react-hook-form and the app's own code — about
 * 190 kB gzip of JavaScript (tests/e2e/firstScreen.e2e.ts holds it ≤ 250 kB). antd is left to
 * the automatic splitting, so each screen loads only the antd components it uses.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // The largest chunks are antd's shared parts of the signed-in screens.
    chunkSizeWarningLimit: 600,
    // The CSP forbids inline scripts; Vite emits only external module scripts.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Rolldown's manualChunks: React and the router, which every screen needs and which change
        // only with a dependency update, are one long-cached chunk of their own.
        codeSplitting: {
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 10 }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
