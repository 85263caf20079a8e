import type { ProcessedKind } from '../../rules/inventoryRules.ts';
import type { EntryFlag, RiskStatusCode } from './inventory.schema.ts';

/** Labels shared by the server (exports, messages) and the web screens. Japanese, as the 様式 print them. */

/** 外国にある第三者への提供の根拠 (J.8.8.1 1 a)〜c)), as the request form, the snapshot and the export write it. */
export const overseasBasisLabels: Readonly<Record<'a' | 'b' | 'c', string>> = Object.freeze({ a: 'a) 本人の同意', b: 'b) 体制整備', c: 'c) 同等水準国' });

export const processedKindLabels: Readonly<Record<ProcessedKind, string>> = Object.freeze({
  none: '該当なし',
  pseudonymized: '仮名加工情報',
  anonymized: '匿名加工情報',
  personal_related: '個人関連情報',
});

export const entryFlagLabels: Readonly<Record<EntryFlag, string>> = Object.freeze({
  sensitive: '要配慮個人情報',
  myNumber: '特定個人情報',
  retainedPersonalData: '保有個人データ',
  entrusted: '委託あり',
  thirdPartyProvision: '第三者提供',
  overseas: '外国への提供',
  processed: '仮名加工・匿名加工・個人関連情報',
  disposalDue: '期限経過（廃棄対象）',
});

export const riskStatusCodeLabels: Readonly<Record<RiskStatusCode, string>> = Object.freeze({
  unanalysed: '未分析',
  in_progress: '分析中',
  approved: '承認済',
  needs_review: '要見直し',
});

export const recordStatusLabels: Readonly<Record<string, string>> = Object.freeze({
  draft: '下書き',
  pending: '承認待ち',
  approved: '承認済み',
  returned: '差戻し',
  withdrawn: '取下げ',
  superseded: '再承認のため無効',
});

export const historyKindLabels: Readonly<Record<string, string>> = Object.freeze({
  created: '新規登録',
  changed: '変更',
  imported: '取込',
  disposed: '廃棄',
});

/** Approval record types of the 台帳 (keys of rules/data/approvalChains.ts). */
export const INVENTORY_ACQUISITION = 'inventory_acquisition';
export const INVENTORY_CHANGE = 'inventory_change';
export const INVENTORY_REVIEW = 'inventory_review';
