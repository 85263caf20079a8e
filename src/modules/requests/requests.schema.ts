import { z } from 'zod';
import { dateField, enumField, idField, numberTypeError, optionalDate, optionalId, optionalText, pageQuery, requiredText } from '../../platform/validation/fields.ts';
import { queryBoolean } from '../../platform/validation/queryParams.ts';
import { overseasInfoItemNos } from '../../rules/requestDecisions/kinds.ts';
import { containsMyNumber, myNumberMessage } from '../../rules/requestDecisions/myNumber.ts';
import { agentKinds, identityDocuments, replyMethods, replyTos, requestChannels, requestFieldLabels as L, requestKinds, requestStatuses } from './requests.labels.ts';

// Request schemas of M5 開示等の請求・苦情相談. Japanese messages naming each field. Pure (zod, rules):
// the web form validates with these same schemas before submitting.

export const requestIdParams = z.object({ id: idField('請求') });
export const correctionIdParams = z.object({ id: idField('補正') });

/** J.10.2 h 2: a free-text field holding a valid 個人番号 is refused (never stored, never corrected). */
export const noMyNumber = <T extends z.ZodType<string | null>>(label: string, schema: T) =>
  schema.superRefine((text, ctx) => {
    if (typeof text === 'string' && containsMyNumber(text)) ctx.addIssue({ code: 'custom', message: myNumberMessage(label) });
  });

export const requestListQuery = pageQuery.extend({
  kind: enumField(L.kind, requestKinds).optional(),
  status: enumField(L.status, requestStatuses).optional(),
  /** 期限超過のみ. */
  overdue: queryBoolean('期限超過のみ'),
});

const identityCheckBody = z.object({
  documents: z.array(enumField('本人確認書類', identityDocuments), { error: '本人確認書類を選択してください' }).min(1, { error: '本人確認書類を1つ以上選択してください' }).max(10),
  checkedBy: requiredText('本人確認をした者', 100),
  checkedOn: dateField('本人確認をした日'),
  sensitiveMasked: z.boolean({ error: '個人番号・本籍をマスクしたかを選んでください' }),
  note: noMyNumber('本人確認の備考', optionalText('本人確認の備考', 1000)),
});

export const createRequestBody = z.object({
  receivedOn: dateField(L.receivedOn),
  channel: enumField(L.channel, requestChannels),
  kind: enumField(L.kind, requestKinds),
  requesterName: noMyNumber(L.requesterName, requiredText(L.requesterName, 100)),
  requesterAddress: noMyNumber(L.requesterAddress, optionalText(L.requesterAddress, 300)),
  requesterContact: noMyNumber(L.requesterContact, optionalText(L.requesterContact, 200)),
  agentKind: enumField(L.agentKind, agentKinds).default('none'),
  agentName: noMyNumber(L.agentName, optionalText(L.agentName, 100)),
  agentAddress: noMyNumber(L.agentAddress, optionalText(L.agentAddress, 300)),
  agentContact: noMyNumber(L.agentContact, optionalText(L.agentContact, 200)),
  replyTo: enumField(L.replyTo, replyTos).optional(),
  content: noMyNumber(L.content, requiredText(L.content, 5000)),
});

export const updateRequestBody = z.object({
  identityCheck: identityCheckBody.optional(),
  extended: z.boolean({ error: `${L.extended}は「する」か「しない」で選んでください` }).optional(),
  specialProvision: z.boolean({ error: `${L.specialProvision}は「適用する」か「適用しない」で選んでください` }).optional(),
  withdrawn: z.literal(true, { error: '取下げの指定が正しくありません' }).optional(),
  causeAndAction: noMyNumber(L.causeAndAction, optionalText(L.causeAndAction, 5000)).optional(),
  recordSubject: noMyNumber(L.recordSubject, optionalText(L.recordSubject, 200)).optional(),
});

export const addCorrectionBody = z.object({
  askedOn: dateField(L.askedOn),
  what: noMyNumber(L.correctionWhat, requiredText(L.correctionWhat, 2000)),
});

export const completeCorrectionBody = z.object({ completedOn: dateField(L.completedOn) });

export const decisionBody = z.object({
  scope: enumField(L.decisionScope, ['full', 'partial', 'refused']),
  groundCodes: z
    .array(z.string().max(40), { error: `${L.decisionGrounds}の指定が正しくありません` })
    .max(20)
    .default([]),
  note: noMyNumber(L.decisionNote, optionalText(L.decisionNote, 5000)),
  /** 外国にある第三者への提供に係る情報提供の求め (J.8.8.1 3 l)): the items 1)〜7) a 一部不提供 withholds. */
  withheldItems: z
    .array(enumField(L.withheldItems, overseasInfoItemNos), { error: `${L.withheldItems}の指定が正しくありません` })
    .max(7)
    .default([]),
  replyMethod: enumField(L.replyMethod, replyMethods).optional(),
  repliedOn: optionalDate(L.repliedOn),
  // Text is refused, never coerced: the web's NumberInput sends the number it read (「１，０００」 → 1000).
  feeYen: z
    .number({ error: numberTypeError({ label: L.feeYen, unit: '円', max: 1_000_000 }) })
    .int({ error: (issue) => `${L.feeYen}は円単位の整数で入力してください（入力値: ${String(issue.input)}）` })
    .min(0, { error: (issue) => `${L.feeYen}は0円以上で入力してください（入力値: ${String(issue.input)}）` })
    .max(1_000_000, { error: (issue) => `${L.feeYen}は1,000,000円以下で入力してください（入力値: ${String(issue.input)}）` })
    .nullish(),
});

/** 回答済みの記録: 回答日 and 回答方法, once the decision is approved. */
export const replySentBody = z.object({
  repliedOn: dateField(L.repliedOn),
  replyMethod: enumField(L.replyMethod, replyMethods),
});

/**
 * 苦情・相談の完了 (J.11.1 d)): the root cause and what was done (原因・対応, required), the day it was
 * closed, and optionally a 是正処置 (J.7.1 g) 3)) — then the department responsible is required: its
 * 所属長 drafts the root cause and the plan (J.7.1 h) 2)).
 */
export const closeComplaintBody = z
  .object({
    closedOn: dateField(L.closedOn),
    causeAndAction: noMyNumber(L.causeAndAction, requiredText(L.causeAndAction, 5000)),
    openCorrective: z.boolean({ error: '是正処置を起票するかを選んでください' }).default(false),
    correctiveDepartmentId: optionalId(L.correctiveDepartment),
    correctiveTitle: optionalText(L.correctiveTitle, 200),
  })
  .superRefine((body, ctx) => {
    if (body.openCorrective && !body.correctiveDepartmentId)
      ctx.addIssue({ code: 'custom', path: ['correctiveDepartmentId'], message: `是正処置を起票するときは${L.correctiveDepartment}を選択してください` });
  });
