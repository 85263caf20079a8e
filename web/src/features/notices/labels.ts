import { exemptionGroundLabels, overseasBasisLabels, type ProvisionBasis } from '../../../../src/rules/data/provisionRecordItems.ts';
import type { CounterpartyKind } from '../../../../src/rules/requiredItems/provisionRecordItems.ts';
import type { ProvisionRecordForm, ProvisionRecordKind } from '../../../../src/rules/retention/index.ts';

// Japanese names of the M6 screens' fields (提供記録・確認記録 の記録事項, 規則第20条第1項・第24条第1項,
// 個人関連情報の確認記録 J.8.8.4 4).

export const recordKindOptions: { value: ProvisionRecordKind; label: string }[] = [
  { value: 'provision', label: '第三者提供記録（提供した側）' },
  { value: 'receipt', label: '確認記録（提供を受けた側）' },
  { value: 'related', label: '個人関連情報の確認記録（提供した側、J.8.8.4 4 c)〜f)）' },
  { value: 'related_receipt', label: '個人関連情報の確認記録（提供を受けた側、J.8.8.4 4 g)〜j)）' },
];

export const basisLabels: Readonly<Record<ProvisionBasis, string>> = {
  consent: '本人の同意（法第27条第1項・第28条第1項）',
  opt_out: 'オプトアウト（法第27条第2項）',
  non_business: '個人情報取扱事業者でない者から',
};

export const formLabels: Readonly<Record<ProvisionRecordForm, string>> = {
  individual: '個別の記録（提供の都度）',
  bulk: '一括して作成（継続的・反復的な提供）',
  contract: '契約書その他の書面で代替',
};

export const counterpartyKindLabels: Readonly<Record<CounterpartyKind, string>> = {
  corporation: '法人',
  individual: '個人',
  unspecified: '不特定かつ多数の者',
};

/** The labels of the form's fields, by field name (server errors land under these). */
export function fieldLabels(kind: ProvisionRecordKind) {
  const relatedReceipt = kind === 'related_receipt';
  const receipt = kind === 'receipt' || relatedReceipt;
  const related = kind === 'related';
  return {
    kind: '記録の種類',
    basis: '提供の根拠',
    form: '記録の作成方法',
    recordedOn: '記録を作成した日',
    providedOn: relatedReceipt ? '提供を受けた年月日（任意）' : receipt ? '提供を受けた年月日' : related ? '個人関連情報を提供した年月日（J.8.8.4 4 d)）' : '提供した年月日',
    lastProvidedOn: receipt ? '最後に提供を受けた日' : '最後に提供を行った日',
    counterpartyKind: receipt ? '提供元の区分' : '提供先の区分',
    counterpartyName: relatedReceipt ? '提供元の氏名又は名称（J.8.8.4 4 h)）' : receipt ? '提供元の氏名又は名称' : '提供先の氏名又は名称',
    counterpartyAddress: relatedReceipt ? '提供元の住所（J.8.8.4 4 h)）' : receipt ? '提供元の住所' : '提供先の住所',
    counterpartyRepresentative: '代表者の氏名',
    subject: relatedReceipt ? '本人の氏名その他当該本人を特定するに足りる事項（J.8.8.4 4 i)）' : '本人を特定するに足りる事項',
    dataItems: related ? '個人関連情報の項目（J.8.8.4 4 f)）' : relatedReceipt ? '個人関連情報の項目（J.8.8.4 4 j)）' : '個人データの項目',
    consentObtained: related
      ? '本人の同意が得られていることを確認した旨（J.8.8.4 4 c)）'
      : relatedReceipt
        ? '本人の同意が得られている旨（J.8.8.4 4 g)）'
        : '本人の同意を得ている旨',
    acquisitionHistory: '提供元による取得の経緯',
    ppcPublished: '法第27条第4項の規定により公表されている旨',
    overseas: related
      ? '外国にある第三者への提供（J.8.8.4 2 b)・3）'
      : relatedReceipt
        ? '外国にある個人情報取扱事業者（J.8.8.4 4 g) 後段）'
        : '外国にある第三者への提供（J.8.8.1）',
    overseasBasis: '外国にある第三者への提供の根拠（J.8.8.1 1）',
    overseasCountry: '当該外国の名称（J.8.8.1 2 d)）',
    overseasInfo: related ? '本人に提供された情報（J.8.8.4 2 b) 1)〜3)）' : 'あらかじめ本人に提供した情報（J.8.8.1 2）',
    overseasInfoConfirmed: relatedReceipt ? 'b) で本人に情報の提供が行われている旨（J.8.8.4 4 g) 後段）' : '本人に情報の提供が行われていることを確認した旨（J.8.8.4 4 c)）',
    overseasMeasures: related
      ? '相当措置の継続的な実施を確保するために必要な措置（J.8.8.4 3、J.8.8.1 3 j)・k)）'
      : '相当措置の継続的な実施を確保するために必要な措置（J.8.8.1 3 j)・k)。j) の確認の頻度及び方法は l) 3) として本人の求めに提供）',
    // J.8.8.1 3 l) 1)〜7): what the person may ask for (3) is the j) above, 4) the country).
    overseasSystemMethod: '当該第三者による体制の整備の方法（J.8.8.1 3 l) 1)）',
    overseasEquivalentMeasures: '当該第三者が実施する相当措置の概要（J.8.8.1 3 l) 2)）',
    overseasForeignSystem: '相当措置の実施に影響を及ぼすおそれのある当該外国の制度の有無及びその概要（J.8.8.1 3 l) 5)）',
    overseasObstacle: '相当措置の実施に関する支障の有無（J.8.8.1 3 l) 6)）',
    overseasObstacleSummary: '支障の概要（J.8.8.1 3 l) 6)）',
    overseasObstacleAction: '6) の支障に関して、k) により講ずる措置の概要（J.8.8.1 3 l) 7)）',
    exemptionGround: related || relatedReceipt ? '記録を要しない場合（J.8.8 f)〜l)）' : receipt ? '記録を要しない場合（J.8.8.3 2）' : '記録を要しない場合（J.8.8.2 2）',
    note: '備考',
  } as const;
}

/** The date 記録事項 and retention columns (shown in the user's date format in the record's history). */
const dateFields = new Set(['recordedOn', 'providedOn', 'lastProvidedOn', 'retainUntil', 'disposalDueOn', 'disposedOn']);

/**
 * A value of the record's history (before or after a change) as the screen shows it: a choice by its
 * Japanese name, a yes/no in words, a date as the app shows dates, nothing as 「（なし）」.
 */
export function historyValueText(field: string, value: string | boolean | null, formatDate: (iso: string) => string): string {
  if (value === null || value === '') return '（なし）';
  if (typeof value === 'boolean') return field === 'overseasObstacle' ? (value ? 'あり' : 'なし') : value ? 'はい' : 'いいえ';
  if (dateFields.has(field)) return formatDate(value);
  const choices: Record<string, Readonly<Record<string, string>>> = {
    kind: Object.fromEntries(recordKindOptions.map((o) => [o.value, o.label])),
    basis: basisLabels,
    form: formLabels,
    counterpartyKind: counterpartyKindLabels,
    overseasBasis: overseasBasisLabels,
    exemptionGround: exemptionGroundLabels,
  };
  return choices[field]?.[value] ?? value;
}
