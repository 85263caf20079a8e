import { z } from 'zod';
import { pageResponse } from '../../platform/http/contract.ts';
import { overseasInfoItemNos } from '../../rules/requestDecisions/kinds.ts';
import { agentKinds, identityDocuments, replyTos, requestChannels, requestKinds, requestStatuses } from './requests.labels.ts';

// Response shapes of M5 開示等の請求・苦情相談. Pure (zod only): the contract and the web import them.

export const requestAbilitiesResponse = z.object({
  /** 受付処理票の変更・補正・決定. */
  manage: z.boolean(),
});

export const deadlineResponse = z.object({
  /** The due date now running (延長後 when extended; for 苦情・相談 the organization's target). */
  dueOn: z.iso.date().nullable(),
  /** 残り日数 (negative: overdue); null when closed or no due date. */
  daysLeft: z.number().int().nullable(),
  /** true: 法定の期限; false: 組織の目標（遅滞なく）. */
  legal: z.boolean(),
  decisionDue: z.iso.date().nullable(),
  extendedDue: z.iso.date().nullable(),
  specialPartDue: z.iso.date().nullable(),
  excludedDays: z.number().int(),
  basis: z.string(),
  reason: z.string(),
  rulesVersion: z.string().nullable(),
});

export const correctionResponse = z.object({
  id: z.uuid(),
  askedOn: z.iso.date(),
  what: z.string(),
  completedOn: z.iso.date().nullable(),
  /** 補正の回答 the requester sent through the public portal's follow-up link (null otherwise). */
  answer: z.string().nullable(),
});

export const requestResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  receivedOn: z.iso.date(),
  channel: z.enum(requestChannels),
  channelLabel: z.string(),
  portalReference: z.string().nullable(),
  kind: z.enum(requestKinds),
  kindLabel: z.string(),
  requesterName: z.string(),
  requesterAddress: z.string().nullable(),
  requesterContact: z.string().nullable(),
  agentKind: z.enum(agentKinds),
  agentKindLabel: z.string(),
  agentName: z.string().nullable(),
  /** 代理人の住所・連絡先: with an agent, requesterName/Address/Contact are 本人's. */
  agentAddress: z.string().nullable(),
  agentContact: z.string().nullable(),
  /** 回答の送付先 (本人 or 代理人). */
  replyTo: z.enum(replyTos),
  replyToLabel: z.string(),
  content: z.string(),
  /** 第三者提供記録の開示: the person as the records name them (null: the requester's name is looked up). */
  recordSubject: z.string().nullable(),
  identityCheck: z
    .object({
      documents: z.array(z.enum(identityDocuments)),
      documentLabels: z.array(z.string()),
      checkedBy: z.string(),
      checkedOn: z.iso.date(),
      sensitiveMasked: z.boolean(),
      note: z.string().nullable(),
    })
    .nullable(),
  status: z.enum(requestStatuses),
  statusLabel: z.string(),
  extended: z.boolean(),
  specialProvision: z.boolean(),
  deadline: deadlineResponse,
  corrections: z.array(correctionResponse),
  decision: z
    .object({
      scope: z.enum(['full', 'partial', 'refused']),
      scopeLabel: z.string(),
      /** clause: the internal rule (J.10.5 2 a)) or, public profile, the law; law: the article a letter to 本人 cites. */
      grounds: z.array(z.object({ code: z.string(), clause: z.string(), law: z.string().nullable(), label: z.string() })),
      note: z.string().nullable(),
      /** 外国にある第三者への提供に係る情報提供の求め: the items of J.8.8.1 3 l) withheld (一部不提供). */
      withheldItems: z.array(z.enum(overseasInfoItemNos)),
    })
    .nullable(),
  replyMethod: z.string().nullable(),
  repliedOn: z.iso.date().nullable(),
  feeYen: z.number().int().nullable(),
  causeAndAction: z.string().nullable(),
  correctiveActionId: z.uuid().nullable(),
  updatedAt: z.iso.datetime(),
  abilities: requestAbilitiesResponse,
});

/** One row of 開示等の請求・苦情の一覧: no requester name (personal data stays in the audited detail). */
export const requestListItemResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  receivedOn: z.iso.date(),
  kind: z.enum(requestKinds),
  kindLabel: z.string(),
  status: z.enum(requestStatuses),
  statusLabel: z.string(),
  dueOn: z.iso.date().nullable(),
  daysLeft: z.number().int().nullable(),
  legal: z.boolean(),
});

export const requestPageResponse = pageResponse(requestListItemResponse).extend({ canCreate: z.boolean() });

/** 第三者提供記録の開示 (法第33条第5項): the records about the requester, for the decision. */
export const requestProvisionRecordsResponse = z.object({
  /** false for other kinds of request (nothing is looked up). */
  applies: z.boolean(),
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['provision', 'receipt']),
      kindLabel: z.string(),
      recordedOn: z.iso.date(),
      providedOn: z.iso.date().nullable(),
      counterpartyName: z.string().nullable(),
      subject: z.string(),
      dataItems: z.string().nullable(),
      disposedOn: z.iso.date().nullable(),
    }),
  ),
});

/** One item of J.8.8.1 3 l) 1)〜7) as a record holds it (null: not recorded on the record). */
export const overseasInfoItemResponse = z.object({ no: z.enum(overseasInfoItemNos), label: z.string(), value: z.string().nullable() });

/**
 * 外国にある第三者への提供に係る情報提供の求め (J.8.8.1 3 l)): the 第三者提供記録 of personal data about the
 * requester provided to a 外国にある第三者 on ground b), each with items 1)〜7).
 */
export const requestOverseasRecordsResponse = z.object({
  /** false for other kinds of request (nothing is looked up). */
  applies: z.boolean(),
  items: z.array(
    z.object({
      id: z.uuid(),
      recordedOn: z.iso.date(),
      providedOn: z.iso.date().nullable(),
      counterpartyName: z.string().nullable(),
      subject: z.string(),
      dataItems: z.string().nullable(),
      info: z.array(overseasInfoItemResponse),
    }),
  ),
});
