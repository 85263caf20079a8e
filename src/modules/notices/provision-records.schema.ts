import { z } from 'zod';
import { dateField, enumField, idField, optionalDate, optionalText } from '../../platform/validation/fields.ts';
import { exemptionGrounds, overseasBases, provisionBases } from '../../rules/data/provisionRecordItems.ts';
import { counterpartyKinds } from '../../rules/requiredItems/provisionRecordItems.ts';
import { provisionRecordForms, provisionRecordKinds } from '../../rules/retention/index.ts';

// Request and response schemas of the 第三者提供記録 (J.8.8.2), 確認記録 (J.8.8.3) and 個人関連情報の
// 提供に係る確認記録 (J.8.8.4 4 c)〜f)) and the 提供先's 確認記録 (J.8.8.4 4 g)〜j)). Japanese messages naming each field; the web form validates with
// these same schemas. Which 記録事項 a record must carry (規則第20条第1項・第24条第1項, J.8.8.4 4)
// depends on its kind and ground, so the server's checker — not the schema — names the missing ones.

export const provisionRecordIdParams = z.object({ id: idField('記録') });

export const provisionRecordListQuery = z.object({ kind: enumField('記録の種類', provisionRecordKinds).optional() });

/** The yes/no 記録事項, without their defaults: a correction that leaves one out leaves it as recorded. */
const checks = {
  consentObtained: z.boolean({ error: '本人の同意を得ている旨は「はい」か「いいえ」で選んでください' }),
  ppcPublished: z.boolean({ error: '公表されている旨は「はい」か「いいえ」で選んでください' }),
  overseas: z.boolean({ error: '外国にある第三者への提供は「はい」か「いいえ」で選んでください' }),
  overseasInfoConfirmed: z.boolean({ error: '本人に情報の提供が行われていることを確認した旨は「はい」か「いいえ」で選んでください' }),
};

/** 第三者提供記録・確認記録の作成. */
export const createProvisionRecordBody = z.object({
  kind: enumField('記録の種類', provisionRecordKinds),
  basis: enumField('提供の根拠', provisionBases),
  form: enumField('記録の作成方法', provisionRecordForms),
  recordedOn: dateField('記録を作成した日'),
  providedOn: optionalDate('提供の年月日'),
  lastProvidedOn: optionalDate('最後に提供を行った（受けた）日'),
  counterpartyKind: enumField('第三者の区分', counterpartyKinds),
  counterpartyName: optionalText('第三者の氏名又は名称', 200),
  counterpartyAddress: optionalText('第三者の住所', 500),
  counterpartyRepresentative: optionalText('代表者の氏名', 200),
  subject: optionalText('本人を特定するに足りる事項', 1000),
  dataItems: optionalText('個人データの項目', 2000),
  consentObtained: checks.consentObtained.default(false),
  acquisitionHistory: optionalText('第三者による取得の経緯', 2000),
  ppcPublished: checks.ppcPublished.default(false),
  overseas: checks.overseas.default(false),
  overseasBasis: enumField('外国にある第三者への提供の根拠', overseasBases)
    .nullish()
    .transform((v) => v ?? null),
  overseasCountry: optionalText('当該外国の名称', 200),
  overseasInfo: optionalText('あらかじめ本人に提供した情報', 4000),
  overseasInfoConfirmed: checks.overseasInfoConfirmed.default(false),
  overseasMeasures: optionalText('相当措置の継続的な実施を確保するために必要な措置', 2000),
  overseasSystemMethod: optionalText('当該第三者による体制の整備の方法', 2000),
  overseasEquivalentMeasures: optionalText('当該第三者が実施する相当措置の概要', 2000),
  overseasForeignSystem: optionalText('当該外国の制度の有無及びその概要', 2000),
  overseasObstacle: z
    .boolean({ error: '相当措置の実施に関する支障の有無は「あり」か「なし」で選んでください' })
    .nullish()
    .transform((v) => v ?? null),
  overseasObstacleSummary: optionalText('支障の概要', 2000),
  overseasObstacleAction: optionalText('支障に関して講ずる措置の概要', 2000),
  exemptionGround: enumField('記録を要しない場合の根拠', exemptionGrounds)
    .nullish()
    .transform((v) => v ?? null),
  note: optionalText('備考', 2000),
});

/**
 * 記録の修正: the 記録事項 sent replace the recorded ones (a field left out stays as recorded); the
 * whole record is then checked again as on creation (規則第20条第1項・第24条第1項, J.8.8.4 4).
 */
export const correctProvisionRecordBody = createProvisionRecordBody.extend(checks).partial();

/** 継続的な提供の記録: a further provision under a 一括 / 契約書等 record moves the start of its retention. */
export const recordFurtherProvisionBody = z.object({ providedOn: dateField('提供の年月日') });

/** 廃棄の記録: the day the record was disposed of (not before its retention ends). */
export const disposeProvisionRecordBody = z.object({ disposedOn: dateField('廃棄した日') });

export const provisionRecordResponse = z.object({
  id: z.uuid(),
  kind: z.enum(provisionRecordKinds),
  kindLabel: z.string(),
  basis: z.enum(provisionBases),
  basisLabel: z.string(),
  form: z.enum(provisionRecordForms),
  formLabel: z.string(),
  recordedOn: z.string(),
  providedOn: z.string().nullable(),
  lastProvidedOn: z.string().nullable(),
  counterpartyKind: z.enum(counterpartyKinds),
  counterpartyName: z.string().nullable(),
  counterpartyAddress: z.string().nullable(),
  counterpartyRepresentative: z.string().nullable(),
  subject: z.string().nullable(),
  dataItems: z.string().nullable(),
  consentObtained: z.boolean(),
  acquisitionHistory: z.string().nullable(),
  ppcPublished: z.boolean(),
  note: z.string().nullable(),
  overseas: z.boolean(),
  overseasBasis: z.enum(overseasBases).nullable(),
  overseasCountry: z.string().nullable(),
  overseasInfo: z.string().nullable(),
  overseasInfoConfirmed: z.boolean(),
  overseasMeasures: z.string().nullable(),
  overseasSystemMethod: z.string().nullable(),
  overseasEquivalentMeasures: z.string().nullable(),
  overseasForeignSystem: z.string().nullable(),
  overseasObstacle: z.boolean().nullable(),
  overseasObstacleSummary: z.string().nullable(),
  overseasObstacleAction: z.string().nullable(),
  exemptionGround: z.enum(exemptionGrounds).nullable(),
  /** 記録を要しない場合の根拠 with its clause (「J.8.8.2 2 d) 法令に基づく場合」). */
  exemptionLabel: z.string().nullable(),
  /** 保存期間 (規則第21条・第25条, SPEC §5.3) with its basis and reason in Japanese; null for an exemption entry. */
  retention: z.object({ years: z.number().int(), retainUntil: z.string(), disposalDueOn: z.string(), rulesVersion: z.string(), basis: z.string(), reason: z.string() }).nullable(),
  disposedOn: z.string().nullable(),
});

export const provisionRecordListResponse = z.object({ items: z.array(provisionRecordResponse), canCreate: z.boolean() });

/** One write in a record's history (from the audit trail): who, when, and each 記録事項 before → after. */
export const provisionRecordHistoryItemResponse = z.object({
  at: z.iso.datetime(),
  /** The person who wrote it; null for a write without an actor (a job). */
  actorName: z.string().nullable(),
  action: z.enum(['created', 'changed', 'disposed']),
  /** 作成・変更・廃棄の記録. */
  actionLabel: z.string(),
  /** What changed, in the table's order (none for the creation); `field` as this response names it, dates as YYYY-MM-DD. */
  changes: z.array(
    z.object({
      field: z.string(),
      label: z.string(),
      before: z.union([z.string(), z.boolean()]).nullable(),
      after: z.union([z.string(), z.boolean()]).nullable(),
    }),
  ),
});

/** One record as its page shows it: the record, its history, and whether the caller may correct it (not once disposed). */
export const provisionRecordDetailResponse = provisionRecordResponse.extend({
  history: z.array(provisionRecordHistoryItemResponse),
  abilities: z.object({ correct: z.boolean() }),
});
