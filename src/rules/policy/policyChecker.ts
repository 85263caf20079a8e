import { policyItems, requiredItemsVersion } from '../data/requiredItems.ts';
import { checkRequiredItems, missingItemLabel, type RequiredItem, type RequiredItemsResult } from '../requiredItems/requiredItems.ts';

/**
 * 個人情報保護方針の必須記載事項チェッカー (J.2.2 2 a)〜h), issue 14). Pure: the server refuses to
 * submit a version while an item is missing, the web shows the same list live.
 *
 * The seed (003 J.2.2) has one list for 「個人情報保護方針を文書化した情報」, and J.2.2 3 asks that
 * the same documented policy be made known inside the organization (内部向け) and available to
 * the public (外部向け): both kinds need a)〜h). For the 外部向け policy f) トップマネジメントの氏名,
 * g) 制定年月日及び最終改正年月日 and h) 問合せ先 are what a reader outside sees, so f) and g) are
 * fields of the version (printed with the published text) and cannot be ticked without them.
 */

export const policyKinds = ['internal', 'external'] as const;
export type PolicyKind = (typeof policyKinds)[number];

export const policyKindLabels: Readonly<Record<PolicyKind, string>> = Object.freeze({ internal: '内部向け個人情報保護方針', external: '外部向け個人情報保護方針' });

/** A version as the checker sees it. */
export type PolicyCheckInput = {
  kind: PolicyKind;
  /** Codes of the J.2.2 2 items declared present (ticked) by the author. */
  ticked: readonly string[];
  /** 本文. */
  text?: string | null;
  /** J.2.2 2 f) トップマネジメントの氏名. */
  topManagementName?: string | null;
  /** J.2.2 2 g) 制定年月日 (YYYY-MM-DD). */
  establishedOn?: string | null;
  /** J.2.2 2 g) 最終改正年月日 (YYYY-MM-DD); required from the second version on. */
  lastRevisedOn?: string | null;
  /** 版番号: a revision (第2版〜) must carry its 最終改正年月日. */
  versionNo?: number;
};

const F = 'J.2.2-2-f';
const G = 'J.2.2-2-g';

/** The form field each item is entered in, for the 422 field errors. */
export const policyItemFields: Readonly<Record<string, string>> = Object.freeze({ [F]: 'topManagementName', [G]: 'establishedOn' });

/**
 * The J.2.2 2 items a policy version lacks, each with its clause and the seed's wording.
 * a) b) c) d) e) h) count by the ticked declaration or, as a hint, a keyword in the text;
 * f) only by the トップマネジメントの氏名 field, g) only by the dates (制定年月日, and the
 * 最終改正年月日 on a revision, never before the 制定年月日).
 */
export function checkPolicy(input: PolicyCheckInput): RequiredItemsResult {
  const ticked = input.ticked.filter((c) => c !== F && c !== G);
  if (input.topManagementName?.trim()) ticked.push(F);
  if (datesComplete(input)) ticked.push(G);
  // f) and g) are never found by a keyword: only the fields count.
  const items = policyItems.map((i) => (i.code === F || i.code === G ? { ...i, keywords: [] } : i));
  return checkRequiredItems(requiredItemsVersion, items, { ticked, text: input.text ?? '' });
}

function datesComplete(input: PolicyCheckInput): boolean {
  if (!input.establishedOn) return false;
  if ((input.versionNo ?? 1) <= 1) return true;
  return Boolean(input.lastRevisedOn && input.lastRevisedOn >= input.establishedOn);
}

/** The Japanese field errors of a version's missing items (「J.2.2 2 f) トップマネジメントの氏名 が記載されていません」). */
export function policyMissingErrors(result: RequiredItemsResult<RequiredItem>): { path: string; message: string }[] {
  return result.missing.map((item) => ({ path: policyItemFields[item.code] ?? 'ticked', message: `${missingItemLabel(item)} が記載されていません` }));
}

export { policyItems };
