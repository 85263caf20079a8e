// Vocabulary of M7 委託先管理 (J.9.4). Pure: the server, the contract and the web share it.

/** プライバシーマーク・ISMS の取得状況. */
export const certificationStatuses = ['certified', 'none', 'unknown'] as const;
export type CertificationStatus = (typeof certificationStatuses)[number];
export const certificationStatusLabels: Readonly<Record<CertificationStatus, string>> = Object.freeze({
  certified: '取得済み',
  none: '未取得',
  unknown: '未確認',
});

/** Japanese names of the register's fields (form labels, export headers, audit trail). */
export const contractorFieldLabels = Object.freeze({
  name: '名称',
  corporateNumber: '法人番号',
  address: '所在地',
  departmentId: '所管の所属',
  privacyMarkStatus: 'プライバシーマーク',
  privacyMarkExpiresOn: 'プライバシーマークの有効期限',
  ismsStatus: 'ISMS認証',
  ismsExpiresOn: 'ISMS認証の有効期限',
  contactName: '担当者名',
  contactPhone: '電話番号',
  contactEmail: 'メールアドレス',
  entrustedWork: '委託する業務',
  entryIds: '委託する個人情報（台帳の項目）',
  contractStartsOn: '契約開始日',
  contractEndsOn: '契約終了日',
  specificPersonalInfo: '特定個人情報の有無',
  contractClauses: '契約書に定めた事項',
  contractText: '契約書・特記事項の本文',
  subcontractingClause: '特記事項の再委託の条項',
  note: '備考',
});

/** 委託先審査表の状態: 作成中 → 承認待ち → 承認済み (a return or withdrawal goes back to 作成中). */
export const evaluationStatuses = ['draft', 'pending', 'approved'] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];
export const evaluationStatusLabels: Readonly<Record<EvaluationStatus, string>> = Object.freeze({
  draft: '作成中',
  pending: '承認待ち',
  approved: '承認済み',
});

/** Record type of the evaluation in the approvals engine (rules/data/approvalChains.ts: 個人情報保護管理者). */
export const CONTRACTOR_EVALUATION = 'contractor_evaluation';

/** 特記事項の再委託の条項 (豊島区 資料A 第7条 / 資料B 第6条): 再委託の禁止 or 再委託の制限 (甲の承認). */
export const subcontractingClauses = ['prohibit', 'restrict'] as const;
export type SubcontractingClause = (typeof subcontractingClauses)[number];

/** 再委託承認申請の状態: 作成中 → 承認待ち → 承認済み (a return or withdrawal goes back to 作成中). */
export const subcontractStatuses = ['draft', 'pending', 'approved'] as const;
export type SubcontractStatus = (typeof subcontractStatuses)[number];
/** As the register shows the sub-contractor: 承認前 until the 委託元 approves (資料B 第6条第2項). */
export const subcontractStatusLabels: Readonly<Record<SubcontractStatus, string>> = Object.freeze({
  draft: '承認前',
  pending: '承認前（承認待ち）',
  approved: '承認済',
});

/** Record type of the 再委託承認申請 in the approvals engine (rules/data/approvalChains.ts). */
export const SUBCONTRACT_REQUEST = 'subcontract_request';

/** 監督の方法 (特記事項 第6条第5項, 豊島区 4-8 監督): 書面確認・実地・報告徴収. */
export const supervisionMethods = ['document', 'onsite', 'report'] as const;
export type SupervisionMethod = (typeof supervisionMethods)[number];
export const supervisionMethodLabels: Readonly<Record<SupervisionMethod, string>> = Object.freeze({
  document: '書面確認',
  onsite: '実地',
  report: '報告徴収',
});

/**
 * 再委託先において個人情報を取り扱う作業責任者及び作業従事者 (豊島区 守るべき事項 3（業務の再委託について）ウ
 * 「再委託先において個人情報を取り扱う作業責任者及び作業従事者の氏名等を提出させること」; 特記事項 第2条第2項 「…作業責任者及び
 * 作業従事者の氏名を、あらかじめ甲に報告」). Named on the 再委託申請; personal data, kept encrypted.
 */
export type SubcontractStaff = {
  workLead: { name: string; title: string; contact: string };
  workers: string[];
};

/** The most 作業従事者 one 再委託申請 names (a longer list goes in the 誓約書・名簿 attachment). */
export const MAX_SUBCONTRACT_WORKERS = 50;
