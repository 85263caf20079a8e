import { z } from 'zod';
import { pageResponse } from '../../platform/http/contract.ts';
import { importExtrasResponse } from '../../platform/imports/imports.schema.ts';
import { criteriaChangeResponse } from './contractor-criteria.responses.ts';
import { certificationStatuses, evaluationStatuses, subcontractingClauses, subcontractStatuses, supervisionMethods } from './contractors.labels.ts';

// Response shapes of M7 委託先管理 (J.9.4). Pure (zod only): the contract and the web import them.

/** What the caller may do with a 委託先 (contractors.policy.ts). */
export const contractorAbilitiesResponse = z.object({
  /** 委託先の変更 (the register's fields and the contract's clauses). */
  edit: z.boolean(),
});

/** 委託先 (presentContractor). */
export const contractorResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  corporateNumber: z.string().nullable(),
  address: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  privacyMarkStatus: z.enum(certificationStatuses),
  privacyMarkStatusLabel: z.string(),
  privacyMarkExpiresOn: z.iso.date().nullable(),
  ismsStatus: z.enum(certificationStatuses),
  ismsStatusLabel: z.string(),
  ismsExpiresOn: z.iso.date().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  entrustedWork: z.string(),
  /** 再委託先なら、その委託元にあたる委託先. */
  parentContractorId: z.uuid().nullable(),
  /** 特記事項の再委託の条項 (第6条: 禁止／制限). */
  subcontractingClause: z.enum(subcontractingClauses),
  /** 委託する個人情報: the linked 台帳 entries still in the register, by name. */
  entries: z.array(z.object({ id: z.uuid(), name: z.string() })),
  contractStartsOn: z.iso.date().nullable(),
  contractEndsOn: z.iso.date().nullable(),
  specificPersonalInfo: z.boolean(),
  contractClauses: z.array(z.string()),
  contractText: z.string().nullable(),
  /** 備考 and 取込時の追加情報 (issue #12): read by the import, shown on the 委託先's page. */
  note: z.string().nullable(),
  importExtras: importExtrasResponse,
  /** How many required contract items are missing (the clause check's count). */
  missingClauseCount: z.number().int(),
  updatedAt: z.iso.datetime(),
  abilities: contractorAbilitiesResponse,
});

/** One row of 委託先一覧. */
export const contractorListItemResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  corporateNumber: z.string().nullable(),
  departmentName: z.string().nullable(),
  entrustedWork: z.string(),
  privacyMarkStatusLabel: z.string(),
  privacyMarkExpiresOn: z.iso.date().nullable(),
  contractEndsOn: z.iso.date().nullable(),
  specificPersonalInfo: z.boolean(),
  missingClauseCount: z.number().int(),
});

export const contractorPageResponse = pageResponse(contractorListItemResponse).extend({
  /** Whether the caller may register a 委託先 (the 登録 button). */
  canCreate: z.boolean(),
});

/** One required contract item in the clause check, with its clause and text from the seed. */
export const clauseItemResponse = z.object({
  code: z.string(),
  clause: z.string(),
  text: z.string(),
  /** The list it belongs to (J.9.4 3 a)〜h) / i)〜r) / 豊島区 守るべき事項 2.). */
  sourceLabel: z.string(),
  /** A municipal rule shown to a company as a reference example (issue 10): 「参考例」. */
  referenceExample: z.boolean(),
});

/** 委託契約の必須事項チェック (J.9.4 3, 豊島区 守るべき事項 2.). */
export const clauseCheckResponse = z.object({
  contractorId: z.uuid(),
  version: z.string(),
  specificPersonalInfo: z.boolean(),
  missing: z.array(clauseItemResponse),
  present: z.array(
    clauseItemResponse.extend({
      /** ticked: the person ticked it; text: a keyword was found in the pasted text (a hint to confirm). */
      by: z.enum(['ticked', 'text']),
      keyword: z.string().nullable(),
    }),
  ),
});

const answerEnum = z.enum(['suitable', 'unsuitable', 'not_applicable']);

/** One 委託先審査表 (a year's evaluation) with its score and the changes since the year before. */
export const evaluationResponse = z.object({
  id: z.uuid(),
  year: z.number().int(),
  criteriaVersion: z.string(),
  answers: z.record(z.string(), answerEnum),
  note: z.string().nullable(),
  status: z.enum(evaluationStatuses),
  statusLabel: z.string(),
  /** 適 / 不適 / 未回答あり. */
  result: z.enum(['pass', 'fail', 'incomplete']),
  resultLabel: z.string(),
  failed: z.array(z.string()),
  unanswered: z.array(z.string()),
  /** Items whose answer changed since the previous year's evaluation (none for the first). */
  changes: z.array(z.object({ code: z.string(), previous: answerEnum.nullable(), current: answerEnum.nullable() })),
  /** The criteria the evaluation was scored against (J.9.4 s)): 第2版 / 既定, its name and items. */
  criteriaVersionLabel: z.string(),
  criteriaName: z.string(),
  criteriaItems: z.array(z.object({ code: z.string(), text: z.string() })),
  /** When last year's evaluation used another version: the items added, removed or reworded since. */
  criteriaChanges: z.array(criteriaChangeResponse),
});

/** 委託先審査表: the criteria set and the contractor's evaluations, newest year first. */
export const evaluationsResponse = z.object({
  /** The criteria a new evaluation uses (the organization's approved version, else the built-in 調査票). */
  criteria: z.object({
    version: z.string(),
    versionLabel: z.string(),
    name: z.string(),
    source: z.string(),
    /** `coversOthers`: the item that, answered 適, makes the others optional (調査票 1 プライバシーマーク) — the form checks 未回答 as the server does. */
    items: z.array(z.object({ code: z.string(), text: z.string(), coversOthers: z.boolean() })),
  }),
  items: z.array(evaluationResponse),
  /** Whether the caller may write and submit an evaluation (the 所属長 of the department or an org-wide manager). */
  canEvaluate: z.boolean(),
});

/** 再委託承認申請 (資料B 第6条第2項). */
export const subcontractRequestResponse = z.object({
  id: z.uuid(),
  contractorId: z.uuid(),
  subContractorId: z.uuid(),
  work: z.string(),
  entryIds: z.array(z.uuid()),
  safetyMeasures: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().nullable(),
  reason: z.string(),
  /** 再委託先の作業責任者・作業従事者 (豊島区 守るべき事項 3 ウ); null / [] when the request did not name them. */
  workLead: z.object({ name: z.string(), title: z.string(), contact: z.string() }).nullable(),
  workers: z.array(z.string()),
  status: z.enum(subcontractStatuses),
  statusLabel: z.string(),
  approvedOn: z.iso.date().nullable(),
});

/** The filed 再委託承認申請 with the approval request it waits on. */
export const subcontractFiledResponse = subcontractRequestResponse.extend({ approvalRequestId: z.uuid() });

/** One level of the 再委託 chain: the contractor and its sub-contractors (承認前 / 承認済). */
export type SubcontractChainNode = { id: string; name: string; status: (typeof subcontractStatuses)[number] | null; statusLabel: string | null; children: SubcontractChainNode[] };
const chainNode: z.ZodType<SubcontractChainNode> = z.lazy(() =>
  z.object({ id: z.uuid(), name: z.string(), status: z.enum(subcontractStatuses).nullable(), statusLabel: z.string().nullable(), children: z.array(chainNode) }),
);

/** 監督の記録 (特記事項 第6条第5項: 再委託先の履行状況の監督). */
export const supervisionResponse = z.object({
  id: z.uuid(),
  contractorId: z.uuid(),
  supervisedOn: z.iso.date(),
  method: z.enum(supervisionMethods),
  methodLabel: z.string(),
  findings: z.string().nullable(),
  supervisor: z.string(),
});

/** 再委託の系列: the contractors above (委託元側) and the tree below, with this contractor's requests. */
export const subcontractChainResponse = z.object({
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  tree: chainNode,
  requests: z.array(subcontractRequestResponse),
  /** 監督の記録 of this contractor's link (as a 再委託先) and of every link below. */
  supervisions: z.array(supervisionResponse),
  canRequest: z.boolean(),
  canSupervise: z.boolean(),
});
