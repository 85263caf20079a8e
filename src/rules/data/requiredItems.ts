import type { RequiredItem } from '../requiredItems/requiredItems.ts';

/**
 * Item lists of the 必須記載事項チェッカー (SPEC §5.5, issue 14 M6), in the wording of PA01
 * (seeds/003, JIS Q 15001:2023 附属書J に基づく個人情報保護規程):
 * - J.8.5 1 a)〜h) 取得時の必要通知事項 (本人から直接書面によって取得する場合に明示する事項);
 * - J.2.2 2 a)〜h) 個人情報保護方針を文書化した情報に含める事項;
 * - J.10.3 a)〜g) 保有個人データ又は第三者提供記録に関する事項の周知 (公表事項).
 *
 * Keywords are hints for a pasted text (a ticked item is the person's own statement); an item
 * with no keyword (an organization's name, a date) can only be ticked or filled from settings.
 * Frozen under their version; a new edition adds a version instead of editing this one.
 */

/** Version of the lists: PA01 (JIS Q 15001:2023 附属書J). */
export const requiredItemsVersion = 'pa01-2023';

/** The conditions of J.8.5's conditional items (「…場合には」). */
export type NoticeCondition = 'thirdPartyProvision' | 'entrustment' | 'rightsRequests' | 'imperceptibleAcquisition';

/** The Japanese question of each condition, as a form asks it. */
export const noticeConditionLabels: Readonly<Record<NoticeCondition, string>> = Object.freeze({
  thirdPartyProvision: '個人情報を第三者に提供することが予定される',
  entrustment: '個人情報の取扱いの委託を行うことが予定される',
  rightsRequests: 'J.10.4～J.10.7 に該当する（開示等の請求等の対象となる）',
  imperceptibleAcquisition: '本人が容易に知覚できない方法によって個人情報を取得する',
});

/** The condition of J.10.3 e). */
export type PublicItemsCondition = 'accreditedBody';

export const publicItemsConditionLabels: Readonly<Record<PublicItemsCondition, string>> = Object.freeze({
  accreditedBody: '認定個人情報保護団体の対象事業者である',
});

function item(code: string, clause: string, text: string, keywords: readonly string[], appliesWhen?: string): RequiredItem {
  return Object.freeze({ code, clause, text, keywords: Object.freeze([...keywords]), ...(appliesWhen ? { appliesWhen } : {}) });
}

const notice = (letter: string, text: string, keywords: readonly string[], appliesWhen?: NoticeCondition) =>
  item(`J.8.5-1-${letter}`, `J.8.5 1 ${letter})`, text, keywords, appliesWhen);

const noticeProvision = (n: number, text: string, keywords: readonly string[]) =>
  item(`J.8.5-1-d-${n}`, 'J.8.5 1 d)', `個人情報を第三者に提供することが予定される場合の事項－${text}`, keywords, 'thirdPartyProvision');

/**
 * J.8.5 1: 少なくとも、次に示す事項又はそれと同等以上の内容の事項を、あらかじめ、書面によって本人に
 * 明示し、書面によって本人の同意を得る。 d) is split into its five 「－」 sub-items.
 */
export const noticeItems: readonly RequiredItem[] = Object.freeze([
  notice('a', '財団の名称又は氏名', []),
  notice('b', '個人情報保護管理者(若しくはその代理人)の氏名又は職名、所属及び連絡先', ['個人情報保護管理者']),
  notice('c', '利用目的', ['利用目的']),
  noticeProvision(1, '第三者に提供する目的', ['提供する目的', '提供の目的']),
  noticeProvision(2, '提供する個人情報の項目', ['提供する個人情報の項目', '提供する項目']),
  noticeProvision(3, '提供の手段又は方法', ['提供の手段', '提供の方法', '提供方法']),
  noticeProvision(4, '当該情報の提供を受ける者又は提供を受ける者の事業者の種類、及び属性', ['提供を受ける者', '提供先']),
  noticeProvision(5, '個人情報の取扱いに関する契約がある場合はその旨', ['取扱いに関する契約', '契約を締結']),
  notice('e', '個人情報の取扱いの委託を行うことが予定される場合には、その旨', ['委託'], 'entrustment'),
  notice('f', 'J.10.4～J.10.7 に該当する場合には、その請求等に応じる旨及び問合せ窓口', ['開示等', '問合せ窓口', '問い合わせ窓口'], 'rightsRequests'),
  notice('g', '本人が個人情報を与えることの任意性及び当該情報を与えなかった場合に本人に生じる結果', ['任意']),
  notice('h', '本人が容易に知覚できない方法によって個人情報を取得する場合には、その旨', ['容易に知覚できない'], 'imperceptibleAcquisition'),
]);

const policy = (letter: string, text: string, keywords: readonly string[]) => item(`J.2.2-2-${letter}`, `J.2.2 2 ${letter})`, text, keywords);

/**
 * J.2.2 2: 個人情報保護方針を文書化した情報には、次の事項を含める。 The same list holds for the
 * 内部向け and the 外部向け 方針 (J.2.2 3: 財団内に周知するとともに、一般の人が入手可能な措置).
 */
export const policyItems: readonly RequiredItem[] = Object.freeze([
  policy('a', '事業の内容及び規模を考慮した適切な個人情報の取得、利用及び提供に関すること（目的外利用を行わないこと及びそのための措置を講じることを含む。）', ['目的外利用']),
  policy('b', '個人情報の取扱いに関する法令、国が定める指針その他の規範の遵守', ['法令']),
  policy('c', '個人情報の漏えい、滅失又は毀損の防止及び是正に関する事項', ['漏えい', '滅失', '毀損']),
  policy('d', '苦情及び相談への対応に関する事項', ['苦情']),
  policy('e', '個人情報保護マネジメントシステムの継続的改善に関する事項', ['継続的改善']),
  policy('f', 'トップマネジメントの氏名', []),
  policy('g', '制定年月日及び最終改正年月日', []),
  policy('h', '個人情報保護方針の内容についての問合せ先', ['問合せ', '問い合わせ', 'お問合せ']),
]);

const published = (letter: string, text: string, keywords: readonly string[], appliesWhen?: PublicItemsCondition) =>
  item(`J.10.3-${letter}`, `J.10.3 ${letter})`, text, keywords, appliesWhen);

/** J.10.3: 保有個人データ又は第三者提供記録に関して、次の事項を本人の知り得る状態に置く。 */
export const publicItems: readonly RequiredItem[] = Object.freeze([
  published('a', '財団の名称及び住所並びに代表者の氏名', []),
  published('b', '個人情報保護管理者(若しくはその代理人)の氏名又は職名、所属及び連絡先', ['個人情報保護管理者']),
  published('c', '全ての保有個人データの利用目的(J.8.4のa)～c)までに該当する場合を除く。)', ['利用目的']),
  published('d', '保有個人データの取扱いに関する苦情の申出先', ['苦情']),
  published('e', '財団が認定個人情報保護団体の対象事業者である場合にあっては、当該認定個人情報保護団体の名称及び苦情の解決の申出先', ['認定個人情報保護団体'], 'accreditedBody'),
  published('f', 'J.10.2によって定めた手続', ['手続']),
  published('g', '保有個人データの安全管理のために講じた措置（本人の知り得る状態に置くことにより当該保有個人データの安全管理に支障を及ぼすおそれがあるものを除く。）', [
    '安全管理',
  ]),
]);
