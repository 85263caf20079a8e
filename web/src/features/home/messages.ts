import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** Messages of the home's 期限 and 所属ごとの期限超過 cards (module-local catalog; Japanese first). */
const ja = {
  'deadlines.title': '期限（報告等の義務と自分のタスク）',
  'deadlines.definition': '期限間近は今日から{days}日後まで（日本の暦日）、期限超過は今日より前の期限です。',
  'deadlines.overdue': '期限超過',
  'deadlines.dueSoon': '期限間近（{days}日以内）',
  'deadlines.legalOpen': '法令上の報告等（未対応）',
  'deadlines.empty': '期限超過・期限間近のものはありません',
  'deadlines.emptyFilter': '該当するものはありません',
  'deadlines.daysLeft': 'あと{days}日',
  'deadlines.today': '今日が期限',
  'deadlines.daysOver': '{days}日超過',
  'deadlines.undated': '速やかに',
  // What sets a deadline (src/platform/moduleKit/manifest.ts deadlineAuthorities).
  'deadlines.authority.law': '法令',
  'deadlines.authority.standard': '規格',
  'deadlines.authority.contract': '契約',
  'deadlines.authority.guidance': 'ガイドライン',
  'deadlines.authority.target': '目標',
  'deadlines.kind.task': 'タスク',
  'deadlines.showAll': 'すべて表示',
  'byDept.title': '所属ごとの期限超過',
  'byDept.department': '所属',
  'byDept.tasks': 'タスク',
  'byDept.deadlines': '報告等の義務',
  'byDept.none': '期限超過はありません',
  'home.allApprovals': 'すべての承認',
  'home.allTasks': 'タスク一覧・年間計画',
  'home.allNotifications': 'すべてのお知らせ',
  'home.openWork': '作業を開く',
} as const;

export type HomeTextKey = keyof typeof ja;

const en: Record<HomeTextKey, string> = {
  'deadlines.title': 'Deadlines (reporting duties and my tasks)',
  'deadlines.definition': 'Due soon: from today to {days} days later (Japan calendar days). Overdue: due before today.',
  'deadlines.overdue': 'Overdue',
  'deadlines.dueSoon': 'Due within {days} days',
  'deadlines.legalOpen': 'Legal reports (open)',
  'deadlines.empty': 'Nothing overdue or due soon',
  'deadlines.emptyFilter': 'Nothing',
  'deadlines.daysLeft': '{days} days left',
  'deadlines.today': 'Due today',
  'deadlines.daysOver': '{days} days overdue',
  'deadlines.undated': 'Promptly',
  'deadlines.authority.law': 'Law',
  'deadlines.authority.standard': 'Standard',
  'deadlines.authority.contract': 'Contract',
  'deadlines.authority.guidance': 'Guideline',
  'deadlines.authority.target': 'Target',
  'deadlines.kind.task': 'Task',
  'deadlines.showAll': 'Show all',
  'byDept.title': 'Overdue by department',
  'byDept.department': 'Department',
  'byDept.tasks': 'Tasks',
  'byDept.deadlines': 'Reporting duties',
  'byDept.none': 'Nothing overdue',
  'home.allApprovals': 'All approvals',
  'home.allTasks': 'Tasks & calendar',
  'home.allNotifications': 'All notifications',
  'home.openWork': 'Open the work',
};

const catalogs: Record<'ja' | 'en', Record<HomeTextKey, string>> = { ja, en };

export type HomeText = (key: HomeTextKey, params?: Record<string, string | number>) => string;

/** The home's own messages in the current language. */
export function useHomeText(): HomeText {
  const { locale } = useI18n();
  return useCallback<HomeText>(
    (key, params) => {
      const text = catalogs[locale][key] ?? ja[key];
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
    },
    [locale],
  );
}
