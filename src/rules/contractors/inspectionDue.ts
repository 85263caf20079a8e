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
//
// The period runs from the last 実地検査; a 委託先 never inspected has its first one due a period after
// the contract starts (「年 1 回以上」: within the contract's first year) — never on the day it is
// registered nor before the contract starts. An inspection made more than a period before the contract
// started (an earlier contract, the selection) counts the period from the contract's start instead.

export type InspectionDueInput = {
  /** The entrusted 台帳 entries' flags (要配慮個人情報・マイナンバー). */
  entries: readonly { sensitive: boolean; myNumber: boolean }[];
  /** The contractor's 特定個人情報の有無. */
  specificPersonalInfo: boolean;
  /** The contract's start (契約期間の開始, YYYY-MM-DD), null when not recorded. */
  contractStartsOn: string | null;
  /** The day the 委託先 was registered (YYYY-MM-DD, Japan): the start counted when the contract's is not recorded. */
  registeredOn: string;
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

/**
 * The due date a period (`next`) after the last inspection, or after the contract's start when there is
 * none or the last one is more than a period before the start (see the note at the top).
 */
function dueAfter(input: InspectionDueInput, next: (date: string) => string): string {
  const fromLast = input.lastInspectedOn ? next(input.lastInspectedOn) : null;
  if (fromLast && (input.contractStartsOn === null || fromLast >= input.contractStartsOn)) return fromLast;
  return next(input.contractStartsOn ?? input.registeredOn);
}

/** Whether a 実地検査 is due, and by when: yearly for sensitive data (守るべき事項 5.), else by the organization's policy. */
export function inspectionDue(input: InspectionDueInput): InspectionDue {
  const sensitive = input.entries.some((e) => e.sensitive);
  const specific = input.specificPersonalInfo || input.entries.some((e) => e.myNumber);
  if (!sensitive && !specific) {
    if (input.policyMonths) {
      const months = input.policyMonths;
      const dueOn = dueAfter(input, (date) => monthsAfter(date, months));
      const reason = `組織の方針により${input.policyMonths % 12 === 0 ? `${input.policyMonths / 12}年` : `${input.policyMonths}か月`}ごとに実地検査を行います（J.9.4 委託先の監督）`;
      return { required: true, reason, dueOn, overdue: dueOn < input.today };
    }
    return { required: false, reason: '要配慮個人情報・特定個人情報の委託がないため、実地検査は必要に応じて行います（特記事項 立入検査）' };
  }
  const kinds = [sensitive ? '要配慮個人情報' : null, specific ? '特定個人情報' : null].filter(Boolean).join('・');
  const reason = `${kinds}を委託しているため、少なくとも年1回、原則として実地検査により確認します（豊島区 守るべき事項 5.）`;
  const dueOn = dueAfter(input, oneYearAfter);
  return { required: true, reason, dueOn, overdue: dueOn < input.today };
}
