import { describe, expect, it } from 'vitest';
import { darkPixels, pdfFonts, pdfPageCount, pdfText, renderFirstPage, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { formatPdfDate, formatWareki, japaneseFontDir, PdfReport } from './pdf.ts';

const printedAt = new Date('2026-04-01T03:00:00Z'); // 令和8年4月1日 12:00 JST

async function sampleReport(rows = 3): Promise<Buffer> {
  const pdf = new PdfReport({ title: '個人情報管理台帳', organizationName: '株式会社まもりデモ', printedAt, dateStyle: 'wareki' });
  pdf.heading('登録内容');
  pdf.keyValues([
    ['個人情報の名称', '従業者名簿'],
    ['利用目的', '雇用管理、給与計算、社会保険の手続き'],
  ]);
  pdf.table(
    [
      { header: '項目', width: 2 },
      { header: '保管場所', width: 2 },
      { header: '備考', width: 3 },
    ],
    Array.from({ length: rows }, (_, i) => [
      `氏名・住所・電話番号 ${i + 1}`,
      '総務部 施錠キャビネット',
      '退職後5年で裁断処分。アクセス権を有する者は総務部長および人事担当者に限る。'.repeat(i % 3 === 0 ? 2 : 1),
    ]),
  );
  pdf.stampBox([
    { label: '所属長', name: '田中 美咲', at: new Date('2026-03-30T01:15:00Z') },
    { label: '個人情報保護管理者', name: '佐藤 花子', at: new Date('2026-03-31T05:00:00Z') },
    { label: 'トップマネジメント', name: null, at: null },
  ]);
  return pdf.toBuffer();
}

describe('和暦の日付 (formatWareki)', () => {
  it('令和の日付を日本時間で書く', () => {
    expect(formatWareki(new Date('2026-03-04T15:30:00Z'))).toBe('令和8年3月5日');
    expect(formatWareki('2026-03-05')).toBe('令和8年3月5日');
    expect(formatWareki(new Date('2026-03-05T05:07:00Z'), { withTime: true })).toBe('令和8年3月5日 14:07');
  });
  it('改元の年は「元年」、前日は平成', () => {
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
  });
});

describe('日付の表記（組織の設定: 和暦／西暦、1文書に1つの表記）', () => {
  it('西暦は「2026年3月5日」、時刻つきは「2026年3月5日 14:07」（日本時間）', () => {
    expect(formatPdfDate('2026-03-05', 'seireki')).toBe('2026年3月5日');
    expect(formatPdfDate(new Date('2026-03-04T15:30:00Z'), 'seireki')).toBe('2026年3月5日');
    expect(formatPdfDate(new Date('2026-03-05T05:07:00Z'), 'seireki', { withTime: true })).toBe('2026年3月5日 14:07');
    expect(formatPdfDate('2026-03-05', 'wareki')).toBe('令和8年3月5日');
  });
  it('文書の日付（本文中の YYYY-MM-DD を含む）はその文書の表記で書く', () => {
    const printedAt = new Date('2026-03-05T01:00:00Z');
    const seireki = new PdfReport({ title: 'x', organizationName: 'y', printedAt, dateStyle: 'seireki' });
    expect(seireki.date('2026-03-10')).toBe('2026年3月10日');
    expect(seireki.datesIn('目安 2026-03-04〜2026-03-06（知った日 2026-03-02）')).toBe('目安 2026年3月4日〜2026年3月6日（知った日 2026年3月2日）');
    const wareki = new PdfReport({ title: 'x', organizationName: 'y', printedAt, dateStyle: 'wareki' });
    expect(wareki.datesIn('期限 2026-03-31')).toBe('期限 令和8年3月31日');
    // The engines' reasons write dates as the screens show them (2026/03/31): the PDF still prints its own 表記.
    expect(wareki.datesIn('知った日（2026/03/02）から3日目（2026/03/04）')).toBe('知った日（令和8年3月2日）から3日目（令和8年3月4日）');
  });
});

describe('PDF の日本語フォント', () => {
  it('@embedpdf/fonts-jp のフォントディレクトリを解決する', () => {
    expect(japaneseFontDir()).toMatch(/@embedpdf[/\\]fonts-jp[/\\]fonts$/);
  });

  it('NotoSansJP をサブセットで埋め込む（PDF のバイト列にフォント名がある）', async () => {
    const pdf = await sampleReport();
    const bytes = pdf.toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Regular/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Bold/);
    // A subset: far smaller than the 4.5 MB fonts it came from.
    expect(pdf.length).toBeLessThan(400_000);
  });
});

describe.skipIf(skipPdfChecks)('PDF の描画 (poppler-utils で検査)', () => {
  it('pdftotext が日本語をそのまま取り出せる（字形と文字の対応が正しい・豆腐なし）', async () => {
    const text = pdfText(await sampleReport());
    expect(text).toContain('個人情報管理台帳');
    expect(text).toContain('株式会社まもりデモ');
    expect(text).toContain('印刷日：令和8年4月1日');
    expect(text).toContain('総務部 施錠キャビネット');
    expect(text).toContain('個人情報保護管理者');
    expect(text).toContain('佐藤 花子');
    expect(text).toContain('令和8年3月31日 14:00');
    expect(text).toMatch(/^1\s*\/\s*1$/m);
    expect(pdfFonts(await sampleReport()).some((f) => /\+NotoSansJP-Regular$/.test(f))).toBe(true);
  });

  it('pdftoppm で描画したページが白紙でなく、表題の位置に文字がある', async () => {
    const image = renderFirstPage(await sampleReport(), 60);
    // A4 at 60 dpi is about 496 × 702 px.
    expect(image.width).toBeGreaterThan(480);
    expect(image.height).toBeGreaterThan(690);
    // The title line (16 pt, centered, ~48–70 pt from the top) carries ink …
    const title = darkPixels(image, { x0: 0.3, y0: 0.06, x1: 0.7, y1: 0.1 });
    expect(title).toBeGreaterThan(150);
    // … the corners beyond the margins stay white …
    expect(darkPixels(image, { x0: 0, y0: 0.97, x1: 0.05, y1: 1 })).toBe(0);
    // … and the page as a whole is far from blank but not a black box.
    const total = darkPixels(image);
    expect(total).toBeGreaterThan(3000);
    expect(total).toBeLessThan(image.width * image.height * 0.3);
  });

  it('長い表は次のページに続き、見出し行を繰り返し、ページ番号を振る', async () => {
    const report = new PdfReport({ title: '教育実施記録', organizationName: '株式会社まもりデモ', printedAt, dateStyle: 'wareki' });
    report.table(
      [
        { header: '氏名', width: 1 },
        { header: '受講日', width: 1 },
      ],
      Array.from({ length: 120 }, (_, i) => [`受講者 ${i + 1}`, '令和8年7月1日']),
    );
    const pdf = await report.toBuffer();
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toMatch(new RegExp(`^${pages}\\s*/\\s*${pages}$`, 'm'));
    expect(text.split('受講日').length - 1).toBe(pages);
    expect(text).toContain('受講者 120');
  });
});
