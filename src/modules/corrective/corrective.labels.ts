/**
 * Vocabulary of the corrective-action module (M10 不適合・是正処置, J.7.1) shared by the server,
 * the PDFs and the web screens. Pure data: safe to import from `web/`.
 */

/** Where a nonconformity came from (J.7.1 g) 是正処置の入力情報 1)〜4)). */
export const correctiveSources = ['incident', 'audit', 'check', 'complaint', 'external', 'contractor_inspection'] as const;
export type CorrectiveSource = (typeof correctiveSources)[number];

export const correctiveSourceLabels: Record<CorrectiveSource, { ja: string; en: string; basis: string }> = {
  incident: { ja: '緊急事態・事故等', en: 'Incident', basis: 'J.7.1 g) 2)' },
  audit: { ja: '内部監査', en: 'Internal audit', basis: 'J.7.1 g) 1)' },
  check: { ja: '運用の確認・自己点検', en: 'Operation check', basis: 'J.7.1 g) 1)' },
  complaint: { ja: '苦情・相談', en: 'Complaint', basis: 'J.7.1 g) 3)' },
  external: { ja: '外部機関の指摘', en: 'External finding', basis: 'J.7.1 g) 4)' },
  // A 実地検査 of a 委託先 (J.9.4 委託先の監督, 豊島区 守るべき事項 5.) is an operation check of the PMS.
  contractor_inspection: { ja: '委託先の実地検査', en: 'Contractor inspection', basis: 'J.7.1 g) 1)・J.9.4' },
};

/**
 * Status of a corrective action (是正処置の状態), moved by the approvals engine:
 * draft (記録・計画の作成中) → plan_pending (処置計画の承認待ち) → in_progress (計画承認済み・実施中)
 * → result_pending (処置結果の承認待ち) → closed (完了).
 */
export const correctiveStatuses = ['draft', 'plan_pending', 'in_progress', 'result_pending', 'closed'] as const;
export type CorrectiveStatus = (typeof correctiveStatuses)[number];

export const correctiveStatusLabels: Record<CorrectiveStatus, { ja: string; en: string }> = {
  draft: { ja: '計画作成中', en: 'Drafting plan' },
  plan_pending: { ja: '計画の承認待ち', en: 'Plan awaiting approval' },
  in_progress: { ja: '実施中（計画承認済み）', en: 'In progress' },
  result_pending: { ja: '結果の承認待ち', en: 'Result awaiting approval' },
  closed: { ja: '完了', en: 'Closed' },
};

/** Approval record type of the plan (J.7.1 h) 3): 個人情報保護管理者 → トップマネジメント). */
export const CORRECTIVE_PLAN = 'corrective_action_plan';
/** Approval record type of the result and effectiveness review (J.7.1 h) 5)・6), J.7.1 3). */
export const CORRECTIVE_RESULT = 'corrective_action_result';
