import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { ApprovalRecordType, SnapshotField } from '../../platform/approvals/registry.ts';
import { snapshotText } from '../../platform/approvals/snapshot-fields.ts';
import { submitForApproval } from '../../platform/approvals/submit-for-approval.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { diffEvaluations, evaluationResultLabels, scoreEvaluation } from '../../rules/contractors/criteriaScore.ts';
import { diffCriteria } from '../../rules/contractors/criteriaDiff.ts';
import { type ContractorCriterion, type CriterionAnswer, criterionAnswerLabels, defaultContractorCriteria } from '../../rules/data/contractorCriteria.ts';
import { criteriaOf, criteriaResolver, currentCriteria, type ResolvedCriteria } from './contractor-criteria.ts';
import { CONTRACTOR_EVALUATION, evaluationStatusLabels } from './contractors.labels.ts';
import { closeDepartmentEvaluationTask } from './evaluation-calendar-task.ts';
import { canManageContractor } from './contractors.policy.ts';
import { findContractor } from './contractors.queries.ts';
import type { evaluationResponse, evaluationsResponse } from './contractors.responses.ts';
import type { saveEvaluationBody } from './contractors.schema.ts';
import { contractorEvaluations, contractors } from './contractors.tables.ts';

// 委託先審査表による評価 (J.9.4 t)): 「各所属長は、当該所属が個人情報を委託する全ての委託先に
// ついて、取引開始時、毎年 12 月、及び必要に応じて「委託先審査表」による評価を実施、個人情報保護
// 管理者の承認を得る。」 Scored with the criteria set (default: 世田谷区 個人情報管理状況調査票),
// compared with the year before, submitted through the approvals engine.

export type EvaluationRow = typeof contractorEvaluations.$inferSelect;

/**
 * An evaluation with its score and the changes since `previous`, each scored with the criteria set
 * it recorded (`criteriaVersion`, J.9.4 s)): an evaluation of an older version keeps its items.
 */
export function presentEvaluation(row: EvaluationRow, previous: EvaluationRow | undefined, resolve: (version: string) => ResolvedCriteria): z.output<typeof evaluationResponse> {
  const criteria = resolve(row.criteriaVersion);
  const score = scoreEvaluation(criteria, row.answers);
  const before = previous ? resolve(previous.criteriaVersion) : null;
  return {
    id: row.id,
    year: row.year,
    criteriaVersion: row.criteriaVersion,
    answers: row.answers,
    note: row.note,
    status: row.status,
    statusLabel: evaluationStatusLabels[row.status],
    result: score.result,
    resultLabel: evaluationResultLabels[score.result],
    failed: score.failed,
    unanswered: score.unanswered,
    changes: previous ? diffEvaluations(criteria, previous.answers, row.answers) : [],
    criteriaVersionLabel: criteria.versionLabel,
    criteriaName: criteria.name,
    criteriaItems: criteria.items.map((i) => ({ code: i.code, text: i.text })),
    criteriaChanges: before && before.version !== criteria.version ? diffCriteria(before, criteria) : [],
  };
}

async function evaluationsOf(tx: Tx, organizationId: string, contractorId: string): Promise<EvaluationRow[]> {
  return tx
    .select()
    .from(contractorEvaluations)
    .where(and(eq(contractorEvaluations.organizationId, organizationId), eq(contractorEvaluations.contractorId, contractorId)))
    .orderBy(desc(contractorEvaluations.year));
}

/** 委託先審査表: the criteria and every year's evaluation of the contractor, newest first. */
export async function listEvaluations(tx: Tx, actor: Actor, contractorId: string): Promise<z.output<typeof evaluationsResponse>> {
  const contractor = await findContractor(tx, actor.organizationId, contractorId);
  const rows = await evaluationsOf(tx, actor.organizationId, contractor.id);
  const criteria = await currentCriteria(tx, actor.organizationId);
  const resolve = await criteriaResolver(
    tx,
    actor.organizationId,
    rows.map((r) => r.criteriaVersion),
  );
  return {
    criteria: {
      version: criteria.version,
      versionLabel: criteria.versionLabel,
      name: criteria.name,
      source: criteria.source,
      items: criteria.items.map((i) => ({ code: i.code, text: i.text, coversOthers: i.coversOthers === true })),
    },
    items: rows.map((row, index) => presentEvaluation(row, rows[index + 1], resolve)),
    canEvaluate: canManageContractor(actor, contractor),
  };
}

/**
 * Writes the year's evaluation (creates it, or changes a draft). Unknown item codes are refused;
 * an evaluation waiting for or past approval is not changed.
 */
export async function saveEvaluation(tx: Tx, actor: Actor, contractorId: string, input: z.output<typeof saveEvaluationBody>, now: Date) {
  const contractor = await findContractor(tx, actor.organizationId, contractorId, true);
  if (!canManageContractor(actor, contractor)) throw forbidden('この委託先を評価できるのは、所管の所属の所属長又は個人情報保護管理者です');
  // A new or changed evaluation is written against the criteria in force (J.9.4 s)).
  const criteria = await currentCriteria(tx, actor.organizationId);
  const known = new Set(criteria.items.map((i) => i.code));
  const unknown = Object.keys(input.answers).filter((code) => !known.has(code));
  if (unknown.length > 0)
    throw invalid('answers', `評価項目にない番号があります（${unknown.join('、')}）。評価基準「${criteria.name}」${criteria.versionLabel}の項目で評価してください`);
  const [existing] = await tx
    .select()
    .from(contractorEvaluations)
    .where(and(eq(contractorEvaluations.organizationId, actor.organizationId), eq(contractorEvaluations.contractorId, contractor.id), eq(contractorEvaluations.year, input.year)))
    .for('update');
  if (existing && existing.status !== 'draft') throw conflict(`${input.year}年の評価は${evaluationStatusLabels[existing.status]}のため変更できません`, 'approval_state');
  const values = { answers: input.answers as Record<string, CriterionAnswer>, note: input.note, criteriaVersion: criteria.version, updatedAt: now };
  const [row] = existing
    ? await tx.update(contractorEvaluations).set(values).where(eq(contractorEvaluations.id, existing.id)).returning()
    : await tx
        .insert(contractorEvaluations)
        .values({ ...values, organizationId: actor.organizationId, contractorId: contractor.id, year: input.year, createdAt: now })
        .returning();
  if (!row) throw new Error('evaluation write returned nothing');
  const [previous] = await tx
    .select()
    .from(contractorEvaluations)
    .where(
      and(eq(contractorEvaluations.organizationId, actor.organizationId), eq(contractorEvaluations.contractorId, contractor.id), eq(contractorEvaluations.year, input.year - 1)),
    );
  return presentEvaluation(row, previous, await criteriaResolver(tx, actor.organizationId, [row.criteriaVersion, previous?.criteriaVersion ?? row.criteriaVersion]));
}

async function findEvaluation(tx: Tx, organizationId: string, id: string): Promise<EvaluationRow> {
  const [row] = await tx
    .select()
    .from(contractorEvaluations)
    .where(and(eq(contractorEvaluations.organizationId, organizationId), eq(contractorEvaluations.id, id)));
  if (!row) throw notFound('委託先審査表');
  return row;
}

/** 委託先審査表の申請 (J.9.4 t) 個人情報保護管理者の承認): every required item answered first. */
export async function submitEvaluation(tx: Tx, actor: Actor, id: string, clock: Clock) {
  const row = await findEvaluation(tx, actor.organizationId, id);
  const contractor = await findContractor(tx, actor.organizationId, row.contractorId);
  if (!canManageContractor(actor, contractor)) throw forbidden('この委託先の評価を申請できるのは、所管の所属の所属長又は個人情報保護管理者です');
  if (row.status !== 'draft') throw conflict('この評価は申請済みです', 'approval_state');
  const score = scoreEvaluation(await criteriaOf(tx, actor.organizationId, row.criteriaVersion), row.answers);
  if (score.result === 'incomplete') throw invalid('answers', `未回答の評価項目があります（${score.unanswered.join('、')}）`);
  return submitForApproval(tx, { organizationId: actor.organizationId, accountId: actor.accountId, personId: actor.personId }, CONTRACTOR_EVALUATION, row.id, clock);
}

/** The criteria items a snapshot carries (older snapshots carry none: the built-in 調査票). */
function snapshotCriteria(data: Record<string, unknown>): { name: string; items: readonly ContractorCriterion[] } {
  const items = Array.isArray(data.criteriaItems)
    ? data.criteriaItems.filter((i): i is ContractorCriterion => typeof i === 'object' && i !== null && typeof i.code === 'string' && typeof i.text === 'string')
    : null;
  const name = snapshotText(data, 'criteriaName');
  return items && name ? { name, items } : defaultContractorCriteria;
}

/** 委託先審査表 on the approval screen: the contractor, the year, the criteria version, each item's answer and the result. */
export function describeEvaluationSnapshot(data: Record<string, unknown>): SnapshotField[] {
  const criteria = snapshotCriteria(data);
  const answers = (data.answers ?? {}) as Record<string, CriterionAnswer | undefined>;
  const score = scoreEvaluation({ version: snapshotText(data, 'criteriaVersion') ?? '', name: criteria.name, source: '', items: criteria.items }, answers);
  const label = snapshotText(data, 'criteriaVersionLabel');
  return [
    { key: 'contractorName', label: '委託先', value: snapshotText(data, 'contractorName') },
    { key: 'year', label: '評価の年', value: data.year === undefined ? null : `${String(data.year)}年` },
    { key: 'criteria', label: '評価基準', value: label ? `${criteria.name}（${label}）` : criteria.name },
    ...criteria.items.map((item) => {
      const answer = answers[item.code];
      return { key: `item${item.code}`, label: `${item.code} ${item.text}`, value: answer ? criterionAnswerLabels[answer] : '未回答' };
    }),
    { key: 'result', label: '評価の結果', value: evaluationResultLabels[score.result] },
    { key: 'note', label: '所見', value: snapshotText(data, 'note') },
  ];
}

async function setStatus(tx: Tx, organizationId: string, id: string, status: EvaluationRow['status'], now: Date): Promise<void> {
  await tx
    .update(contractorEvaluations)
    .set({ status, updatedAt: now })
    .where(and(eq(contractorEvaluations.organizationId, organizationId), eq(contractorEvaluations.id, id)));
}

/** Approval record type 委託先審査表 (J.9.4 t)). Listed in the module manifest (index.ts). */
export const contractorEvaluationApprovalType: ApprovalRecordType = {
  type: CONTRACTOR_EVALUATION,
  label: '委託先審査表',
  describeSnapshot: describeEvaluationSnapshot,
  async snapshot(tx, organizationId, recordId) {
    const [row] = await tx
      .select({ evaluation: contractorEvaluations, name: contractors.name, departmentId: contractors.departmentId })
      .from(contractorEvaluations)
      .innerJoin(contractors, eq(contractors.id, contractorEvaluations.contractorId))
      .where(and(eq(contractorEvaluations.organizationId, organizationId), eq(contractorEvaluations.id, recordId)));
    if (!row) return null;
    const e = row.evaluation;
    // The criteria go into the snapshot: the approver sees the items the evaluation was scored against.
    const criteria = await criteriaOf(tx, organizationId, e.criteriaVersion);
    return {
      title: `${row.name} ${e.year}年 委託先審査表`,
      departmentId: row.departmentId,
      data: {
        contractorId: e.contractorId,
        contractorName: row.name,
        year: e.year,
        criteriaVersion: e.criteriaVersion,
        criteriaVersionLabel: criteria.versionLabel,
        criteriaName: criteria.name,
        criteriaItems: criteria.items.map((i) => (i.coversOthers ? { code: i.code, text: i.text, coversOthers: true } : { code: i.code, text: i.text })),
        answers: e.answers,
        note: e.note,
      },
    };
  },
  async onStatusChange(tx, { organizationId, recordId, status, now }) {
    if (status === 'pending') await setStatus(tx, organizationId, recordId, 'pending', now);
    else if (status === 'approved') {
      await setStatus(tx, organizationId, recordId, 'approved', now);
      await closeDepartmentEvaluationTask(tx, organizationId, recordId, now);
    } else if (status === 'returned' || status === 'withdrawn') await setStatus(tx, organizationId, recordId, 'draft', now);
  },
  // The approver opens the 委託先 (its 調査票, earlier years, 実地検査) from the approval screen. Requests
  // submitted before the snapshot carried the 委託先's id have no link.
  link: (_recordId, snapshot) => (typeof snapshot.contractorId === 'string' ? `/contractors/${snapshot.contractorId}` : null),
};
