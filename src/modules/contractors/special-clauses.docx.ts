import type { Paragraph } from 'docx';
import type { SpecialClausesDocument } from './special-clauses.load.ts';

const FONT = { eastAsia: 'ＭＳ 明朝', ascii: 'ＭＳ 明朝', hAnsi: 'ＭＳ 明朝' };

/**
 * 個人情報特記事項 as Word (.docx, the `docx` package): the form a 委託元 attaches to the contract and
 * edits further (issue 13). One paragraph per line of the composed articles, headings 「（目的外利用の
 * 禁止）」 and 「第N条」 as the 豊島区 記載例 lays them out.
 */
export async function renderSpecialClausesDocx(doc: SpecialClausesDocument): Promise<Buffer> {
  // Loaded on first use: the server's idle memory does not carry a library most days never need (issue 11, PGlite's idle RSS).
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: 21 });
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, font: FONT, size: 28, bold: true })] }),
  ];
  // The version of 自社のひな型 it was made from, under the title (issue 13: the output names the version).
  if (doc.versionLabel) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `ひな型：${doc.templateName}`, font: FONT, size: 18 })] }));
  for (const article of doc.articles) {
    children.push(new Paragraph({ spacing: { before: 200 }, children: [run(`（${article.title}）`)] }));
    article.lines.forEach((line, i) => {
      const text = i === 0 ? `${article.label}　${line.text}` : line.text;
      children.push(new Paragraph({ indent: { left: line.indent * 420, hanging: line.indent === 0 ? 210 : 0 }, children: [run(text)] }));
    });
  }
  const file = new Document({
    creator: 'Mamori',
    title: `${doc.title}（${doc.contractorName}）`,
    subject: doc.templateName,
    sections: [{ children }],
  });
  return Packer.toBuffer(file);
}
