// Vocabulary of M5 開示等の請求・苦情相談 (J.10, J.11). Pure: the server, the contract and the web share it.
export { type RequestKindCode as RequestKind, requestKindCodes as requestKinds, requestKindLabels } from '../../rules/requestDecisions/kinds.ts';

/** 受付方法 (苦情・相談等受付処理票). `web` is the public portal (its reference is `portalReference`). */
export const requestChannels = ['counter', 'mail', 'phone', 'web'] as const;
export type RequestChannel = (typeof requestChannels)[number];
export const requestChannelLabels: Readonly<Record<RequestChannel, string>> = Object.freeze({
  counter: '窓口',
  mail: '郵送',
  phone: '電話',
  web: 'Web',
});

/** 代理人 (J.10.2 h: 任意代理人は委任状, 法定代理人は資格を証する書類). */
export const agentKinds = ['none', 'voluntary', 'legal'] as const;
export type AgentKind = (typeof agentKinds)[number];
export const agentKindLabels: Readonly<Record<AgentKind, string>> = Object.freeze({
  none: '本人',
  voluntary: '任意代理人（委任状）',
  legal: '法定代理人',
});

/** 回答の送付先 of a request by an agent (J.10.2): 本人 or the 代理人; a request by 本人 is answered to 本人. */
export const replyTos = ['principal', 'agent'] as const;
export type ReplyTo = (typeof replyTos)[number];
export const replyToLabels: Readonly<Record<ReplyTo, string>> = Object.freeze({ principal: '本人', agent: '代理人' });

/** The 回答の送付先 actually used: 本人 unless an agent requested and chose to receive it. */
export function resolveReplyTo(agentKind: AgentKind, replyTo: ReplyTo | null | undefined): ReplyTo {
  return agentKind === 'none' ? 'principal' : (replyTo ?? 'agent');
}

/** 状況: 受付 → 本人確認済 → 補正中 → 決定待ち → 承認待ち → 承認済（回答待ち） → 回答済 / 取下げ. */
export const requestStatuses = ['received', 'identity_verified', 'correcting', 'awaiting_decision', 'awaiting_approval', 'approved', 'answered', 'withdrawn'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const requestStatusLabels: Readonly<Record<RequestStatus, string>> = Object.freeze({
  received: '受付',
  identity_verified: '本人確認済',
  correcting: '補正中',
  awaiting_decision: '決定待ち',
  awaiting_approval: '承認待ち',
  approved: '承認済（回答待ち）',
  answered: '回答済',
  withdrawn: '取下げ',
});
/** Statuses that no longer run a deadline. */
export const closedRequestStatuses: readonly RequestStatus[] = ['answered', 'withdrawn'];

/** 本人確認書類 (J.10.2 h 1). Only which documents were seen is kept; never their numbers (J.10.2 h 2). */
export const identityDocuments = [
  'driver_license',
  'my_number_card',
  'passport',
  'health_insurance',
  'residence_card',
  'resident_record',
  'power_of_attorney',
  'legal_agent_proof',
  'other',
] as const;
export type IdentityDocument = (typeof identityDocuments)[number];
export const identityDocumentLabels: Readonly<Record<IdentityDocument, string>> = Object.freeze({
  driver_license: '運転免許証',
  my_number_card: '個人番号カード（表面のみ）',
  passport: '旅券',
  health_insurance: '健康保険の被保険者証',
  residence_card: '在留カード',
  resident_record: '住民票の写し（本籍・個人番号は記載なし又はマスク）',
  power_of_attorney: '委任状',
  legal_agent_proof: '法定代理人であることを証する書類（戸籍謄本等、本籍はマスク）',
  other: 'その他',
});

/** 本人確認の記録: which documents, who checked, when, and that 個人番号・本籍 were seen only masked. */
export interface IdentityCheck {
  documents: IdentityDocument[];
  /** Who checked (a person of the organization). */
  checkedBy: string;
  checkedOn: string;
  /** J.10.2 h 2: a document showing 個人番号 or 本籍 was seen and masked — the value itself is never kept. */
  sensitiveMasked: boolean;
  note: string | null;
}

/** 回答方法 (J.10.4 e). */
export const replyMethods = ['mail', 'counter', 'email', 'electronic'] as const;
export type ReplyMethod = (typeof replyMethods)[number];
export const replyMethodLabels: Readonly<Record<ReplyMethod, string>> = Object.freeze({
  mail: '郵送（書面）',
  counter: '窓口で手交',
  email: '電子メール',
  electronic: '電磁的記録の提供',
});

/** The requester's fields as named when an agent requests: they are 本人's (J.10.2 h)), the agent's are separate. */
export const principalFieldLabels = Object.freeze({ requesterName: '本人の氏名', requesterAddress: '本人の住所', requesterContact: '本人の連絡先' });

/** Japanese names of the 受付処理票's fields (form labels, field errors, audit trail). */
export const requestFieldLabels = Object.freeze({
  receivedOn: '受付日',
  channel: '受付方法',
  kind: '種類',
  requesterName: '請求者の氏名',
  requesterAddress: '請求者の住所',
  requesterContact: '請求者の連絡先',
  agentKind: '代理人',
  agentName: '代理人の氏名',
  agentAddress: '代理人の住所',
  agentContact: '代理人の連絡先',
  replyTo: '回答の送付先',
  content: '請求の内容',
  identityCheck: '本人確認',
  status: '状況',
  extended: '期間の延長',
  specialProvision: '開示決定等の期限の特例',
  decisionScope: '決定',
  decisionGrounds: '決定の理由（根拠条項）',
  decisionNote: '決定の内容',
  withheldItems: '提供しない項目（J.8.8.1 3 l)）',
  replyMethod: '回答方法',
  repliedOn: '回答日',
  feeYen: '手数料',
  causeAndAction: '原因・対応',
  askedOn: '補正を求めた日',
  completedOn: '補正が完了した日',
  correctionWhat: '補正を求めた事項',
  closedOn: '完了日',
  recordSubject: '記録上の本人の表記（会員番号など）',
  correctiveDepartment: '是正処置の当該所属',
  correctiveTitle: '是正処置の件名',
});
