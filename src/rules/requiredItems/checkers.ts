import { noticeItems, policyItems, publicItems, requiredItemsVersion } from '../data/requiredItems.ts';
import { checkRequiredItems, type RequiredItem, type RequiredItemsInput, type RequiredItemsResult } from './requiredItems.ts';

/**
 * The three M6 checkers (SPEC §5.5, issue 14): 取得時の必要通知事項 (J.8.5 1 a)〜h)),
 * 個人情報保護方針 (J.2.2 2 a)〜h)) and 公表事項 (J.10.3 a)〜g)). Each returns the missing items with
 * their clause and the seed's wording; publication is refused while anything is missing.
 */

/** J.8.5 1 a)〜h): the items a notice at acquisition (取得時の通知・同意文書) lacks. */
export function checkNoticeItems(input: RequiredItemsInput): RequiredItemsResult {
  return checkRequiredItems(requiredItemsVersion, noticeItems, input);
}

/**
 * J.2.2 2 a)〜h): the items a 個人情報保護方針 (内部向け or 外部向け) lacks. f) トップマネジメントの氏名
 * and g) 制定年月日及び最終改正年月日 count as present when the version carries them (they are
 * printed with the published text).
 */
export function checkPolicyItems(input: RequiredItemsInput & { topManagementName?: string | null; establishedOn?: string | null }): RequiredItemsResult {
  const ticked = [...input.ticked];
  if (input.topManagementName?.trim()) ticked.push('J.2.2-2-f');
  if (input.establishedOn) ticked.push('J.2.2-2-g');
  return checkRequiredItems(requiredItemsVersion, policyItems, { ...input, ticked });
}

/** What the organization's settings say that the 公表事項 can be generated from. */
export type PublicItemsSettings = {
  name?: string | null;
  address?: string | null;
  representativeName?: string | null;
  /** 個人情報保護管理者: name or title, department, and contact (J.10.3 b)). */
  managerName?: string | null;
  managerDepartment?: string | null;
  managerContact?: string | null;
  /** 苦情の申出先 (J.10.3 d)). */
  complaintDesk?: string | null;
};

const filled = (value: string | null | undefined): boolean => Boolean(value?.trim());

/** The J.10.3 items the organization's settings fill in full (a) needs all three, b) all three). */
export function publicItemsFromSettings(settings: PublicItemsSettings): string[] {
  const codes: string[] = [];
  if (filled(settings.name) && filled(settings.address) && filled(settings.representativeName)) codes.push('J.10.3-a');
  if (filled(settings.managerName) && filled(settings.managerDepartment) && filled(settings.managerContact)) codes.push('J.10.3-b');
  if (filled(settings.complaintDesk)) codes.push('J.10.3-d');
  return codes;
}

/** J.10.3 a)〜g): the items the 公表事項 lack, counting what the settings fill. */
export function checkPublicItems(input: RequiredItemsInput & { settings?: PublicItemsSettings }): RequiredItemsResult {
  const ticked = [...input.ticked, ...(input.settings ? publicItemsFromSettings(input.settings) : [])];
  return checkRequiredItems(requiredItemsVersion, publicItems, { ...input, ticked });
}

/** Whether a code names an item of the list (the schemas refuse unknown ticks). */
export function isItemCode(items: readonly RequiredItem[], code: string): boolean {
  return items.some((i) => i.code === code);
}

export { noticeItems, policyItems, publicItems, requiredItemsVersion };
