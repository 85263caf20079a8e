import { z } from 'zod';
import { getRiskCriteria, latestRiskCriteriaVersion } from '../../rules/data/riskCriteria.ts';
import { recordStatuses } from '../../platform/reviews/reviews.schema.ts';
import { dateField, enumField, idField, optionalDate, optionalId, optionalText, requiredText, textUpTo } from '../../platform/validation/fields.ts';

/**
 * Zod schemas of the リスク分析対策表 API (SPEC M2), shared by the server and the web forms. They
 * check shapes; the clause rules (threshold → 残存リスク対応策, no 残留リスク for improper
 * handling, owner, countermeasures, scale of the criteria version) are `validateRiskRecord`'s.
 */

const latestRiskCriteria = getRiskCriteria(latestRiskCriteriaVersion);
const phaseIds = latestRiskCriteria.phases.map((p) => p.id) as [string, ...string[]];
const threatIds = latestRiskCriteria.threats.map((t) => t.id) as [string, ...string[]];

const level = (label: string) =>
  z
    .number({ error: `${label}を選んでください` })
    .int({ error: `${label}は整数で入力してください` })
    .min(0, { error: (issue) => `${label}はリスク基準の段階から選んでください（入力値: ${String(issue.input)}）` })
    .max(100, { error: (issue) => `${label}はリスク基準の段階から選んでください（入力値: ${String(issue.input)}）` });

/** One countermeasure with the related regulation clauses (PA01 J.3.1.3 g)・h)). */
export const countermeasureInput = z.object({
  text: textUpTo('対策', 2000),
  refs: z
    .array(textUpTo('規程類の項番', 200), {
      error: '規程類の項番は一覧で入力してください',
    })
    .max(20, { error: '規程類の項番は1つの対策に20件以内で入力してください' })
    .default([])
    .transform((refs) => refs.filter(Boolean)),
});

/** One row of the リスク分析対策表 as the form sends it. */
export const riskRecordInput = z.object({
  id: optionalId('リスクのID'),
  phase: enumField('局面', phaseIds),
  threat: enumField('脅威', threatIds),
  risk: requiredText('想定されるリスク', 1000),
  ownerPersonId: optionalId('リスク所有者'),
  likelihood: level('発生可能性'),
  impact: level('影響度'),
  countermeasures: z.array(countermeasureInput, { error: '対策は一覧で入力してください' }).max(30, { error: '対策は30件以内で入力してください' }).default([]),
  residualDescription: optionalText('残留リスク', 2000),
  residualMeasure: optionalText('残存リスク対応策', 2000),
  residualMonitoringDate: optionalDate('次回モニタリング日'),
  typicalRiskId: optionalText('典型リスクのID', 100),
});
export type RiskRecordInput = z.output<typeof riskRecordInput>;

/** Saving the whole table: every row at once, all or nothing. */
export const recordsBody = z.object({
  records: z.array(riskRecordInput, { error: 'リスクは一覧で入力してください' }).max(500, { error: 'リスクは500件以内にしてください' }),
});

/** A 類型 (PA01 J.3.1.3 e)) and the 台帳 entries it groups. */
export const assessmentBody = z.object({
  departmentId: idField('所管部署'),
  category: requiredText('類型の名称', 200),
  description: optionalText('類型の説明', 2000),
  entryIds: z
    .array(idField('対象の個人情報'), { error: '対象の個人情報は一覧で指定してください' })
    .min(1, { error: '対象の個人情報（台帳の項目）を1件以上選んでください' })
    .max(500, { error: '対象の個人情報は500件以内で指定してください' })
    .transform((ids) => [...new Set(ids)]),
});

export const assessmentUpdateBody = assessmentBody.omit({ departmentId: true });

export const assessmentsQuery = z.object({
  departmentId: optionalId('所属'),
  status: z.enum(recordStatuses, { error: '状態の値が正しくありません' }).optional(),
  entryId: optionalId('台帳の項目'),
});

export const heatmapQuery = z.object({ departmentId: optionalId('所属') });

export const registerQuery = z.object({
  departmentId: optionalId('所属'),
  overdue: z.enum(['0', '1'], { error: 'overdue は 0 か 1 で指定してください' }).optional(),
});

/** 残留リスクのモニタリング記録 (J.3.1.4 留意事項). */
export const monitoringBody = z
  .object({
    reviewedOn: dateField('確認日'),
    note: requiredText('確認の内容', 2000),
    nextMonitoringDate: optionalDate('次回モニタリング日'),
  })
  .refine((v) => !v.nextMonitoringDate || v.nextMonitoringDate > v.reviewedOn, { error: '次回モニタリング日は確認日より後にしてください', path: ['nextMonitoringDate'] });

export const idParams = z.object({ id: idField('ID') });
