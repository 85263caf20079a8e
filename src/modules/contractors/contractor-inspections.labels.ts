// Vocabulary of the 実地検査 / 立入検査 records of M7 委託先管理. Pure: the server, the contract and the web share it.

/** 検査の方法: 実地（施設等への立入検査）・書面・リモート. */
export const inspectionMethods = ['onsite', 'document', 'remote'] as const;
export type InspectionMethod = (typeof inspectionMethods)[number];
export const inspectionMethodLabels: Readonly<Record<InspectionMethod, string>> = Object.freeze({
  onsite: '実地',
  document: '書面',
  remote: 'リモート',
});

/** 指摘事項の区分: 重大・軽微・観察事項. */
export const findingSeverities = ['major', 'minor', 'observation'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];
export const findingSeverityLabels: Readonly<Record<FindingSeverity, string>> = Object.freeze({
  major: '重大',
  minor: '軽微',
  observation: '観察事項',
});

/** Japanese names of the record's fields (form labels, field errors, audit trail). */
export const inspectionFieldLabels = Object.freeze({
  inspectedOn: '検査日',
  inspectors: '検査者',
  scope: '検査の範囲',
  method: '検査の方法',
  findings: '指摘事項',
  severity: '指摘事項の区分',
  description: '指摘事項の内容',
  result: '検査の結果',
});
