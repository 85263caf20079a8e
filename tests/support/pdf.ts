import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';

/**
 * PDF checks with poppler-utils (Debian `poppler-utils`; CI installs it). They prove what a
 * person sees: `pdftotext` maps the embedded glyphs back to characters (no tofu, no wrong
 * glyphs) and `pdftoppm` rasterizes the page so a test can count ink.
 */
export const hasPoppler = spawnSync('pdftoppm', ['-v']).error === undefined && spawnSync('pdftotext', ['-v']).error === undefined;

/**
 * Whether PDF tests must be skipped: only when poppler is absent AND the run does not demand
 * every test (MAMORI_REQUIRE_ALL=1 turns a missing poppler into a failure, as in CI).
 */
export const skipPdfChecks = !hasPoppler && !process.env.MAMORI_REQUIRE_ALL;
if (skipPdfChecks) console.warn('pdftoppm/pdftotext (poppler-utils) が見つからないため、PDF の描画検査を省略します。apt-get install poppler-utils で有効になります。');

function withTempPdf<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'mamori-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as `pdftotext` extracts it (UTF-8). */
export function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  return withTempPdf(pdf, (file) => execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** The fonts `pdffonts` lists (name column). */
export function pdfFonts(pdf: Buffer): string[] {
  return withTempPdf(pdf, (file) =>
    execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0] ?? '')
      .filter(Boolean),
  );
}

/** Number of pages (from `pdfinfo`). */
export function pdfPageCount(pdf: Buffer): number {
  return withTempPdf(pdf, (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0));
}

/** Rasterizes page 1 at `dpi` with `pdftoppm -png` and decodes the PNG. */
export function renderFirstPage(pdf: Buffer, dpi = 60): PNG {
  return withTempPdf(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    // pdftoppm pads the page number to the page count's digits (page-1.png, page-01.png …).
    const name = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'));
    if (!name) throw new Error('pdftoppm produced no image');
    return PNG.sync.read(readFileSync(path.join(dir, name)));
  });
}

/** Dark pixels (luminance < 128) in a rectangle of the image, given as fractions of its size. */
export function darkPixels(image: PNG, region: { x0: number; y0: number; x1: number; y1: number } = { x0: 0, y0: 0, x1: 1, y1: 1 }): number {
  let dark = 0;
  const xa = Math.floor(region.x0 * image.width);
  const xb = Math.ceil(region.x1 * image.width);
  const ya = Math.floor(region.y0 * image.height);
  const yb = Math.ceil(region.y1 * image.height);
  for (let y = ya; y < yb; y++) {
    for (let x = xa; x < xb; x++) {
      const i = (y * image.width + x) * 4;
      const lum = 0.299 * (image.data[i] ?? 255) + 0.587 * (image.data[i + 1] ?? 255) + 0.114 * (image.data[i + 2] ?? 255);
      if (lum < 128) dark++;
    }
  }
  return dark;
}
