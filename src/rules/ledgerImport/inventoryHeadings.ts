import type { HeadingField } from './headings.ts';

// 個人情報管理台帳の見出しの辞書 (issue #12 stage 2; documented in docs/import.md): for each 台帳
// field, the headings ledgers give its column. Sources: JIS Q 15001:2023 J.3.1.1 3 (the items a
// 台帳 must hold: 個人情報の項目・利用目的・保管場所・保管方法・アクセス権を有する者・利用期限・
// 保管期限・管理する個人情報の件数（概数でも可）), the 個人情報ファイル簿 of 行政機関等 (APPI 第75条:
// 個人情報ファイルの名称・利用目的・記録項目・記録範囲・記録情報の収集方法・経常的提供先 …), municipal
// 個人情報資産台帳 / 情報資産台帳 wording (資産名称・管理部門・保存年限), and the consultant templates
// Privacy-Mark applicants start from (個人情報の種類・管理部署・取得方法・件数・委託先・廃棄方法).
// Keys are the 台帳 import's field keys (src/modules/inventory/inventory.import.schema.ts importFields;
// a test keeps the two lists equal). Labels are the headings Mamori's own export writes.

export const inventoryHeadings = [
  {
    key: 'name',
    label: '個人情報の名称',
    synonyms: [
      '名称',
      '個人情報名',
      '個人情報の名称（帳票名）',
      '帳票名',
      '台帳名',
      '個人情報の種類',
      '個人情報の種別',
      '個人情報ファイルの名称',
      '個人情報ファイル名',
      '個人情報資産名',
      '資産名称',
      '資産名',
      '情報資産名',
      '情報資産の名称',
      '文書名',
      '書類名',
      '帳票・データ名',
    ],
  },
  {
    key: 'department',
    label: '所管部署',
    synonyms: [
      '所属',
      '所属名',
      '所属名称',
      '部署名称',
      '部署',
      '部署名',
      '担当部署',
      '管理部署',
      '管理部門',
      '所管部門',
      '担当部門',
      '部門',
      '部門名',
      '所管課',
      '担当課',
      '主管課',
      '主管部署',
      '課名',
      '保有部署',
      '取扱部署',
      '管理責任部署',
      '事務をつかさどる組織の名称',
    ],
  },
  {
    key: 'items',
    label: '個人情報の項目',
    synonyms: ['項目', '記載項目', '記録項目', '取得項目', '個人情報項目', '記録される項目', 'データ項目', '含まれる個人情報', '個人情報の内容'],
  },
  { key: 'purpose', label: '利用目的', synonyms: ['目的', '利用の目的', '使用目的', '取得目的', '個人情報ファイルの利用目的'] },
  { key: 'storageLocation', label: '保管場所', synonyms: ['保存場所', '保管先', '格納場所', '保管・保存場所'] },
  { key: 'storageMedia', label: '保管媒体', synonyms: ['媒体', '紙・電子', '紙/電子', '紙／電子', '電子・紙', '形態', '保管形態', '媒体の種類', '記録媒体', '保存媒体'] },
  { key: 'storageDescription', label: '保管方法', synonyms: ['保存方法', '管理方法', '保管・管理方法', '保管の方法'] },
  { key: 'accessHolders', label: 'アクセス権を有する者', synonyms: ['アクセス権者', '取扱者', '取扱担当者', 'アクセス可能者', '取扱可能者', '閲覧権限者', 'アクセス権限者'] },
  { key: 'accessHolderNote', label: 'アクセス権を有する者（補足）', synonyms: ['アクセス権（補足）', 'アクセス権補足'] },
  { key: 'useUntil', label: '利用期限', synonyms: ['利用期間', '使用期限', '使用期間'] },
  { key: 'retainUntil', label: '保管期限', synonyms: ['保存期間', '保管期間', '保存期限', '保存年限', '保管年限', '保存年数', '保管年数'] },
  {
    key: 'recordCount',
    label: '件数（概数可）',
    synonyms: ['件数', '件数（概数）', '管理する個人情報の件数', '概数', '数量', '記録件数', '保有件数', 'データ件数', '本人の数', '記録される本人の数', '人数', '概算件数'],
  },
  { key: 'acquisitionMethods', label: '取得方法', synonyms: ['取得元', '入手方法', '取得経路', '入手経路', '収集方法', '取得手段', '記録情報の収集方法'] },
  { key: 'sensitive', label: '要配慮個人情報', synonyms: ['要配慮', '要配慮個人情報の有無', '要配慮個人情報が含まれるとき'] },
  { key: 'sensitiveBasis', label: '要配慮個人情報の取得根拠', synonyms: ['要配慮の根拠', '要配慮の同意'] },
  { key: 'myNumber', label: '特定個人情報', synonyms: ['マイナンバー', '個人番号', '特定個人情報の有無'] },
  { key: 'retainedPersonalData', label: '保有個人データ', synonyms: ['保有個人データの該当', '保有個人データ該当'] },
  { key: 'processedKind', label: '仮名加工・匿名加工・個人関連情報', synonyms: ['加工の種類', '加工区分'] },
  { key: 'entrustedTo', label: '委託先', synonyms: ['委託', '委託先名', '委託先の名称', '外部委託先', '業務委託先'] },
  { key: 'thirdPartyProvision', label: '第三者提供', synonyms: ['第三者提供の有無', '提供の有無'] },
  { key: 'thirdPartyDetails', label: '第三者提供の内容', synonyms: ['提供先', '提供先の名称', '経常的提供先', '記録情報の経常的提供先'] },
  { key: 'jointUseDetails', label: '共同利用の内容', synonyms: ['共同利用', '共同利用者'] },
  { key: 'overseasCountries', label: '提供先の外国', synonyms: ['外国', '外国の名称', '国名', '外国にある第三者'] },
  { key: 'disposalMethod', label: '廃棄方法', synonyms: ['廃棄・消去方法', '消去方法', '廃棄手段', '処分方法'] },
  { key: 'noticeRefs', label: '通知・同意の文面', synonyms: ['通知文面', '同意書'] },
  // What Mamori's own export adds so that it imports back unchanged (J.3.1.1 3 does not ask for these columns).
  { key: 'specialCategories', label: '特に配慮を要する記述の分類', synonyms: ['配慮を要する記述の分類', '要配慮の分類'] },
  { key: 'overseasBasis', label: '外国にある第三者への提供の根拠', synonyms: ['外国への提供の根拠', '外国提供の根拠'] },
  { key: 'contactsPersons', label: '本人への連絡・接触', synonyms: ['本人への連絡', '本人への接触'] },
  { key: 'exemptions', label: '通知・同意等の例外', synonyms: ['例外の記録', '通知・同意の例外'] },
  { key: 'noticeVersions', label: '通知文（公開済みの版）', synonyms: ['通知文の版', '取得時の通知文'] },
] as const satisfies readonly HeadingField[];

export type InventoryHeadingKey = (typeof inventoryHeadings)[number]['key'];
