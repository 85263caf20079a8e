import type { Clock } from '../../domain/time.ts';
import { and, asc, desc, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { getRiskCriteria, latestRiskCriteriaVersion, phaseLabel, type RiskCriteria, threatLabel } from '../../rules/data/riskCriteria.ts';
import { latestTypicalRisksVersion } from '../../rules/data/typicalRisks.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { heatMap, type ProposedRisk, proposeTypicalRisks, rankRisks, type RiskRecord, type RiskViolation, scoreRisk, validateRiskRecord } from '../../rules/riskAssessment.ts';
import { requireReapprovalIfChanged, submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import type { ApprovalRecordType } from '../../platform/approvals/registry.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { toEngineEntry } from '../inventory/inventory.content.ts';
import { approvalActorOf, assertKeeps, departmentsKeptBy, namesFor } from '../inventory/inventory.service.ts';
import { inventoryEntries } from '../inventory/inventory.tables.ts';
import { completeTasks, ensureTask } from '../inventory/moduleTasks.ts';
import type { assessmentBody, assessmentUpdateBody, RiskRecordInput } from './risk.schema.ts';
import { refreshRiskStatus } from './risk.status.ts';
import { riskAssessmentEntries, riskAssessments, riskMonitoringLogs, riskRecords } from './risk.tables.ts';
import type { z } from 'zod';

// Business functions of the リスク分析対策表 (SPEC M2; J.3.1.3, J.3.1.4). Every score is computed by
// the engine (`scoreRisk`) under the criteria version the analysis records (J.3.1.3 1 b)); every
// row is checked by `validateRiskRecord` before anything is written, and a refusal names the field
// and the clause.

export const RISK_ASSESSMENT = 'risk_assessment';

export type AssessmentRow = typeof riskAssessments.$inferSelect;
export type RecordRow = typeof riskRecords.$inferSelect;

export async function getAssessmentRow(tx: Tx, organizationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<AssessmentRow> {
  const query = tx
    .select()
    .from(riskAssessments)
    .where(and(eq(riskAssessments.organizationId, organizationId), eq(riskAssessments.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('リスク分析対策表');
  return row;
}

async function recordsOf(tx: Tx, organizationId: string, assessmentId: string): Promise<RecordRow[]> {
  return tx
    .select()
    .from(riskRecords)
    .where(and(eq(riskRecords.organizationId, organizationId), eq(riskRecords.assessmentId, assessmentId)))
    .orderBy(asc(riskRecords.sortOrder), asc(riskRecords.createdAt));
}

async function linkedEntries(tx: Tx, organizationId: string, assessmentId: string) {
  return tx
    .select({
      id: inventoryEntries.id,
      name: inventoryEntries.name,
      revision: inventoryEntries.revision,
      riskStatus: inventoryEntries.riskStatus,
      status: inventoryEntries.status,
      data: inventoryEntries.data,
      coveredRevision: riskAssessmentEntries.entryRevision,
    })
    .from(riskAssessmentEntries)
    .innerJoin(inventoryEntries, eq(inventoryEntries.id, riskAssessmentEntries.entryId))
    .where(and(eq(riskAssessmentEntries.organizationId, organizationId), eq(riskAssessmentEntries.assessmentId, assessmentId)))
    .orderBy(asc(inventoryEntries.name));
}

async function personNames(tx: Tx, organizationId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The engine's row (リスク所有者 by name) from what is stored or sent. */
function toRiskRecord(
  r: Pick<
    RiskRecordInput,
    'phase' | 'threat' | 'risk' | 'ownerPersonId' | 'likelihood' | 'impact' | 'countermeasures' | 'residualDescription' | 'residualMeasure' | 'residualMonitoringDate'
  >,
  criteriaVersion: string,
  owners: ReadonlyMap<string, string>,
): RiskRecord {
  const hasResidual = !!(r.residualDescription || r.residualMeasure || r.residualMonitoringDate);
  return {
    phase: r.phase,
    threat: r.threat,
    risk: r.risk,
    owner: r.ownerPersonId ? (owners.get(r.ownerPersonId) ?? '') : '',
    likelihood: r.likelihood,
    impact: r.impact,
    criteriaVersion,
    countermeasures: r.countermeasures.map((c) => ({ text: c.text, refs: c.refs })),
    residual: hasResidual
      ? {
          ...(r.residualDescription ? { description: r.residualDescription } : {}),
          ...(r.residualMeasure ? { measure: r.residualMeasure } : {}),
          monitoringDate: r.residualMonitoringDate ?? null,
        }
      : null,
  };
}

/** Engine field → the form's field (the API keeps the residual risk flat, the owner by id). */
function apiField(field: string): string {
  if (field === 'owner') return 'ownerPersonId';
  if (field === 'residual.measure') return 'residualMeasure';
  if (field === 'residual.monitoringDate') return 'residualMonitoringDate';
  if (field === 'residual') return 'residualDescription';
  return field.replace(/^countermeasures\[(\d+)\]\.refs$/, 'countermeasures.$1.refs');
}

/** A violation as the API reports it: the form's field path, and the clause in the message. */
export type RecordViolation = RiskViolation & { path: string; text: string };

function withClause(v: RiskViolation): string {
  return v.message.includes(v.clause) ? v.message : `${v.message}（${v.clause}）`;
}

export function recordViolations(record: RiskRecord, criteria: string | RiskCriteria): RecordViolation[] {
  return validateRiskRecord(record, criteria).map((v) => ({ ...v, path: apiField(v.field), text: withClause(v) }));
}

// ---- approval ----

async function snapshotOf(tx: Tx, organizationId: string, id: string) {
  const row = await getAssessmentRow(tx, organizationId, id).catch(() => null);
  if (!row) return null;
  const records = await recordsOf(tx, organizationId, id);
  const entries = await linkedEntries(tx, organizationId, id);
  const owners = await personNames(
    tx,
    organizationId,
    records.map((r) => r.ownerPersonId),
  );
  return {
    title: `リスク分析対策表: ${row.category}`,
    departmentId: row.departmentId,
    data: {
      category: row.category,
      description: row.description,
      criteriaVersion: row.criteriaVersion,
      entries: entries.map((e) => ({ id: e.id, name: e.name, revision: e.coveredRevision })),
      records: records.map((r) => ({
        id: r.id,
        phase: r.phase,
        threat: r.threat,
        risk: r.risk,
        owner: r.ownerPersonId ? (owners.get(r.ownerPersonId) ?? '') : '',
        likelihood: r.likelihood,
        impact: r.impact,
        score: r.score,
        countermeasures: r.countermeasures,
        residualDescription: r.residualDescription,
        residualMeasure: r.residualMeasure,
        residualMonitoringDate: r.residualMonitoringDate,
      })),
    },
  };
}

/** Approval record type. Listed in the module manifest (index.ts). */
export const riskAssessmentApprovalType: ApprovalRecordType = {
  type: RISK_ASSESSMENT,
  label: 'リスク分析対策表',
  // J.3.1.3: the department head draws the 対策表 up; when they submit it, their step is the drawing-up.
  submissionPassesAuthorSteps: true,
  snapshot: snapshotOf,
  async onApproved(tx, context) {
    const row = await getAssessmentRow(tx, context.organizationId, context.recordId);
    const entries = await linkedEntries(tx, context.organizationId, row.id);
    // The analysis tasks of the entries it covers are done: the approved 対策表 is the evidence.
    await completeTasks(
      tx,
      context.organizationId,
      { sourceType: 'risk_analysis', sourceIds: entries.filter((e) => e.coveredRevision >= e.revision).map((e) => e.id) },
      { url: `/risk/assessments/${row.id}`, note: `リスク分析対策表「${row.category}」が承認されました`, now: context.now, accountId: context.actor.accountId },
    );
    // J.3.1.4 留意事項: residual risks are monitored — a task for each monitoring date.
    for (const record of await recordsOf(tx, context.organizationId, row.id)) {
      if (record.residualMonitoringDate) await ensureMonitoringTask(tx, row, record, record.residualMonitoringDate, context.today);
    }
  },
  async onStatusChange(tx, context) {
    await tx
      .update(riskAssessments)
      .set({ status: context.status, updatedAt: context.now, ...(context.status === 'approved' ? { approvedAt: context.now } : {}) })
      .where(and(eq(riskAssessments.organizationId, context.organizationId), eq(riskAssessments.id, context.recordId)));
    const entries = await linkedEntries(tx, context.organizationId, context.recordId);
    await refreshRiskStatus(
      tx,
      context.organizationId,
      entries.map((e) => e.id),
    );
  },
  async canView(_tx, actor) {
    return can(actor, 'risk.read');
  },
  link: (recordId) => `/risk/assessments/${recordId}`,
};

/** 残留リスクのモニタリング task: owned by the リスク所有者 (or the 所属長), due on the monitoring date. */
async function ensureMonitoringTask(tx: Tx, assessment: AssessmentRow, record: RecordRow, date: string, today: string): Promise<void> {
  await ensureTask(
    tx,
    assessment.organizationId,
    {
      generationKey: `risk-monitoring:${record.id}:${date}`,
      title: `残留リスクのモニタリング: ${record.risk.slice(0, 40)}（${assessment.category}）`,
      description: `残存リスク対応策: ${record.residualMeasure ?? ''}\n残留リスクについて文書化し、モニタリングし、レビューし、対応可能となった場合に追加的対応の対象としてください（J.3.1.4 留意事項）。結果は「残留リスク管理表」に記録します。`,
      ownerPersonId: record.ownerPersonId,
      ownerRole: record.ownerPersonId ? null : 'department_head',
      departmentId: assessment.departmentId,
      startsOn: addCalendarDays(date, -14) > today ? addCalendarDays(date, -14) : today,
      dueOn: date,
      sourceType: 'risk_monitoring',
      sourceId: record.id,
    },
    today,
  );
}

// ---- creating and editing ----

async function assertEntriesOf(tx: Tx, organizationId: string, departmentId: string, entryIds: readonly string[]) {
  const rows = await tx
    .select({ id: inventoryEntries.id, departmentId: inventoryEntries.departmentId, revision: inventoryEntries.revision })
    .from(inventoryEntries)
    .where(and(eq(inventoryEntries.organizationId, organizationId), inArray(inventoryEntries.id, [...entryIds])));
  if (rows.length !== entryIds.length) throw invalid('entryIds', '対象の個人情報に、台帳にない項目が含まれています');
  if (rows.some((r) => r.departmentId !== departmentId)) throw invalid('entryIds', '類型には同じ所管部署の台帳の項目をまとめてください（PA01 J.3.1.3 e)）');
  return rows;
}

/** A new リスク分析対策表 for a 類型 of the department's entries (draft, no rows yet). */
export async function createAssessment(tx: Tx, actor: Actor, input: z.output<typeof assessmentBody>, clock: Clock): Promise<string> {
  assertKeeps(actor, input.departmentId, 'この所属のリスク分析');
  const [department] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, actor.organizationId), eq(departments.id, input.departmentId)));
  if (!department) throw invalid('departmentId', '所管部署が見つかりません');
  const entries = await assertEntriesOf(tx, actor.organizationId, input.departmentId, input.entryIds);
  const [row] = await tx
    .insert(riskAssessments)
    .values({
      organizationId: actor.organizationId,
      departmentId: input.departmentId,
      category: input.category,
      description: input.description,
      criteriaVersion: latestRiskCriteriaVersion,
      typicalRisksVersion: latestTypicalRisksVersion,
      status: 'draft',
      createdByPersonId: actor.personId,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!row) throw new Error('risk assessment insert returned nothing');
  await tx.insert(riskAssessmentEntries).values(entries.map((e) => ({ organizationId: actor.organizationId, assessmentId: row.id, entryId: e.id, entryRevision: e.revision })));
  await refreshRiskStatus(
    tx,
    actor.organizationId,
    entries.map((e) => e.id),
  );
  return row.id;
}

async function editableAssessment(tx: Tx, actor: Actor, id: string): Promise<AssessmentRow> {
  const row = await getAssessmentRow(tx, actor.organizationId, id, { forUpdate: true });
  assertKeeps(actor, row.departmentId, 'この所属のリスク分析');
  if (row.status === 'pending') throw conflict('承認待ちのリスク分析対策表は変更できません。差戻しを受けるか申請を取り下げてから修正してください', 'assessment_pending');
  return row;
}

/**
 * Principle 3: an approved 対策表 that changes goes through the chain again (re-approval), with
 * the entries' current revisions; the author's own leading step is passed as at submission
 * (the record type's `submissionPassesAuthorSteps` applies to the new request too).
 */
async function reapproveIfChanged(tx: Tx, actor: Actor, row: AssessmentRow, clock: Clock): Promise<void> {
  if (row.status !== 'approved') return;
  await requireReapprovalIfChanged(tx, RISK_ASSESSMENT, row.id, { by: approvalActorOf(actor), now: clock.now });
}

/** Changes the 類型's name, description and entries. */
export async function updateAssessment(tx: Tx, actor: Actor, id: string, input: z.output<typeof assessmentUpdateBody>, clock: Clock): Promise<void> {
  const row = await editableAssessment(tx, actor, id);
  const entries = await assertEntriesOf(tx, actor.organizationId, row.departmentId, input.entryIds);
  const before = await linkedEntries(tx, actor.organizationId, id);
  await tx.update(riskAssessments).set({ category: input.category, description: input.description, updatedAt: clock.now }).where(eq(riskAssessments.id, id));
  const keep = new Set(entries.map((e) => e.id));
  const removed = before.filter((e) => !keep.has(e.id)).map((e) => e.id);
  if (removed.length > 0) await tx.delete(riskAssessmentEntries).where(and(eq(riskAssessmentEntries.assessmentId, id), inArray(riskAssessmentEntries.entryId, removed)));
  const existing = new Set(before.map((e) => e.id));
  const added = entries.filter((e) => !existing.has(e.id));
  if (added.length > 0)
    await tx.insert(riskAssessmentEntries).values(added.map((e) => ({ organizationId: actor.organizationId, assessmentId: id, entryId: e.id, entryRevision: e.revision })));
  if (row.status === 'approved') await coverCurrentRevisions(tx, actor.organizationId, id);
  await reapproveIfChanged(tx, actor, row, clock);
  await refreshRiskStatus(tx, actor.organizationId, [...removed, ...entries.map((e) => e.id)]);
}

/** The analysis now covers each entry's current revision (at submission and re-approval). */
async function coverCurrentRevisions(tx: Tx, organizationId: string, assessmentId: string): Promise<void> {
  await tx.execute(sql`
    update risk_assessment_entries ae set entry_revision = e.revision
    from inventory_entries e
    where ae.entry_id = e.id and ae.assessment_id = ${assessmentId} and ae.organization_id = ${organizationId}`);
}

/**
 * Saves the whole 対策表 (every row, all or nothing). Each row is scored by the engine and checked
 * by `validateRiskRecord`; any error refuses the save with 422, naming the row's field and the
 * clause (e.g. score ≥ 4 without a 残存リスク対応策: 世田谷区 自己点検 No.2; a 残留リスク for improper
 * handling: J.3.1.4 留意事項), and nothing is written.
 */
export async function saveRecords(tx: Tx, actor: Actor, id: string, records: readonly RiskRecordInput[], clock: Clock): Promise<void> {
  const row = await editableAssessment(tx, actor, id);
  const owners = await personNames(
    tx,
    actor.organizationId,
    records.map((r) => r.ownerPersonId),
  );
  const fields: { path: string; message: string }[] = [];
  records.forEach((r, index) => {
    if (r.ownerPersonId && !owners.has(r.ownerPersonId)) fields.push({ path: `records.${index}.ownerPersonId`, message: 'リスク所有者はこの組織の従業者から選んでください' });
    for (const v of recordViolations(toRiskRecord(r, row.criteriaVersion, owners), row.criteriaVersion)) {
      if (v.severity === 'error') fields.push({ path: `records.${index}.${v.path}`, message: v.text });
    }
  });
  if (fields.length > 0) {
    throw new HttpError(422, `リスク分析対策表を保存できません（${fields.length}件）: ${fields.map((f) => f.message).join(' / ')}`, 'risk_rules', fields);
  }
  const existing = await recordsOf(tx, actor.organizationId, id);
  const existingIds = new Set(existing.map((r) => r.id));
  for (const r of records) if (r.id && !existingIds.has(r.id)) throw invalid('records', 'この対策表にないリスクの行が含まれています');
  const kept = new Set(records.flatMap((r) => (r.id ? [r.id] : [])));
  const removed = existing.filter((r) => !kept.has(r.id)).map((r) => r.id);
  if (removed.length > 0) await tx.delete(riskRecords).where(and(eq(riskRecords.assessmentId, id), inArray(riskRecords.id, removed)));
  for (const [index, r] of records.entries()) {
    const values = {
      phase: r.phase as RecordRow['phase'],
      threat: r.threat as RecordRow['threat'],
      risk: r.risk,
      ownerPersonId: r.ownerPersonId,
      likelihood: r.likelihood,
      impact: r.impact,
      // J.3.1.3 1 b): the same inputs under the same criteria version always give the same score.
      score: scoreRisk({ likelihood: r.likelihood, impact: r.impact }, row.criteriaVersion).score,
      criteriaVersion: row.criteriaVersion,
      countermeasures: r.countermeasures.filter((c) => c.text.trim() !== '').map((c) => ({ text: c.text, refs: c.refs })),
      residualDescription: r.residualDescription,
      residualMeasure: r.residualMeasure,
      residualMonitoringDate: r.residualMonitoringDate,
      typicalRiskId: r.typicalRiskId,
      sortOrder: index,
      updatedAt: clock.now,
    };
    if (r.id)
      await tx
        .update(riskRecords)
        .set(values)
        .where(and(eq(riskRecords.organizationId, actor.organizationId), eq(riskRecords.id, r.id)));
    else await tx.insert(riskRecords).values({ ...values, organizationId: actor.organizationId, assessmentId: id, createdAt: clock.now });
  }
  await tx.update(riskAssessments).set({ updatedAt: clock.now }).where(eq(riskAssessments.id, id));
  if (row.status === 'approved') await coverCurrentRevisions(tx, actor.organizationId, id);
  await reapproveIfChanged(tx, actor, row, clock);
}

/**
 * Submits the 対策表: it covers every lifecycle phase (J.3.1.3 留意事項; PA01 手順 f)), every row
 * passes the engine, and the entries' current revisions are recorded; then 所属長 →
 * 個人情報保護管理者 → トップマネジメント (J.3.1.3).
 */
export async function submitAssessment(tx: Tx, actor: Actor, id: string, clock: Clock): Promise<void> {
  const row = await getAssessmentRow(tx, actor.organizationId, id, { forUpdate: true });
  assertKeeps(actor, row.departmentId, 'この所属のリスク分析');
  if (row.status !== 'draft' && row.status !== 'returned' && row.status !== 'withdrawn') throw conflict('このリスク分析対策表は既に申請済みです', 'assessment_state');
  const records = await recordsOf(tx, actor.organizationId, id);
  const criteria = getRiskCriteria(row.criteriaVersion);
  const problems: { path: string; message: string }[] = [];
  for (const phase of criteria.phases) {
    if (!records.some((r) => r.phase === phase.id)) {
      problems.push({
        path: `phases.${phase.id}`,
        message: `局面「${phase.label}」のリスクが記入されていません。ライフサイクルの各局面（取得・入力、移送・送信、利用・加工、保管・バックアップ、消去・廃棄）のリスクを記述してください（J.3.1.3 留意事項、PA01 J.3.1.3 f)）`,
      });
    }
  }
  const owners = await personNames(
    tx,
    actor.organizationId,
    records.map((r) => r.ownerPersonId),
  );
  records.forEach((r, index) => {
    for (const v of recordViolations(toRiskRecord(r, row.criteriaVersion, owners), row.criteriaVersion)) {
      if (v.severity === 'error') problems.push({ path: `records.${index}.${v.path}`, message: v.text });
    }
  });
  const entries = await linkedEntries(tx, actor.organizationId, id);
  if (entries.length === 0) problems.push({ path: 'entryIds', message: '対象の個人情報（台帳の項目）を1件以上選んでください' });
  if (problems.length > 0) throw new HttpError(422, `申請できません: ${problems.map((p) => p.message).join(' / ')}`, 'risk_rules', problems);
  await coverCurrentRevisions(tx, actor.organizationId, id);
  await submitForApproval(tx, approvalActorOf(actor), RISK_ASSESSMENT, id, clock);
}

// ---- reading ----

/** The 対策表 list, with per-analysis counts for the overview. */
export async function listAssessments(tx: Tx, organizationId: string, query: { departmentId?: string | null; status?: string; entryId?: string | null }) {
  const conditions: (SQL | undefined)[] = [eq(riskAssessments.organizationId, organizationId)];
  if (query.departmentId) conditions.push(eq(riskAssessments.departmentId, query.departmentId));
  if (query.status) conditions.push(eq(riskAssessments.status, query.status as AssessmentRow['status']));
  if (query.entryId) conditions.push(sql`exists (select 1 from risk_assessment_entries ae where ae.assessment_id = ${riskAssessments.id} and ae.entry_id = ${query.entryId})`);
  return tx
    .select({
      assessment: riskAssessments,
      departmentName: departments.name,
      entryCount: sql<number>`(select count(*)::int from risk_assessment_entries ae where ae.assessment_id = ${riskAssessments.id})`,
      recordCount: sql<number>`(select count(*)::int from risk_records r where r.assessment_id = ${riskAssessments.id})`,
      maxScore: sql<number | null>`(select max(r.score) from risk_records r where r.assessment_id = ${riskAssessments.id})`,
      residualCount: sql<number>`(select count(*)::int from risk_records r where r.assessment_id = ${riskAssessments.id} and (r.residual_measure is not null or r.residual_description is not null))`,
    })
    .from(riskAssessments)
    .innerJoin(departments, eq(departments.id, riskAssessments.departmentId))
    .where(and(...conditions))
    .orderBy(asc(departments.sortOrder), asc(riskAssessments.category))
    .limit(1000);
}

/** One 対策表: entries, rows (with their findings), heat map, coverage of the phases, the latest approval request. */
export async function getAssessmentDetail(tx: Tx, actor: Actor, id: string) {
  const row = await getAssessmentRow(tx, actor.organizationId, id);
  const criteria = getRiskCriteria(row.criteriaVersion);
  const records = await recordsOf(tx, actor.organizationId, id);
  const entries = await linkedEntries(tx, actor.organizationId, id);
  const owners = await personNames(
    tx,
    actor.organizationId,
    records.map((r) => r.ownerPersonId),
  );
  const [department] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, row.departmentId));
  const [approval] = await tx
    .select({ id: approvalRequests.id, status: approvalRequests.status })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.organizationId, actor.organizationId), eq(approvalRequests.recordType, RISK_ASSESSMENT), eq(approvalRequests.recordId, id)))
    .orderBy(desc(approvalRequests.submittedAt))
    .limit(1);
  const kept = departmentsKeptBy(actor);
  const keeps = can(actor, 'risk.manage') && (kept === 'all' || kept.has(row.departmentId));
  return {
    row,
    criteria,
    departmentName: department?.name ?? '',
    entries,
    records: records.map((r) => ({
      row: r,
      ownerName: r.ownerPersonId ? (owners.get(r.ownerPersonId) ?? null) : null,
      violations: recordViolations(toRiskRecord(r, row.criteriaVersion, owners), row.criteriaVersion),
    })),
    heatMap: heatMap(records, criteria),
    approvalRequestId: approval?.id ?? null,
    canEdit: keeps && row.status !== 'pending',
    canSubmit: keeps && (row.status === 'draft' || row.status === 'returned' || row.status === 'withdrawn'),
  };
}

/**
 * The typical risks for the 類型 (SPEC M2: nobody starts from a blank sheet): the engine's
 * proposals for each entry, merged by typical risk, in phase order.
 */
export async function proposalsFor(tx: Tx, actor: Actor, id: string) {
  const row = await getAssessmentRow(tx, actor.organizationId, id);
  const entries = await linkedEntries(tx, actor.organizationId, id);
  const names = await namesFor(
    tx,
    actor.organizationId,
    entries.map((e) => e.data),
  );
  const merged = new Map<string, ProposedRisk & { entryNames: string[] }>();
  const notes = new Set<string>();
  let version = latestTypicalRisksVersion;
  for (const entry of entries) {
    const proposal = proposeTypicalRisks(toEngineEntry(entry.id, entry.revision, entry.data, names.of(entry.data)), {
      typicalRisksVersion: row.typicalRisksVersion ?? latestTypicalRisksVersion,
      criteria: row.criteriaVersion,
    });
    version = proposal.typicalRisksVersion;
    for (const n of proposal.notes) notes.add(n);
    for (const p of proposal.proposals) {
      const seen = merged.get(p.typicalRiskId);
      if (seen) {
        seen.entryNames.push(entry.name);
        for (const b of p.matchedBecause) if (!seen.matchedBecause.includes(b)) seen.matchedBecause.push(b);
      } else merged.set(p.typicalRiskId, { ...p, matchedBecause: [...p.matchedBecause], entryNames: [entry.name] });
    }
  }
  const criteria = getRiskCriteria(row.criteriaVersion);
  const phaseOrder = new Map(criteria.phases.map((p, i) => [p.id, i]));
  const proposals = [...merged.values()].sort((a, b) => (phaseOrder.get(a.phase) ?? 0) - (phaseOrder.get(b.phase) ?? 0));
  return { typicalRisksVersion: version, criteriaVersion: row.criteriaVersion, proposals, notes: [...notes] };
}

/** Records of the organization's live analyses (not withdrawn), optionally of one department. */
async function liveRecords(tx: Tx, organizationId: string, departmentId: string | null | undefined, statuses?: AssessmentRow['status'][]) {
  return tx
    .select({
      record: riskRecords,
      category: riskAssessments.category,
      assessmentId: riskAssessments.id,
      assessmentStatus: riskAssessments.status,
      departmentId: riskAssessments.departmentId,
      departmentName: departments.name,
    })
    .from(riskRecords)
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskRecords.assessmentId))
    .innerJoin(departments, eq(departments.id, riskAssessments.departmentId))
    .where(
      and(
        eq(riskRecords.organizationId, organizationId),
        statuses ? inArray(riskAssessments.status, statuses) : inArray(riskAssessments.status, ['draft', 'pending', 'approved', 'returned']),
        departmentId ? eq(riskAssessments.departmentId, departmentId) : undefined,
      ),
    );
}

/** ヒートマップ (likelihood × impact) of the current criteria, and the highest risks in treatment order (J.3.1.3 1 d) 2)). */
export async function heatMapOf(tx: Tx, organizationId: string, departmentId: string | null | undefined) {
  const rows = await liveRecords(tx, organizationId, departmentId);
  const criteria = getRiskCriteria(latestRiskCriteriaVersion);
  const ranked = rankRisks(
    rows.map((r) => ({ ...r, likelihood: r.record.likelihood, impact: r.record.impact, threat: r.record.threat })),
    criteria,
  ).slice(0, 10);
  return {
    heatMap: heatMap(
      rows.map((r) => r.record),
      criteria,
    ),
    criteria,
    top: ranked.map((r) => ({
      id: r.record.id,
      assessmentId: r.assessmentId,
      category: r.category,
      departmentName: r.departmentName,
      phaseLabel: phaseLabel(criteria, r.record.phase),
      threatLabel: threatLabel(criteria, r.record.threat),
      risk: r.record.risk,
      likelihood: r.record.likelihood,
      impact: r.record.impact,
      score: r.record.score,
      hasResidualMeasure: !!r.record.residualMeasure,
    })),
  };
}

/**
 * 残留リスク管理表: the residual risks of approved analyses with their measure, owner, the next
 * monitoring date (the latest log's, else the record's), the last monitoring and whether it is
 * overdue (J.3.1.4 留意事項: 文書化し、モニタリングし、レビューし…).
 */
export async function residualRegister(tx: Tx, organizationId: string, query: { departmentId?: string | null; overdue?: '0' | '1' }, today: string) {
  const rows = (await liveRecords(tx, organizationId, query.departmentId, ['approved', 'pending'])).filter((r) => r.record.residualMeasure || r.record.residualDescription);
  const ids = rows.map((r) => r.record.id);
  const logs =
    ids.length === 0
      ? []
      : await tx
          .select({ log: riskMonitoringLogs, byName: people.name })
          .from(riskMonitoringLogs)
          .leftJoin(people, eq(people.id, riskMonitoringLogs.byPersonId))
          .where(and(eq(riskMonitoringLogs.organizationId, organizationId), inArray(riskMonitoringLogs.recordId, ids)))
          .orderBy(asc(riskMonitoringLogs.reviewedOn), asc(riskMonitoringLogs.createdAt));
  const owners = await personNames(
    tx,
    organizationId,
    rows.map((r) => r.record.ownerPersonId),
  );
  const criteria = getRiskCriteria(latestRiskCriteriaVersion);
  const items = rows.map((r) => {
    const own = logs.filter((l) => l.log.recordId === r.record.id);
    const last = own[own.length - 1] ?? null;
    const next = last ? last.log.nextMonitoringDate : r.record.residualMonitoringDate;
    return {
      id: r.record.id,
      assessmentId: r.assessmentId,
      assessmentStatus: r.assessmentStatus,
      category: r.category,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      phaseLabel: phaseLabel(criteria, r.record.phase),
      threatLabel: threatLabel(criteria, r.record.threat),
      risk: r.record.risk,
      score: r.record.score,
      ownerName: r.record.ownerPersonId ? (owners.get(r.record.ownerPersonId) ?? null) : null,
      residualDescription: r.record.residualDescription,
      residualMeasure: r.record.residualMeasure,
      nextMonitoringDate: next,
      overdue: next !== null && next < today,
      lastMonitoring: last ? { reviewedOn: last.log.reviewedOn, note: last.log.note, byName: last.byName } : null,
      logs: own.map((l) => ({ id: l.log.id, reviewedOn: l.log.reviewedOn, note: l.log.note, nextMonitoringDate: l.log.nextMonitoringDate, byName: l.byName })),
    };
  });
  return query.overdue === '1' ? items.filter((i) => i.overdue) : items;
}

/** Records a monitoring of a residual risk; its task is done, and the next date opens the next task. */
export async function recordMonitoring(
  tx: Tx,
  actor: Actor,
  recordId: string,
  input: { reviewedOn: string; note: string; nextMonitoringDate: string | null },
  clock: Clock,
): Promise<void> {
  const [row] = await tx
    .select({ record: riskRecords, assessment: riskAssessments })
    .from(riskRecords)
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskRecords.assessmentId))
    .where(and(eq(riskRecords.organizationId, actor.organizationId), eq(riskRecords.id, recordId)));
  if (!row) throw notFound('残留リスク');
  assertKeeps(actor, row.assessment.departmentId, 'この所属の残留リスク');
  if (!row.record.residualMeasure && !row.record.residualDescription) throw invalid('recordId', 'このリスクには残留リスクが記録されていません');
  await tx.insert(riskMonitoringLogs).values({
    organizationId: actor.organizationId,
    recordId,
    reviewedOn: input.reviewedOn,
    note: input.note,
    nextMonitoringDate: input.nextMonitoringDate,
    byPersonId: actor.personId,
    createdAt: clock.now,
  });
  await completeTasks(
    tx,
    actor.organizationId,
    { sourceType: 'risk_monitoring', sourceIds: [recordId] },
    { url: `/risk/register`, note: `モニタリング（${input.reviewedOn}）: ${input.note}`, now: clock.now, accountId: actor.accountId },
  );
  if (input.nextMonitoringDate) await ensureMonitoringTask(tx, row.assessment, row.record, input.nextMonitoringDate, clock.today);
}

/** Open risk-analysis and monitoring tasks the actor owns or keeps the department of (the リスク分析 screen's to-do list). */
export async function riskTasks(tx: Tx, actor: Actor) {
  const kept = departmentsKeptBy(actor);
  const scope: SQL | undefined = kept === 'all' ? undefined : or(eq(tasks.ownerPersonId, actor.personId), kept.size > 0 ? inArray(tasks.departmentId, [...kept]) : sql`false`);
  return tx
    .select({
      id: tasks.id,
      title: tasks.title,
      description: tasks.description,
      dueOn: tasks.dueOn,
      sourceType: tasks.sourceType,
      sourceId: tasks.sourceId,
      departmentId: tasks.departmentId,
      departmentName: departments.name,
      entryName: inventoryEntries.name,
    })
    .from(tasks)
    .leftJoin(departments, eq(departments.id, tasks.departmentId))
    .leftJoin(inventoryEntries, and(eq(tasks.sourceType, 'risk_analysis'), sql`${inventoryEntries.id}::text = ${tasks.sourceId}`))
    .where(
      and(
        eq(tasks.organizationId, actor.organizationId),
        eq(tasks.status, 'open'),
        inArray(tasks.sourceType, ['risk_analysis', 'risk_analysis_import', 'risk_monitoring']),
        isNotNull(tasks.dueOn),
        scope,
      ),
    )
    .orderBy(asc(tasks.dueOn))
    .limit(200);
}
