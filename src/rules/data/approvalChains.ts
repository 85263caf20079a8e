/**
 * 承認経路の既定値 — the approval chain each record type starts with in a new organization
 * (SPEC §3 Approvals engine, Principle 3). Each organization may change its own chain
 * (approval_chains); these are the PA01 defaults, cited by clause of
 * `seeds/003_b0fb5616a8c59c70.txt`. Modules register their record types with these steps.
 */
import type { PmsRole } from '../../domain/roles.ts';

export const APPROVAL_CHAINS_VERSION = 'pa01-2024-12';

/**
 * 代行者の既定 — who approves a step in place of its role when the submitter is that role's only
 * holder (SPEC §5.4: an approver never approves their own submission). An organization may set
 * another 代行者 per step, or none (the step then goes to the next step's holders). Roles without
 * an entry have no default 代行者.
 */
export const defaultAlternateRoles: Readonly<Partial<Record<PmsRole, { role: PmsRole; basis: string }>>> = {
  // J.2.3.1 c): トップマネジメントは「PMSの最高責任者として、管理責任者…を指名し、PMSを実施させる」 —
  // the one who appoints the 個人情報保護管理者 approves in their place.
  pms_manager: { role: 'top_management', basis: 'J.2.3.1 c)' },
  // J.2.3.1 d): 個人情報保護管理者は「個人情報取扱いの管理全般について責任を負う」, and J.8.6 sends the
  // 所属長's 申請書 on to them: they approve a 所属長's own step when the 所属長 is the submitter.
  department_head: { role: 'pms_manager', basis: 'J.2.3.1 d), J.8.6' },
};

export type DefaultApprovalChain = {
  label: string;
  steps: readonly { role: PmsRole }[];
  basis: string;
};

export const defaultApprovalChains: Readonly<Record<string, DefaultApprovalChain>> = {
  // J.2.3.1: roles are assigned under the PMS manager's overall responsibility (個人情報保護管理者
  // 「PMSの構築、維持…管理全般について責任を負う」); a 所属長 requests, the PMS manager approves.
  role_request: {
    label: '役割任命申請',
    steps: [{ role: 'pms_manager' }],
    basis: 'J.2.3.1',
  },
  // J.3.1.1 c): 「新種の個人情報は、「新規個人情報取得申請書」によって個人情報保護管理者の承認を得た後…」
  // J.8.6: 申請書は「所属長を経由して、個人情報保護管理者の承認を得る」.
  inventory_acquisition: {
    label: '新規個人情報取得申請書',
    steps: [{ role: 'department_head' }, { role: 'pms_manager' }],
    basis: 'J.3.1.1 c), J.8.6',
  },
  // J.3.1.1 d), J.8.6: 「個人情報取扱変更等申請書」… 所属長を経由して、個人情報保護管理者の承認を得る.
  inventory_change: {
    label: '個人情報取扱変更等申請書',
    steps: [{ role: 'department_head' }, { role: 'pms_manager' }],
    basis: 'J.3.1.1 d), J.8.6',
  },
  // J.3.1.1: 「個人情報管理台帳」は、毎年12月…各所属長が見直しを行い、個人情報保護管理者の承認を得る.
  inventory_review: {
    label: '個人情報管理台帳の見直し',
    steps: [{ role: 'pms_manager' }],
    basis: 'J.3.1.1',
  },
  // J.3.1.3: 各部門の責任者が見直しを行い、個人情報保護管理者の承認を経てトップマネジメントの承認を受ける.
  risk_assessment: {
    label: 'リスク分析対策表',
    steps: [{ role: 'department_head' }, { role: 'pms_manager' }, { role: 'top_management' }],
    basis: 'J.3.1.3',
  },
  // J.4.3 g): 年間教育計画を作成し、トップマネジメントの承認を得なければならない.
  training_plan: {
    label: '年間教育計画',
    steps: [{ role: 'top_management' }],
    basis: 'J.4.3 g)',
  },
  // J.6.1: 結果を個人情報保護管理者に報告し、承認を得るものとする.
  operation_check: {
    label: '運用の確認（個人情報保護運用チェックリスト）',
    steps: [{ role: 'pms_manager' }],
    basis: 'J.6.1',
  },
  // J.6.2: 「内部監査計画書」を作成し、トップマネジメントの承認を受ける.
  audit_plan: {
    label: '内部監査計画書',
    steps: [{ role: 'top_management' }],
    basis: 'J.6.2',
  },
  // J.7.1 h) 1)–3): 当該所属長の確認を得て、個人情報保護管理者およびトップマネジメントの承認を受ける.
  corrective_action: {
    label: '是正処置実施記録',
    steps: [{ role: 'department_head' }, { role: 'pms_manager' }, { role: 'top_management' }],
    basis: 'J.7.1 h)',
  },
  // J.9.4 t): 「委託先審査表」による評価を実施、個人情報保護管理者の承認を得る.
  contractor_evaluation: {
    label: '委託先審査表',
    steps: [{ role: 'pms_manager' }],
    basis: 'J.9.4 t)',
  },
  // 豊島区 資料A 第7条第2項 / 資料B 第6条第2項: 業務の着手前に、書面により再委託する旨を甲に申請し、その承認を得なければならない.
  subcontract_request: {
    label: '再委託承認申請',
    steps: [{ role: 'pms_manager' }],
    basis: '豊島区 個人情報特記事項 第6条第2項（資料A 第7条第2項）',
  },
};
