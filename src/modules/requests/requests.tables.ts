import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, encryptedText, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { DecisionScope } from '../../rules/requestDecisions/grounds.ts';
import type { OverseasInfoItemNo } from '../../rules/requestDecisions/kinds.ts';
import type { RequestDeadlineResult } from '../../rules/requestDeadlines/index.ts';
import type { AgentKind, IdentityCheck, ReplyMethod, ReplyTo, RequestChannel, RequestKind, RequestStatus } from './requests.labels.ts';

/**
 * 苦情・相談等受付処理票 (M5, J.10.4–J.10.7 b), J.11.1): one 開示等の請求 or 苦情・相談, from 受付 to
 * 回答 or 取下げ. The requester's (and agent's) name, address and contact are personal data,
 * encrypted at rest like the incidents module's columns (SPEC §9); reads are audited. A request
 * can come from the public portal (`channel = 'web'`, `portalReference`), and attachments (委任状,
 * 本人確認書類) can point to it later by its id. The deadline is the engine's result
 * (`src/rules/requestDeadlines/`), stored with its rules version and recomputed on every change of
 * 補正, 延長 or 特例, so a past decision can be reproduced (SPEC §5.1).
 */
export const requests = pgTable(
  'requests',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    /** 受付番号, e.g. `REQ-2026-0001` (per organization and year, like incident numbers). */
    number: text('number').notNull(),
    receivedOn: date('received_on').notNull(),
    channel: text('channel').$type<RequestChannel>().notNull(),
    /** The public portal's submission this request came from (null for 窓口・郵送・電話). */
    portalReference: text('portal_reference'),
    kind: text('kind').$type<RequestKind>().notNull(),
    requesterName: encryptedText('requester_name_enc').notNull(),
    requesterAddress: encryptedText('requester_address_enc'),
    requesterContact: encryptedText('requester_contact_enc'),
    agentKind: text('agent_kind').$type<AgentKind>().notNull().default('none'),
    agentName: encryptedText('agent_name_enc'),
    /** 代理人の住所・連絡先 (a request by an agent: requesterName/Address are 本人's). Encrypted. */
    agentAddress: encryptedText('agent_address_enc'),
    agentContact: encryptedText('agent_contact_enc'),
    /** Who receives the reply (J.10.2: the requester's choice; 本人 when there is no agent). */
    replyTo: text('reply_to').$type<ReplyTo>().notNull().default('principal'),
    /** 請求の内容 (may name people): encrypted. */
    content: encryptedText('content_enc').notNull(),
    /**
     * 第三者提供記録の開示 (法第33条第5項): the person as the 第三者提供記録・確認記録 name them (本人を特定するに
     * 足りる事項, e.g. 会員番号 A-0001), looked up instead of the requester's name when given. Encrypted.
     */
    recordSubject: encryptedText('record_subject_enc'),
    /** 本人確認: documents seen, by whom, when; never a 個人番号 or 本籍 value (J.10.2 h 2). */
    identityCheck: jsonb('identity_check').$type<IdentityCheck>(),
    status: text('status').$type<RequestStatus>().notNull().default('received'),
    /** 期間の延長 (法第83条第2項等) and 特例 (法第84条): engine facts. */
    extended: boolean('extended').notNull().default(false),
    specialProvision: boolean('special_provision').notNull().default(false),
    /** The engine's last result (null for 苦情・相談, which run on the organization's target only). */
    deadline: jsonb('deadline').$type<RequestDeadlineResult>(),
    /** 期限 (decisionDue, or extendedDue when extended; for 苦情・相談 the target date): for lists and the home card. */
    dueOn: date('due_on'),
    decisionScope: text('decision_scope').$type<DecisionScope>(),
    decisionGroundCodes: text('decision_ground_codes').array().notNull().default([]),
    /** 外国にある第三者への提供に係る情報提供の求め: the items of J.8.8.1 3 l) 1)〜7) a 一部不提供 withholds. */
    decisionWithheldItems: text('decision_withheld_items').array().$type<OverseasInfoItemNo[]>().notNull().default([]),
    /** 決定の内容 (may name people): encrypted. */
    decisionNote: encryptedText('decision_note_enc'),
    replyMethod: text('reply_method').$type<ReplyMethod>(),
    repliedOn: date('replied_on'),
    /** 手数料 (J.10.2 i) in yen; null = not charged. */
    feeYen: integer('fee_yen'),
    /** 苦情・相談: 原因・対応 (J.11.1 d), encrypted as it may name people. */
    causeAndAction: encryptedText('cause_and_action_enc'),
    /** 是正処置 opened from a complaint (the corrective module's id; referenced, not copied). */
    correctiveActionId: uuid('corrective_action_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('requests_number_uq').on(t.organizationId, t.number), index('requests_org_status_due_idx').on(t.organizationId, t.status, t.dueOn)],
);

/** 補正: what was asked, when, and when it was completed (the engine does not count those days). */
export const requestCorrections = pgTable(
  'request_corrections',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    askedOn: date('asked_on').notNull(),
    /** 補正を求めた事項 (may name people): encrypted. */
    what: encryptedText('what_enc').notNull(),
    completedOn: date('completed_on'),
    /** 補正の回答: what the requester answered through the public portal's follow-up link (may name people): encrypted. */
    answer: encryptedText('answer_enc'),
    createdAt: createdAt(),
  },
  (t) => [index('request_corrections_request_idx').on(t.organizationId, t.requestId)],
);
