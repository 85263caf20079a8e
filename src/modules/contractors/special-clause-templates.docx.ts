import type { Paragraph } from 'docx';
import type { z } from 'zod';
import type { templateVersionResponse } from './special-clause-templates.responses.ts';

const FONT = { eastAsia: 'ＭＳ 明朝', ascii: 'ＭＳ 明朝', hAnsi: 'ＭＳ 明朝' };

/**
 * 自社のひな型 as Word (issue 13): the version in use with its 差し込み項目 left as written and every
 * variant of each article (【禁止】【制限（甲の承認による）】…), for review and for the contract file. A
 * contract's own 特記事項 is made from the 委託先's page (special-clauses.docx.ts).
 */
export async function renderTemplateDocx(version: z.output<typeof templateVersionResponse>, organizationName: string): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const run = (text: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text, bold: options.bold, font: FONT, size: options.size ?? 21 });
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(version.title, { bold: true, size: 28 })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`ひな型：自社のひな型（${version.versionLabel}）　${organizationName}`, { size: 18 })] }),
  ];
  for (const article of version.articles) {
    const note = [article.clauses.join('・'), article.onlyWithSpecificPersonalInfo ? '特定個人情報を委託する場合のみ' : ''].filter(Boolean).join('／');
    children.push(new Paragraph({ spacing: { before: 240 }, children: [run(`${article.name}${note ? `　［${note}］` : ''}`, { bold: true })] }));
    for (const variant of article.variants) {
      if (variant.label) children.push(new Paragraph({ spacing: { before: 120 }, children: [run(`【${variant.label}】`, { bold: true })] }));
      children.push(new Paragraph({ children: [run(`（${variant.title}）`)] }));
      variant.paragraphs.forEach((p, i) => {
        p.split('\n').forEach((line, j) => {
          children.push(new Paragraph({ indent: { left: 0, hanging: 210 }, children: [run(j === 0 && variant.paragraphs.length > 1 ? `${i + 1}　${line}` : line)] }));
        });
      });
    }
  }
  return Packer.toBuffer(
    new Document({
      creator: 'Mamori',
      title: `${version.title}（自社のひな型 ${version.versionLabel}）`,
      subject: `自社のひな型 ${version.versionLabel}`,
      sections: [{ children }],
    }),
  );
}
