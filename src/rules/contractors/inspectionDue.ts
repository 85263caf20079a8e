// When a 委託先 needs an on-site inspection (実地検査 / 立入検査). Pure.
//
// 豊島区 個人情報の取扱いを委託する際に守るべき事項 5.: 「委託する業務に係る保有個人情報の秘匿性等その
// 内容やその量等に応じて、作業の管理体制及び実施体制や個人情報の管理の状況について、少なくとも年 1 回
// 以上、原則として実地検査により確認する」; 6.: the same for each 再委託先 (through the contractor or
// by the 委託元 itself). Mamori makes it yearly when the entrusted 台帳 entries hold 要配慮個人情報
// (個人情報保護法 第2条第3項) or 特定個人情報 (番号法 第2条第8項) — the contractor's own flag for
// 特定個人情報 counts as well; otherwise an inspection is 必要に応じて (特記事項 第13条／第14条 立入検査).

export type InspectionDueInput = {
  /** The entrusted 台帳 entries' flags (要配慮個人情報・マイナンバー). */
  entries: readonly { sensitive: boolean; myNumber: boolean }[];
  /** The contractor's 特定個人情報の有無. */
  specificPersonalInfo: boolean;
  /** The last 実地検査 (YYYY-MM-DD), null when never inspected. */
  lastInspectedOn: string | null;
  /** Today (YYYY-MM-DD, Japan). */
  today: string;
};

export type InspectionDue = { required: false; reason: string } | { required: true; reason: string; dueOn: string; overdue: boolean };

/** The same day one year later (2/29 → 2/28 in a common year). */
export function oneYearAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** Whether a yearly 実地検査 is due, and by when (守るべき事項 5.). */
export function inspectionDue(input: InspectionDueInput): InspectionDue {
  const sensitive = input.entries.some((e) => e.sensitive);
  const specific = input.specificPersonalInfo || input.entries.some((e) => e.myNumber);
  if (!sensitive && !specific) {
    return { required: false, reason: '要配慮個人情報・特定個人情報の委託がないため、実地検査は必要に応じて行います（特記事項 立入検査）' };
  }
  const kinds = [sensitive ? '要配慮個人情報' : null, specific ? '特定個人情報' : null].filter(Boolean).join('・');
  const reason = `${kinds}を委託しているため、少なくとも年1回、原則として実地検査により確認します（豊島区 守るべき事項 5.）`;
  const dueOn = input.lastInspectedOn ? oneYearAfter(input.lastInspectedOn) : input.today;
  return { required: true, reason, dueOn, overdue: dueOn < input.today };
}
