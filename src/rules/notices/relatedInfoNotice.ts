import { checkRequiredItems, type RequiredItem, type RequiredItemsInput, type RequiredItemsResult } from '../requiredItems/requiredItems.ts';

/**
 * J.8.8.4 1 (法第31条第1項第1号): before a third party acquires 個人関連情報 as personal data, the person
 * is told these items (or their equivalent) and asked to consent. The list depends on who obtains
 * the consent: the 提供先 (1)〜6)) or the 提供元 (1)〜7)). Same shape as the J.8.5 notice checker
 * (requiredItems/checkers.ts checkNoticeItems): ticked codes, keywords found in the text as a hint,
 * the missing items with their clause and the seed's wording. Pure.
 */

/** 同意を取得する主体: the 提供先 (recipient) or the 提供元 (provider, our organization). */
export const relatedConsentParties = ['recipient', 'provider'] as const;
export type RelatedConsentParty = (typeof relatedConsentParties)[number];
export const relatedConsentPartyLabels: Readonly<Record<RelatedConsentParty, string>> = Object.freeze({
  recipient: '同意を取得する主体が個人関連情報の提供先である場合（提供先が通知又は明示する事項）',
  provider: '同意を取得する主体が個人関連情報の提供元である場合（提供元が通知又は明示する事項）',
});

/** Version of the item lists (JIS Q 15001:2023 J.8.8.4 1 as in the seed). */
export const relatedInfoNoticeItemsVersion = 'jisq15001-2023-j8.8.4';

const item = (party: RelatedConsentParty, n: number, text: string, keywords: readonly string[]): RequiredItem =>
  Object.freeze({ code: `J.8.8.4-1-${party}-${n}`, clause: `J.8.8.4 1 ${n})`, text, keywords: Object.freeze([...keywords]) });

/** 《同意を取得する主体が個人関連情報の提供先である場合に、提供先が本人に対して通知又は明示する事項》. */
export const relatedInfoNoticeItemsByRecipient: readonly RequiredItem[] = Object.freeze([
  item('recipient', 1, '提供先の事業者の名称又は氏名', ['提供先の事業者の名称']),
  item('recipient', 2, '提供先の事業者の個人情報保護管理者（若しくはその代理人）の氏名又は職名、所属及び連絡先', ['個人情報保護管理者']),
  item('recipient', 3, '個人関連情報の提供を受けて個人データとして取得した後の利用目的', ['利用目的']),
  item('recipient', 4, '個人関連情報の項目', ['個人関連情報の項目']),
  item('recipient', 5, '個人関連情報の取得方法', ['取得方法', '取得の方法']),
  item('recipient', 6, '個人関連情報の取扱いに関する契約がある場合はその旨', ['取扱いに関する契約']),
]);

/** 《同意を取得する主体が個人関連情報の提供元である場合に、提供元が本人に対して通知又は明示する事項》. */
export const relatedInfoNoticeItemsByProvider: readonly RequiredItem[] = Object.freeze([
  item('provider', 1, '提供元の事業者の名称又は氏名', ['提供元の事業者の名称']),
  item('provider', 2, '提供元の事業者の個人情報保護管理者（若しくはその代理人）の氏名又は職名、所属及び連絡先', ['個人情報保護管理者']),
  item('provider', 3, '個人関連情報の提供を受けて個人データとして取得した後の利用目的', ['利用目的']),
  item('provider', 4, '個人関連情報の項目', ['個人関連情報の項目']),
  item('provider', 5, '提供する手段又は方法', ['提供する手段', '提供の方法', '提供方法']),
  item('provider', 6, '個人関連情報の提供を受けて個人データとして取得する者', ['取得する者']),
  item('provider', 7, '個人関連情報の取扱いに関する契約がある場合はその旨', ['取扱いに関する契約']),
]);

/** The list for the party that obtains the consent. */
export const relatedInfoNoticeItems = (party: RelatedConsentParty): readonly RequiredItem[] =>
  party === 'recipient' ? relatedInfoNoticeItemsByRecipient : relatedInfoNoticeItemsByProvider;

/**
 * J.8.8.4 1: the items a notice asking consent for 個人関連情報 lacks, for the party that obtains it.
 * @example checkRelatedInfoNotice({ party: 'provider', ticked: [] }).missing.length // 7
 */
export function checkRelatedInfoNotice(input: RequiredItemsInput & { party: RelatedConsentParty }): RequiredItemsResult {
  return checkRequiredItems(relatedInfoNoticeItemsVersion, relatedInfoNoticeItems(input.party), input);
}
