/**
 * Clause data of the inventory rules (個人情報管理台帳のルール, SPEC M1): the 台帳 vocabulary, the
 * special categories (J.8.3, 岡崎市規程 第5条2), the lettered clause lists of PA01 J.8.3–J.8.8.3 in
 * the seed's wording, the J.3.1.1 3 required items and the clause quotes the findings cite.
 *
 * Frozen under {@link inventoryRulesVersion}; a change of the regulation (PA01 の改訂) adds a new
 * version of the constants rather than editing history. The engine is `../inventoryRules.ts`,
 * which re-exports what importers use. See docs/rules/inventory-and-risk.md.
 */

/** Version of the clause data (this file and `./inventoryDuties.ts`): PA01 第4版 (最終改訂日 2024-12-01) and 岡崎市規程. */
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

/** The article whose 収集等の禁止 the warnings cite. */
export const OKAZAKI_ARTICLE = '岡崎市営住宅指定管理者における個人情報保護規程 第5条2';
/** 第5条2's lead sentence, quoted before the item. */
export const OKAZAKI_LEAD = '次に示す内容を含む個人情報の収集、利用又は提供を行ってはならない。';

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

// ─── J.3.1.1 3: required items ────────────────────────────────────────────────────────────

/** Fields J.3.1.1 3 requires, plus 名称 (SPEC M1), in the order of the 台帳 form. */
export type RequiredItemField = 'name' | 'items' | 'purpose' | 'storageLocation' | 'storageMethod' | 'accessHolders' | 'useUntil' | 'retainUntil' | 'recordCount';

/** One required item with its clause. */
export type RequiredItem = { readonly field: RequiredItemField; readonly label: string; readonly clause: string };

/** PA01 J.3.1.1 3 「台帳には、少なくとも次の項目を含む。」 */
export const J3113_QUOTE = '台帳には、少なくとも次の項目を含む。';

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

// ─── Clause quotes (seed wording) ─────────────────────────────────────────────────────────

/** J.8.3 1: written notice and written consent before acquiring 要配慮個人情報. */
export const J831_QUOTE =
  '要配慮個人情報の取得に際しては、要配慮個人情報の取得、利用、又は提供（要配慮個人情報のデータの提供含む）する旨について、あらかじめ書面によって明示し、書面によって本人の同意を得る。';
/** J.8.3 2: the lead of the exceptions a)–k). */
export const J832_QUOTE = '要配慮個人情報を取得する際、あらかじめ書面によって本人の同意を得ることを要しないのは、以下の場合に限定する。';
/** J.8.3 3: 性生活・性的指向・労働組合 are handled like 要配慮個人情報. */
export const J833_QUOTE = '個人情報に、性生活、性的指向又は労働組合に関する情報が含まれる場合には、当該情報を要配慮個人情報と同様に取り扱う。';
/** J.8.3 留意事項: the definition of 要配慮個人情報. */
export const J83_NOTE_QUOTE =
  '要配慮個人情報とは、本人の人種、信条、社会的身分、病歴、犯罪の経歴、犯罪により害を被った事実その他本人に対する不当な差別、偏見その他の不利益が生じないようにその取扱いに特に配慮を要するものとして政令で定める記述等が含まれる個人情報をいう。';
/** J.8.2: check that the source (提供元・委託元・共同利用者) handles the data properly. */
export const J82_QUOTE =
  '本人以外の第三者からの提供、委託または共同利用により個人情報を取得する場合は、提供元・委託元またはその他の共同利用者が個人情報保護法及び個人情報保護委員会ガイドライン等に沿って適切に個人情報を取り扱っていることを確認する。';
/** J.8.4 1: 利用目的の通知又は公表. */
export const J841_QUOTE = '個人情報を取得した場合は、あらかじめ、その利用目的を公表している場合を除き、速やかにその利用目的を本人に通知し、又は公表する。';
/** J.8.4 e)・f): PA01's own procedure for publishing or notifying the 利用目的. */
export const J84_PROCEDURE =
  '予め公表する場合は、直接書面以外の方法で取得する個人情報の利用目的を含む文面について個人情報保護管理者の承認を得た上で、財団ホームページ上で公表する（J.8.4 e)）。取得後に通知又は公表する場合は、同様に承認を得た上で、文書での連絡・電話又は面談による口頭通知・財団ホームページ上での公表のうち合理的かつ適切な方法を選ぶ（J.8.4 f)）。';
