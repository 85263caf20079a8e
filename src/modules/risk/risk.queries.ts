import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { getRiskCriteria, latestRiskCriteriaVersion, phaseLabel, type RiskCriteria, threatLabel } from '../../rules/data/riskCriteria.ts';
import { type RuleAudience, ruleAudience } from '../../rules/data/seedSources.ts';
import { heatMap, rankRisks, thresholdBasisFor } from '../../rules/riskAssessment.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { notFound } from '../../platform/http/errors.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { departmentsKeptBy, entrySummaries } from '../inventory/inventory.exports.ts';
import { keepsAnalysesOf } from './risk.abilities.ts';
import { isRiskTaskSource, riskTaskSourceTypes } from './risk.labels.ts';
import { riskAssessmentEntries, riskAssessments, riskMonitoringLogs, riskRecords } from './risk.tables.ts';

// Reads of the リスク分析 (SPEC M2): the rows of one 対策表, the list, the heat map, the
// 残留リスク管理表 and the screen's tasks. Each takes the tenant transaction first and filters by
// organization as well as row-level security (two walls). The 台帳 entries are read through
// inventory.exports.ts.

export type AssessmentRow = typeof riskAssessments.$inferSelect;
export type RecordRow = typeof riskRecords.$inferSelect;

/** One 対策表 of the organization (404 otherwise); `forUpdate` locks it for a state change. */
export async function getAssessmentRow(tx: Tx, organizationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<AssessmentRow> {
  const query = tx
    .select()
    .from(riskAssessments)
    .where(and(eq(riskAssessments.organizationId, organizationId), eq(riskAssessments.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('リスク分析対策表');
  return row;
}

/** The rows of a 対策表 in their order. */
export async function recordsOf(tx: Tx, organizationId: string, assessmentId: string): Promise<RecordRow[]> {
  return tx
    .select()
    .from(riskRecords)
    .where(and(eq(riskRecords.organizationId, organizationId), eq(riskRecords.assessmentId, assessmentId)))
    .orderBy(asc(riskRecords.sortOrder), asc(riskRecords.createdAt));
}

/** The 台帳 entries a 対策表 covers, by name, with the revision it analysed (`coveredRevision`). */
export async function linkedEntries(tx: Tx, organizationId: string, assessmentId: string) {
  const links = await tx
    .select({ entryId: riskAssessmentEntries.entryId, entryRevision: riskAssessmentEntries.entryRevision })
    .from(riskAssessmentEntries)
    .where(and(eq(riskAssessmentEntries.organizationId, organizationId), eq(riskAssessmentEntries.assessmentId, assessmentId)));
  const covered = new Map(links.map((l) => [l.entryId, l.entryRevision]));
  const entries = await entrySummaries(tx, organizationId, [...covered.keys()]);
  return entries.map((e) => ({ ...e, coveredRevision: covered.get(e.id) ?? 0 }));
}

/** Names of the organization's people among `ids`. */
export async function personNames(tx: Tx, organizationId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The 対策表 list, with per-analysis counts for the overview. */
export async function listAssessments(tx: Tx, organizationId: string, query: { departmentId?: string | null; status?: AssessmentRow['status']; entryId?: string | null }) {
  const conditions: (SQL | undefined)[] = [eq(riskAssessments.organizationId, organizationId)];
  if (query.departmentId) conditions.push(eq(riskAssessments.departmentId, query.departmentId));
  if (query.status) conditions.push(eq(riskAssessments.status, query.status));
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
  // The threshold's basis as the organization reads it (issue 10: a company was shown 世田谷区's).
  const criteria = criteriaFor(getRiskCriteria(latestRiskCriteriaVersion), await audienceOf(tx, organizationId));
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
 * monitoring date (the latest log's, else the record's), the last monitoring, whether it is
 * overdue (J.3.1.4 留意事項: 文書化し、モニタリングし、レビューし…) and whether the caller may
 * record a monitoring.
 */
export async function residualRegister(tx: Tx, actor: Actor, query: { departmentId?: string | null; overdue?: '0' | '1' }, today: string) {
  const organizationId = actor.organizationId;
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
      // recordMonitoring: a keeper of the analysis's department (J.3.1.4 留意事項).
      abilities: { monitor: keepsAnalysesOf(actor, r.departmentId) },
    };
  });
  return query.overdue === '1' ? items.filter((i) => i.overdue) : items;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Open risk-analysis and monitoring tasks the actor owns or keeps the department of (the リスク分析
 * screen's to-do list), with the entry an analysis task is about and whether the caller may
 * start its 対策表.
 */
export async function riskTasks(tx: Tx, actor: Actor) {
  const kept = departmentsKeptBy(actor);
  const scope: SQL | undefined = kept === 'all' ? undefined : or(eq(tasks.ownerPersonId, actor.personId), kept.size > 0 ? inArray(tasks.departmentId, [...kept]) : sql`false`);
  const rows = await tx
    .select({
      id: tasks.id,
      title: tasks.title,
      description: tasks.description,
      dueOn: tasks.dueOn,
      sourceType: tasks.sourceType,
      sourceId: tasks.sourceId,
      departmentId: tasks.departmentId,
      departmentName: departments.name,
    })
    .from(tasks)
    .leftJoin(departments, eq(departments.id, tasks.departmentId))
    .where(and(eq(tasks.organizationId, actor.organizationId), eq(tasks.status, 'open'), inArray(tasks.sourceType, [...riskTaskSourceTypes]), scope))
    .orderBy(asc(tasks.dueOn))
    .limit(200);
  // An analysis task's source is the entry (risk_analysis:<entryId>); its name comes from the 台帳.
  const entryIds = rows.flatMap((r) => (r.sourceType === 'risk_analysis' && r.sourceId && uuidPattern.test(r.sourceId) ? [r.sourceId] : []));
  const entryNames = new Map((await entrySummaries(tx, actor.organizationId, entryIds)).map((e) => [e.id, e.name]));
  // An entry already in a 対策表 not yet approved (a draft, one imported with the 台帳: issue #12)
  // is analysed there: the task opens it rather than starting a second one.
  const openAnalyses = new Map<string, string>();
  if (entryIds.length > 0) {
    const covering = await tx
      .select({ entryId: riskAssessmentEntries.entryId, assessmentId: riskAssessments.id })
      .from(riskAssessmentEntries)
      .innerJoin(riskAssessments, eq(riskAssessments.id, riskAssessmentEntries.assessmentId))
      .where(and(eq(riskAssessmentEntries.organizationId, actor.organizationId), inArray(riskAssessmentEntries.entryId, entryIds), sql`${riskAssessments.status} <> 'approved'`))
      .orderBy(asc(riskAssessments.createdAt));
    for (const c of covering) openAnalyses.set(c.entryId, c.assessmentId);
  }
  return rows.flatMap(({ sourceType, ...r }) =>
    isRiskTaskSource(sourceType)
      ? [
          {
            ...r,
            sourceType,
            entryName: sourceType === 'risk_analysis' && r.sourceId ? (entryNames.get(r.sourceId) ?? null) : null,
            assessmentId: sourceType === 'risk_analysis' && r.sourceId ? (openAnalyses.get(r.sourceId) ?? null) : null,
            // Starting a 対策表 from the task (createAssessment): a keeper of its department.
            abilities: { start: sourceType !== 'risk_monitoring' && keepsAnalysesOf(actor, r.departmentId) },
          },
        ]
      : [],
  );
}

/**
 * Whose rules the organization follows (its SPEC §0 profile): a company cites JIS Q 15001 / PA01 and
 * its own rules; a public body or 指定管理者 also the municipal seeds (issue 10).
 */
export async function audienceOf(tx: Tx, organizationId: string): Promise<RuleAudience> {
  const [org] = await tx.select({ profile: organizations.profile }).from(organizations).where(eq(organizations.id, organizationId));
  return ruleAudience(org?.profile);
}

/** The criteria as the organization reads them: the threshold's basis is its own (a company: PA01 J.3.1.3 1 d)). */
export function criteriaFor(criteria: RiskCriteria, audience: RuleAudience): RiskCriteria {
  return { ...criteria, thresholdBasis: thresholdBasisFor(criteria, audience) };
}
