import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config/config.ts';
import type { Database } from '../../src/platform/db/connection.ts';
import type { App } from '../../src/platform/http/types.ts';
import { buildServer } from '../../src/server.ts';
import { precompress } from '../../web/vite.config.ts';
import { createTestDatabase, dropTestDatabase } from '../support/testDb.ts';

/**
 * Issue 10 「Accessibility and first screen」: the SPA's files were sent uncompressed and the
 * hashed bundle files with `max-age=0`. Over a real socket (the server listens; requests carry
 * the Accept-Encoding a browser sends), against a build made by the real precompress plugin.
 */
const hashedScript = 'assets/app-Ab12Cd34.js';
const script = `export const screens = [${Array.from({ length: 400 }, (_, i) => `{ path: '/screen/${i}', title: '画面 ${i}' }`).join(',\n')}];\n`;
const indexHtml = `<!doctype html>\n<html lang="ja">\n<head><meta charset="utf-8" /><title>Mamori</title><script type="module" src="/${hashedScript}"></script></head>\n<body><div id="root"></div>${'<!-- padding -->\n'.repeat(80)}</body>\n</html>\n`;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function get(url: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** The body as the browser reads it, after its Content-Encoding. */
function decoded(answer: Answer): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
}

describe('画面ファイルの配信: 事前圧縮 (brotli/gzip) とキャッシュ (issue 10)', () => {
  let dist: string;
  let database: Database;
  let app: App;
  let base: string;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'mamori-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, hashedScript), script);
    writeFileSync(path.join(dist, 'index.html'), indexHtml);
    writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // The build step itself (web/vite.config.ts), on the files a build emitted.
    const plugin = precompress();
    const writeBundle = plugin.writeBundle as unknown as (output: { dir: string }, bundle: Record<string, unknown>) => Promise<void>;
    await writeBundle.call({}, { dir: dist }, { [hashedScript]: {}, 'index.html': {}, 'favicon.svg': {} });

    database = await createTestDatabase();
    const config = loadConfig({ encryptionKey: randomBytes(32), databaseUrl: null, dataDir: ':memory:', smtpUrl: null, scheduler: false });
    app = await buildServer({ database, config, mailer: { enabled: false, send: async () => undefined }, now: () => new Date() }, { webDist: dist });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    if (database) await dropTestDatabase(database);
    rmSync(dist, { recursive: true, force: true });
  });

  it('the build writes .br and .gz beside each text file of 1 kB or more, with the same content', () => {
    expect(brotliDecompressSync(readFileSync(path.join(dist, `${hashedScript}.br`))).toString('utf8')).toBe(script);
    expect(gunzipSync(readFileSync(path.join(dist, `${hashedScript}.gz`))).toString('utf8')).toBe(script);
    expect(gunzipSync(readFileSync(path.join(dist, 'index.html.gz'))).toString('utf8')).toBe(indexHtml);
    // Too small to gain from compression.
    expect(() => readFileSync(path.join(dist, 'favicon.svg.br'))).toThrow();
  });

  it('a hashed bundle file: brotli for a browser that accepts it, immutable for a year, Vary: Accept-Encoding', async () => {
    const res = await get(`${base}/${hashedScript}`, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(?:text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body.length).toBeLessThan(script.length / 5);
    expect(decoded(res)).toBe(script);
  });

  it('gzip when the browser accepts only gzip; the plain file when it accepts neither', async () => {
    const gz = await get(`${base}/${hashedScript}`, 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz)).toBe(script);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await get(`${base}/${hashedScript}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('index.html — at / and at every screen path — is revalidated on each use (no-cache), compressed too', async () => {
    for (const url of ['/', '/login', '/risk/assessments/1?tab=x']) {
      const res = await get(`${base}${url}`, 'gzip, deflate, br');
      expect(res.status, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(decoded(res), url).toBe(indexHtml);
    }
  });

  it('an unhashed file beside index.html (favicon.svg) is not cached for a year', async () => {
    const res = await get(`${base}/favicon.svg`, 'gzip, br');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('a missing bundle file stays a 404 (never the HTML shell, never a year in a cache)', async () => {
    const res = await get(`${base}/assets/no-such-chunk.js`, 'gzip, br');
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).not.toContain('immutable');
  });
});
