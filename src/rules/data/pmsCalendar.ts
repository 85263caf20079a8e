/**
 * PMS年間計画 — default calendar of every new organization (SPEC §3 Tasks & calendar,
 * Principle 4). Version `pa01-2024-12`.
 *
 * Sources:
 * - `seeds/003_b0fb5616a8c59c70.txt` — 個人情報保護規程 (PA01, 最終改訂 2024-12-01); clause numbers
 *   below are its J.* clauses and the `quote` is its text.
 * - `seeds/000_a3d62f88298e9d2b.txt` — Setagaya 指定管理者 proposal: 「2021年度 個人情報保護
 *   マネジメントシステム (PMS)運用スケジュール」 and 保管ルール. The schedule's month columns did
 *   not survive in the seed text (every row shows only 「←→」), so it confirms *which* activities
 *   recur (台帳・リスク評価シートの見直し, 教育計画書, 教育実施, 自己点検, 監査年間計画書, 相互監査,
 *   代表者による見直し, Pマーク更新審査) but the months come from PA01.
 *
 * Owners are PMS roles (src/platform/org/roles.ts); `perDepartment` items become one task per
 * 所属. A `dayOfMonth` of 31 means the last day of the month (月末).
 */
import type { CalendarRecurrence } from '../calendar.ts';

export const PMS_CALENDAR_VERSION = 'pa01-2024-12';

export type PmsCalendarDefault = {
  /** Stable code: the organization's copy is matched on it, so re-seeding changes nothing. */
  code: string;
  title: string;
  /** What to do, in the words of the source. */
  description: string;
  /** Clause or source cited on the task. */
  clause: string;
  /** The source text the timing comes from (tests check it against the seed). */
  quote: string;
  ownerRole: 'pms_manager' | 'audit_manager' | 'top_management' | 'department_head' | 'handling_manager';
  recurrence: CalendarRecurrence;
  month: number | null;
  dayOfMonth: number;
  perDepartment: boolean;
};

export const pmsCalendarDefaults: readonly PmsCalendarDefault[] = [
  // ---- December (12月): 法令規範・台帳・リスク分析・委託先選定基準と評価の見直し ----
  {
    code: 'legal_register_review',
    title: '法令規範一覧の見直し',
    description: '個人情報保護に関する法令規範一覧の法律・ガイドライン・条例等の告示・改訂を確認し、必要に応じて改訂する。',
    clause: 'J.1.3 c)',
    quote:
      '法令等は、個人情報保護管理者が、毎年12月及び必要に応じて随時、(a)項に示す法律、基準、ガイドライン、指針、条例等の告示、改訂等を確認し、必要に応じて改訂するものとする。',
    ownerRole: 'pms_manager',
    recurrence: 'yearly',
    month: 12,
    dayOfMonth: 31,
    perDepartment: false,
  },
  {
    code: 'inventory_review',
    title: '個人情報管理台帳の見直し',
    description: '所属の個人情報管理台帳を見直し（件数・アクセス権者・管理者・保管期間に留意）、個人情報保護管理者の承認を得る。',
    clause: 'J.3.1.1',
    quote: '「個人情報管理台帳」は、毎年12月及び必要に応じて随時、各所属長が見直しを行い、個人情報保護管理者の承認を得る。',
    ownerRole: 'department_head',
    recurrence: 'yearly',
    month: 12,
    dayOfMonth: 31,
    perDepartment: true,
  },
  {
    code: 'risk_review',
    title: 'リスク分析対策表の見直し',
    description: '所属の個人情報リスク分析対策表を見直し、個人情報保護管理者の承認を経てトップマネジメントの承認を受ける。',
    clause: 'J.3.1.3',
    quote: '「個人情報リスク分析対策表」は、毎年 12 月に、各部門の責任者が見直しを行い、個人情報保護管理者の承認を経てトップマネジメントの承認を受けた上、必要に応じて変更を行う。',
    ownerRole: 'department_head',
    recurrence: 'yearly',
    month: 12,
    dayOfMonth: 31,
    perDepartment: true,
  },
  {
    code: 'contractor_criteria_review',
    title: '委託先選定基準の見直し',
    description: '委託先の選定基準を見直し、「委託先審査表」に定める。',
    clause: 'J.9.4 s)',
    quote: '個人情報保護管理者は毎年 12 月に委託先の選定基準を見直し、「委託先審査表」に定める。',
    ownerRole: 'pms_manager',
    recurrence: 'yearly',
    month: 12,
    dayOfMonth: 31,
    perDepartment: false,
  },
  {
    code: 'contractor_evaluation',
    title: '委託先の評価（委託先審査表）',
    description: '所属が個人情報を委託する全ての委託先を「委託先審査表」で評価し、個人情報保護管理者の承認を得る。',
    clause: 'J.9.4 t)',
    quote:
      '各所属長は、当該所属が個人情報を委託する全ての委託先について、取引開始時、毎年 12 月、及び必要に応じて「委託先審査表」による評価を実施、個人情報保護管理者の承認を得る。',
    ownerRole: 'department_head',
    recurrence: 'yearly',
    month: 12,
    dayOfMonth: 31,
    perDepartment: true,
  },
  // ---- July (7月): 教育計画 and 教育実施 ----
  {
    code: 'training_plan',
    title: '年間教育計画の作成',
    description: '年間教育計画を作成し、トップマネジメントの承認を得る（Setagaya 運用スケジュール「個人情報保護教育計画書」）。',
    clause: 'J.4.3 g)',
    quote: '個人情報保護管理者は、毎年 7 月に年間教育計画を作成し、トップマネジメントの承認を得なければならない。',
    ownerRole: 'pms_manager',
    recurrence: 'yearly',
    month: 7,
    dayOfMonth: 31,
    perDepartment: false,
  },
  {
    code: 'training',
    title: '個人情報保護教育の実施',
    description: '教育計画に基づき教育を実施し、受講対象者が全て受講したことを記録する。理解度の低い受講者には再教育を行う。',
    clause: 'J.4.3 h)',
    quote: 'h) 教育の実施（毎年 7 月）',
    ownerRole: 'pms_manager',
    recurrence: 'yearly',
    month: 7,
    dayOfMonth: 31,
    perDepartment: false,
  },
  // ---- September (9月): 内部監査計画 and 監査 ----
  {
    code: 'audit_plan',
    title: '内部監査計画書の作成',
    description: '監査の実施についての「内部監査計画書」を作成し、トップマネジメントの承認を受ける。',
    clause: 'J.6.2',
    quote: '個人情報保護監査責任者は、毎年9月に監査の実施についての「内部監査計画書」を作成し、トップマネジメントの承認を受ける。',
    ownerRole: 'audit_manager',
    recurrence: 'yearly',
    month: 9,
    dayOfMonth: 31,
    perDepartment: false,
  },
  {
    code: 'internal_audit',
    title: '内部監査の実施',
    description: '適合状況及び運用状況（リスク分析で講じることとした対策の実施状況を含む）の内部監査を実施する。',
    clause: 'J.6.2 1)',
    quote: '個人情報保護マネジメントシステムのPマーク構築・運用指針への適合状況及び運用状況の監査は年1回、原則として毎年9月にこれを実施する。',
    ownerRole: 'audit_manager',
    recurrence: 'yearly',
    month: 9,
    dayOfMonth: 31,
    perDepartment: false,
  },
  // ---- October (10月): マネジメントレビュー ----
  {
    code: 'management_review',
    title: 'マネジメントレビュー',
    description: 'トップマネジメントがPMSの適切性・妥当性・有効性を見直す（Setagaya 運用スケジュール「代表者による見直し」）。',
    clause: 'J.6.3 g)',
    quote: 'マネジメントレビューは、原則として毎年10月、及び必要に応じて随時行う。',
    ownerRole: 'top_management',
    recurrence: 'yearly',
    month: 10,
    dayOfMonth: 31,
    perDepartment: false,
  },
  // ---- every 3 months: 運用の確認 per department ----
  {
    code: 'operation_check',
    title: '運用の確認（個人情報保護運用チェックリスト）',
    description: '所属内で個人情報が規程通り取り扱われているかを「個人情報保護運用チェックリスト」で確認し、結果を個人情報保護管理者に報告して承認を得る。',
    clause: 'J.6.1',
    quote:
      '各所属長は、日常の業務で個人情報が所属内で規程通り取り扱われているか、また法令等に違反していないかを「個人情報保護運用チェックリスト」により3か月に1回、及び適宜に確認し、その結果を個人情報保護管理者に報告し、承認を得るものとする。',
    ownerRole: 'department_head',
    // PA01 gives the interval, not the months: quarter ends of the April–March fiscal year (6, 9, 12, 3).
    recurrence: 'quarterly',
    month: 6,
    dayOfMonth: 31,
    perDepartment: true,
  },
  // ---- monthly: 入退記録の確認 ----
  {
    code: 'entry_log_check',
    title: '入退記録の確認',
    description: '従業者の入退記録が適切にとられているかを確認し、不備があれば速やかに是正する。',
    clause: 'J.9.2 a) 8)',
    quote: '個人情報保護管理者は、従業者の入退記録が適切にとられているかどうかを月に1度確認する。',
    ownerRole: 'pms_manager',
    recurrence: 'monthly',
    month: null,
    dayOfMonth: 31,
    perDepartment: false,
  },
  // ---- twice a year: 保管台帳の現物確認 ----
  {
    code: 'storage_ledger_check',
    title: '保管台帳の現物確認',
    description: '保管台帳に基づき、書類・媒体の現物を確認する。',
    clause: 'Setagaya 保管ルール',
    quote: '責任者は保管台帳に基づき、現物確認を年2回実施',
    // The seed's 「責任者」 is the department's person in charge; PA01 gives department duties to 所属長.
    ownerRole: 'department_head',
    // The seed gives no months: the two halves of the April–March fiscal year end in September and March.
    recurrence: 'semiannual',
    month: 9,
    dayOfMonth: 31,
    perDepartment: true,
  },
  // ---- Privacy-Mark renewal (更新申請 window before expiry) ----
  {
    code: 'privacy_mark_renewal',
    title: 'プライバシーマーク更新申請',
    description:
      'プライバシーマークの更新申請を行う。申請期間は有効期間終了の8か月前から4か月前まで（JIPDEC の定め。シード文書には記載がなく、Setagaya 運用スケジュールは「Pマーク更新審査」とのみ記載）。',
    clause: 'プライバシーマーク付与 更新申請',
    quote: 'Pマーク更新審査',
    ownerRole: 'pms_manager',
    recurrence: 'privacy_mark_renewal',
    month: null,
    dayOfMonth: 31,
    perDepartment: false,
  },
];
