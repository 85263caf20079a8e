import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { unzipSync, Zip, ZipDeflate } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TYPE } from '../../src/platform/exports/download.ts';
import { prepareSheet, writeXlsx } from '../../src/platform/exports/xlsx.ts';
import { buildTestApp, type Client, type KnownUrl, type TestApp } from '../support/app.ts';
import { testDbKind } from '../support/testDb.ts';

/**
 * Issue 11 #3, the attack itself: crafted `.xlsx` uploads. A 1.5 MB file whose sheet unpacks to
 * 396 MB blocked the event loop for 24 s; a 413 kB file with one 400 MiB cell came back as a
 * 419 MB JSON body and took the server to 4.2 GB. The files are built here with a zip library
 * (fflate), streaming, so the test itself never holds the unpacked hundreds of MB.
 */

const MiB = 1024 * 1024;
const SHEET = 'xl/worksheets/sheet1.xml';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>従業者番号</t></is></c><c r="B1" t="inlineStr"><is><t>氏名</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The entries of a real workbook (styles, relationships …) with the first sheet's XML left out. */
let skeleton: Record<string, Uint8Array>;

/** Zips `skeleton` plus a first sheet streamed from `chunks`, at the best compression. */
function craftXlsx(chunks: Iterable<string>): Buffer {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  for (const [name, data] of Object.entries(skeleton)) {
    if (name === SHEET) continue;
    const file = new ZipDeflate(name, { level: 9 });
    zip.add(file);
    file.push(data, true);
  }
  const sheet = new ZipDeflate(SHEET, { level: 9 });
  zip.add(sheet);
  const encoder = new TextEncoder();
  for (const chunk of chunks) sheet.push(encoder.encode(chunk));
  sheet.push(new Uint8Array(0), true);
  zip.end();
  return Buffer.concat(out);
}

/** Rows of one text cell, `count` of them from row 2, each cell `text`. */
function* rows(count: number, text: (n: number) => string): Generator<string> {
  yield SHEET_HEAD;
  for (let n = 2; n < count + 2; n++) yield `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${text(n)}</t></is></c></row>`;
  yield SHEET_TAIL;
}

/** The same row `count` times, without row numbers (which a reader counts on): compresses about 1000:1. */
function* sameRows(count: number, text: string): Generator<string> {
  yield SHEET_HEAD;
  const row = `<row><c t="inlineStr"><is><t>${text}</t></is></c></row>`;
  const batch = row.repeat(1000);
  for (let n = 0; n < count; n += 1000) yield batch;
  yield SHEET_TAIL;
}

/** One cell of `size` characters, written in 1 MiB pieces. */
function* oneCell(size: number): Generator<string> {
  yield `${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>E001</t></is></c><c r="B2" t="inlineStr"><is><t>`;
  const piece = 'A'.repeat(MiB);
  for (let left = size; left > 0; left -= MiB) yield left >= MiB ? piece : piece.slice(0, left);
  yield `</t></is></c></row>${SHEET_TAIL}`;
}

/**
 * The same archive with the first sheet's uncompressed size in the central directory replaced by
 * `declared`: an archive that lies about what it unpacks to.
 */
function lieAboutSheetSize(zip: Buffer, declared: number): Buffer {
  const patched = Buffer.from(zip);
  for (let at = patched.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); at >= 0; at--) {
    if (patched.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString('utf8', at + 46, at + 46 + nameLength) === SHEET) {
      patched.writeUInt32LE(declared, at + 24);
      return patched;
    }
  }
  throw new Error('sheet entry not found in the central directory');
}

function multipart(filename: string, content: Buffer) {
  const boundary = `----mamori${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`);
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let t: TestApp;
let pms: Client;

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  skeleton = unzipSync(await writeXlsx(prepareSheet({ name: '従業者一覧', columns: [{ header: '氏名', value: (r: string) => r }], rows: ['佐藤'] })));
});
afterAll(() => t.close());

/**
 * Uploads `file` to `url` while /healthz is asked every 20 ms; returns the answer, how long it
 * took, the slowest /healthz answer meanwhile (a stall as a client sees it), the event loop's
 * longest stall (`loopStall`, ms: its delay histogram's maximum — every stall, also those that
 * began while the watcher slept between two /healthz, which the slowest /healthz cannot see), and
 * how busy the event loop was (its utilization, 0–1: the main thread's share of the time spent
 * running code rather than waiting — what other requests had to share).
 */
async function uploadWatchingHealth<U extends string>(url: KnownUrl<'POST', U>, file: Buffer) {
  const form = multipart('crafted.xlsx', file);
  const started = performance.now();
  const loopBefore = performance.eventLoopUtilization();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let done = false;
  let slowestHealth = 0;
  const watch = (async () => {
    while (!done) {
      const asked = performance.now();
      const res = await (t.app as unknown as FastifyInstance).inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      slowestHealth = Math.max(slowestHealth, performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const res = await pms.request('POST', url, form.body, form.headers);
  const ms = performance.now() - started;
  const loopBusy = performance.eventLoopUtilization(loopBefore).utilization;
  delay.disable();
  done = true;
  await watch;
  return { res, ms, slowestHealth, loopBusy, loopStall: delay.max / 1e6, bodyBytes: res.raw.length };
}

describe('#3 細工した xlsx の取込', () => {
  it('展開すると数百 MB になるファイル（zip bomb）は展開せずに 400、その間も /healthz が答える', async () => {
    const bomb = craftXlsx(sameRows(1_500_000, 'A'.repeat(200)));
    expect(bomb.length).toBeLessThan(2 * MiB);
    for (const url of ['/api/imports/people?dryRun=1', '/api/imports/inventory/inspect'] as const) {
      const r = await uploadWatchingHealth(url, bomb);
      console.log(
        `#3 zip bomb ${(bomb.length / MiB).toFixed(2)} MB → ${url}: ${r.res.status} in ${r.ms.toFixed(0)} ms, event loop busy ${(r.loopBusy * 100).toFixed(0)} %, slowest /healthz ${r.slowestHealth.toFixed(0)} ms`,
      );
      expect(r.res.status, url).toBe(400);
      expect(r.res.body.error.message).toMatch(/展開/);
      // Refused from the central directory alone: milliseconds (the whole parse took 8 s and 2 GB before).
      expect(r.ms, url).toBeLessThan(1_000);
      expect(r.slowestHealth, url).toBeLessThan(500);
    }
  }, 180_000);

  it('中央ディレクトリが展開後の大きさを偽るファイルも、実際に展開した量で止めて 400', async () => {
    const liar = lieAboutSheetSize(craftXlsx(sameRows(1_500_000, 'A'.repeat(200))), 4096);
    const r = await uploadWatchingHealth('/api/imports/people?dryRun=1', liar);
    console.log(
      `#3 lying archive ${(liar.length / MiB).toFixed(2)} MB: ${r.res.status} in ${r.ms.toFixed(0)} ms, event loop busy ${(r.loopBusy * 100).toFixed(0)} %, slowest /healthz ${r.slowestHealth.toFixed(0)} ms`,
    );
    expect(r.res.status).toBe(400);
    expect(r.res.body.error.message).toMatch(/申告された大きさを超えて/);
    expect(r.ms).toBeLessThan(5_000);
    expect(r.slowestHealth).toBeLessThan(500);
  }, 180_000);

  it('400 MiB のセル1つ（issue の再現）は 400 で、応答は小さい', async () => {
    const file = craftXlsx(oneCell(400 * MiB));
    const r = await uploadWatchingHealth('/api/imports/people?dryRun=1', file);
    console.log(
      `#3 one 400 MiB cell ${(file.length / 1024).toFixed(0)} kB: ${r.res.status} in ${r.ms.toFixed(0)} ms, body ${r.bodyBytes} bytes, event loop busy ${(r.loopBusy * 100).toFixed(0)} %, slowest /healthz ${r.slowestHealth.toFixed(0)} ms`,
    );
    expect(r.res.status).toBe(400);
    expect(r.bodyBytes).toBeLessThan(2_000);
    expect(r.slowestHealth).toBeLessThan(500);
  }, 180_000);

  it('大きさの上限内でも、Excel の上限（32,767文字）を超えるセルは位置を示して 400（中身は返さない）', async () => {
    const file = craftXlsx(oneCell(2 * MiB));
    for (const url of ['/api/imports/people?dryRun=1', '/api/imports/inventory/inspect'] as const) {
      const r = await uploadWatchingHealth(url, file);
      console.log(`#3 one 2 MiB cell → ${url}: ${r.res.status}, body ${r.bodyBytes} bytes`);
      expect(r.res.status, url).toBe(400);
      expect(r.bodyBytes, url).toBeLessThan(2_000);
      expect(r.res.body.error.message, url).toMatch(/2行目.*B列/);
      expect(r.res.raw.toString(), url).not.toContain('AAAAAAAAAA');
    }
  }, 120_000);

  it('上限内の大きなファイル（展開後 40 MB）の読込みも、イベントループを占有しない（worker で解析）', async () => {
    // 9,000 rows of a 1,500-character cell: within every limit (the imports take 10,000 rows on the
    // embedded database since issue #12), so it is fully parsed and checked; the report quotes the
    // cells only bounded (never the 13 MB of text back).
    const file = craftXlsx(rows(9_000, (n) => `${n}`.padEnd(1_500, 'あ')));
    const r = await uploadWatchingHealth('/api/imports/people?dryRun=1', file);
    console.log(
      `#3 9,000 rows × 1,500 chars ${(file.length / MiB).toFixed(2)} MB: ${r.res.status} in ${r.ms.toFixed(0)} ms, event loop busy ${(r.loopBusy * 100).toFixed(0)} %, longest event loop stall ${r.loopStall.toFixed(0)} ms, slowest /healthz ${r.slowestHealth.toFixed(0)} ms`,
    );
    expect(r.res.status, JSON.stringify(r.res.body).slice(0, 300)).toBe(200);
    expect(r.res.body.total).toBe(9_000);
    // Each row is named with its cells quoted bounded: ~0.2 kB a row, not the 1,500 characters of
    // each cell (15 MB for this file before the bound).
    expect(JSON.stringify(r.res.body).length).toBeLessThan(9_000 * 400);
    expect(r.loopBusy).toBeLessThan(0.6);
    // The check of the 9,000 rows lets the event loop turn every 20 ms (issue #12 Scale; it held it
    // for the whole check before — seconds, which the slowest /healthz saw only when one was in
    // flight as the check began: 756 ms once on PostgreSQL).
    expect(r.loopStall).toBeLessThan(500);
    // On PostgreSQL /healthz has a connection of its own and answers during the check. The embedded
    // database has one connection: a request that queries it waits for the import's transaction
    // to end (docs/import.md §7, §11), so there only the event loop's stall is bounded.
    if (testDbKind() === 'postgres') expect(r.slowestHealth).toBeLessThan(500);
  }, 120_000);

  it('行数の多いファイル（20万行）は worker の中で行数の上限で止めて 400', async () => {
    const file = craftXlsx(rows(200_000, (n) => `E${n}`));
    const r = await uploadWatchingHealth('/api/imports/inventory/inspect', file);
    console.log(
      `#3 200,000 rows ${(file.length / MiB).toFixed(2)} MB: ${r.res.status} in ${r.ms.toFixed(0)} ms, event loop busy ${(r.loopBusy * 100).toFixed(0)} %, slowest /healthz ${r.slowestHealth.toFixed(0)} ms`,
    );
    expect(r.res.status).toBe(400);
    expect(r.res.body.error.message).toMatch(/行数が多すぎる/);
    expect(r.loopBusy).toBeLessThan(0.6);
    expect(r.slowestHealth).toBeLessThan(500);
  }, 120_000);
});
