// When a 委託先 needs an on-site inspection (実地検査 / 立入検査). Pure.
//
// 豊島区 個人情報の取扱いを委託する際に守るべき事項 5.: 「委託する業務に係る保有個人情報の秘匿性等その
// 内容やその量等に応じて、作業の管理体制及び実施体制や個人情報の管理の状況について、少なくとも年 1 回
// 以上、原則として実地検査により確認する」; 6.: the same for each 再委託先 (through the contractor or
// by the 委託元 itself). Mamori makes it yearly when the entrusted 台帳 entries hold 要配慮個人情報
// (個人情報保護法 第2条第3項) or 特定個人情報 (番号法 第2条第8項) — the contractor's own flag for
// 特定個人情報 counts as well — 資料B 第14条 第2段 (規則第43条 各号の事態のおそれ) asks the same.
// Otherwise the organization's own policy decides (e.g. every 2 years); with no policy an inspection is
// 必要に応じて (特記事項 第13条／第14条 第1段「個人情報の保護のため必要があるときは」).

export type InspectionDueInput = {
  /** The entrusted 台帳 entries' flags (要配慮個人情報・マイナンバー). */
  entries: readonly { sensitive: boolean; myNumber: boolean }[];
  /** The contractor's 特定個人情報の有無. */
  specificPersonalInfo: boolean;
  /** The last 実地検査 (YYYY-MM-DD), null when never inspected. */
  lastInspectedOn: string | null;
  /** Today (YYYY-MM-DD, Japan). */
  today: string;
  /**
   * The organization's policy for the other 委託先: an inspection every this many months (e.g. 24),
   * or null / absent for 必要に応じて.
   */
  policyMonths?: number | null;
};

export type InspectionDue = { required: false; reason: string } | { required: true; reason: string; dueOn: string; overdue: boolean };

/** The same day one year later (2/29 → 2/28 in a common year). */
export function oneYearAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** The same day `months` months later (the month's last day when that day does not exist). */
export function monthsAfter(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Whether a 実地検査 is due, and by when: yearly for sensitive data (守るべき事項 5.), else by the organization's policy. */
export function inspectionDue(input: InspectionDueInput): InspectionDue {
  const sensitive = input.entries.some((e) => e.sensitive);
  const specific = input.specificPersonalInfo || input.entries.some((e) => e.myNumber);
  if (!sensitive && !specific) {
    if (input.policyMonths) {
      const dueOn = input.lastInspectedOn ? monthsAfter(input.lastInspectedOn, input.policyMonths) : input.today;
      const reason = `組織の方針により${input.policyMonths % 12 === 0 ? `${input.policyMonths / 12}年` : `${input.policyMonths}か月`}ごとに実地検査を行います（J.9.4 委託先の監督）`;
      return { required: true, reason, dueOn, overdue: dueOn < input.today };
    }
    return { required: false, reason: '要配慮個人情報・特定個人情報の委託がないため、実地検査は必要に応じて行います（特記事項 立入検査）' };
  }
  const kinds = [sensitive ? '要配慮個人情報' : null, specific ? '特定個人情報' : null].filter(Boolean).join('・');
  const reason = `${kinds}を委託しているため、少なくとも年1回、原則として実地検査により確認します（豊島区 守るべき事項 5.）`;
  const dueOn = input.lastInspectedOn ? oneYearAfter(input.lastInspectedOn) : input.today;
  return { required: true, reason, dueOn, overdue: dueOn < input.today };
}
