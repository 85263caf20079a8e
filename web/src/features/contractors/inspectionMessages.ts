import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/**
 * Messages of the 実地検査 card on the 委託先 page (issue 13; module-local catalog, Japanese by
 * default). Field names come from the server's `inspectionFieldLabels`.
 */
const ja = {
  'in.title': '実地検査（立入検査）',
  'in.lead':
    '委託先の作業の管理体制・実施体制や個人情報の管理の状況を確認した記録です（豊島区 守るべき事項 5.、個人情報特記事項 立入検査）。指摘事項から是正処置を起こせます（J.7.1）。',
  'in.dueOn': '次の実地検査の期限: {date}',
  'in.overdue': '次の実地検査の期限（{date}）を過ぎています',
  'in.empty': '実地検査の記録はまだありません',
  'in.add': '実地検査を記録',
  'in.save': '記録する',
  'in.cancel': 'やめる',
  'in.saved': '実地検査を記録しました',
  'in.addFinding': '指摘事項を追加',
  'in.removeFinding': '指摘事項 {n} を削除',
  'in.finding': '指摘事項 {n}',
  'in.noFindings': '指摘事項なし',
  'in.openCorrective': '是正処置を起こす',
  'in.opened': '是正処置 {number} を起こしました',
  'in.correctiveOf': '是正処置 {number}',
};

const en: Record<keyof typeof ja, string> = {
  'in.title': 'On-site inspections',
  'in.lead': 'Records of checking how the contractor manages personal data (Toshima rules 5., special clauses: inspection). A finding can open a corrective action (J.7.1).',
  'in.dueOn': 'Next inspection due: {date}',
  'in.overdue': 'The next inspection ({date}) is overdue',
  'in.empty': 'No inspection recorded yet',
  'in.add': 'Record an inspection',
  'in.save': 'Record',
  'in.cancel': 'Cancel',
  'in.saved': 'Inspection recorded',
  'in.addFinding': 'Add a finding',
  'in.removeFinding': 'Remove finding {n}',
  'in.finding': 'Finding {n}',
  'in.noFindings': 'No findings',
  'in.openCorrective': 'Open a corrective action',
  'in.opened': 'Corrective action {number} opened',
  'in.correctiveOf': 'Corrective action {number}',
};

export type InspectionTextKey = keyof typeof ja;
const catalogs: Record<'ja' | 'en', Record<InspectionTextKey, string>> = { ja, en };

export function useInspectionText(): (key: InspectionTextKey, params?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  return useCallback(
    (key: InspectionTextKey, params?: Record<string, string | number>) => {
      const text = catalogs[locale][key] ?? ja[key];
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
    },
    [locale],
  );
}
