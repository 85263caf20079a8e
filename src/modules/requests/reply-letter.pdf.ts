import { formatPdfDate, PdfReport } from '../../platform/exports/pdf.ts';
import type { ReplyLetter } from './reply-letter.ts';

// 回答書 / 決定通知書 as PDF (the platform's PdfReport: NotoSansJP embedded, A4, the organization's
// 日付の表記). The same content as the .docx (reply-letter.docx.ts).

/** Every `YYYY-MM-DD` of a text in the letter's 日付の表記. */
export function letterDates(letter: Pick<ReplyLetter, 'dateStyle'>, text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatPdfDate(iso, letter.dateStyle));
}

/** The title as printed: 「（案）」 before approval (J.10.4 c)). */
export function printedTitle(letter: ReplyLetter): string {
  return letter.draft ? `（案）${letter.title}` : letter.title;
}

export const DRAFT_NOTICE = 'この文書は案です。個人情報保護管理者の承認前のため、送付できません。';

export async function renderReplyLetterPdf(letter: ReplyLetter, printedAt: Date): Promise<Buffer> {
  const d = (text: string) => letterDates(letter, text);
  const pdf = new PdfReport({ title: printedTitle(letter), organizationName: letter.organizationName, dateStyle: letter.dateStyle, printedAt });
  if (letter.draft) pdf.paragraph(DRAFT_NOTICE, { fontSize: 11 });
  pdf.paragraph(d(letter.letterDate));
  const to = [letter.addressee.address, `${letter.addressee.name} 様`, letter.addressee.note ? `（${letter.addressee.note}）` : null].filter((x): x is string => !!x);
  pdf.paragraph(to.join('\n'), { fontSize: 11 });
  pdf.paragraph(`${letter.sender.organizationName}\n個人情報保護管理者 ${letter.sender.pmsManagerName ?? ''}`);
  pdf.paragraph(d(letter.opening));
  pdf.keyValues(letter.lines.map(([k, v]) => [k, d(v)]));
  if (letter.grounds.length > 0) {
    pdf.heading(`決定の理由（${letter.reasonBasis ?? ''}）`);
    pdf.table(
      [
        { header: '根拠条項', width: 0.3 },
        { header: '理由', width: 0.7 },
      ],
      letter.grounds.map((g) => [g.clause, g.label]),
    );
  }
  if (letter.note) {
    pdf.heading(letter.noteHeading);
    pdf.paragraph(letter.note);
  }
  for (const record of letter.overseasRecords) {
    pdf.heading('外国にある第三者への提供に係る情報');
    pdf.paragraph(d(record.heading));
    // The item names are long: each on its own line above its value (a two-column layout would interleave them).
    for (const [label, value] of record.items) pdf.paragraph(`${label}\n　${value}`);
  }
  if (letter.provisionRecords.length > 0) {
    pdf.heading('開示する第三者提供記録・確認記録');
    pdf.table(
      [
        { header: '記録の種類', width: 0.3 },
        { header: '作成日', width: 0.17 },
        { header: '提供・受領の年月日', width: 0.17 },
        { header: '相手方', width: 0.18 },
        { header: '個人データの項目', width: 0.18 },
      ],
      letter.provisionRecords.map((r) => [r.kindLabel, d(r.recordedOn), r.providedOn ? d(r.providedOn) : '', r.counterpartyName ?? '', r.dataItems ?? '']),
    );
  }
  pdf.heading('教示');
  for (const line of letter.instruction) pdf.paragraph(line);
  return pdf.toBuffer();
}
