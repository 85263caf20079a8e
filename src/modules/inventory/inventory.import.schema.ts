import { z } from 'zod';
import { acquisitionMethods, storageMedia } from '../../rules/data/inventoryClauses.ts';

// 台帳の取込 (SPEC §3 Imports, M1): the 台帳 fields a column of an organization's own Excel ledger
// can be mapped to, and the shape of the value mapping's targets (the import runs on the one
// pipeline, /api/imports/inventory: inventory.import.ts). Pure (zod only): the contract,
// the export (same columns) and the web import it.

/** The 台帳 fields a column can be mapped to, with the header Mamori's own export writes. */
export const importFields = [
  { key: 'name', header: '個人情報の名称', aliases: ['名称', '個人情報名', '個人情報の名称（帳票名）', '帳票名', '台帳名'], required: true },
  { key: 'department', header: '所管部署', aliases: ['所属', '所属名', '部署', '部署名', '担当部署', '管理部署', '所管課'], required: true },
  { key: 'items', header: '個人情報の項目', aliases: ['項目', '記載項目', '取得項目', '個人情報項目'] },
  { key: 'purpose', header: '利用目的', aliases: ['目的', '利用の目的'] },
  { key: 'storageLocation', header: '保管場所', aliases: ['保存場所'] },
  { key: 'storageMedia', header: '保管媒体', aliases: ['媒体', '紙・電子', '紙/電子', '紙／電子', '形態'] },
  { key: 'storageDescription', header: '保管方法', aliases: ['保存方法', '管理方法'] },
  { key: 'accessHolders', header: 'アクセス権を有する者', aliases: ['アクセス権者', '取扱者', '取扱担当者'] },
  { key: 'accessHolderNote', header: 'アクセス権を有する者（補足）', aliases: ['アクセス権（補足）', 'アクセス権補足'] },
  { key: 'useUntil', header: '利用期限', aliases: ['利用期間'] },
  { key: 'retainUntil', header: '保管期限', aliases: ['保存期間', '保管期間', '保存期限'] },
  { key: 'recordCount', header: '件数（概数可）', aliases: ['件数', '件数（概数）', '管理する個人情報の件数', '概数', '数量'] },
  { key: 'acquisitionMethods', header: '取得方法', aliases: ['取得元', '入手方法', '取得経路'] },
  { key: 'sensitive', header: '要配慮個人情報', aliases: ['要配慮'] },
  { key: 'sensitiveBasis', header: '要配慮個人情報の取得根拠', aliases: ['要配慮の根拠', '要配慮の同意'] },
  { key: 'myNumber', header: '特定個人情報', aliases: ['マイナンバー', '個人番号'] },
  { key: 'retainedPersonalData', header: '保有個人データ', aliases: [] },
  { key: 'processedKind', header: '仮名加工・匿名加工・個人関連情報', aliases: ['加工の種類', '加工区分'] },
  { key: 'entrustedTo', header: '委託先', aliases: ['委託'] },
  { key: 'thirdPartyProvision', header: '第三者提供', aliases: ['第三者提供の有無'] },
  { key: 'thirdPartyDetails', header: '第三者提供の内容', aliases: ['提供先'] },
  { key: 'jointUseDetails', header: '共同利用の内容', aliases: ['共同利用'] },
  { key: 'overseasCountries', header: '提供先の外国', aliases: ['外国', '外国の名称', '国名'] },
  { key: 'disposalMethod', header: '廃棄方法', aliases: ['廃棄・消去方法', '消去方法'] },
  { key: 'noticeRefs', header: '通知・同意の文面', aliases: ['通知文面', '同意書'] },
  // The rest of an entry's content, so that Mamori's own export imports back unchanged (issue #12).
  { key: 'specialCategories', header: '特に配慮を要する記述の分類', aliases: ['配慮を要する記述の分類', '要配慮の分類'] },
  { key: 'overseasBasis', header: '外国にある第三者への提供の根拠', aliases: ['外国への提供の根拠', '外国提供の根拠'] },
  { key: 'contactsPersons', header: '本人への連絡・接触', aliases: ['本人への連絡', '本人への接触'] },
  { key: 'exemptions', header: '通知・同意等の例外', aliases: ['例外の記録', '通知・同意の例外'] },
  { key: 'noticeVersions', header: '通知文（公開済みの版）', aliases: ['通知文の版', '取得時の通知文'] },
] as const satisfies readonly { key: string; header: string; aliases: readonly string[]; required?: boolean }[];

export type ImportField = (typeof importFields)[number]['key'];
export const importFieldKeys = importFields.map((f) => f.key) as [ImportField, ...ImportField[]];
/** The header Mamori's export writes for each field (what an error names when a field is unmapped). */
export const importFieldHeaders = Object.fromEntries(importFields.map((f) => [f.key, f.header])) as Record<ImportField, string>;

/** The columns Mamori's export adds after the fields (the entry's state, not imported; not kept as 取込時の追加情報). */
export const LEDGER_EXPORT_STATE_COLUMNS = ['廃棄日', 'リスク分析', '版', '最終更新'] as const;

/**
 * 参照する値の対応付け (issue #12): a value the file writes that matches no 所属・媒体・取得方法,
 * mapped by the client after a dry run listed it — `{"department":{"企画部":"<所属のID>"},
 * "storageMedia":{"金庫":"paper"},"acquisitionMethods":{"HP":"direct_written"}}`.
 */
export const importValueMappingSchema = z.strictObject(
  {
    department: z.record(z.string().max(200), z.uuid({ error: '所管部署の対応付け先は所属のIDで指定してください' })).optional(),
    storageMedia: z.record(z.string().max(200), z.enum(storageMedia, { error: '保管媒体の対応付け先は paper・electronic・both のいずれかで指定してください' })).optional(),
    acquisitionMethods: z
      .record(z.string().max(200), z.enum(acquisitionMethods, { error: `取得方法の対応付け先は ${acquisitionMethods.join('・')} のいずれかで指定してください` }))
      .optional(),
  },
  { error: '値の対応付けで指定できるのは 所管部署（department）・保管媒体（storageMedia）・取得方法（acquisitionMethods）です' },
);
export type ImportValueMapping = z.output<typeof importValueMappingSchema>;
