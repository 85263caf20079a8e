import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/**
 * Messages of the 委託先の選定・評価基準 page (J.9.4 s); module-local catalog, Japanese by default).
 * Field names come from the server's `criteriaFieldLabels`; change labels from the rules.
 */
const ja = {
  'cr.nav': '評価基準',
  'cr.title': '委託先の選定・評価基準',
  'cr.lead':
    '委託先の選定と毎年 12 月の評価（委託先審査表）に使う評価項目です。個人情報保護管理者が毎年 12 月に見直し（J.9.4 s)）、承認された版が新しい評価と新しい調査票に使われます。過去の評価は、評価したときの版のまま表示されます。',
  'cr.back': '委託先の一覧',
  'cr.current': '適用中の評価基準: {name}（{version}）',
  'cr.publishedTo':
    '委託先ポータルで接続している委託先 {count} 社に、この版の名称・版・評価項目を知らせました（承認したときに接続していた委託先と、そのあと招待を受けた委託先。出典は知らせません）。',
  'cr.source': '出典: {source}',
  'cr.covers': '該当すれば他の項目を代替',
  'cr.edit': '見直す（新しい版の下書き）',
  'cr.editDraft': '下書きを編集',
  'cr.pending': '{version}がトップマネジメントの承認待ちです。承認されると新しい評価と調査票に使われます。',
  'cr.draft': '{version}の下書きがあります（まだ使われていません）。',
  'cr.history': '版の履歴',
  'cr.changesFrom': '{version}からの変更',
  'cr.noChanges': '変更なし',
  'cr.export': 'Excel出力',
  'cr.addItem': '評価項目を追加',
  'cr.up': '評価項目 {n} を上へ',
  'cr.down': '評価項目 {n} を下へ',
  'cr.remove': '評価項目 {n} を削除',
  'cr.item': '評価項目 {n}',
  'cr.save': '下書きを保存',
  'cr.saved': '下書きを保存しました',
  'cr.submit': '承認を申請',
  'cr.submitted': '{version}をトップマネジメントの承認に回しました',
  'cr.discard': '下書きを破棄',
  'cr.discarded': '下書きを破棄しました',
  'cr.cancel': 'やめる',
  'cr.editorTitle': '評価基準の{version}（下書き）',
  'cr.approvalsHint': '承認はトップマネジメントが「承認」の画面で行います。',
  'cr.approvedAt': '承認日',
};

const en: Record<keyof typeof ja, string> = {
  'cr.nav': 'Criteria',
  'cr.title': 'Contractor selection and evaluation criteria',
  'cr.lead':
    'The items used to select contractors and evaluate them every December. The PMS manager reviews them every December (J.9.4 s)); the approved version is used by new evaluations and questionnaires. Past evaluations show the version they used.',
  'cr.back': 'Contractors',
  'cr.current': 'Criteria in force: {name} ({version})',
  'cr.publishedTo':
    'Its name, version and items were sent to {count} contractor(s) connected through the contractor portal (those connected on approval and those that accepted their invitation since; the source is not sent).',
  'cr.source': 'Source: {source}',
  'cr.covers': 'Stands for the others when met',
  'cr.edit': 'Review (new version draft)',
  'cr.editDraft': 'Edit draft',
  'cr.pending': '{version} is waiting for top management approval.',
  'cr.draft': 'There is a draft of {version} (not in use yet).',
  'cr.history': 'Versions',
  'cr.changesFrom': 'Changes from {version}',
  'cr.noChanges': 'No changes',
  'cr.export': 'Export to Excel',
  'cr.addItem': 'Add item',
  'cr.up': 'Move item {n} up',
  'cr.down': 'Move item {n} down',
  'cr.remove': 'Remove item {n}',
  'cr.item': 'Item {n}',
  'cr.save': 'Save draft',
  'cr.saved': 'Draft saved',
  'cr.submit': 'Submit for approval',
  'cr.submitted': '{version} submitted to top management',
  'cr.discard': 'Discard draft',
  'cr.discarded': 'Draft discarded',
  'cr.cancel': 'Cancel',
  'cr.editorTitle': 'Criteria {version} (draft)',
  'cr.approvalsHint': 'Top management approves on the Approvals screen.',
  'cr.approvedAt': 'Approved on',
};

export type CriteriaTextKey = keyof typeof ja;
const catalogs: Record<'ja' | 'en', Record<CriteriaTextKey, string>> = { ja, en };

export function useCriteriaText(): (key: CriteriaTextKey, params?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  return useCallback(
    (key: CriteriaTextKey, params?: Record<string, string | number>) => {
      const text = catalogs[locale][key] ?? ja[key];
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
    },
    [locale],
  );
}
