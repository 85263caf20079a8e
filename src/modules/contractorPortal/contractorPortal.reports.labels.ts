// Labels of the 委託先からの報告 (issue #13), shared by the server and the web. Japanese, as printed.

export const reportKinds = ['subcontract', 'return_disposal', 'incident'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportKindLabels: Readonly<Record<ReportKind, string>> = Object.freeze({
  subcontract: '再委託承認申請',
  return_disposal: '返還・廃棄報告',
  incident: '事故等の報告',
});

/**
 * submitted: 受け付けた (the 委託元 has not acted yet); in_approval: 再委託承認申請 in the 委託元's
 * approvals; approved: 再委託 approved; refused: the 委託元's approval returned it (差戻し); confirmed: 返還・廃棄報告 confirmed by the 委託元; handling: the
 * incident is being handled in the 委託元's M4; closed: the incident closed.
 */
export const reportStatuses = ['submitted', 'in_approval', 'approved', 'refused', 'confirmed', 'handling', 'closed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportStatusLabels: Readonly<Record<ReportStatus, string>> = Object.freeze({
  submitted: '受付済み（委託元の確認待ち）',
  in_approval: '委託元で承認手続中',
  approved: '承認',
  refused: '委託元が承認しませんでした（差戻し）',
  confirmed: '委託元が確認済み',
  handling: '委託元で対応中',
  closed: '対応終了',
});

/** 返還・廃棄の方法 (豊島区 特記事項 資料B 第17条 / 資料A 第10条 資料等の返還義務: 返還が原則、甲の承認を受けたときは廃棄; 消去・破砕・溶解は廃棄の方法). */
export const disposalMethods = ['return', 'erase', 'shred', 'dissolve', 'incinerate', 'other'] as const;
export type DisposalMethod = (typeof disposalMethods)[number];
export const disposalMethodLabels: Readonly<Record<DisposalMethod, string>> = Object.freeze({
  return: '返還',
  erase: '消去（データの完全消去）',
  shred: '破砕・裁断',
  dissolve: '溶解',
  incinerate: '焼却',
  other: 'その他',
});

/** 再委託申請 as the 委託先 wrote it (資料B 第6条第2項 の申請事項). */
export type SubcontractReportDetails = {
  kind: 'subcontract';
  subContractorName: string;
  corporateNumber: string | null;
  work: string;
  personalData: string;
  startsOn: string;
  endsOn: string | null;
  safetyMeasures: string;
  supervision: string;
  workStartsOn: string;
  reason: string;
  /** 作業責任者・作業従事者 (豊島区 守るべき事項 3 ウ); absent on requests sent before they were asked. */
  workLeadName?: string;
  workLeadTitle?: string;
  workLeadContact?: string;
  workers?: string[];
};

/** 返還・廃棄報告: 日時・方法・担当者・対象. */
export type ReturnDisposalReportDetails = {
  kind: 'return_disposal';
  performedAt: string;
  method: DisposalMethod;
  methodDetail: string | null;
  personInCharge: string;
  target: string;
};

/** 事故等の報告 (資料B 第16条第2項 / 資料A 第15条 「直ちに…当該事故に関わる個人情報の内容、件数、事故の発生場所、発生状況等を報告」): what happened, where, when known, the data, the count, the measures. */
export type IncidentReportDetails = {
  kind: 'incident';
  whatHappened: string;
  place: string | null;
  occurredAt: string | null;
  knownAt: string;
  personalData: string;
  persons: number | null;
  /** 本人の数 is a 概数 (typed 「約1,200人」); absent on reports sent before it was kept. */
  personsApproximate?: boolean;
  measures: string;
} & { [K in IncidentReportFact]?: boolean | null };

/**
 * The facts of a 事故等の報告 the 委託元's duties turn on (個人情報保護法施行規則第7条第1号〜第3号,
 * 番号法第29条の4): asked of the 委託先 as はい・いいえ・不明 (null: 不明, as the duty engine reads a
 * fact not given) and carried into the 委託元's incident facts under the same keys.
 */
export const incidentReportFacts = ['sensitive', 'improperPurpose', 'financialDamageRisk', 'myNumber'] as const;
export type IncidentReportFact = (typeof incidentReportFacts)[number];
export const incidentReportFactLabels: Readonly<Record<IncidentReportFact, string>> = Object.freeze({
  sensitive: '要配慮個人情報を含むか',
  improperPurpose: '不正の目的によるおそれ',
  financialDamageRisk: '財産的被害のおそれ',
  myNumber: '特定個人情報（マイナンバー）を含むか',
});

/** はい・いいえ・不明 of a fact (null: 不明). */
export function factAnswerLabel(value: boolean | null | undefined): string {
  return value === true ? 'はい' : value === false ? 'いいえ' : '不明';
}

export type ReportDetails = SubcontractReportDetails | ReturnDisposalReportDetails | IncidentReportDetails;
