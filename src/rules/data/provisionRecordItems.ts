import type { RequiredItem } from '../requiredItems/requiredItems.ts';

/**
 * 記録事項 of a 第三者提供記録 (個人情報の保護に関する法律施行規則 第20条第1項, 法第29条第1項,
 * JIS Q 15001 J.8.8.2 1) and of a 第三者提供を受ける際の確認記録 (規則 第24条第1項, 法第30条第3項,
 * J.8.8.3 3), as lists of required items (SPEC §5.5) per record kind and the ground of the
 * provision. Each item names the record's field that carries it, so a missing item is a field error.
 */

/** On what ground the personal data was provided (規則第20条第1項各号・第24条第1項各号). */
export const provisionBases = ['consent', 'opt_out', 'non_business'] as const;
export type ProvisionBasis = (typeof provisionBases)[number];
export const provisionBasisLabels: Readonly<Record<ProvisionBasis, string>> = Object.freeze({
  consent: '本人の同意による提供（法第27条第1項・第28条第1項）',
  opt_out: 'オプトアウトによる提供（法第27条第2項）',
  non_business: '個人情報取扱事業者でない者からの提供',
});

/** 個人関連情報の提供の根拠 (J.8.8.4 1・2 a), 法第31条第1項第1号): always the person's consent. */
export const relatedBasisLabel = '個人データとして取得することを認める旨の本人の同意（法第31条第1項第1号）';

/** The field of a record an item is read from. */
export type ProvisionRecordField =
  | 'providedOn'
  | 'counterparty'
  | 'subject'
  | 'dataItems'
  | 'consentObtained'
  | 'acquisitionHistory'
  | 'ppcPublished'
  | 'overseasBasis'
  | 'overseasCountry'
  | 'overseasInfo'
  | 'overseasInfoConfirmed'
  | 'overseasMeasures'
  | 'overseasSystemMethod'
  | 'overseasEquivalentMeasures'
  | 'overseasForeignSystem'
  | 'overseasObstacle'
  | 'overseasObstacleAction';

export type ProvisionRecordItem = RequiredItem & { field: ProvisionRecordField };

const item = (code: string, clause: string, text: string, field: ProvisionRecordField): ProvisionRecordItem => Object.freeze({ code, clause, text, field, keywords: [] });

const subject = (article: string, no: string) =>
  item(`${article}-${no}-c`, `規則${article}第1項第${no}号ハ`, '当該個人データによって識別される本人の氏名その他の当該本人を特定するに足りる事項', 'subject');
const dataItems = (article: string, no: string) => item(`${article}-${no}-d`, `規則${article}第1項第${no}号ニ`, '当該個人データの項目', 'dataItems');

/** 規則第20条第1項: 第三者提供記録の記録事項. */
const provisionItems: Readonly<Record<Exclude<ProvisionBasis, 'non_business'>, readonly ProvisionRecordItem[]>> = Object.freeze({
  // 第1号 法第27条第2項（オプトアウト）により提供した場合.
  opt_out: Object.freeze([
    item('第20条-1-a', '規則第20条第1項第1号イ', '当該個人データを提供した年月日', 'providedOn'),
    item(
      '第20条-1-b',
      '規則第20条第1項第1号ロ',
      '当該第三者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名（不特定かつ多数の者に対して提供したときは、その旨）',
      'counterparty',
    ),
    subject('第20条', '1'),
    dataItems('第20条', '1'),
  ]),
  // 第2号 法第27条第1項又は第28条第1項（本人の同意）により提供した場合.
  consent: Object.freeze([
    item('第20条-2-a', '規則第20条第1項第2号イ', '法第27条第1項又は法第28条第1項の本人の同意を得ている旨', 'consentObtained'),
    item(
      '第20条-2-b',
      '規則第20条第1項第2号ロ',
      '当該第三者の氏名又は名称その他の当該第三者を特定するに足りる事項（不特定かつ多数の者に対して提供したときは、その旨）',
      'counterparty',
    ),
    subject('第20条', '2'),
    dataItems('第20条', '2'),
  ]),
});

const receiptCounterparty = (no: string) =>
  item(`第24条-${no}-b`, `規則第24条第1項第${no}号ロ`, '法第30条第1項各号に掲げる事項（当該第三者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名）', 'counterparty');
const receiptHistory = (no: string) =>
  item(`第24条-${no}-b2`, `規則第24条第1項第${no}号ロ`, '法第30条第1項各号に掲げる事項（当該第三者による当該個人データの取得の経緯）', 'acquisitionHistory');

/** 規則第24条第1項: 確認記録の記録事項. */
const receiptItems: Readonly<Record<ProvisionBasis, readonly ProvisionRecordItem[]>> = Object.freeze({
  // 第1号 法第27条第2項（オプトアウト）により提供を受けた場合.
  opt_out: Object.freeze([
    item('第24条-1-a', '規則第24条第1項第1号イ', '個人データの提供を受けた年月日', 'providedOn'),
    receiptCounterparty('1'),
    receiptHistory('1'),
    subject('第24条', '1'),
    dataItems('第24条', '1'),
    item('第24条-1-e', '規則第24条第1項第1号ホ', '法第27条第4項の規定により公表されている旨', 'ppcPublished'),
  ]),
  // 第2号 法第27条第1項又は第28条第1項（本人の同意）により提供を受けた場合.
  consent: Object.freeze([
    item('第24条-2-a', '規則第24条第1項第2号イ', '法第27条第1項又は法第28条第1項の本人の同意を得ている旨', 'consentObtained'),
    receiptCounterparty('2'),
    receiptHistory('2'),
    subject('第24条', '2'),
    dataItems('第24条', '2'),
  ]),
  // 第3号 個人情報取扱事業者以外の第三者から提供を受けた場合: 第1号ロからニまで.
  non_business: Object.freeze([receiptCounterparty('3'), receiptHistory('3'), subject('第24条', '3'), dataItems('第24条', '3')]),
});

/**
 * J.8.8.4 4《個人関連情報の提供元の確認の記録事項》c)〜f) (法第31条第3項で準用する法第30条第3項,
 * 規則第28条): the 確認記録 the 提供元 of 個人関連情報 makes when it provides the information to a
 * third party expected to acquire it as personal data. Always on the ground of the person's consent
 * (法第31条第1項第1号, no opt-out); there is no 本人 item on the provider side.
 */
const relatedItems: readonly ProvisionRecordItem[] = Object.freeze([
  item('J.8.8.4-4-c', 'J.8.8.4 4 c)', 'a)で本人の同意が得られていることを確認した旨', 'consentObtained'),
  item('J.8.8.4-4-d', 'J.8.8.4 4 d)', '個人関連情報を提供した年月日', 'providedOn'),
  item('J.8.8.4-4-e', 'J.8.8.4 4 e)', '当該第三者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名', 'counterparty'),
  item('J.8.8.4-4-f', 'J.8.8.4 4 f)', '当該個人関連情報の項目', 'dataItems'),
]);

/**
 * J.8.8.4 4 c) (後段)・2 b): to a 外国にある第三者, the confirmation that the person was given the
 * information of 2 b) 1)〜3) before consenting (法第31条第1項第2号).
 */
export const relatedOverseasInfoItem: ProvisionRecordItem = item(
  'J.8.8.4-4-c-2',
  'J.8.8.4 4 c)',
  '外国にある第三者への提供にあっては、b)で本人に情報の提供（1) 当該外国の名称、2) 当該外国における個人情報の保護に関する制度、3) 当該第三者が講ずる個人情報の保護のための措置）が行われていることを確認した旨',
  'overseasInfoConfirmed',
);

/**
 * J.8.8.4 4《個人関連情報の提供先の確認の記録事項》g)〜j): the record the 提供先 makes when it receives
 * 個人関連情報 as personal data. A JIS Q 15001 record (the 法 places the 確認 on the 提供元, 法第31条);
 * like the 提供元 side, always on the person's consent (J.8.8.4 1・2 a)), and it names the 本人 (i)).
 */
const relatedReceiptItems: readonly ProvisionRecordItem[] = Object.freeze([
  item('J.8.8.4-4-g', 'J.8.8.4 4 g)', 'a) で本人の同意が得られている旨', 'consentObtained'),
  item('J.8.8.4-4-h', 'J.8.8.4 4 h)', '当該第三者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名', 'counterparty'),
  item('J.8.8.4-4-i', 'J.8.8.4 4 i)', '当該個人データ（個人関連情報）によって識別される本人の氏名その他当該本人を特定するに足りる事項', 'subject'),
  item('J.8.8.4-4-j', 'J.8.8.4 4 j)', '当該個人関連情報の項目', 'dataItems'),
]);

/** J.8.8.4 4 g) (後段): when the 提供先 is a 外国にある個人情報取扱事業者, that the person was given the information of 2 b). */
export const relatedReceiptOverseasInfoItem: ProvisionRecordItem = item(
  'J.8.8.4-4-g-2',
  'J.8.8.4 4 g)',
  '外国にある個人情報取扱事業者にあつては、b) で本人に情報の提供が行われている旨',
  'overseasInfoConfirmed',
);

/**
 * J.8.8.1 3 (and J.8.8.4 3 for 個人関連情報): to a 外国にある第三者 on ground b) (体制の整備), the
 * measures that keep the 相当措置 going — j) the periodic check and k) what is done when it falters.
 */
export const overseasMeasuresItem: ProvisionRecordItem = item(
  'J.8.8.1-3',
  'J.8.8.1 3',
  '当該第三者による相当措置の継続的な実施を確保するために必要な措置（j) 相当措置の実施状況等の定期的な確認（その頻度及び方法）、k) 支障が生じたときの措置又は提供の停止）',
  'overseasMeasures',
);

/**
 * J.8.8.1 3 l) 1)〜7): what the organization provides, on the person's request, about a provision to a
 * 外国にある第三者 on ground b) — kept on the record so it can answer 遅滞なく (法第28条第3項, 規則第18条
 * 第3項). Two of the seven are items the record already carries and are not asked twice:
 * 3) 「j) による確認の頻度及び方法」 is the j) part of {@link overseasMeasuresItem} (J.8.8.1 3), and
 * 4) 「当該外国の名称」 is the country of {@link overseasItems} (J.8.8.1 2 d)). 7) applies only when 6)
 * records a 支障 (「6) の支障に関して」).
 */
export const overseasRequestInfoItems: readonly ProvisionRecordItem[] = Object.freeze([
  item('J.8.8.1-3-l-1', 'J.8.8.1 3 l) 1)', '当該第三者による体制の整備の方法', 'overseasSystemMethod'),
  item('J.8.8.1-3-l-2', 'J.8.8.1 3 l) 2)', '当該第三者が実施する相当措置の概要', 'overseasEquivalentMeasures'),
  item('J.8.8.1-3-l-5', 'J.8.8.1 3 l) 5)', '当該第三者による相当措置の実施に影響を及ぼすおそれのある当該外国の制度の有無及びその概要', 'overseasForeignSystem'),
  item('J.8.8.1-3-l-6', 'J.8.8.1 3 l) 6)', '当該第三者による相当措置の実施に関する支障の有無及びその概要', 'overseasObstacle'),
]);
export const overseasObstacleActionItem: ProvisionRecordItem = item('J.8.8.1-3-l-7', 'J.8.8.1 3 l) 7)', '6) の支障に関して、k) により講ずる措置の概要', 'overseasObstacleAction');
export const relatedOverseasMeasuresItem: ProvisionRecordItem = item(
  'J.8.8.4-3',
  'J.8.8.4 3',
  '外国にある第三者による相当措置の継続的な実施を確保するために必要な措置（J.8.8.1 3 j) 定期的な確認、k) 支障が生じたときの措置又は提供の停止）',
  'overseasMeasures',
);

/** The record kinds the item lists know (rules/retention provisionRecordKinds). */
export type ProvisionRecordItemsKind = 'provision' | 'receipt' | 'related' | 'related_receipt';

/** The items a record of this kind and ground must carry; null when the ground does not apply to the kind. */
export function provisionRecordItems(kind: ProvisionRecordItemsKind, basis: ProvisionBasis): readonly ProvisionRecordItem[] | null {
  if (kind === 'receipt') return receiptItems[basis];
  // 法第31条第1項: 個人関連情報 is provided only with the person's consent.
  if (kind === 'related') return basis === 'consent' ? relatedItems : null;
  if (kind === 'related_receipt') return basis === 'consent' ? relatedReceiptItems : null;
  return basis === 'non_business' ? null : provisionItems[basis];
}

/** Version of the item lists (令和2年改正法・令和4年4月1日施行の規則の条番号). */
export const provisionRecordItemsVersion = 'appi-2022-04';

/**
 * 記録を要しない場合 (J.8.8.2 2 a)〜j) 提供側・J.8.8.3 2 a)〜j) 受領側, 法第29条第1項ただし書・
 * 第30条第1項ただし書): a provision made under one of these is recorded with its ground instead
 * of the 記録事項. The letters are the same on both sides.
 */
export const exemptionGrounds = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
export type ExemptionGround = (typeof exemptionGrounds)[number];
export const exemptionGroundLabels: Readonly<Record<ExemptionGround, string>> = Object.freeze({
  a: 'a) 利用目的の達成に必要な範囲内での取扱いの委託に伴う提供',
  b: 'b) 合併その他の事由による事業の承継に伴う提供',
  c: 'c) 共同利用（J.8.7 d)）による提供',
  d: 'd) 法令に基づく場合',
  e: 'e) 人の生命、身体又は財産の保護のために必要で、本人の同意を得ることが困難な場合',
  f: 'f) 公衆衛生の向上又は児童の健全な育成の推進のために特に必要で、本人の同意を得ることが困難な場合',
  g: 'g) 国の機関等が法令の定める事務を遂行することに対して協力する必要がある場合',
  h: 'h) 学術研究機関等による学術研究の成果の公表又は教授のためやむを得ない場合',
  i: 'i) 学術研究機関等が学術研究目的で提供する必要がある場合（共同して学術研究を行う場合に限る）',
  j: 'j) 第三者が学術研究機関等であり、学術研究目的で取り扱う必要がある場合',
});

/**
 * J.8.8.4 2「J.8.8のf)〜l)のいずれかに該当する場合を除き」(法第31条第1項 → 法第27条第1項各号): the
 * exemptions of a 個人関連情報 provision. They are grounds d)〜j) of the lists above, lettered f)〜l)
 * in J.8.8 2 (委託・事業の承継・共同利用 are no exemption for 個人関連情報).
 */
export const relatedExemptionGrounds = ['d', 'e', 'f', 'g', 'h', 'i', 'j'] as const satisfies readonly ExemptionGround[];

/** The grounds a record kind may choose. */
export const exemptionGroundsFor = (kind: ProvisionRecordItemsKind): readonly ExemptionGround[] =>
  kind === 'related' || kind === 'related_receipt' ? relatedExemptionGrounds : exemptionGrounds;

const j88Letter: Readonly<Partial<Record<ExemptionGround, string>>> = Object.freeze({ d: 'f', e: 'g', f: 'h', g: 'i', h: 'j', i: 'k', j: 'l' });

/** The clause of the exemption list for a record kind (「J.8.8.2 2 d)」, 個人関連情報: 「J.8.8 f)」). */
export const exemptionClause = (kind: ProvisionRecordItemsKind, ground: ExemptionGround): string => {
  if (kind === 'related' || kind === 'related_receipt') return `J.8.8 ${j88Letter[ground] ?? ground})`;
  return `${kind === 'provision' ? 'J.8.8.2' : 'J.8.8.3'} 2 ${ground})`;
};

/** J.8.8.1 1: the ground of a provision to a 外国にある第三者. */
export const overseasBases = ['a', 'b', 'c'] as const;
export type OverseasBasis = (typeof overseasBases)[number];
export const overseasBasisLabels: Readonly<Record<OverseasBasis, string>> = Object.freeze({
  a: 'a) 外国にある第三者への提供を認める旨の本人の同意',
  b: 'b) 個人情報保護委員会規則で定める基準に適合する体制を整備している者への提供',
  c: 'c) 我が国と同等の水準にある外国として個人情報保護委員会規則で定める国・地域にある第三者への提供',
});

/** J.8.8.1: what a record of a provision to a 外国にある第三者 carries besides the 記録事項. */
export const overseasItems: readonly ProvisionRecordItem[] = Object.freeze([
  item('J.8.8.1-1', 'J.8.8.1 1', '外国にある第三者への提供の根拠（a) 本人の同意・b) 体制の整備・c) 同等の水準にある国）', 'overseasBasis'),
  item('J.8.8.1-2-d', 'J.8.8.1 2 d)', '当該外国の名称', 'overseasCountry'),
]);

/** J.8.8.1 2: with the person's consent (1 a)), the information given to the person beforehand. */
export const overseasConsentInfoItem: ProvisionRecordItem = item(
  'J.8.8.1-2',
  'J.8.8.1 2',
  'あらかじめ本人に提供した情報（d) 当該外国の名称、e) 当該外国の個人情報の保護に関する制度、f) 当該第三者が講ずる措置）',
  'overseasInfo',
);
