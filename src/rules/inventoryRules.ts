/**
 * Inventory rules (個人情報管理台帳のルール, SPEC M1). Pure: entries in, findings and duties out. No
 * I/O and no clock — `today` is an argument — so the server, the web preview and imports (dry
 * run) all give the same answer.
 *
 * What lives here (each rule cites its clause in seeds/):
 * - the J.3.1.1 3 required items (台帳に少なくとも含む項目) and {@link checkRequiredItems};
 * - 要配慮個人情報: written consent or one of the J.8.3 2 a)–k) exceptions ({@link checkSensitiveAcquisition});
 * - 岡崎市規程 第5条2 の収集等の禁止事項 → warnings ({@link okazakiProhibitedCategoryWarnings});
 * - 利用期限・保管期限の経過 → a disposal task ({@link disposalDue});
 * - 取得方法ごとの通知・明示・同意の義務, J.8.2–J.8.5, J.8.7 d), J.8.8.3 ({@link acquisitionDuties}),
 *   and the use/provision duties J.8.7, J.8.8, J.8.8.1, J.8.8.2 ({@link useAndProvisionDuties});
 * - the yearly December review diff ({@link reviewDiff}, J.3.1.1 留意事項「毎年12月…見直し」).
 *
 * The clause texts are data in this file, frozen under {@link inventoryRulesVersion}; a change of
 * the regulation (PA01 の改訂) adds a new version of the constants rather than editing history.
 * See docs/rules/inventory-and-risk.md.
 */
import { z } from 'zod';
import { addCalendarDays, type IsoDate, isIsoDate } from './deadlines.ts';

/** Version of the clause data below: PA01 第4版 (最終改訂日 2024-12-01) and 岡崎市規程. */
export const inventoryRulesVersion = 'inventory-rules-2024-12';

// ─── Vocabulary ────────────────────────────────────────────────────────────────────────────

/** 保管の媒体 (SPEC M1 保管方法: 紙 / 電子 / both). */
export const storageMedia = ['paper', 'electronic', 'both'] as const;
export type StorageMedium = (typeof storageMedia)[number];
export const storageMediumLabels: Readonly<Record<StorageMedium, string>> = Object.freeze({
  paper: '紙',
  electronic: '電子',
  both: '紙・電子',
});

/**
 * 取得方法 (SPEC M1). `direct_written` includes Web forms: PA01 J.8.5 留意事項 j) handles 「Web の
 * フォームに入力させることにより取得する場合」 as 直接書面 acquisition.
 */
export const acquisitionMethods = ['direct_written', 'direct_other', 'from_third_party', 'entrusted', 'joint_use'] as const;
export type AcquisitionMethod = (typeof acquisitionMethods)[number];
export const acquisitionMethodLabels: Readonly<Record<AcquisitionMethod, string>> = Object.freeze({
  direct_written: '本人から直接書面（Webフォームを含む）',
  direct_other: '直接書面以外（本人から口頭・電話等）',
  from_third_party: '第三者から',
  entrusted: '委託を受けて',
  joint_use: '共同利用',
});

/** 仮名加工情報・匿名加工情報・個人関連情報 (J.3.1.1 留意事項: these are inventoried too). */
export const processedKinds = ['none', 'pseudonymized', 'anonymized', 'personal_related'] as const;
export type ProcessedKind = (typeof processedKinds)[number];

// ─── 要配慮個人情報 and 岡崎市規程 第5条2 (data) ─────────────────────────────────────────────

/**
 * How a category relates to J.8.3: `sensitive` — named in the J.8.3 留意事項 definition of
 * 要配慮個人情報; `treat_as_sensitive` — J.8.3 3 「要配慮個人情報と同様に取り扱う」; `possible` —
 * not named by the seed, may fall under a named item or 「政令で定める記述等」 (check it); `none`.
 */
export type J83Relation = 'sensitive' | 'treat_as_sensitive' | 'possible' | 'none';

/** 岡崎市規程 第5条2 の号 (1–5, in the order the seed lists them), and whether the word is literal. */
export type OkazakiRelation = { readonly item: 1 | 2 | 3 | 4 | 5; readonly literal: boolean } | null;

export const specialCategoryIds = [
  'thought',
  'creed',
  'religion',
  'race',
  'ethnicity',
  'lineage',
  'registered_domicile',
  'physical',
  'mental_disability',
  'medical_history',
  'criminal_record',
  'crime_victim',
  'social_status',
  'other_discrimination',
  'medical_care',
  'sex_life',
  'sexual_orientation',
  'labor_union',
  'labor_action',
  'political_action',
  'other_cabinet_order',
] as const;
/** 特に配慮を要する記述の分類 (tags an inventory entry may carry). */
export type SpecialCategoryId = (typeof specialCategoryIds)[number];

/** One special category with its J.8.3 and 岡崎市 第5条2 relations. */
export type SpecialCategory = {
  readonly id: SpecialCategoryId;
  readonly label: string;
  readonly j83: J83Relation;
  readonly okazaki: OkazakiRelation;
};

/**
 * Special categories. J.8.3 留意事項 names 「人種、信条、社会的身分、病歴、犯罪の経歴、犯罪により害を
 * 被った事実その他…政令で定める記述等」; J.8.3 3 adds 「性生活、性的指向又は労働組合に関する情報」.
 * 岡崎市規程 第5条2 lists five items (see {@link okazakiProhibitedItems}).
 */
export const specialCategories: readonly SpecialCategory[] = Object.freeze([
  { id: 'thought', label: '思想', j83: 'possible', okazaki: { item: 1, literal: true } },
  { id: 'creed', label: '信条', j83: 'sensitive', okazaki: { item: 1, literal: true } },
  { id: 'religion', label: '宗教', j83: 'possible', okazaki: { item: 1, literal: true } },
  { id: 'race', label: '人種', j83: 'sensitive', okazaki: { item: 2, literal: true } },
  { id: 'ethnicity', label: '民族', j83: 'possible', okazaki: { item: 2, literal: true } },
  { id: 'lineage', label: '門地', j83: 'possible', okazaki: { item: 2, literal: true } },
  { id: 'registered_domicile', label: '本籍地（所在都道府県に関する情報を除く）', j83: 'none', okazaki: { item: 2, literal: true } },
  { id: 'physical', label: '身体（身体の障害等）', j83: 'possible', okazaki: { item: 2, literal: true } },
  { id: 'mental_disability', label: '精神障害', j83: 'possible', okazaki: { item: 2, literal: true } },
  { id: 'medical_history', label: '病歴', j83: 'sensitive', okazaki: { item: 2, literal: false } },
  { id: 'criminal_record', label: '犯罪の経歴（犯罪歴）', j83: 'sensitive', okazaki: { item: 2, literal: true } },
  { id: 'crime_victim', label: '犯罪により害を被った事実', j83: 'sensitive', okazaki: null },
  { id: 'social_status', label: '社会的身分', j83: 'sensitive', okazaki: { item: 2, literal: false } },
  { id: 'other_discrimination', label: 'その他社会的差別の原因となる事項', j83: 'possible', okazaki: { item: 2, literal: true } },
  { id: 'medical_care', label: '保険医療', j83: 'possible', okazaki: { item: 5, literal: true } },
  { id: 'sex_life', label: '性生活', j83: 'treat_as_sensitive', okazaki: { item: 5, literal: true } },
  { id: 'sexual_orientation', label: '性的指向', j83: 'treat_as_sensitive', okazaki: null },
  { id: 'labor_union', label: '労働組合に関する情報', j83: 'treat_as_sensitive', okazaki: { item: 3, literal: false } },
  { id: 'labor_action', label: '勤労者の団結権、団体交渉及びその他団体行動の行為', j83: 'possible', okazaki: { item: 3, literal: true } },
  {
    id: 'political_action',
    label: '集団示威行為への参加、請願権の行使、及びその他の政治的権利の行使',
    j83: 'possible',
    okazaki: { item: 4, literal: true },
  },
  { id: 'other_cabinet_order', label: 'その他政令で定める記述等', j83: 'sensitive', okazaki: null },
] satisfies SpecialCategory[]);

/** 岡崎市営住宅指定管理者における個人情報保護規程 第5条2: the five prohibited items, verbatim. */
export const okazakiProhibitedItems: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = Object.freeze({
  1: '思想、信条及び宗教に関する事項。',
  2: '人種、民族、門地、本籍地(所在都道府県に関する情報を除く)、身体、精神障害、犯罪歴、その他社会的差別の原因となる事項。',
  3: '勤労者の団結権、団体交渉及びその他団体行動の行為に関する事項。',
  4: '集団示威行為への参加、請願権の行使、及びその他の政治的権利の行使に関する事項。',
  5: '保険医療、及び性生活。',
});

const OKAZAKI_ARTICLE = '岡崎市営住宅指定管理者における個人情報保護規程 第5条2';
const OKAZAKI_LEAD = '次に示す内容を含む個人情報の収集、利用又は提供を行ってはならない。';

/**
 * Keywords that hint an item name (個人情報の項目) may fall in a special category. A heuristic for
 * the entry form, never a decision: findings from it say 「可能性」.
 */
export const specialCategoryKeywords: readonly { readonly keyword: string; readonly category: SpecialCategoryId }[] = Object.freeze([
  { keyword: '思想', category: 'thought' },
  { keyword: '信条', category: 'creed' },
  { keyword: '宗教', category: 'religion' },
  { keyword: '信仰', category: 'religion' },
  { keyword: '宗派', category: 'religion' },
  { keyword: '人種', category: 'race' },
  { keyword: '民族', category: 'ethnicity' },
  { keyword: '門地', category: 'lineage' },
  { keyword: '本籍', category: 'registered_domicile' },
  { keyword: '身体障害', category: 'physical' },
  { keyword: '障害者手帳', category: 'physical' },
  { keyword: '精神障害', category: 'mental_disability' },
  { keyword: '精神疾患', category: 'mental_disability' },
  { keyword: '病歴', category: 'medical_history' },
  { keyword: '既往歴', category: 'medical_history' },
  { keyword: '病名', category: 'medical_history' },
  { keyword: '傷病', category: 'medical_history' },
  { keyword: '前科', category: 'criminal_record' },
  { keyword: '犯罪歴', category: 'criminal_record' },
  { keyword: '犯罪被害', category: 'crime_victim' },
  { keyword: '労働組合', category: 'labor_union' },
  { keyword: '団体交渉', category: 'labor_action' },
  { keyword: '争議', category: 'labor_action' },
  { keyword: '請願', category: 'political_action' },
  { keyword: '政治', category: 'political_action' },
  { keyword: '保険医療', category: 'medical_care' },
  { keyword: '診療', category: 'medical_care' },
  { keyword: '受診', category: 'medical_care' },
  { keyword: '性生活', category: 'sex_life' },
  { keyword: '性的指向', category: 'sexual_orientation' },
]);

// ─── Clause lists (data, seed wording) ─────────────────────────────────────────────────────

/** One lettered item of a clause list, with the seed's wording. */
export type ClauseItem = { readonly letter: string; readonly text: string };

/** J.8.3 2: 「あらかじめ書面によって本人の同意を得ることを要しないのは、以下の場合に限定する。」 */
export const sensitiveConsentExceptions: readonly ClauseItem[] = Object.freeze([
  { letter: 'a', text: '法令に基づく場合' },
  { letter: 'b', text: '人の生命、身体又は財産の保護のために必要がある場合であって、本人の同意を得ることが困難であるとき' },
  { letter: 'c', text: '公衆衛生の向上又は児童の健全な育成の推進のために特に必要がある場合であって、本人の同意を得ることが困難であるとき' },
  {
    letter: 'd',
    text: '国の機関若しくは地方公共団体又はその委託を受けた者が法令の定める事務を遂行することに対して協力する必要がある場合であって、本人の同意を得ることによって当該事務の遂行に支障を及ぼすおそれがあるとき',
  },
  {
    letter: 'e',
    text: '当該要配慮個人情報が、法令等により個人情報取扱事業者の義務などの適用除外とされている者及び個人情報保護委員会規則で定めた者によって公開された要配慮個人情報であるとき',
  },
  { letter: 'f', text: '本人を目視し、又は撮影することにより、その外形上明らかな要配慮個人情報を取得する場合' },
  {
    letter: 'g',
    text: '特定した利用目的の達成に必要な範囲内において、要配慮個人情報の取扱いの全部又は一部を委託することに伴って当該要配慮個人情報の提供を受けるとき',
  },
  { letter: 'h', text: '合併その他の事由による事業の承継に伴って要配慮個人情報の提供を受ける場合であって、承継前の利用目的の範囲内で当該要配慮個人情報を取り扱うとき' },
  { letter: 'i', text: 'J.8.7のd)によって、特定の者との間で共同して利用される要配慮個人情報を当該特定の者から提供を受けるとき' },
  {
    letter: 'j',
    text: '個人情報取扱事業者が学術研究機関等である場合であって、当該要配慮個人情報を学術研究目的で取り扱う必要があるとき（当該要配慮個人情報を取り扱う目的の一部が学術研究目的である場合を含み、個人の権利利益を不当に侵害するおそれがある場合を除く。）',
  },
  {
    letter: 'k',
    text: '学術研究機関等から当該要配慮個人情報を取得する場合であって、当該要配慮個人情報を学術研究目的で取得する必要があるとき（当該要配慮個人情報を取得する目的の一部が学術研究目的である場合を含み、個人の権利利益を不当に侵害するおそれがある場合を除く。）（当該個人情報取扱事業者と当該学術研究機関等が共同して学術研究を行う場合に限る。）',
  },
]);
export const sensitiveExceptionLetters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'] as const;
export type SensitiveExceptionLetter = (typeof sensitiveExceptionLetters)[number];

/** J.8.4 2: 「本人に利用目的を通知し、又は公表を要しないのは、以下の場合に限定する。」 */
export const noticeExceptions: readonly ClauseItem[] = Object.freeze([
  { letter: 'a', text: '利用目的を本人に通知し、又は公表することによって本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある場合' },
  { letter: 'b', text: '利用目的を本人に通知し、又は公表することによって財団の権利又は正当な利益を害するおそれがある場合' },
  {
    letter: 'c',
    text: '国の機関又は地方公共団体が法令の定める事務を遂行することに対して協力する必要がある場合であって、利用目的を本人に通知し、又は公表することによって当該事務の遂行に支障を及ぼすおそれがある場合',
  },
  { letter: 'd', text: '取得の状況からみて利用目的が明らかであると認められる場合' },
]);

/** J.8.4 2 d) の限定: 「d) に該当する個人情報は、財団では以下に限定する。」 (PA01's own list). */
export const obviousPurposeKinds: readonly ClauseItem[] = Object.freeze([
  { letter: '1', text: '名刺交換により取得した個人情報、及びこれに準じる取引先担当者情報' },
  { letter: '2', text: '入退管理のために来訪者から取得する個人情報' },
  { letter: '3', text: '見積書・請求書・契約書等に記載された個人情報' },
  { letter: '4', text: '受信メールに含まれるメールアドレス及びシグネチャー（署名）' },
]);

/** J.8.5 1 a)–h): 「あらかじめ、書面によって本人に明示し、書面によって本人の同意を得る」 items. */
export const directWrittenNoticeItems: readonly ClauseItem[] = Object.freeze([
  { letter: 'a', text: '財団の名称又は氏名' },
  { letter: 'b', text: '個人情報保護管理者(若しくはその代理人)の氏名又は職名、所属及び連絡先' },
  { letter: 'c', text: '利用目的' },
  {
    letter: 'd',
    text: '個人情報を第三者に提供することが予定される場合の事項（第三者に提供する目的／提供する個人情報の項目／提供の手段又は方法／当該情報の提供を受ける者又は提供を受ける者の事業者の種類、及び属性／個人情報の取扱いに関する契約がある場合はその旨）',
  },
  { letter: 'e', text: '個人情報の取扱いの委託を行うことが予定される場合には、その旨' },
  { letter: 'f', text: 'J.10.4～J.10.7 に該当する場合には、その請求等に応じる旨及び問合せ窓口' },
  { letter: 'g', text: '本人が個人情報を与えることの任意性及び当該情報を与えなかった場合に本人に生じる結果' },
  { letter: 'h', text: '本人が容易に知覚できない方法によって個人情報を取得する場合には、その旨' },
]);

/** J.8.5 2: 「あらかじめ書面によって本人に明示し、書面によって本人の同意を得ないのは、以下の場合に限定する。」 */
export const directWrittenExceptions: readonly ClauseItem[] = Object.freeze([
  { letter: 'urgent', text: '人の生命、身体若しくは財産の保護のために緊急に必要がある場合' },
  { letter: '1', text: '（J.8.4 の措置を要しない場合）利用目的を本人に通知し、又は公表することによって本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある場合' },
  { letter: '2', text: '（J.8.4 の措置を要しない場合）利用目的を本人に通知し、又は公表することによって財団の権利又は正当な利益を害するおそれがある場合' },
  {
    letter: '3',
    text: '（J.8.4 の措置を要しない場合）国の機関又は地方公共団体が法令の定める事務を遂行することに対して協力する必要がある場合であって、利用目的を本人に通知し、又は公表することによって当該事務の遂行に支障を及ぼすおそれがある場合',
  },
  { letter: '4', text: '（J.8.4 の措置を要しない場合）取得の状況からみて利用目的が明らかであると認められる場合' },
]);

/** J.8.7 2 d) 1)–5): 共同利用で本人に通知し、又は本人が容易に知り得る状態に置く事項. */
export const jointUseNoticeItems: readonly ClauseItem[] = Object.freeze([
  { letter: '1', text: '共同して利用すること' },
  { letter: '2', text: '共同して利用される個人情報の項目' },
  { letter: '3', text: '共同して利用する者の範囲' },
  { letter: '4', text: '共同して利用する者の利用目的' },
  { letter: '5', text: '共同して利用する個人情報の管理について責任を有する者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名' },
]);

/** J.8.7 2: 本人への連絡・接触で通知・同意を要しない場合 (a–i, seed wording; d) abridged to its lead). */
export const contactExceptions: readonly ClauseItem[] = Object.freeze([
  {
    letter: 'a',
    text: 'J.8.5の措置において、あらかじめ、利用目的として個人情報を利用して本人に連絡又は接触することを含め、J.8.5のa)～f)に示す事項又はそれと同等以上の内容の事項を明示し、既に本人の同意を得ているとき',
  },
  { letter: 'b', text: '個人情報の取扱いの全部又は一部を委託された場合であって、当該個人情報を、その利用目的の達成に必要な範囲内で取り扱うとき' },
  {
    letter: 'c',
    text: '合併その他の事由による事業の承継に伴って個人情報が提供され、個人情報を提供する事業者が、既にJ.8.5のa)～f)に示す事項又はそれと同等以上の内容の事項を明示又は通知し、本人の同意を得ている場合であって、承継前の利用目的の範囲内で当該個人情報を取り扱うとき',
  },
  {
    letter: 'd',
    text: '個人情報が特定の者との間で、適法かつ公正な手段によって、共同して利用されている場合であって、1)～5)に示す事項を、あらかじめ、本人に通知し、又は本人が容易に知り得る状態に置くとともに、共同して利用する者との間で共同利用について契約によって定めているとき',
  },
  { letter: 'e', text: 'J.8.4のd)に該当する場合に取得した個人情報を利用して、本人に連絡又は接触するとき' },
  { letter: 'f', text: '法令に基づく場合' },
  { letter: 'g', text: '人の生命、身体又は財産の保護のために必要がある場合であって、本人の同意を得ることが困難であるとき' },
  { letter: 'h', text: '公衆衛生の向上又は児童の健全な育成の推進のために特に必要がある場合であって、本人の同意を得ることが困難であるとき' },
  {
    letter: 'i',
    text: '国の機関若しくは地方公共団体又はその委託を受けた者が法令の定める事務を遂行することに対して協力する必要がある場合であって、本人の同意を得ることによって当該事務の遂行に支障を及ぼすおそれがあるとき',
  },
]);

/** J.8.8 2: 第三者提供で通知・同意を要しない場合 (a–l; b) abridged to its lead and proviso). */
export const provisionExceptions: readonly ClauseItem[] = Object.freeze([
  {
    letter: 'a',
    text: 'J.8.5の規定によって、個人データを第三者に提供することに関して、既にJ.8.5のa)～d)の事項又はそれと同等以上の内容の事項を本人に明示し、本人の同意を得ているとき、又はJ.8.7の規定によって、既にJ.8.5のa)～d)の事項又はそれと同等以上の内容の事項を本人に通知し、本人の同意を得ているとき',
  },
  {
    letter: 'b',
    text: '本人の同意を得ることが困難な場合、かつ本人の求めに応じて当該本人が識別される個人データの第三者への提供を停止することとしている場合であって、法令等が定める手続に基づいた上で、1)～9)の事項を、あらかじめ、本人に通知し、又は本人が容易に知り得る状態に置くとともに、個人情報保護委員会に届け出たとき（要配慮個人情報、偽りその他不正の手段により取得された個人データ等は除く）',
  },
  { letter: 'c', text: '特定した利用目的の達成に必要な範囲内において、個人データの取扱いの全部又は一部を委託することに伴って当該個人データが提供されるとき' },
  { letter: 'd', text: '合併その他の事由による事業の承継に伴って個人データが提供される場合であつて、承継前の利用目的の範囲内で当該個人データを取り扱うとき' },
  { letter: 'e', text: 'J.8.7のd)によって、特定の者との間で共同して利用される個人データが当該特定の者に提供されるとき' },
  { letter: 'f', text: '法令に基づく場合' },
  { letter: 'g', text: '人の生命、身体又は財産の保護のために必要がある場合であつて、本人の同意を得ることが困難であるとき' },
  { letter: 'h', text: '公衆衛生の向上又は児童の健全な育成の推進のために特に必要がある場合であつて、本人の同意を得ることが困難であるとき' },
  {
    letter: 'i',
    text: '国の機関若しくは地方公共団体又はその委託を受けた者が法令の定める事務を遂行することに対して協力する必要がある場合であつて、本人の同意を得ることによって当該事務の遂行に支障を及ぼすおそれがあるとき',
  },
  {
    letter: 'j',
    text: '個人情報取扱事業者が学術研究機関等である場合であって、個人データの提供が学術研究の成果の公表又は教授のためやむを得ないとき（個人の権利利益を不当に侵害するおそれがある場合を除く。）',
  },
  {
    letter: 'k',
    text: '個人情報取扱事業者が学術研究機関等である場合であって、個人データを学術研究目的で提供が必要があるとき（個人データを提供する目的の一部が学術研究目的である場合を含み、個人の権利利益を不当に侵害するおそれがある場合を除く。）（個人情報取扱事業者と第三者が共同して学術研究を行う場合に限る。）',
  },
  {
    letter: 'l',
    text: '第三者が学術研究機関等である場合であって、第三者が個人データを学術研究目的で取り扱う必要があるとき（個人データを取り扱う目的の一部が学術研究目的である場合を含み、個人の権利利益を不当に侵害するおそれがある場合を除く。）',
  },
]);

/** J.8.8.1 1 a)–c): 外国にある第三者に提供できる根拠 (one must hold). */
export const overseasProvisionBases: readonly ClauseItem[] = Object.freeze([
  { letter: 'a', text: 'あらかじめ外国にある第三者への提供を認める旨の本人の同意がある場合' },
  {
    letter: 'b',
    text: '個人データの取扱いについて個人情報取扱事業者が講ずべきこととされている措置に相当する措置を継続的に講ずるために必要なものとして個人情報保護委員会規則で定める基準に適合する体制を整備している者への提供をする場合',
  },
  { letter: 'c', text: '個人の権利利益を保護する上で我が国と同等の水準にある外国として個人情報保護委員会規則で定める国・地域にある第三者への提供をする場合' },
]);

/** J.8.8.3 2 d)–j): 提供を受ける際の確認を要しない場合 (a–c are the 委託・承継・共同利用 methods). */
export const receiptConfirmationExceptions: readonly ClauseItem[] = Object.freeze([
  { letter: 'b', text: '合併その他の事由による事業の承継に伴って個人データの提供を受けた場合であって、承継前の利用目的の範囲内で当該個人データを取り扱うとき' },
  { letter: 'd', text: '法令に基づく場合' },
  { letter: 'e', text: '人の生命、身体又は財産の保護のために必要がある場合であって、本人の同意を得ることが困難であるとき' },
  { letter: 'f', text: '公衆衛生の向上又は児童の健全な育成の推進のために特に必要がある場合であって、本人の同意を得ることが困難であるとき' },
  {
    letter: 'g',
    text: '国の機関若しくは地方公共団体又はその委託を受けた者が法令の定める事務を遂行することに対して協力する必要がある場合であって、本人の同意を得ることによって当該事務の遂行に支障を及ぼすおそれがあるとき',
  },
  {
    letter: 'h',
    text: '個人情報取扱事業者が学術研究機関等である場合であって、個人データの提供が学術研究の成果の公表又は教授のためやむを得ないとき（個人の権利利益を不当に侵害するおそれがある場合を除く。）',
  },
  { letter: 'i', text: '個人情報取扱事業者が学術研究機関等である場合であって、個人データを学術研究目的で提供する必要があるとき（共同して学術研究を行う場合に限る。）' },
  { letter: 'j', text: '第三者が学術研究機関等である場合であって、第三者が個人データを学術研究目的で取り扱う必要があるとき' },
]);

/** Clauses whose exceptions an entry can record in `exemptions`. */
export const exemptionClauses = ['J.8.4', 'J.8.5', 'J.8.7', 'J.8.8', 'J.8.8.3'] as const;
export type ExemptionClause = (typeof exemptionClauses)[number];

/** The allowed letters (with wording) of each clause in {@link exemptionClauses}. */
export const exemptionClauseLists: Readonly<Record<ExemptionClause, readonly ClauseItem[]>> = Object.freeze({
  'J.8.4': noticeExceptions,
  'J.8.5': directWrittenExceptions,
  'J.8.7': contactExceptions,
  'J.8.8': provisionExceptions,
  'J.8.8.3': receiptConfirmationExceptions,
});

// ─── Entry schema ──────────────────────────────────────────────────────────────────────────

const enumField = <const T extends readonly [string, ...string[]]>(values: T, field: string, label: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `${label}（${field}）は必須です`
        : `${label}（${field}）は ${values.map((v) => `"${v}"`).join('・')} のいずれかで入力してください（入力値: ${JSON.stringify(issue.input)}）`,
  });

const text = (field: string, label: string) => z.string({ error: `${label}（${field}）は文字列で入力してください` });

const textList = (field: string, label: string) => z.array(text(field, label), { error: `${label}（${field}）は文字列の配列で入力してください` });

const flag = (field: string, label: string) => z.boolean({ error: `${label}（${field}）は true または false で入力してください` });

const isoDate = (field: string, label: string) =>
  z
    .string({ error: `${label}（${field}）は "YYYY-MM-DD" 形式の文字列で入力してください` })
    .refine(isIsoDate, { error: `${label}（${field}）は実在する日付を "YYYY-MM-DD" 形式で入力してください` });

/** 利用期限・保管期限: a date, a description (e.g. 「退職後5年」), or both. */
const termSchema = (field: string, label: string) =>
  z.strictObject(
    {
      date: isoDate(`${field}.date`, `${label}の日付`).nullable().optional(),
      description: text(`${field}.description`, `${label}の説明`).optional(),
    },
    { error: `${label}（${field}）は { date, description } の形で入力してください` },
  );

/**
 * Zod schema of an inventory entry as the rule engine sees it (個人情報管理台帳の1行, SPEC M1).
 * Everything but `id` is optional so drafts and imports can be checked; completeness is the job
 * of {@link checkRequiredItems}, which cites J.3.1.1 3. Unknown keys are rejected. Messages are
 * Japanese and name the field.
 */
export const inventoryEntrySchema = z
  .strictObject(
    {
      id: text('id', '台帳ID').min(1, { error: '台帳ID（id）は必須です' }),
      /** Incremented on every approved change; risk assessments record the revision they covered. */
      revision: z.number({ error: '版（revision）は整数で入力してください' }).int({ error: '版（revision）は整数で入力してください' }).min(1).optional(),
      /** 個人情報の名称. */
      name: text('name', '個人情報の名称').optional(),
      departmentId: text('departmentId', '所管部署').optional(),
      /** 個人情報の項目. */
      items: textList('items', '個人情報の項目').optional(),
      /** 利用目的. */
      purpose: text('purpose', '利用目的').optional(),
      /** 保管場所. */
      storageLocation: text('storageLocation', '保管場所').optional(),
      /** 保管方法: medium plus a free description (施錠キャビネット、アクセス制限付きフォルダ等). */
      storageMethod: z
        .strictObject(
          {
            media: enumField(storageMedia, 'storageMethod.media', '保管媒体').optional(),
            description: text('storageMethod.description', '保管方法の説明').optional(),
          },
          { error: '保管方法（storageMethod）は { media, description } の形で入力してください' },
        )
        .optional(),
      /** アクセス権を有する者. */
      accessHolders: textList('accessHolders', 'アクセス権を有する者').optional(),
      /** 利用期限. */
      useUntil: termSchema('useUntil', '利用期限').optional(),
      /** 保管期限. */
      retainUntil: termSchema('retainUntil', '保管期限').optional(),
      /** 管理する個人情報の件数（概数でも可）. */
      recordCount: z
        .strictObject(
          {
            value: z
              .number({ error: '件数（recordCount.value）は数値で入力してください' })
              .int({ error: '件数（recordCount.value）は整数で入力してください' })
              .min(0, { error: '件数（recordCount.value）は0以上で入力してください' }),
            approximate: flag('recordCount.approximate', '概数').optional(),
          },
          { error: '件数（recordCount）は { value, approximate } の形で入力してください' },
        )
        .optional(),
      acquisitionMethods: z.array(enumField(acquisitionMethods, 'acquisitionMethods', '取得方法'), { error: '取得方法（acquisitionMethods）は配列で入力してください' }).optional(),
      /** 要配慮個人情報を含む. */
      sensitive: flag('sensitive', '要配慮個人情報').optional(),
      /** J.8.3: how the 要配慮 acquisition is justified — written consent or a lettered exception. */
      sensitiveBasis: z
        .discriminatedUnion(
          'kind',
          [
            z.strictObject({
              kind: z.literal('written_consent'),
              /** 明示した文面（取得時の必要通知事項）の版など. */
              noticeRef: text('sensitiveBasis.noticeRef', '同意を得た文面').optional(),
            }),
            z.strictObject({
              kind: z.literal('exception'),
              letter: enumField(sensitiveExceptionLetters, 'sensitiveBasis.letter', 'J.8.3 2 の例外'),
              reason: text('sensitiveBasis.reason', '例外に当たる理由'),
            }),
          ],
          { error: '要配慮個人情報の取得根拠（sensitiveBasis）の kind は "written_consent" 又は "exception" で入力してください' },
        )
        .nullable()
        .optional(),
      specialCategories: z
        .array(enumField(specialCategoryIds, 'specialCategories', '特に配慮を要する記述の分類'), {
          error: '特に配慮を要する記述の分類（specialCategories）は配列で入力してください',
        })
        .optional(),
      /** 特定個人情報（マイナンバー）を含む. */
      myNumber: flag('myNumber', '特定個人情報').optional(),
      /** 保有個人データに当たる. */
      retainedPersonalData: flag('retainedPersonalData', '保有個人データ').optional(),
      processedKind: enumField(processedKinds, 'processedKind', '加工の種類').optional(),
      /** 取扱いを委託している委託先（ID）. */
      entrustedTo: textList('entrustedTo', '委託先').optional(),
      /** 第三者提供（委託・共同利用を除く）を行う. */
      thirdPartyProvision: flag('thirdPartyProvision', '第三者提供').optional(),
      /** 外国にある第三者（委託先・共同利用者を含む）に提供する場合の国名. */
      overseasCountries: textList('overseasCountries', '提供先の外国').optional(),
      /** J.8.8.1 1 の根拠 (a 本人同意 / b 体制整備 / c 同等水準国). */
      overseasBasis: enumField(['a', 'b', 'c'], 'overseasBasis', '外国にある第三者への提供の根拠').nullable().optional(),
      /** 個人情報を利用して本人に連絡又は接触する (J.8.7). */
      contactsPersons: flag('contactsPersons', '本人への連絡・接触').optional(),
      disposalMethod: text('disposalMethod', '廃棄方法').optional(),
      /** 全件を消去・廃棄した日. */
      disposedAt: isoDate('disposedAt', '廃棄日').nullable().optional(),
      /** 紐づく通知・同意の文面（取得時の必要通知事項）の参照. */
      noticeRefs: textList('noticeRefs', '通知・同意の文面').optional(),
      /** Recorded exceptions to notice/consent duties, each with the clause letter and the reason. */
      exemptions: z
        .array(
          z.strictObject({
            clause: enumField(exemptionClauses, 'exemptions.clause', '例外の条項'),
            letter: text('exemptions.letter', '例外の号'),
            /** J.8.4 d) / J.8.5 4: which of PA01's four kinds (1–4). */
            subItem: enumField(['1', '2', '3', '4'], 'exemptions.subItem', 'J.8.4 d) の限定（1〜4）').optional(),
            reason: text('exemptions.reason', '例外に当たる理由'),
          }),
          { error: '例外（exemptions）は配列で入力してください' },
        )
        .optional(),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return `不明な項目です: ${issue.keys.join(', ')}（項目名の綴りを確認してください）`;
        if (issue.code === 'invalid_type') return '台帳の項目（entry）は JSON オブジェクトで入力してください';
        return undefined;
      },
    },
  )
  .superRefine((entry, ctx) => {
    for (const [index, exemption] of (entry.exemptions ?? []).entries()) {
      const list = exemptionClauseLists[exemption.clause];
      if (!list.some((item) => item.letter === exemption.letter)) {
        ctx.addIssue({
          code: 'custom',
          path: ['exemptions', index, 'letter'],
          message: `例外の号（exemptions[${index}].letter）は ${exemption.clause} の ${list.map((item) => item.letter).join('・')} のいずれかで入力してください（入力値: ${JSON.stringify(exemption.letter)}）`,
        });
      }
    }
  });

/** An inventory entry (個人情報管理台帳の1行) after validation. */
export type InventoryEntry = z.output<typeof inventoryEntrySchema>;
/** 利用期限・保管期限. */
export type InventoryTerm = NonNullable<InventoryEntry['useUntil']>;

// ─── Findings ──────────────────────────────────────────────────────────────────────────────

/** One finding about an entry: a missing item, a violation (`error`) or something to check (`warning`). */
export type InventoryFinding = {
  code:
    | 'required_item_missing'
    | 'sensitive_flag_missing'
    | 'sensitive_possible'
    | 'sensitive_basis_missing'
    | 'sensitive_exception_reason_missing'
    | 'sensitive_exception_inconsistent'
    | 'okazaki_prohibited_category'
    | 'exemption_reason_missing'
    | 'exemption_sub_item_missing';
  severity: 'error' | 'warning';
  /** Field path, e.g. `purpose`, `items[2]`, `exemptions[0].subItem`. */
  field: string;
  /** Clause reference, e.g. `J.3.1.1 3`. */
  clause: string;
  /** The seed's wording the finding rests on. */
  quote: string;
  /** Japanese message naming the field. */
  message: string;
};

// ─── J.3.1.1 3: required items ────────────────────────────────────────────────────────────

/** Fields J.3.1.1 3 requires, plus 名称 (SPEC M1), in the order of the 台帳 form. */
export type RequiredItemField = 'name' | 'items' | 'purpose' | 'storageLocation' | 'storageMethod' | 'accessHolders' | 'useUntil' | 'retainUntil' | 'recordCount';

/** One required item with its clause. */
export type RequiredItem = { readonly field: RequiredItemField; readonly label: string; readonly clause: string };

/** PA01 J.3.1.1 3 「台帳には、少なくとも次の項目を含む。」 */
const J3113_QUOTE = '台帳には、少なくとも次の項目を含む。';

/**
 * The required items. The eight of J.3.1.1 3 verbatim; 個人情報の名称 is required by SPEC M1 (the
 * seed names no such column but a row needs a name to be found and reviewed).
 */
export const requiredInventoryItems: readonly RequiredItem[] = Object.freeze([
  { field: 'name', label: '個人情報の名称', clause: 'SPEC M1（台帳の行の識別）' },
  { field: 'items', label: '個人情報の項目', clause: 'J.3.1.1 3' },
  { field: 'purpose', label: '利用目的', clause: 'J.3.1.1 3' },
  { field: 'storageLocation', label: '保管場所', clause: 'J.3.1.1 3' },
  { field: 'storageMethod', label: '保管方法', clause: 'J.3.1.1 3' },
  { field: 'accessHolders', label: 'アクセス権を有する者', clause: 'J.3.1.1 3' },
  { field: 'useUntil', label: '利用期限', clause: 'J.3.1.1 3' },
  { field: 'retainUntil', label: '保管期限', clause: 'J.3.1.1 3' },
  { field: 'recordCount', label: '管理する個人情報の件数（概数でも可）', clause: 'J.3.1.1 3' },
] satisfies RequiredItem[]);

const filled = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';
const filledList = (values: readonly string[] | undefined): boolean => (values ?? []).some((value) => value.trim() !== '');
const filledTerm = (term: InventoryTerm | undefined): boolean => term !== undefined && ((term.date ?? null) !== null || filled(term.description));

/** Whether a required item is present. 保管方法 needs its medium (紙/電子); 件数 may be approximate. */
function hasRequiredItem(entry: Partial<InventoryEntry>, field: RequiredItemField): boolean {
  switch (field) {
    case 'name':
      return filled(entry.name);
    case 'items':
      return filledList(entry.items);
    case 'purpose':
      return filled(entry.purpose);
    case 'storageLocation':
      return filled(entry.storageLocation);
    case 'storageMethod':
      return entry.storageMethod?.media !== undefined;
    case 'accessHolders':
      return filledList(entry.accessHolders);
    case 'useUntil':
      return filledTerm(entry.useUntil);
    case 'retainUntil':
      return filledTerm(entry.retainUntil);
    case 'recordCount':
      return entry.recordCount !== undefined;
  }
}

/**
 * J.3.1.1 3: returns one finding per missing required item, in form order, each citing the
 * clause. Applies to 仮名加工情報・匿名加工情報・個人関連情報 alike (J.3.1.1 留意事項). An empty
 * array means the row is complete.
 *
 * @example checkRequiredItems({ id: 'e1', name: '会員名簿' }).map((f) => f.field)
 * // ['items', 'purpose', 'storageLocation', …]
 */
export function checkRequiredItems(entry: Partial<InventoryEntry>): InventoryFinding[] {
  return requiredInventoryItems
    .filter((item) => !hasRequiredItem(entry, item.field))
    .map((item) => ({
      code: 'required_item_missing',
      severity: 'error',
      field: item.field === 'storageMethod' ? 'storageMethod.media' : item.field,
      clause: item.clause,
      quote: item.clause === 'J.3.1.1 3' ? `${J3113_QUOTE}（${item.label}）` : '個人情報の名称は台帳の行を識別するために必要です（SPEC M1）。',
      message:
        item.field === 'storageMethod'
          ? `保管方法（storageMethod.media）が未入力です。媒体（紙／電子）を選んでください（${item.clause}）`
          : `${item.label}（${item.field}）が未入力です（${item.clause}）`,
    }));
}

// ─── J.8.3: 要配慮個人情報 ──────────────────────────────────────────────────────────────────

const J831_QUOTE =
  '要配慮個人情報の取得に際しては、要配慮個人情報の取得、利用、又は提供（要配慮個人情報のデータの提供含む）する旨について、あらかじめ書面によって明示し、書面によって本人の同意を得る。';
const J832_QUOTE = '要配慮個人情報を取得する際、あらかじめ書面によって本人の同意を得ることを要しないのは、以下の場合に限定する。';
const J833_QUOTE = '個人情報に、性生活、性的指向又は労働組合に関する情報が含まれる場合には、当該情報を要配慮個人情報と同様に取り扱う。';
const J83_NOTE_QUOTE =
  '要配慮個人情報とは、本人の人種、信条、社会的身分、病歴、犯罪の経歴、犯罪により害を被った事実その他本人に対する不当な差別、偏見その他の不利益が生じないようにその取扱いに特に配慮を要するものとして政令で定める記述等が含まれる個人情報をいう。';

const categoryById = new Map<SpecialCategoryId, SpecialCategory>(specialCategories.map((category) => [category.id, category]));

function categoryOf(id: SpecialCategoryId): SpecialCategory {
  const found = categoryById.get(id);
  if (!found) throw new Error(`未知の分類です: ${id}`);
  return found;
}

/** Whether J.8.3 applies to the entry: flagged 要配慮, or tagged with a category J.8.3 names or treats alike. */
export function isTreatedAsSensitive(entry: Partial<InventoryEntry>): boolean {
  if (entry.sensitive === true) return true;
  return (entry.specialCategories ?? []).some((id) => {
    const relation = categoryOf(id).j83;
    return relation === 'sensitive' || relation === 'treat_as_sensitive';
  });
}

/**
 * J.8.3: an entry with 要配慮個人情報 needs a recorded ground — written consent (J.8.3 1) or one of
 * the lettered exceptions a)–k) of J.8.3 2 with the reason. Also flags categories the seed names
 * (留意事項の定義, J.8.3 3) when the entry is not marked 要配慮, and categories that *may* be 要配慮.
 */
export function checkSensitiveAcquisition(entry: Partial<InventoryEntry>): InventoryFinding[] {
  const findings: InventoryFinding[] = [];
  for (const id of unique(entry.specialCategories ?? [])) {
    const category = categoryOf(id);
    if (entry.sensitive === true) continue;
    if (category.j83 === 'sensitive') {
      findings.push({
        code: 'sensitive_flag_missing',
        severity: 'error',
        field: 'sensitive',
        clause: 'J.8.3 留意事項',
        quote: J83_NOTE_QUOTE,
        message: `「${category.label}」は要配慮個人情報です。要配慮個人情報（sensitive）を true にしてください（J.8.3 留意事項）`,
      });
    } else if (category.j83 === 'treat_as_sensitive') {
      findings.push({
        code: 'sensitive_flag_missing',
        severity: 'error',
        field: 'sensitive',
        clause: 'J.8.3 3',
        quote: J833_QUOTE,
        message: `「${category.label}」は要配慮個人情報と同様に取り扱います。要配慮個人情報（sensitive）を true にしてください（J.8.3 3）`,
      });
    } else if (category.j83 === 'possible') {
      findings.push({
        code: 'sensitive_possible',
        severity: 'warning',
        field: 'specialCategories',
        clause: 'J.8.3 留意事項',
        quote: J83_NOTE_QUOTE,
        message: `「${category.label}」は要配慮個人情報（人種、信条、社会的身分、病歴…その他政令で定める記述等）に当たる可能性があります。該当するか確認してください（J.8.3 留意事項）`,
      });
    }
  }

  if (!isTreatedAsSensitive(entry)) return findings;
  const basis = entry.sensitiveBasis ?? null;
  if (basis === null) {
    findings.push({
      code: 'sensitive_basis_missing',
      severity: 'error',
      field: 'sensitiveBasis',
      clause: 'J.8.3 1・2',
      quote: `${J831_QUOTE} ${J832_QUOTE}`,
      message: '要配慮個人情報の取得根拠（sensitiveBasis）が未記録です。書面による本人の同意（J.8.3 1）か、J.8.3 2 a)〜k) のいずれの例外に当たるかを記録してください',
    });
    return findings;
  }
  if (basis.kind === 'exception') {
    const exception = sensitiveConsentExceptions.find((item) => item.letter === basis.letter);
    if (!filled(basis.reason)) {
      findings.push({
        code: 'sensitive_exception_reason_missing',
        severity: 'error',
        field: 'sensitiveBasis.reason',
        clause: `J.8.3 2 ${basis.letter})`,
        quote: exception?.text ?? J832_QUOTE,
        message: `J.8.3 2 ${basis.letter}) に当たる理由（sensitiveBasis.reason）を記入してください`,
      });
    }
    const methods = entry.acquisitionMethods ?? [];
    // g) and i) describe *how* the data arrives; the recorded 取得方法 should say the same.
    if (basis.letter === 'g' && !methods.includes('entrusted')) {
      findings.push(inconsistent('g', exception?.text ?? '', '委託を受けて'));
    }
    if (basis.letter === 'i' && !methods.includes('joint_use')) {
      findings.push(inconsistent('i', exception?.text ?? '', '共同利用'));
    }
  }
  return findings;
}

function inconsistent(letter: string, quote: string, method: string): InventoryFinding {
  return {
    code: 'sensitive_exception_inconsistent',
    severity: 'warning',
    field: 'sensitiveBasis.letter',
    clause: `J.8.3 2 ${letter})`,
    quote,
    message: `J.8.3 2 ${letter}) を根拠にしていますが、取得方法（acquisitionMethods）に「${method}」がありません。根拠か取得方法を見直してください`,
  };
}

// ─── 岡崎市規程 第5条2 ──────────────────────────────────────────────────────────────────────

/**
 * 岡崎市規程 第5条2 「次に示す内容を含む個人情報の収集、利用又は提供を行ってはならない。」: a warning
 * per tagged category in the five prohibited items, and per item name (個人情報の項目) whose words
 * suggest one (a heuristic — 「可能性」). The seed lists no exception to 第5条2.
 */
export function okazakiProhibitedCategoryWarnings(entry: Partial<InventoryEntry>): InventoryFinding[] {
  const findings: InventoryFinding[] = [];
  const tagged = new Set(entry.specialCategories ?? []);
  for (const id of tagged) {
    const category = categoryOf(id);
    if (category.okazaki === null) continue;
    const quote = okazakiProhibitedItems[category.okazaki.item];
    findings.push({
      code: 'okazaki_prohibited_category',
      severity: 'warning',
      field: 'specialCategories',
      clause: OKAZAKI_ARTICLE,
      quote: `${OKAZAKI_LEAD} ${quote}`,
      message: `「${category.label}」は${OKAZAKI_ARTICLE}（${quote}）${category.okazaki.literal ? 'に当たります' : 'に当たる可能性があります'}。同規程の適用を受ける業務では収集・利用・提供できません`,
    });
  }
  for (const [index, item] of (entry.items ?? []).entries()) {
    const hits = unique(specialCategoryKeywords.filter((hint) => item.includes(hint.keyword)).map((hint) => hint.category));
    for (const id of hits) {
      const category = categoryOf(id);
      if (category.okazaki === null || tagged.has(id)) continue;
      const quote = okazakiProhibitedItems[category.okazaki.item];
      findings.push({
        code: 'okazaki_prohibited_category',
        severity: 'warning',
        field: `items[${index}]`,
        clause: OKAZAKI_ARTICLE,
        quote: `${OKAZAKI_LEAD} ${quote}`,
        message: `項目「${item}」は${OKAZAKI_ARTICLE}の「${category.label}」（${quote}）に当たる可能性があります。同規程の適用を受ける業務では収集・利用・提供できません`,
      });
    }
  }
  return findings;
}

// ─── Exemptions ────────────────────────────────────────────────────────────────────────────

/** Checks each recorded exemption: a reason is written; J.8.4 d) / J.8.5 4 name one of PA01's four kinds. */
export function checkExemptions(entry: Partial<InventoryEntry>): InventoryFinding[] {
  const findings: InventoryFinding[] = [];
  for (const [index, exemption] of (entry.exemptions ?? []).entries()) {
    const item = exemptionClauseLists[exemption.clause].find((candidate) => candidate.letter === exemption.letter);
    const ref = `${exemption.clause} 2 ${exemption.letter}${/^[a-z]$/.test(exemption.letter) ? ')' : ''}`;
    if (!filled(exemption.reason)) {
      findings.push({
        code: 'exemption_reason_missing',
        severity: 'error',
        field: `exemptions[${index}].reason`,
        clause: ref,
        quote: item?.text ?? '',
        message: `${ref} に当たる理由（exemptions[${index}].reason）を記入してください`,
      });
    }
    const obvious = (exemption.clause === 'J.8.4' && exemption.letter === 'd') || (exemption.clause === 'J.8.5' && exemption.letter === '4');
    if (obvious && exemption.subItem === undefined) {
      findings.push({
        code: 'exemption_sub_item_missing',
        severity: 'error',
        field: `exemptions[${index}].subItem`,
        clause: 'J.8.4 2 d)',
        quote: `d) に該当する個人情報は、財団では以下に限定する。 ${obviousPurposeKinds.map((kind) => `${kind.letter}) ${kind.text}`).join(' ')}`,
        message: `「取得の状況からみて利用目的が明らか」は PA01 が定める4種類に限られます。1)〜4) のどれに当たるか（exemptions[${index}].subItem）を選んでください（J.8.4 2 d)）`,
      });
    }
  }
  return findings;
}

/**
 * All entry checks in one list (J.3.1.1 3, J.8.3, 例外の記録, 岡崎市規程 第5条2): errors first, then
 * warnings, each group in rule order.
 */
export function validateInventoryEntry(entry: Partial<InventoryEntry>): InventoryFinding[] {
  const all = [...checkRequiredItems(entry), ...checkSensitiveAcquisition(entry), ...checkExemptions(entry), ...okazakiProhibitedCategoryWarnings(entry)];
  return [...all.filter((f) => f.severity === 'error'), ...all.filter((f) => f.severity === 'warning')];
}

// ─── Disposal ──────────────────────────────────────────────────────────────────────────────

/** Why an entry is due for disposal. */
export type DisposalReason = {
  kind: 'use_period_ended' | 'retention_period_ended';
  label: string;
  /** The 期限 (last day) that has passed. */
  date: IsoDate;
  clause: string;
  quote: string;
};

/** A disposal task (廃棄・消去タスク) derived from an entry whose period has passed. */
export type DisposalDue = {
  entryId: string;
  entryName: string;
  reasons: DisposalReason[];
  /** The day the task became due: the day after the earliest passed 期限. */
  dueSince: IsoDate;
  /** 保管期限 when it lies in the future (only 利用期限 has passed): keep until then, or erase now. */
  keepUntil: IsoDate | null;
  task: {
    kind: 'disposal';
    title: string;
    ownerRole: 'department_head';
    /** Methods PA01 allows for the entry's media (J.9.2 b) 6)), plus 委託先 return/erasure. */
    methods: { text: string; clause: string }[];
  };
};

const paperDisposal = { text: '紙: シュレッダーによる裁断、焼却、溶解いずれかの方法で処分する', clause: 'J.9.2 b) 6) ①' };
const electronicDisposal = {
  text: '電子: データ消去用のソフトで復元できないように完全に消去する、又は電磁的記憶媒体そのものを物理的に破壊する',
  clause: 'J.9.2 b) 6) ②',
};
const entrustedDisposal = { text: '委託先: 契約終了後の措置（返却又は廃棄）を確認し、廃棄の記録を受け取る', clause: 'J.9.4 3 h)' };

/**
 * 利用期限・保管期限 → 廃棄タスク (SPEC M1). A 期限 is the last day: it has *passed* when `today` is
 * later than it. Returns null when nothing has passed, the entry was already disposed of
 * (`disposedAt`), or the 期限 is only described in words (「退職後5年」) without a date.
 *
 * - 保管期限 passed: erase/dispose (J.9.2 b) 3) ⑤ 「個人情報管理台帳に定められた保管期間に従って保管する」).
 * - Only 利用期限 passed: the data is no longer needed for its purpose — erase, or keep until 保管期限
 *   if there is one (J.9.1 2 「個人データの管理（利用する必要がなくなった場合の消去を含む。）」).
 *
 * @param today the current date, `YYYY-MM-DD` (the engine has no clock).
 */
export function disposalDue(entry: Partial<InventoryEntry> & { id: string }, today: IsoDate): DisposalDue | null {
  if (!isIsoDate(today)) throw new RangeError(`today は YYYY-MM-DD 形式の実在する日付で指定してください: "${today}"`);
  if ((entry.disposedAt ?? null) !== null) return null;
  const reasons: DisposalReason[] = [];
  const useDate = entry.useUntil?.date ?? null;
  const retainDate = entry.retainUntil?.date ?? null;
  if (useDate !== null && today > useDate) {
    reasons.push({
      kind: 'use_period_ended',
      label: '利用期限を経過',
      date: useDate,
      clause: 'J.9.1 2',
      quote: '個人データの管理（利用する必要がなくなった場合の消去を含む。）は、定めた手順に基づいて適切に行う。',
    });
  }
  if (retainDate !== null && today > retainDate) {
    reasons.push({
      kind: 'retention_period_ended',
      label: '保管期限を経過',
      date: retainDate,
      clause: 'J.9.2 b) 3) ⑤',
      quote: '個人情報が記された書類および個人情報が入った電磁的記憶媒体（CD-R、USB メモリー等）は、個人情報管理台帳に定められた保管期間に従って保管する。',
    });
  }
  // ISO dates sort as strings; the earliest passed 期限 starts the task.
  const earliest = reasons.map((reason) => reason.date).sort()[0];
  if (earliest === undefined) return null;
  const media = entry.storageMethod?.media;
  const methods = [
    ...(media === 'electronic' ? [] : [paperDisposal]),
    ...(media === 'paper' ? [] : [electronicDisposal]),
    ...((entry.entrustedTo ?? []).length > 0 ? [entrustedDisposal] : []),
  ];
  const retentionPassed = reasons.some((reason) => reason.kind === 'retention_period_ended');
  const name = filled(entry.name) ? (entry.name ?? '') : entry.id;
  return {
    entryId: entry.id,
    entryName: name,
    reasons,
    dueSince: addCalendarDays(earliest, 1),
    keepUntil: !retentionPassed && retainDate !== null ? retainDate : null,
    task: {
      kind: 'disposal',
      title: retentionPassed ? `保管期限経過による消去・廃棄（${name}）` : `利用期限経過に伴う消去・廃棄の検討（${name}）`,
      ownerRole: 'department_head',
      methods,
    },
  };
}

// ─── Acquisition, use and provision duties ──────────────────────────────────────────────────

/** Identifiers of the notice / consent / confirmation duties. */
export type HandlingDutyId =
  | 'j85_written_notice_consent'
  | 'j84_purpose_notice'
  | 'j82_source_check'
  | 'j883_receipt_confirmation'
  | 'j87d_joint_use_notice'
  | 'j83_sensitive_written_consent'
  | 'j87_contact_consent'
  | 'j88_provision_consent'
  | 'j882_provision_record'
  | 'j881_overseas_provision';

/** When the duty must be met. */
export type HandlingDutyTiming = 'before_acquisition' | 'after_acquisition' | 'at_receipt' | 'before_contact' | 'before_provision' | 'at_provision';

/** One duty (通知・明示・同意・確認・記録の義務) triggered by how the entry is acquired or used. */
export type HandlingDuty = {
  id: HandlingDutyId;
  label: string;
  clause: string;
  quote: string;
  timing: HandlingDutyTiming;
  /** What triggered it (Japanese), e.g. 「取得方法: 本人から直接書面（Webフォームを含む）」. */
  triggeredBy: string[];
  /** `exempted` when the entry records a valid exception (see `exemptedBy`). */
  status: 'required' | 'exempted';
  exemptedBy: { clause: string; letter: string; text: string; reason: string } | null;
  /** Items to tell the person (a)–h) etc.), when the clause lists them. */
  items: ClauseItem[];
  /** PA01's own procedure (申請書, 承認, 方法), when it gives one. */
  procedure: string | null;
  /** `seed` when the seed states the duty for this case; `interpretation` when Mamori reads it in. */
  certainty: 'seed' | 'interpretation';
  note: string | null;
};

type DutyDraft = Omit<HandlingDuty, 'status' | 'exemptedBy' | 'triggeredBy'> & {
  triggeredBy: string;
  /** Clause whose exceptions recorded in `entry.exemptions` can exempt the duty. */
  exemptionClause: ExemptionClause | null;
  /** An exception recorded elsewhere on the entry (J.8.3: `sensitiveBasis`). */
  presetExemption?: HandlingDuty['exemptedBy'];
};

function dutyCollector(entry: Partial<InventoryEntry>) {
  const duties = new Map<HandlingDutyId, HandlingDuty>();
  return {
    add(draft: DutyDraft): void {
      const existing = duties.get(draft.id);
      if (existing) {
        if (!existing.triggeredBy.includes(draft.triggeredBy)) existing.triggeredBy.push(draft.triggeredBy);
        // A duty the seed states for one trigger is certain even if another trigger is a reading.
        if (draft.certainty === 'seed') existing.certainty = 'seed';
        return;
      }
      const exemption =
        draft.exemptionClause === null
          ? undefined
          : (entry.exemptions ?? []).find(
              (candidate) =>
                candidate.clause === draft.exemptionClause && filled(candidate.reason) && exemptionClauseLists[candidate.clause].some((item) => item.letter === candidate.letter),
            );
      const item = exemption ? exemptionClauseLists[exemption.clause].find((candidate) => candidate.letter === exemption.letter) : undefined;
      const { exemptionClause: _clause, presetExemption, triggeredBy, ...rest } = draft;
      const exemptedBy = presetExemption ?? (exemption && item ? { clause: exemption.clause, letter: exemption.letter, text: item.text, reason: exemption.reason } : null);
      duties.set(draft.id, { ...rest, triggeredBy: [triggeredBy], status: exemptedBy ? 'exempted' : 'required', exemptedBy });
    },
    list(order: readonly HandlingDutyId[]): HandlingDuty[] {
      return order.flatMap((id) => {
        const duty = duties.get(id);
        return duty ? [duty] : [];
      });
    },
  };
}

const acquisitionDutyOrder: readonly HandlingDutyId[] = [
  'j83_sensitive_written_consent',
  'j85_written_notice_consent',
  'j84_purpose_notice',
  'j87d_joint_use_notice',
  'j82_source_check',
  'j883_receipt_confirmation',
];

const J82_QUOTE =
  '本人以外の第三者からの提供、委託または共同利用により個人情報を取得する場合は、提供元・委託元またはその他の共同利用者が個人情報保護法及び個人情報保護委員会ガイドライン等に沿って適切に個人情報を取り扱っていることを確認する。';
const J841_QUOTE = '個人情報を取得した場合は、あらかじめ、その利用目的を公表している場合を除き、速やかにその利用目的を本人に通知し、又は公表する。';
const J84_PROCEDURE =
  '予め公表する場合は、直接書面以外の方法で取得する個人情報の利用目的を含む文面について個人情報保護管理者の承認を得た上で、財団ホームページ上で公表する（J.8.4 e)）。取得後に通知又は公表する場合は、同様に承認を得た上で、文書での連絡・電話又は面談による口頭通知・財団ホームページ上での公表のうち合理的かつ適切な方法を選ぶ（J.8.4 f)）。';

/**
 * The notice / consent / confirmation duties an entry's 取得方法 and attributes trigger
 * (J.8.2, J.8.3, J.8.4, J.8.5, J.8.7 d), J.8.8.3), each with its clause, timing, the items to
 * tell the person, PA01's procedure, and — when the entry records a valid exception — status
 * `exempted` with the ground. Duties triggered by several methods appear once.
 *
 * - 本人から直接書面: J.8.5 — あらかじめ書面で a)–h) を明示し、書面で同意を得る (J.8.5 is
 *   「J.8.4のうち本人から直接書面によって取得する場合の措置」, so J.8.4 is not listed separately).
 * - 直接書面以外・第三者から: J.8.4 — 利用目的を公表済みでなければ速やかに通知又は公表.
 * - 第三者から・委託を受けて・共同利用: J.8.2 — 提供元・委託元・共同利用者の適正な取扱いを確認.
 * - 第三者から: J.8.8.3 — 確認を行い記録する (委託・共同利用は J.8.8.3 2 a)・c) で不要).
 * - 共同利用: J.8.7 2 d) 1)–5) をあらかじめ通知又は容易に知り得る状態に置き、契約で定める.
 * - 委託を受けて: J.8.4 is listed as `interpretation` — the seed gives no exception for it.
 * - 要配慮: J.8.3 1 (an exception goes in `sensitiveBasis`, checked by {@link checkSensitiveAcquisition}).
 */
export function acquisitionDuties(entry: Partial<InventoryEntry>): HandlingDuty[] {
  const duties = dutyCollector(entry);
  const methods = unique(entry.acquisitionMethods ?? []);
  const by = (method: AcquisitionMethod) => `取得方法: ${acquisitionMethodLabels[method]}`;

  if (isTreatedAsSensitive(entry)) {
    const basis = entry.sensitiveBasis ?? null;
    const exception = basis?.kind === 'exception' && filled(basis.reason) ? sensitiveConsentExceptions.find((item) => item.letter === basis.letter) : undefined;
    duties.add({
      id: 'j83_sensitive_written_consent',
      label: '要配慮個人情報の取得・利用・提供について書面で明示し、書面で同意を得る',
      clause: 'J.8.3 1',
      quote: J831_QUOTE,
      timing: 'before_acquisition',
      triggeredBy: '要配慮個人情報を含む',
      exemptionClause: null,
      presetExemption: exception && basis?.kind === 'exception' ? { clause: 'J.8.3 2', letter: exception.letter, text: exception.text, reason: basis.reason } : null,
      items: [],
      procedure: '要配慮個人情報の取得に際して同意を得るときは、J.8.5（本人から直接書面によって取得する場合の措置）に基づいて実施する（J.8.3 留意事項）。',
      certainty: 'seed',
      note: null,
    });
  }

  for (const method of methods) {
    switch (method) {
      case 'direct_written':
        duties.add({
          id: 'j85_written_notice_consent',
          label: '取得前に a)〜h) を書面で明示し、書面で本人の同意を得る',
          clause: 'J.8.5 1',
          quote:
            '本人から、書面に記載された個人情報を直接取得する場合には、少なくとも、次に示す事項又はそれと同等以上の内容の事項を、あらかじめ、書面によって本人に明示し、書面によって本人の同意を得る。',
          timing: 'before_acquisition',
          triggeredBy: by(method),
          exemptionClause: 'J.8.5',
          items: [...directWrittenNoticeItems],
          procedure:
            '「新規個人情報取得申請書」に a)〜h) を含んだ「取得時の必要通知事項」の文案を添付し、所属長を経由して個人情報保護管理者の承認を得る。紙媒体は同文面を直接提示して同意の署名又は同意欄へのチェック、Web フォームは画面上で同文面を読んだ上で「同意欄」をクリックした後に送信する方式とする（J.8.5 留意事項 i)・j)）。',
          certainty: 'seed',
          note: null,
        });
        break;
      case 'direct_other':
        duties.add(purposeNotice(by(method), 'seed', null));
        break;
      case 'from_third_party':
        duties.add(purposeNotice(by(method), 'seed', null));
        duties.add(sourceCheck(by(method)));
        duties.add({
          id: 'j883_receipt_confirmation',
          label: '第三者から個人データの提供を受ける際に確認を行い、記録を作成し、保管する',
          clause: 'J.8.8.3 1・3・4',
          quote: '第三者から個人データの提供を受けるに際しては、必要な確認を行う。',
          timing: 'at_receipt',
          triggeredBy: by(method),
          exemptionClause: 'J.8.8.3',
          items: [],
          procedure: null,
          certainty: 'seed',
          note: '当該個人データの提供を受ける際に特定された利用目的を含め確認し、記録することが望ましい（J.8.8.3 留意事項）。',
        });
        break;
      case 'entrusted':
        duties.add(sourceCheck(by(method)));
        duties.add(
          purposeNotice(
            by(method),
            'interpretation',
            'seed（PA01 J.8.4 2）は委託を受けて取得する場合を通知・公表の例外に挙げていないため、義務として表示します。委託元が既に利用目的を通知・公表しているかを確認してください（docs「不確かな点」）。',
          ),
        );
        break;
      case 'joint_use':
        duties.add(sourceCheck(by(method)));
        duties.add({
          id: 'j87d_joint_use_notice',
          label: '共同利用の1)〜5)をあらかじめ本人に通知し又は容易に知り得る状態に置き、共同利用について契約で定める',
          clause: 'J.8.7 2 d)',
          quote:
            '個人情報が特定の者との間で、適法かつ公正な手段によって、共同して利用されている場合であって、以下の1)～5)に示す事項を、あらかじめ、本人に通知し、又は本人が容易に知り得る状態に置くとともに、共同して利用する者との間で共同利用について契約によって定めているとき',
          timing: 'before_acquisition',
          triggeredBy: by(method),
          exemptionClause: null,
          items: [...jointUseNoticeItems],
          procedure: null,
          certainty: 'seed',
          note: '1)〜5) の通知等は共同利用する全ての事業者に求められる（J.8.7 留意事項）。',
        });
        break;
    }
  }
  return duties.list(acquisitionDutyOrder);
}

function purposeNotice(triggeredBy: string, certainty: HandlingDuty['certainty'], note: string | null): DutyDraft {
  return {
    id: 'j84_purpose_notice',
    label: '利用目的をあらかじめ公表するか、取得後速やかに本人に通知し又は公表する',
    clause: 'J.8.4 1',
    quote: J841_QUOTE,
    timing: 'after_acquisition',
    triggeredBy,
    exemptionClause: 'J.8.4',
    items: [{ letter: '-', text: '利用目的' }],
    procedure: J84_PROCEDURE,
    certainty,
    note,
  };
}

function sourceCheck(triggeredBy: string): DutyDraft {
  return {
    id: 'j82_source_check',
    label: '提供元・委託元・共同利用者が適切に個人情報を取り扱っていることを確認する',
    clause: 'J.8.2',
    quote: J82_QUOTE,
    timing: 'at_receipt',
    triggeredBy,
    exemptionClause: null,
    items: [],
    procedure: null,
    certainty: 'seed',
    note: null,
  };
}

const useDutyOrder: readonly HandlingDutyId[] = ['j87_contact_consent', 'j88_provision_consent', 'j882_provision_record', 'j881_overseas_provision'];

/**
 * The use and provision duties an entry's attributes trigger: 本人への連絡・接触 (J.8.7 1),
 * 第三者提供 (J.8.8 1 and the record of J.8.8.2 1), 外国にある第三者への提供 (J.8.8.1 1). Recorded
 * exceptions (J.8.7 2, J.8.8 2) mark the duty `exempted`. For J.8.8.1 the recorded basis a)–c) is
 * shown in `note`; without one the duty stays `required`. Entrusting to a foreign contractor is
 * covered too: J.8.8.1 allows only J.8.8 f)–l) as exceptions, not c) 委託.
 */
export function useAndProvisionDuties(entry: Partial<InventoryEntry>): HandlingDuty[] {
  const duties = dutyCollector(entry);
  if (entry.contactsPersons === true) {
    duties.add({
      id: 'j87_contact_consent',
      label: '本人に連絡又は接触する前に、J.8.5 a)〜f) 及び取得方法を通知し、本人の同意を得る',
      clause: 'J.8.7 1',
      quote: '個人情報を利用して本人に連絡又は接触する場合には、本人に対して、J.8.5のa)～f)に示す事項又はそれと同等以上の内容の事項、及び取得方法を通知し、本人の同意を得る。',
      timing: 'before_contact',
      triggeredBy: '本人への連絡・接触に利用する',
      exemptionClause: 'J.8.7',
      items: [...directWrittenNoticeItems.slice(0, 6), { letter: '-', text: '取得方法' }],
      procedure:
        '「個人情報取扱変更等申請書」に当該個人情報を用いて本人に連絡又は接触することを記述し、個人情報保護管理者の承認を得る。DMは最初に発送するDMに通知文書を同封し、電話は最初に電話する際に利用目的等を告げて同意を得る（J.8.7 留意事項）。',
      certainty: 'seed',
      note: null,
    });
  }
  if (entry.thirdPartyProvision === true) {
    duties.add({
      id: 'j88_provision_consent',
      label: '第三者提供の前に、J.8.5 a)〜d) 及び取得方法を通知し、本人の同意を得る',
      clause: 'J.8.8 1',
      quote:
        '個人データを第三者に提供する場合には、あらかじめ、本人に対して、当該個人データを第三者に提供することに関して、J.8.5のa)～d)に示す事項又はそれと同等以上の内容の事項、及び取得方法を通知し、本人の同意を得る。',
      timing: 'before_provision',
      triggeredBy: '第三者提供を行う',
      exemptionClause: 'J.8.8',
      items: [...directWrittenNoticeItems.slice(0, 4), { letter: '-', text: '取得方法' }],
      procedure: '「個人情報取扱変更等申請書」に必要事項を記入し、取得方法並びに J.8.5 の a)～d) を明記した文面の案を添付し、個人情報保護管理者の承認を受ける（J.8.8 留意事項）。',
      certainty: 'seed',
      note: null,
    });
    duties.add({
      id: 'j882_provision_record',
      label: '第三者に提供したときは、提供について必要な記録を作成し、必要な期間保管する',
      clause: 'J.8.8.2 1・3',
      quote: '個人データを第三者に提供したときは、当該個人データの提供について必要な記録を作成する。',
      timing: 'at_provision',
      triggeredBy: '第三者提供を行う',
      exemptionClause: null,
      items: [],
      procedure: null,
      certainty: 'seed',
      note: '法令に基づく場合等、J.8.8.2 2 a)〜j) に当たる提供は記録を要しません（提供ごとに M6 の提供記録で判断します）。',
    });
  }
  const countries = (entry.overseasCountries ?? []).filter((country) => country.trim() !== '');
  if (countries.length > 0) {
    const basis = entry.overseasBasis ?? null;
    const basisItem = overseasProvisionBases.find((item) => item.letter === basis);
    duties.add({
      id: 'j881_overseas_provision',
      label: '外国にある第三者への提供は、本人同意・体制整備・同等水準国のいずれかを満たす',
      clause: 'J.8.8.1 1',
      quote: '外国にある第三者に個人データを提供する場合、以下のいずれかを満たす。ただし、J.8.8 の f)～l) のいずれかに該当する場合はこれに限らない。',
      timing: 'before_provision',
      triggeredBy: `提供先の外国: ${countries.join('、')}`,
      exemptionClause: null,
      items: [...overseasProvisionBases],
      procedure:
        basis === 'a'
          ? 'a) による場合は、あらかじめ、当該外国の名称、当該外国の個人情報の保護に関する制度、当該第三者が講ずる保護措置の情報を本人に提供する（J.8.8.1 2 d)〜f)）。'
          : basis === 'b'
            ? 'b) による場合は、相当措置の実施状況等の定期的な確認、支障時の措置、本人の求めに応じた情報提供を行う（J.8.8.1 3 j)〜l)）。'
            : null,
      certainty: 'seed',
      note: basisItem ? `根拠として ${basisItem.letter}) が記録されています: ${basisItem.text}` : '根拠（overseasBasis: a・b・c）が未記録です。',
    });
  }
  return duties.list(useDutyOrder);
}

// ─── Yearly review diff ────────────────────────────────────────────────────────────────────

/** Fields compared by {@link reviewDiff}: everything but `id` and `revision`. */
export type ReviewField = Exclude<keyof InventoryEntry, 'id' | 'revision'>;

/** Labels of the compared fields, in 台帳 column order (the order changes are listed in). */
export const reviewFieldLabels: Readonly<Record<ReviewField, string>> = Object.freeze({
  name: '個人情報の名称',
  departmentId: '所管部署',
  items: '個人情報の項目',
  purpose: '利用目的',
  storageLocation: '保管場所',
  storageMethod: '保管方法',
  accessHolders: 'アクセス権を有する者',
  useUntil: '利用期限',
  retainUntil: '保管期限',
  recordCount: '件数',
  acquisitionMethods: '取得方法',
  sensitive: '要配慮個人情報',
  sensitiveBasis: '要配慮個人情報の取得根拠',
  specialCategories: '特に配慮を要する記述の分類',
  myNumber: '特定個人情報',
  retainedPersonalData: '保有個人データ',
  processedKind: '加工の種類',
  entrustedTo: '委託先',
  thirdPartyProvision: '第三者提供',
  overseasCountries: '提供先の外国',
  overseasBasis: '外国にある第三者への提供の根拠',
  contactsPersons: '本人への連絡・接触',
  disposalMethod: '廃棄方法',
  disposedAt: '廃棄日',
  noticeRefs: '通知・同意の文面',
  exemptions: '例外の記録',
});
const reviewFields: readonly ReviewField[] = [
  'name',
  'departmentId',
  'items',
  'purpose',
  'storageLocation',
  'storageMethod',
  'accessHolders',
  'useUntil',
  'retainUntil',
  'recordCount',
  'acquisitionMethods',
  'sensitive',
  'sensitiveBasis',
  'specialCategories',
  'myNumber',
  'retainedPersonalData',
  'processedKind',
  'entrustedTo',
  'thirdPartyProvision',
  'overseasCountries',
  'overseasBasis',
  'contactsPersons',
  'disposalMethod',
  'disposedAt',
  'noticeRefs',
  'exemptions',
];

/** Lists compared as sets: order carries no meaning in the 台帳. */
const setFields: ReadonlySet<ReviewField> = new Set<ReviewField>([
  'items',
  'accessHolders',
  'acquisitionMethods',
  'specialCategories',
  'entrustedTo',
  'overseasCountries',
  'noticeRefs',
]);

/** Fields whose change is not a change of handling (取扱い方法), so no risk re-analysis follows. */
const nonHandlingFields: ReadonlySet<ReviewField> = new Set<ReviewField>(['name', 'departmentId', 'recordCount', 'noticeRefs', 'disposedAt']);

/** One changed field. `before`/`after` are the normalized values (sets sorted, blanks as null). */
export type FieldChange = { field: ReviewField; label: string; before: unknown; after: unknown };

/** A follow-up the change calls for, with its clause. */
export type ReviewFollowUp = { kind: 'acquisition_request' | 'change_request' | 'purpose_change' | 'risk_analysis' | 'risk_removal'; clause: string; message: string };

/** Output of {@link reviewDiff}. */
export type ReviewDiff = {
  added: { id: string; name: string; followUps: ReviewFollowUp[] }[];
  removed: { id: string; name: string; followUps: ReviewFollowUp[] }[];
  changed: { id: string; name: string; changes: FieldChange[]; followUps: ReviewFollowUp[] }[];
  unchangedIds: string[];
};

/**
 * The yearly December review (J.3.1.1 留意事項: 「毎年12月及び必要に応じて随時、各所属長が見直しを
 * 行い、個人情報保護管理者の承認を得る」): entries added, removed and changed (per field) between
 * last year's and this year's 台帳, matched by `id`, with the follow-ups each change calls for:
 * 新規 → 新規個人情報取得申請書 (J.3.1.1 c)) and risk analysis (J.3.1.3 j)); 削除 → リスク分析表
 * から削除 (J.3.1.3 k)); 利用目的の変更 → J.8.6; 取扱い方法の変更 → 個人情報取扱変更等申請書
 * (J.3.1.1 d)) and リスク分析の随時見直し (J.3.1.3). Lists such as 項目 compare as sets; a blank
 * string, an empty list and a missing field are the same.
 *
 * @throws Error when an id appears twice in one list.
 */
export function reviewDiff(lastYear: readonly InventoryEntry[], thisYear: readonly InventoryEntry[]): ReviewDiff {
  const before = indexById(lastYear, '昨年の台帳');
  const after = indexById(thisYear, '今年の台帳');
  const diff: ReviewDiff = { added: [], removed: [], changed: [], unchangedIds: [] };
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (old === undefined) {
      diff.added.push({
        id,
        name: entry.name ?? '',
        followUps: [
          { kind: 'acquisition_request', clause: 'J.3.1.1 c)', message: '新種の個人情報は「新規個人情報取得申請書」によって個人情報保護管理者の承認を得た後、台帳に記録する' },
          {
            kind: 'risk_analysis',
            clause: 'J.3.1.3 j)',
            message: '新規取得の場合、各所属長は当該個人情報のリスク分析を行い、個人情報保護管理者の承認を経てトップマネジメントの承認を受ける',
          },
        ],
      });
      continue;
    }
    const changes: FieldChange[] = [];
    for (const field of reviewFields) {
      const a = normalize(field, old[field]);
      const b = normalize(field, entry[field]);
      if (canonical(a) !== canonical(b)) changes.push({ field, label: reviewFieldLabels[field], before: a, after: b });
    }
    if (changes.length === 0) {
      diff.unchangedIds.push(id);
      continue;
    }
    const followUps: ReviewFollowUp[] = [];
    const handlingChanged = changes.some((change) => !nonHandlingFields.has(change.field));
    if (changes.some((change) => change.field === 'purpose')) {
      followUps.push({
        kind: 'purpose_change',
        clause: 'J.8.6',
        message:
          '利用目的を変更する場合、「個人情報取扱変更等申請書」に利用目的を改訂した「取得時の必要通知事項」の文案を添付し、所属長を経由して個人情報保護管理者の承認を得る。特定した利用目的の達成に必要な範囲を超える場合は、あらかじめ J.8.5 a)〜f) を本人に通知し、本人の同意を得る（J.8.6 3、例外は J.8.6 4 a)〜f)）',
      });
    }
    if (handlingChanged) {
      followUps.push({
        kind: 'change_request',
        clause: 'J.3.1.1 d)',
        message: '利用目的や取扱い方法が変更された場合は、「個人情報取扱変更等申請書」によって個人情報保護管理者の承認を得た後、台帳を更新する',
      });
      followUps.push({
        kind: 'risk_analysis',
        clause: 'J.3.1.3',
        message: '個人情報の保管場所が変わる等、取り扱い方法に変更が生じた場合には、リスク分析対策表を随時見直す',
      });
    }
    diff.changed.push({ id, name: entry.name ?? old.name ?? '', changes, followUps });
  }
  for (const [id, entry] of before) {
    if (after.has(id)) continue;
    diff.removed.push({
      id,
      name: entry.name ?? '',
      followUps: [
        {
          kind: 'risk_removal',
          clause: 'J.3.1.3 k)',
          message: '個人情報を削除する場合、リスク分析表から当該個人情報を削除し、個人情報保護管理者の承認を経てトップマネジメントの承認を受ける',
        },
      ],
    });
  }
  return diff;
}

function indexById(entries: readonly InventoryEntry[], label: string): Map<string, InventoryEntry> {
  const map = new Map<string, InventoryEntry>();
  for (const entry of entries) {
    if (map.has(entry.id)) throw new Error(`${label}に同じID（${entry.id}）の行が複数あります`);
    map.set(entry.id, entry);
  }
  return map;
}

function normalize(field: ReviewField, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    return setFields.has(field) ? unique(value.map((v) => (typeof v === 'string' ? v.trim() : v))).sort() : value;
  }
  return value;
}

/** JSON with sorted object keys and blank members dropped, so equal values compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const members = Object.entries(v).filter(([, member]) => member !== undefined && member !== null && member !== '');
    return Object.fromEntries(members.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
