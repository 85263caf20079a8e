import type { Paragraph, Table } from 'docx';
import { DRAFT_NOTICE, letterDates, printedTitle } from './reply-letter.pdf.ts';
import type { ReplyLetter } from './reply-letter.ts';

const FONT = { eastAsia: 'ＭＳ 明朝', ascii: 'ＭＳ 明朝', hAnsi: 'ＭＳ 明朝' };

/**
 * 回答書 / 決定通知書 as Word (.docx, the `docx` package as the 特記事項 uses it): the office edits the
 * letterhead and sends it. The same content as the PDF; 「（案）」 in the title before approval.
 */
export async function renderReplyLetterDocx(letter: ReplyLetter): Promise<Buffer> {
  // Loaded on first use (as special-clauses.docx.ts): most days never need the library.
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const d = (text: string) => letterDates(letter, text);
  const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: 21 });
  const para = (text: string, options: { right?: boolean; bold?: boolean } = {}) =>
    new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { after: 120 }, children: [run(text, options.bold)] });
  const cell = (text: string, widthPct: number) => new TableCell({ width: { size: widthPct, type: WidthType.PERCENTAGE }, children: [para(text)] });
  const table = (rows: string[][], widths: number[]) =>
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((cells) => new TableRow({ children: cells.map((c, i) => cell(c, widths[i] ?? 20)) })) });
  const children: (Paragraph | Table)[] = [];
  if (letter.draft) children.push(para(DRAFT_NOTICE, { bold: true }));
  children.push(para(d(letter.letterDate), { right: true }));
  if (letter.addressee.address) children.push(para(letter.addressee.address));
  children.push(para(`${letter.addressee.name} 様`));
  if (letter.addressee.note) children.push(para(`（${letter.addressee.note}）`));
  children.push(para(letter.sender.organizationName, { right: true }), para(`個人情報保護管理者 ${letter.sender.pmsManagerName ?? ''}`, { right: true }));
  children.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [new TextRun({ text: printedTitle(letter), font: FONT, size: 28, bold: true })],
    }),
  );
  children.push(para(d(letter.opening)), para('記', { bold: true }));
  children.push(
    table(
      letter.lines.map(([k, v]) => [k, d(v)]),
      [30, 70],
    ),
  );
  if (letter.grounds.length > 0) {
    children.push(para(`決定の理由（${letter.reasonBasis ?? ''}）`, { bold: true }));
    children.push(table([['根拠条項', '理由'], ...letter.grounds.map((g) => [g.clause, g.label])], [30, 70]));
  }
  if (letter.note) children.push(para(letter.noteHeading, { bold: true }), para(letter.note));
  for (const record of letter.overseasRecords) {
    children.push(para('外国にある第三者への提供に係る情報', { bold: true }), para(d(record.heading)));
    children.push(table(record.items, [40, 60]));
  }
  if (letter.provisionRecords.length > 0) {
    children.push(para('開示する第三者提供記録・確認記録', { bold: true }));
    children.push(
      table(
        [
          ['記録の種類', '作成日', '提供・受領の年月日', '相手方', '個人データの項目'],
          ...letter.provisionRecords.map((r) => [r.kindLabel, d(r.recordedOn), r.providedOn ? d(r.providedOn) : '', r.counterpartyName ?? '', r.dataItems ?? '']),
        ],
        [30, 17, 17, 18, 18],
      ),
    );
  }
  children.push(para('教示', { bold: true }), ...letter.instruction.map((line) => para(line)));
  const file = new Document({ creator: letter.organizationName, title: printedTitle(letter), sections: [{ children }] });
  return Packer.toBuffer(file);
}
