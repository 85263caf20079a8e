import { PdfReport } from '../../platform/exports/pdf.ts';
import type { SpecialClausesDocument } from './special-clauses.load.ts';

/** 個人情報特記事項 as PDF (issue 13), with the organization's name and 日付の表記 in the header. */
export async function renderSpecialClausesPdf(doc: SpecialClausesDocument, now: Date): Promise<Buffer> {
  const pdf = new PdfReport({
    title: doc.title,
    organizationName: doc.organizationName,
    printedAt: now,
    dateStyle: doc.dateStyle,
    subject: `${doc.title}（${doc.contractorName}）`,
  });
  if (doc.versionLabel) pdf.paragraph(`ひな型：${doc.templateName}`);
  for (const article of doc.articles) {
    pdf.heading(`（${article.title}）`);
    article.lines.forEach((line, i) => {
      const indent = '　'.repeat(line.indent);
      pdf.paragraph(i === 0 ? `${article.label}　${line.text}` : `${indent}${line.text}`);
    });
  }
  return pdf.toBuffer();
}
