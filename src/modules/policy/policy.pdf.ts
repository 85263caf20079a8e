import { PdfReport } from '../../platform/exports/pdf.ts';
import type { PdfHeader } from '../../platform/exports/pdfHeader.ts';
import { policyItems } from '../../rules/data/requiredItems.ts';
import { policyKindLabels } from '../../rules/policy/policyChecker.ts';
import { policyStatusLabels } from './policy.labels.ts';
import type { policyVersions } from './policy.tables.ts';

// 個人情報保護方針の版 as a PDF (J.2.2 3 文書化した情報を周知する): the text with the J.2.2 2 f) トップマネジメントの
// 氏名, g) 制定年月日及び最終改正年月日, h) 問合せ先 and the 版, in the organization's 日付の表記.

type VersionRow = typeof policyVersions.$inferSelect;

const contactKeywords = policyItems.find((i) => i.code === 'J.2.2-2-h')?.keywords ?? [];

/** J.2.2 2 h) 問合せ先: the lines of the text that name it (the policy has no separate field). */
export function contactLinesOf(body: string): string[] {
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && contactKeywords.some((k) => line.includes(k)));
}

export async function renderPolicyPdf(v: VersionRow, header: PdfHeader, printedAt: Date): Promise<Buffer> {
  const title = policyKindLabels[v.kind];
  const pdf = new PdfReport({ title, ...header, printedAt, subject: `${title} 第${v.versionNo}版` });
  const contact = contactLinesOf(v.body);
  pdf.keyValues([
    ['版', `第${v.versionNo}版（${policyStatusLabels[v.status]}）`],
    ['制定年月日', v.establishedOn ? pdf.date(v.establishedOn) : '（未記入）'],
    ['最終改正年月日', v.lastRevisedOn ? pdf.date(v.lastRevisedOn) : '（改正なし）'],
    ['トップマネジメントの氏名', v.topManagementName ?? '（未記入）'],
    ['問合せ先', contact.length > 0 ? contact.join('\n') : '（本文に記載）'],
  ]);
  pdf.heading('本文');
  for (const paragraph of v.body.split('\n')) if (paragraph.trim()) pdf.paragraph(paragraph);
  pdf.paragraph(
    [
      `制定 ${v.establishedOn ? pdf.date(v.establishedOn) : ''}`,
      v.lastRevisedOn ? `最終改正 ${pdf.date(v.lastRevisedOn)}` : null,
      header.organizationName,
      v.topManagementName ?? '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return pdf.toBuffer();
}
