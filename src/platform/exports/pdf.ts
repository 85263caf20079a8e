import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type PDFDocument from 'pdfkit';
import type { DateStyle } from '../org/org.schema.ts';

// Formal records (様式) leave Mamori as PDF with correct Japanese text (SPEC §3 Exports,
// ARCHITECTURE: "must render Japanese correctly without system fonts"). The font ships in the
// npm package @embedpdf/fonts-jp (Noto Sans JP, SIL OFL); pdfkit embeds only the glyphs a
// document uses (a subset), so a one-page form stays small.

const FONT_PACKAGE = '@embedpdf/fonts-jp';

let fontDir: string | null = null;

/**
 * The `fonts/` directory of @embedpdf/fonts-jp. Its `exports` map hides `package.json`, so we
 * resolve the main entry (`dist/index.cjs`) and walk up to the directory whose package.json
 * names the package — robust to hoisting, nested node_modules and symlinked installs.
 */
export function japaneseFontDir(): string {
  if (fontDir) return fontDir;
  const entry = createRequire(import.meta.url).resolve(FONT_PACKAGE);
  let dir = path.dirname(entry);
  for (let i = 0; i < 6; i++) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === FONT_PACKAGE) {
        fontDir = path.join(dir, 'fonts');
        return fontDir;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`${FONT_PACKAGE} のフォントが見つかりません (npm install を実行してください)`);
}

/** pdfkit, loaded on first use (CommonJS, so synchronously): ~13 MB resident an idle server need not hold (issue 11). */
let pdfKit: typeof PDFDocument | undefined;
function pdfkit(): typeof PDFDocument {
  pdfKit ??= createRequire(import.meta.url)('pdfkit') as typeof PDFDocument;
  return pdfKit;
}

const fontCache = new Map<string, Buffer>();

/** The bytes of a Noto Sans JP weight, read once per process (4.5 MB each). */
function fontBytes(weight: 'Regular' | 'Bold'): Buffer {
  let bytes = fontCache.get(weight);
  if (!bytes) {
    bytes = readFileSync(path.join(japaneseFontDir(), `NotoSansJP-${weight}.otf`));
    fontCache.set(weight, bytes);
  }
  return bytes;
}

const warekiDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' });
const seirekiDate = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' });
const clockTime = new Intl.DateTimeFormat('ja-JP', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Tokyo' });

/**
 * A date as Japanese forms print it, in Japan time, in the organization's 日付の表記 (issue #10:
 * one style per document): 和暦 `令和8年3月5日` (`令和元年5月1日` for an era's first year) or
 * 西暦 `2026年3月5日`; with `withTime`, `… 14:05`. A `YYYY-MM-DD` string is taken as that
 * calendar date. Every date of a PDF goes through this (PdfReport.date).
 */
export function formatPdfDate(value: Date | string, style: DateStyle, options: { withTime?: boolean } = {}): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+09:00`) : new Date(value);
  const day = (style === 'seireki' ? seirekiDate : warekiDate).format(date);
  return options.withTime ? `${day} ${clockTime.format(date)}` : day;
}

/** {@link formatPdfDate} in 和暦. */
export function formatWareki(value: Date | string, options: { withTime?: boolean } = {}): string {
  return formatPdfDate(value, 'wareki', options);
}

/** One approval stamp (承認者・日時, SPEC §1.3): the step label, who approved, and when. */
export type ApprovalStamp = { label: string; name: string | null; at: Date | string | null };

export type PdfTableColumn = {
  header: string;
  /** Relative width; columns share the available width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
};

export type PdfReportOptions = {
  /** Form title printed at the top of the first page (e.g. 個人情報管理台帳). */
  title: string;
  organizationName: string;
  /** The printed date (印刷日). */
  printedAt: Date;
  /** 日付の表記 of the whole document (organization setting, orgSettings.ts): every date uses it. */
  dateStyle: DateStyle;
  layout?: 'portrait' | 'landscape';
  /** PDF metadata subject. */
  subject?: string;
};

const FONT = 'NotoSansJP';
const FONT_BOLD = 'NotoSansJP-Bold';
const BORDER = '#444444';
const HEADER_FILL = '#e8edf5';

/**
 * A Japanese A4 document: title, organization name and printed date (和暦) at the top, page
 * numbers (`1 / 3`) at the foot of every page, and building blocks for forms — headings,
 * paragraphs, label/value grids, tables whose cells wrap and whose header repeats on each
 * page, and an approval stamp box.
 *
 * @example
 * const pdf = new PdfReport({ title: '体制図', organizationName: org.name, printedAt: now, dateStyle: 'wareki', layout: 'landscape' });
 * pdf.table([{ header: '役割', width: 1 }, { header: '氏名', width: 1 }], [['個人情報保護管理者', '佐藤 花子']]);
 * pdf.stampBox([{ label: '個人情報保護管理者', name: '佐藤 花子', at: now }]);
 * const bytes = await pdf.toBuffer();
 */
export class PdfReport {
  readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;

  constructor(readonly options: PdfReportOptions) {
    this.doc = new (pdfkit())({
      size: 'A4',
      layout: options.layout ?? 'portrait',
      margins: { top: 48, bottom: 48, left: 42, right: 42 },
      bufferPages: true,
      info: { Title: options.title, Author: options.organizationName, Subject: options.subject ?? options.title, Creator: 'Mamori' },
      lang: 'ja-JP',
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.registerFont(FONT, fontBytes('Regular'));
    this.doc.registerFont(FONT_BOLD, fontBytes('Bold'));
    this.doc.font(FONT).fontSize(10).fillColor('black');
    this.writeHeader();
  }

  /** Left edge and usable width of the page body. */
  get left(): number {
    return this.doc.page.margins.left;
  }
  get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  /** The lowest y the body may use on this page. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private writeHeader(): void {
    const { doc } = this;
    const top = doc.page.margins.top;
    doc.font(FONT).fontSize(9).fillColor('#333333');
    doc.text(this.options.organizationName, this.left, top - 26, { width: this.contentWidth, align: 'left', lineBreak: false });
    doc.text(`印刷日：${this.date(this.options.printedAt)}`, this.left, top - 26, { width: this.contentWidth, align: 'right', lineBreak: false });
    doc.fillColor('black').font(FONT_BOLD).fontSize(16);
    doc.text(this.options.title, this.left, top, { width: this.contentWidth, align: 'center' });
    doc.moveDown(0.6);
    doc.font(FONT).fontSize(10);
  }

  /** A date of this document, in its one 日付の表記 ({@link formatPdfDate}). */
  date(value: Date | string, options: { withTime?: boolean } = {}): string {
    return formatPdfDate(value, this.options.dateStyle, options);
  }

  /**
   * A text with dates in it (the engine's reasons, written 2026/12/06 as the screens show them, or
   * YYYY-MM-DD), each in this document's 日付の表記.
   */
  datesIn(text: string): string {
    return text.replace(/\b(\d{4})[-/](\d{2})[-/](\d{2})\b/g, (_, y: string, m: string, d: string) => this.date(`${y}-${m}-${d}`));
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.addPage();
  }

  addPage(): void {
    this.doc.addPage();
    this.doc.font(FONT).fontSize(10).fillColor('black');
    this.doc.x = this.left;
    this.doc.y = this.doc.page.margins.top;
  }

  heading(text: string): this {
    this.ensureSpace(40);
    this.doc.moveDown(0.4);
    this.doc.font(FONT_BOLD).fontSize(12).text(text, this.left, this.doc.y, { width: this.contentWidth });
    this.doc.font(FONT).fontSize(10).moveDown(0.3);
    return this;
  }

  paragraph(text: string, options: { fontSize?: number } = {}): this {
    this.doc.font(FONT).fontSize(options.fontSize ?? 10);
    this.ensureSpace(this.doc.currentLineHeight(true) * 2);
    this.doc.text(text, this.left, this.doc.y, { width: this.contentWidth, lineGap: 2 });
    this.doc.moveDown(0.4);
    return this;
  }

  /** A two-column grid of label → value (the top part of most 様式). */
  keyValues(pairs: [string, string | null | undefined][], options: { labelWidth?: number } = {}): this {
    const labelWidth = options.labelWidth ?? 0.25;
    return this.table(
      [
        { header: '', width: labelWidth },
        { header: '', width: 1 - labelWidth },
      ],
      pairs.map(([k, v]) => [k, v ?? '']),
      { headerRow: false, firstColumnShaded: true },
    );
  }

  /**
   * A bordered table. Cells wrap (Japanese text breaks between characters); a row that does
   * not fit moves to the next page, where the header row is repeated.
   */
  table(columns: PdfTableColumn[], rows: (string | number | null | undefined)[][], options: { headerRow?: boolean; fontSize?: number; firstColumnShaded?: boolean } = {}): this {
    const { doc } = this;
    const fontSize = options.fontSize ?? 9;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0) || 1;
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

    const measure = (cells: string[], bold: boolean) => {
      doc.font(bold ? FONT_BOLD : FONT).fontSize(fontSize);
      return Math.max(fontSize + 2 * pad + 2, ...cells.map((text, i) => doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * pad, lineGap: 1 }) + 2 * pad));
    };
    const draw = (cells: string[], height: number, kind: 'header' | 'body') => {
      const y = doc.y;
      cells.forEach((text, i) => {
        const x = xs[i] ?? this.left;
        const w = widths[i] ?? 0;
        const shaded = kind === 'header' || (options.firstColumnShaded && i === 0);
        if (shaded) doc.rect(x, y, w, height).fillColor(HEADER_FILL).fill();
        doc.rect(x, y, w, height).lineWidth(0.6).strokeColor(BORDER).stroke();
        doc
          .fillColor('black')
          .font(kind === 'header' ? FONT_BOLD : FONT)
          .fontSize(fontSize)
          .text(text, x + pad, y + pad, { width: w - 2 * pad, align: kind === 'header' ? 'center' : (columns[i]?.align ?? 'left'), lineGap: 1, height: height - pad });
      });
      doc.x = this.left;
      doc.y = y + height;
    };

    const headerCells = columns.map((c) => c.header);
    const withHeader = options.headerRow !== false;
    const headerHeight = withHeader ? measure(headerCells, true) : 0;
    if (withHeader) {
      this.ensureSpace(headerHeight + fontSize * 2);
      draw(headerCells, headerHeight, 'header');
    }
    for (const row of rows) {
      const cells = columns.map((_, i) => (row[i] === null || row[i] === undefined ? '' : String(row[i])));
      // A row taller than a whole page is drawn clipped rather than looping on page breaks.
      const height = Math.min(measure(cells, false), this.bottom - this.doc.page.margins.top - headerHeight);
      if (doc.y + height > this.bottom) {
        this.addPage();
        if (withHeader) draw(headerCells, headerHeight, 'header');
      }
      draw(cells, height, 'body');
    }
    doc.moveDown(0.5);
    return this;
  }

  /**
   * The approval stamp box (承認欄): one cell per step, right-aligned, each with the step label,
   * the approver's name and the date and time in 和暦. Steps not yet approved stay blank.
   */
  stampBox(stamps: ApprovalStamp[], options: { cellWidth?: number } = {}): this {
    if (stamps.length === 0) return this;
    const { doc } = this;
    const cellWidth = options.cellWidth ?? 92;
    const labelHeight = 26;
    const bodyHeight = 50;
    const height = labelHeight + bodyHeight;
    this.ensureSpace(height + 8);
    const width = Math.min(this.contentWidth, cellWidth * stamps.length);
    const w = width / stamps.length;
    const x0 = this.left + this.contentWidth - width;
    const y = doc.y + 4;
    stamps.forEach((stamp, i) => {
      const x = x0 + i * w;
      doc.rect(x, y, w, labelHeight).fillColor(HEADER_FILL).fill();
      doc.rect(x, y, w, height).lineWidth(0.6).strokeColor(BORDER).stroke();
      doc
        .moveTo(x, y + labelHeight)
        .lineTo(x + w, y + labelHeight)
        .stroke();
      doc
        .fillColor('black')
        .font(FONT)
        .fontSize(7.5)
        .text(stamp.label, x + 2, y + 3, { width: w - 4, align: 'center', height: labelHeight - 4 });
      if (stamp.name) {
        doc
          .font(FONT_BOLD)
          .fontSize(9)
          .fillColor('#b3261e')
          .text(stamp.name, x + 2, y + labelHeight + 6, { width: w - 4, align: 'center', height: 24 });
        if (stamp.at)
          doc
            .font(FONT)
            .fontSize(7)
            .fillColor('black')
            .text(this.date(stamp.at, { withTime: true }), x + 2, y + labelHeight + 32, { width: w - 4, align: 'center', lineBreak: false });
      }
    });
    doc.fillColor('black').font(FONT).fontSize(10);
    doc.x = this.left;
    doc.y = y + height + 8;
    return this;
  }

  /** Sets the body font (for callers that draw directly on `doc`). */
  setFont(options: { bold?: boolean; size?: number } = {}): PDFKit.PDFDocument {
    return this.doc.font(options.bold ? FONT_BOLD : FONT).fontSize(options.size ?? 10);
  }

  /** Writes page numbers on every page and returns the finished PDF. */
  async toBuffer(): Promise<Buffer> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the bottom margin would make pdfkit start a new page; lift it while we write.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor('#555555')
        .text(`${i - range.start + 1} / ${range.count}`, this.left, doc.page.height - bottomMargin + 16, { width: this.contentWidth, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottomMargin;
    }
    doc.end();
    return this.done;
  }
}
