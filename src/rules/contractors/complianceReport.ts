import { type ComplianceReportItem, complianceReportItems, type YesNo } from '../data/contractorComplianceReport.ts';
import type { RuleAudience } from '../data/seedSources.ts';

// 特記事項遵守報告書の検査 (豊島区 資料B③; 特記事項 第11条 遵守状況の報告). Pure: which items the
// 委託先 must answer ((7)(8) only when (6) 再委託を行っている is はい), the details the form asks for
// each answer, and the answers that depart from what a compliant 委託先 answers — the findings the
// 委託元 follows up. Given the contract's terms from the 委託元's register, also the answers that
// contradict them (J.9.4 3 c) 再委託に関する事項, e) 契約内容が遵守されていることを委託者が確認できる事項).

export type ReportAnswer = { number: number; answer: YesNo; details: string | null };

export type ReportProblem = { number: number; message: string };

/**
 * An answer the 委託元 follows up. `expected` is the compliant answer (null where the answer itself is
 * not wrong but contradicts the register); `reason` says which contract term it contradicts.
 */
export type ReportDeviation = { number: number; group: string; text: string; expected: YesNo | null; answer: YesNo; details: string | null; reason: string | null };

/** What the 委託元's register says of this contract, compared with the answers. */
export type ContractTerms = {
  /** 特記事項の再委託の条項: 再委託の禁止, or 再委託の制限 (業務の着手前に書面で申請し承認を得る). */
  subcontracting: 'prohibit' | 'restrict';
  /** 承認済みの再委託 under this contractor in the 委託元's register. */
  approvedSubcontracts: number;
};

export type ReportContext = {
  /**
   * Whose form it is: a public body reads the seed as printed (「事前に区へ文書で協議」); a company's
   * 委託先 reads 「委託元」 instead (the 委託元 is not a 区).
   */
  audience?: RuleAudience;
  contract?: ContractTerms | null;
};

const label = (a: YesNo) => (a === 'yes' ? 'はい' : 'いいえ');

/**
 * The item as the 委託先 of this 委託元 reads it. 豊島区 資料B③ (7) 「事前に区へ文書で協議し承諾を得ている」
 * is for a 区's contractor; a company's 委託先 consults its 委託元.
 */
export function complianceItemText(item: Pick<ComplianceReportItem, 'text'>, audience: RuleAudience = 'public_body'): string {
  return audience === 'public_body' ? item.text : item.text.replace('区へ', '委託元へ');
}

/**
 * What the form asks to write for an answer (豊島区 資料B③ 〔…具体的内容を記入〕), as an instruction
 * — the printed note is the placeholder, not the error.
 */
const detailsAsked: Readonly<Record<number, Partial<Record<YesNo, string>>>> = {
  1: { yes: '発生している事案の具体的な内容を書いてください' },
  4: { yes: '具体的な対策と日付を書いてください' },
  8: { yes: '監督を行った日付と具体的な内容を書いてください', no: '今後の予定を書いてください' },
  9: { no: '遵守していない具体的な内容を書いてください' },
};

/** The message for an answer whose details are missing, e.g. 「(4) が「はい」のときは、具体的な対策と日付を書いてください」. */
export function detailsMissingMessage(number: number, answer: YesNo): string {
  return `(${number}) が「${label(answer)}」のときは、${detailsAsked[number]?.[answer] ?? '具体的な内容を書いてください'}`;
}

/** The items that apply to this report: all but (7)(8) when (6) is not はい. */
export function applicableItems(answers: readonly ReportAnswer[]): ComplianceReportItem[] {
  const subcontracting = answers.find((a) => a.number === 6)?.answer === 'yes';
  return complianceReportItems.filter((i) => !i.whenSubcontracting || subcontracting);
}

const PROHIBIT_CLAUSE = '「再委託の禁止」（乙は、受託業務の処理を第三者に再委託してはならない。）';

/**
 * Answers that contradict the contract's terms:
 * - (6) 再委託を行っている はい while the 特記事項 is 再委託の禁止 (豊島区 資料B 第6条 / 資料A 第7条;
 *   民間事業者向け 特記事項 J.9.4 3 c) 「乙は、受託業務の処理を第三者に再委託してはならない。」);
 * - (7) 事前に承諾を得ている はい while the 委託元's register has no approved 再委託 under this
 *   contractor (資料B 第6条第2項 「業務の着手前に、書面により…申請し、その承認を得なければならない」).
 */
function contractFindings(answers: readonly ReportAnswer[], items: readonly ComplianceReportItem[], audience: RuleAudience, contract: ContractTerms): ReportDeviation[] {
  const found: ReportDeviation[] = [];
  const at = (number: number) => {
    const item = items.find((i) => i.number === number);
    const a = answers.find((x) => x.number === number);
    return item && a ? { item, a } : null;
  };
  const deviation = ({ item, a }: { item: ComplianceReportItem; a: ReportAnswer }, expected: YesNo | null, reason: string): ReportDeviation => ({
    number: item.number,
    group: item.group,
    text: complianceItemText(item, audience),
    expected,
    answer: a.answer,
    details: a.details,
    reason,
  });
  const six = at(6);
  if (six?.a.answer === 'yes' && contract.subcontracting === 'prohibit')
    found.push(deviation(six, 'no', `特記事項の再委託の条項が${PROHIBIT_CLAUSE}なのに、再委託を行っていると回答しています`));
  const seven = at(7);
  if (seven?.a.answer === 'yes' && contract.approvedSubcontracts === 0)
    found.push(
      deviation(
        seven,
        null,
        contract.subcontracting === 'prohibit'
          ? `承諾を得ていると回答していますが、特記事項は${PROHIBIT_CLAUSE}で、委託元の台帳に承認済みの再委託はありません`
          : '承諾を得ていると回答していますが、委託元の台帳に承認済みの再委託がありません（再委託は業務の着手前に書面で申請し、承認を得ます）',
      ),
    );
  return found;
}

/**
 * Errors that stop the report from being submitted, each naming its item (1)〜(9), and the findings:
 * answers departing from a compliant 委託先's, and (given `contract`) answers contradicting the contract.
 */
export function checkComplianceReport(answers: readonly ReportAnswer[], context: ReportContext = {}): { problems: ReportProblem[]; deviations: ReportDeviation[] } {
  const audience = context.audience ?? 'public_body';
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
      problems.push({ number: item.number, message: `(${item.number})「${complianceItemText(item, audience)}」に「はい」か「いいえ」で回答してください` });
      continue;
    }
    if (item.detailsWhen.includes(a.answer) && !a.details?.trim()) problems.push({ number: item.number, message: detailsMissingMessage(item.number, a.answer) });
    if (item.expected && a.answer !== item.expected)
      deviations.push({
        number: item.number,
        group: item.group,
        text: complianceItemText(item, audience),
        expected: item.expected,
        answer: a.answer,
        details: a.details,
        reason: null,
      });
  }
  if (context.contract) deviations.push(...contractFindings(answers, items, audience, context.contract));
  deviations.sort((x, y) => x.number - y.number);
  return { problems, deviations };
}
