import { type ComplianceReportItem, complianceReportItems, type YesNo } from '../data/contractorComplianceReport.ts';

// 特記事項遵守報告書の検査 (豊島区 資料B③; 特記事項 第11条 遵守状況の報告). Pure: which items the
// 委託先 must answer ((7)(8) only when (6) 再委託を行っている is はい), the details the form asks for
// each answer, and the answers that depart from what a compliant 委託先 answers — the findings the
// 委託元 follows up.

export type ReportAnswer = { number: number; answer: YesNo; details: string | null };

export type ReportProblem = { number: number; message: string };

export type ReportDeviation = { number: number; group: string; text: string; expected: YesNo; answer: YesNo; details: string | null };

const label = (a: YesNo) => (a === 'yes' ? 'はい' : 'いいえ');

/** The items that apply to this report: all but (7)(8) when (6) is not はい. */
export function applicableItems(answers: readonly ReportAnswer[]): ComplianceReportItem[] {
  const subcontracting = answers.find((a) => a.number === 6)?.answer === 'yes';
  return complianceReportItems.filter((i) => !i.whenSubcontracting || subcontracting);
}

/** Errors that stop the report from being submitted, each naming its item (1)〜(9). */
export function checkComplianceReport(answers: readonly ReportAnswer[]): { problems: ReportProblem[]; deviations: ReportDeviation[] } {
  const problems: ReportProblem[] = [];
  const seen = new Set<number>();
  for (const a of answers) {
    if (seen.has(a.number)) problems.push({ number: a.number, message: `(${a.number}) に回答が2つあります` });
    seen.add(a.number);
  }
  const items = applicableItems(answers);
  for (const a of answers)
    if (!items.some((i) => i.number === a.number)) problems.push({ number: a.number, message: `(${a.number}) は再委託を行っている場合だけ回答します（(6) が「いいえ」です）` });
  const deviations: ReportDeviation[] = [];
  for (const item of items) {
    const a = answers.find((x) => x.number === item.number);
    if (!a) {
      problems.push({ number: item.number, message: `(${item.number})「${item.text}」に「はい」か「いいえ」で回答してください` });
      continue;
    }
    if (item.detailsWhen.includes(a.answer) && !a.details?.trim())
      problems.push({ number: item.number, message: `(${item.number}) ${item.note ?? '具体的内容を記入してください'}（「${label(a.answer)}」の場合）` });
    if (item.expected && a.answer !== item.expected)
      deviations.push({ number: item.number, group: item.group, text: item.text, expected: item.expected, answer: a.answer, details: a.details });
  }
  return { problems, deviations };
}
