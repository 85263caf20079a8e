import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/**
 * Messages of the 委託先 screens (module-local catalog; Japanese is the default). Field names
 * come from the server's `contractorFieldLabels`, clause texts from the rules: they quote the
 * seeds and stay Japanese.
 */
const ja = {
  'ct.nav': '委託先',
  'ct.title': '委託先',
  'ct.lead': '個人情報の取扱いを委託する全ての委託先の一覧です（J.9.4 4）。契約書に定めるべき事項（J.9.4 3・豊島区 守るべき事項 2.）の不足を確かめられます。',
  'ct.add': '委託先を登録',
  'ct.new': '委託先の登録',
  'ct.search': '名称・法人番号・委託する業務で検索',
  'ct.export': 'Excel出力',
  'ct.missing': '契約書の不足',
  'ct.missingCount': '{n}項目',
  'ct.none': 'なし',
  'ct.specific': '特定個人情報',
  'ct.specificYes': 'あり',
  'ct.specificNo': 'なし',
  'ct.back': '委託先の一覧',
  'ct.basics': '委託先',
  'ct.contract': '委託する業務と契約',
  'ct.certifications': '認証',
  'ct.contact': '連絡先',
  'ct.clauses': '契約書に定めた事項',
  'ct.clausesHint': '契約書（特記事項を含む）に定めている事項にチェックを付けてください。本文を貼り付けると、キーワードが見つかった事項も「本文で確認」として扱います。',
  'ct.check': '契約書の必須事項チェック',
  'ct.checkAllPresent': '必要な事項はすべて契約書に定められています',
  'ct.checkMissing': '契約書に定められていない事項が {n} 項目あります',
  'ct.byTicked': 'チェック済み',
  'ct.byText': '本文で確認（「{keyword}」）',
  'ct.present': '定められている事項',
  'ct.edit': '編集',
  'ct.entriesHint': '委託する個人情報を台帳の項目から選びます',
  'ct.errors': '保存できませんでした。赤い項目を確認してください',
  'ct.reference': '参考例',
  'ct.eval.title': '委託先審査表（評価）',
  'ct.eval.lead': '取引開始時と毎年 12 月に評価し、個人情報保護管理者の承認を得ます（J.9.4 t)）。評価基準: {name}',
  'ct.eval.year': '評価の年',
  'ct.eval.note': '所見',
  'ct.eval.save': '評価を保存',
  'ct.eval.submit': '承認を申請',
  'ct.eval.submitted': '承認を申請しました',
  'ct.eval.result': '結果',
  'ct.eval.changes': '昨年からの変化',
  'ct.eval.noChanges': '変化なし',
  'ct.eval.history': 'これまでの評価',
  'ct.eval.none': 'まだ評価はありません',
  'ct.eval.unanswered': '未回答',
};

export type ContractorTextKey = keyof typeof ja;

const en: Record<ContractorTextKey, string> = {
  'ct.nav': 'Contractors',
  'ct.title': 'Contractors',
  'ct.lead': 'Every contractor personal data is entrusted to (J.9.4 4), with a check of the clauses their contract must contain (J.9.4 3, Toshima 2.).',
  'ct.add': 'Register contractor',
  'ct.new': 'New contractor',
  'ct.search': 'Search by name, corporate number or work',
  'ct.export': 'Export Excel',
  'ct.missing': 'Missing clauses',
  'ct.missingCount': '{n}',
  'ct.none': 'None',
  'ct.specific': 'Specific personal information',
  'ct.specificYes': 'Yes',
  'ct.specificNo': 'No',
  'ct.back': 'Contractors',
  'ct.basics': 'Contractor',
  'ct.contract': 'Work and contract',
  'ct.certifications': 'Certifications',
  'ct.contact': 'Contact',
  'ct.clauses': 'Clauses in the contract',
  'ct.clausesHint': 'Tick the items the contract (with its special provisions) contains. Pasted text counts for items whose keywords it contains.',
  'ct.check': 'Contract clause check',
  'ct.checkAllPresent': 'The contract contains every required item',
  'ct.checkMissing': '{n} required items are missing from the contract',
  'ct.byTicked': 'Ticked',
  'ct.byText': 'Found in text ("{keyword}")',
  'ct.present': 'Items present',
  'ct.edit': 'Edit',
  'ct.entriesHint': 'Pick the ledger entries entrusted',
  'ct.errors': 'Could not save. Check the marked fields',
  'ct.reference': 'Reference example',
  'ct.eval.title': 'Contractor evaluation',
  'ct.eval.lead': 'Evaluate at the start of business and every December; the PMS manager approves (J.9.4 t)). Criteria: {name}',
  'ct.eval.year': 'Year',
  'ct.eval.note': 'Findings',
  'ct.eval.save': 'Save evaluation',
  'ct.eval.submit': 'Submit for approval',
  'ct.eval.submitted': 'Submitted for approval',
  'ct.eval.result': 'Result',
  'ct.eval.changes': 'Changes since last year',
  'ct.eval.noChanges': 'No changes',
  'ct.eval.history': 'Past evaluations',
  'ct.eval.none': 'No evaluations yet',
  'ct.eval.unanswered': 'Not answered',
};

const catalogs: Record<'ja' | 'en', Record<ContractorTextKey, string>> = { ja, en };

export type ContractorText = (key: ContractorTextKey, params?: Record<string, string | number>) => string;

export function useContractorText(): ContractorText {
  const { locale } = useI18n();
  return useCallback<ContractorText>(
    (key, params) => {
      const text = catalogs[locale][key] ?? ja[key];
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
    },
    [locale],
  );
}
