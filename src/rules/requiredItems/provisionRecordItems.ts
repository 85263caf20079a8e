import {
  type ExemptionGround,
  type OverseasBasis,
  overseasConsentInfoItem,
  overseasItems,
  overseasMeasuresItem,
  overseasObstacleActionItem,
  overseasRequestInfoItems,
  type ProvisionBasis,
  type ProvisionRecordField,
  type ProvisionRecordItem,
  provisionRecordItems,
  provisionRecordItemsVersion,
  relatedOverseasInfoItem,
  relatedOverseasMeasuresItem,
  relatedReceiptOverseasInfoItem,
  type ProvisionRecordItemsKind,
} from '../data/provisionRecordItems.ts';
import { checkRequiredItems, type RequiredItemsResult } from './requiredItems.ts';

/**
 * The checker of the 記録事項 of a 第三者提供記録 (規則第20条第1項, J.8.8.2 1), of a 確認記録
 * (規則第24条第1項, J.8.8.3 3), of a 個人関連情報の提供に係る確認記録 (J.8.8.4 4 c)〜f)) and of the 提供先's
 * 確認記録 (J.8.8.4 4 g)〜j)) (SPEC §5.5): which statutory items a record lacks, each with its
 * clause, its wording and the field that carries it. Pure: the server refuses a record that lacks
 * an item; the web form previews the same result.
 */

/** 第三者の区分: 法人 (代表者の氏名が要る), 個人, 不特定かつ多数の者 (提供記録だけ、その旨を記録). */
export const counterpartyKinds = ['corporation', 'individual', 'unspecified'] as const;
export type CounterpartyKind = (typeof counterpartyKinds)[number];

/** What a record holds, as the checker reads it. */
export type ProvisionRecordContent = {
  kind: ProvisionRecordItemsKind;
  basis: ProvisionBasis;
  providedOn?: string | null;
  counterpartyKind?: CounterpartyKind | null;
  counterpartyName?: string | null;
  counterpartyAddress?: string | null;
  counterpartyRepresentative?: string | null;
  subject?: string | null;
  dataItems?: string | null;
  consentObtained?: boolean | null;
  acquisitionHistory?: string | null;
  ppcPublished?: boolean | null;
  /** 外国にある第三者への提供 (J.8.8.1, 提供記録だけ). */
  overseas?: boolean | null;
  overseasBasis?: OverseasBasis | null;
  overseasCountry?: string | null;
  overseasInfo?: string | null;
  /** 個人関連情報: b)で本人に情報の提供が行われていることを確認した旨 (J.8.8.4 4 c)・g)). */
  overseasInfoConfirmed?: boolean | null;
  /** 相当措置の継続的な実施を確保するために必要な措置 (J.8.8.1 3・J.8.8.4 3, ground b)). */
  overseasMeasures?: string | null;
  /** J.8.8.1 3 l) 1) 当該第三者による体制の整備の方法 (ground b)). */
  overseasSystemMethod?: string | null;
  /** J.8.8.1 3 l) 2) 当該第三者が実施する相当措置の概要. */
  overseasEquivalentMeasures?: string | null;
  /** J.8.8.1 3 l) 5) 相当措置の実施に影響を及ぼすおそれのある当該外国の制度の有無及びその概要. */
  overseasForeignSystem?: string | null;
  /** J.8.8.1 3 l) 6) 支障の有無 (true: あり — then its 概要 and 7) are needed) and its 概要. */
  overseasObstacle?: boolean | null;
  overseasObstacleSummary?: string | null;
  /** J.8.8.1 3 l) 7) 6) の支障に関して、k) により講ずる措置の概要. */
  overseasObstacleAction?: string | null;
  /** 記録を要しない場合の根拠 (J.8.8.2 2・J.8.8.3 2 a)〜j)): the 記録事項 are then not required. */
  exemptionGround?: ExemptionGround | null;
};

const filled = (v: string | null | undefined): boolean => Boolean(v?.trim());

/** Whether the 第三者 is identified as the item of this kind and ground asks. */
function counterpartyFilled(c: ProvisionRecordContent): boolean {
  // 「不特定かつ多数の者に対して提供したときは、その旨」: only the provider side (規則第20条第1項).
  if (c.counterpartyKind === 'unspecified') return c.kind === 'provision';
  if (!filled(c.counterpartyName)) return false;
  // 規則第20条第1項第2号ロ「氏名又は名称その他の当該第三者を特定するに足りる事項」: the name is enough.
  if (c.kind === 'provision' && c.basis === 'consent') return true;
  // 規則第20条第1項第1号ロ・法第30条第1項第1号: 氏名又は名称及び住所並びに法人にあっては、その代表者の氏名.
  return filled(c.counterpartyAddress) && (c.counterpartyKind === 'individual' || filled(c.counterpartyRepresentative));
}

const isFilled: Readonly<Record<ProvisionRecordField, (c: ProvisionRecordContent) => boolean>> = {
  providedOn: (c) => filled(c.providedOn),
  counterparty: counterpartyFilled,
  subject: (c) => filled(c.subject),
  dataItems: (c) => filled(c.dataItems),
  consentObtained: (c) => c.consentObtained === true,
  acquisitionHistory: (c) => filled(c.acquisitionHistory),
  ppcPublished: (c) => c.ppcPublished === true,
  overseasBasis: (c) => Boolean(c.overseasBasis),
  overseasCountry: (c) => filled(c.overseasCountry),
  overseasInfo: (c) => filled(c.overseasInfo),
  overseasInfoConfirmed: (c) => c.overseasInfoConfirmed === true,
  overseasMeasures: (c) => filled(c.overseasMeasures),
  overseasSystemMethod: (c) => filled(c.overseasSystemMethod),
  overseasEquivalentMeasures: (c) => filled(c.overseasEquivalentMeasures),
  overseasForeignSystem: (c) => filled(c.overseasForeignSystem),
  // 「支障の有無及びその概要」: なし is an answer; あり needs its 概要.
  overseasObstacle: (c) => c.overseasObstacle === false || (c.overseasObstacle === true && filled(c.overseasObstacleSummary)),
  overseasObstacleAction: (c) => filled(c.overseasObstacleAction),
};

/**
 * J.8.8.1 (and J.8.8.4 3・4 c) for 個人関連情報): what a provision to a 外国にある第三者 adds — the ground
 * and the country; on ground a) the information given to the person; on ground b) the measures that
 * keep the 相当措置 going (J.8.8.1 3, J.8.8.4 3). On the 提供先 side (J.8.8.4 4 g) 後段) `overseas`
 * means the 提供先 itself is a 外国にある個人情報取扱事業者: only the information item applies.
 */
function overseasItemsOf(content: ProvisionRecordContent): readonly ProvisionRecordItem[] {
  if (content.kind === 'receipt' || content.overseas !== true) return [];
  if (content.kind === 'related_receipt') return [relatedReceiptOverseasInfoItem];
  const related = content.kind === 'related';
  if (content.overseasBasis === 'a') return [...overseasItems, related ? relatedOverseasInfoItem : overseasConsentInfoItem];
  if (content.overseasBasis === 'b') {
    if (related) return [...overseasItems, relatedOverseasMeasuresItem];
    // J.8.8.1 3 l): personal data to a 外国にある第三者 on ground b) — what the person may ask for (7) only with a 支障).
    return [...overseasItems, overseasMeasuresItem, ...overseasRequestInfoItems, ...(content.overseasObstacle === true ? [overseasObstacleActionItem] : [])];
  }
  return overseasItems;
}

/**
 * The statutory items the record lacks; null when the ground does not apply to the kind
 * (個人情報取扱事業者でない者 is a ground of the receiver side only).
 * @example checkProvisionRecordItems({ kind: 'provision', basis: 'consent', consentObtained: true }).missing.map((i) => i.clause) // ['規則第20条第1項第2号ロ', …]
 */
export function checkProvisionRecordItems(content: ProvisionRecordContent): RequiredItemsResult<ProvisionRecordItem> | null {
  const statutory = provisionRecordItems(content.kind, content.basis);
  if (!statutory) return null;
  // J.8.8.2 2・J.8.8.3 2・J.8.8.4 2 (J.8.8 f)〜l)): a provision under an exemption carries its ground instead of the 記録事項.
  if (content.exemptionGround) return { version: provisionRecordItemsVersion, missing: [], present: [], notApplicable: [...statutory] };
  const items = [...statutory, ...overseasItemsOf(content)];
  const ticked = items.filter((i) => isFilled[i.field](content)).map((i) => i.code);
  return checkRequiredItems(provisionRecordItemsVersion, items, { ticked });
}
