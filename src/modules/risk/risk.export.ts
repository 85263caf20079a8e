import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { stepLabel } from '../../rules/approvalChains.ts';
import { getRiskCriteria, phaseLabel, threatLabel } from '../../rules/data/riskCriteria.ts';
import { stampsOf } from '../../platform/approvals/approvals.service.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import { recordAuditEvent } from '../../platform/audit/auditEvents.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { PdfReport } from '../../platform/exports/pdf.ts';
import { pdfHeaderOf } from '../../platform/exports/pdfHeader.ts';
import { prepareSheet, type SheetColumn, writeXlsx } from '../../platform/exports/xlsx.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { recordStatusLabels } from '../../platform/reviews/reviews.labels.ts';
import { entrySummaries } from '../inventory/inventory.exports.ts';
import { RISK_ASSESSMENT } from './risk.labels.ts';
import { getAssessmentRow } from './risk.queries.ts';
import { riskAssessmentEntries, riskAssessments, riskRecords } from './risk.tables.ts';

// リスク分析対策表 as Excel and PDF (SPEC §3 Exports): the columns of PA01's 「個人情報リスク分析
// 対策表」 (J.3.1.3 e)–i)) — 類型, 局面, リスク, 対策, 関連する規程類の項番, 残留リスク — plus the
// scores under the recorded criteria version and the Setagaya 残存リスク対応策.

type Row = {
  category: string;
  departmentName: string;
  entries: string;
  status: string;
  record: typeof riskRecords.$inferSelect;
  ownerName: string;
};

async function loadRows(tx: Tx, organizationId: string, where: { assessmentId?: string; departmentId?: string | null }): Promise<Row[]> {
  const assessments = await tx
    .select({ a: riskAssessments, departmentName: departments.name })
    .from(riskAssessments)
    .innerJoin(departments, eq(departments.id, riskAssessments.departmentId))
    .where(
      and(
        eq(riskAssessments.organizationId, organizationId),
        where.assessmentId ? eq(riskAssessments.id, where.assessmentId) : inArray(riskAssessments.status, ['draft', 'pending', 'approved', 'returned']),
        where.departmentId ? eq(riskAssessments.departmentId, where.departmentId) : undefined,
      ),
    )
    .orderBy(asc(departments.sortOrder), asc(riskAssessments.category));
  if (assessments.length === 0) return [];
  const ids = assessments.map((a) => a.a.id);
  const records = await tx
    .select({ record: riskRecords, ownerName: people.name })
    .from(riskRecords)
    .leftJoin(people, eq(people.id, riskRecords.ownerPersonId))
    .where(and(eq(riskRecords.organizationId, organizationId), inArray(riskRecords.assessmentId, ids)))
    .orderBy(asc(riskRecords.sortOrder));
  const links = await tx
    .select({ assessmentId: riskAssessmentEntries.assessmentId, entryId: riskAssessmentEntries.entryId })
    .from(riskAssessmentEntries)
    .where(and(eq(riskAssessmentEntries.organizationId, organizationId), inArray(riskAssessmentEntries.assessmentId, ids)));
  // By name (entrySummaries' order), each analysis's own.
  const entries = await entrySummaries(
    tx,
    organizationId,
    links.map((l) => l.entryId),
  );
  const rows: Row[] = [];
  for (const { a, departmentName } of assessments) {
    const own = new Set(links.filter((l) => l.assessmentId === a.id).map((l) => l.entryId));
    const names = entries
      .filter((e) => own.has(e.id))
      .map((e) => e.name)
      .join('、');
    for (const r of records.filter((x) => x.record.assessmentId === a.id)) {
      rows.push({ category: a.category, departmentName, entries: names, status: recordStatusLabels[a.status], record: r.record, ownerName: r.ownerName ?? '' });
    }
  }
  return rows;
}

function columns(): SheetColumn<Row>[] {
  return [
    { header: '所管部署', width: 14, value: (r) => r.departmentName },
    { header: '類型', width: 22, value: (r) => r.category },
    { header: '対象の個人情報', width: 28, value: (r) => r.entries },
    { header: '局面', width: 14, value: (r) => phaseLabel(getRiskCriteria(r.record.criteriaVersion), r.record.phase) },
    { header: '脅威', width: 14, value: (r) => threatLabel(getRiskCriteria(r.record.criteriaVersion), r.record.threat) },
    { header: '想定されるリスク', width: 40, value: (r) => r.record.risk },
    { header: 'リスク所有者', width: 14, value: (r) => r.ownerName },
    { header: '発生可能性', width: 10, type: 'number', value: (r) => r.record.likelihood },
    { header: '影響度', width: 8, type: 'number', value: (r) => r.record.impact },
    { header: 'リスク総合評価', width: 12, type: 'number', value: (r) => r.record.score },
    { header: 'リスク対策', width: 50, value: (r) => r.record.countermeasures.map((c) => `・${c.text}`).join('\n') },
    { header: '関連する規程類の項番', width: 28, value: (r) => [...new Set(r.record.countermeasures.flatMap((c) => c.refs))].join('、') },
    { header: '残留リスク', width: 28, value: (r) => r.record.residualDescription },
    { header: '残存リスク対応策', width: 36, value: (r) => r.record.residualMeasure },
    { header: '次回モニタリング日', width: 14, type: 'date', value: (r) => r.record.residualMonitoringDate },
    { header: '状態', width: 10, value: (r) => r.status },
    { header: 'リスク基準の版', width: 22, value: (r) => r.record.criteriaVersion },
  ];
}

async function auditExport(tx: Tx, actor: Actor, format: 'xlsx' | 'pdf', rows: number, meta: Record<string, unknown>): Promise<void> {
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorAccountId: actor.accountId,
    action: 'export',
    entityType: 'risk_records',
    meta: { format, rows, ...meta },
  });
}

/** リスク分析対策表 (.xlsx): one analysis, or every live analysis (of a department). */
export async function exportRiskXlsx(tx: Tx, actor: Actor, where: { assessmentId?: string; departmentId?: string | null }): Promise<{ body: Buffer; name: string }> {
  const assessment = where.assessmentId ? await getAssessmentRow(tx, actor.organizationId, where.assessmentId) : null;
  const rows = await loadRows(tx, actor.organizationId, where);
  const body = await writeXlsx(prepareSheet({ name: 'リスク分析対策表', columns: columns(), rows }));
  await auditExport(tx, actor, 'xlsx', rows.length, { assessmentId: where.assessmentId ?? null, departmentId: where.departmentId ?? null });
  return { body, name: assessment ? `リスク分析対策表_${assessment.category}` : 'リスク分析対策表' };
}

/** リスク分析対策表 (PDF, A4 横) of one analysis, with its approval stamps (所属長 → 個人情報保護管理者 → トップマネジメント). */
export async function exportRiskPdf(tx: Tx, actor: Actor, assessmentId: string, now: Date): Promise<{ body: Buffer; name: string }> {
  const assessment = await getAssessmentRow(tx, actor.organizationId, assessmentId);
  const rows = await loadRows(tx, actor.organizationId, { assessmentId });
  const header = await pdfHeaderOf(tx, actor.organizationId);
  const criteria = getRiskCriteria(assessment.criteriaVersion);
  const pdf = new PdfReport({
    title: 'リスク分析対策表',
    ...header,
    printedAt: now,
    layout: 'landscape',
    subject: '個人情報リスク分析対策表（JIS Q 15001 J.3.1.3・J.3.1.4）',
  });
  pdf.keyValues(
    [
      ['類型', assessment.category],
      ['所管部署', rows[0]?.departmentName ?? ''],
      ['対象の個人情報', rows[0]?.entries ?? ''],
      ['リスク基準', `${criteria.title}（${criteria.id}）。リスク総合評価 = 発生可能性 × 影響度、${criteria.threshold} 以上は残存リスク対応策が必要`],
      ['状態', recordStatusLabels[assessment.status]],
    ],
    { labelWidth: 0.14 },
  );
  const [request] = await tx
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.organizationId, actor.organizationId), eq(approvalRequests.recordType, RISK_ASSESSMENT), eq(approvalRequests.recordId, assessmentId)))
    .orderBy(desc(approvalRequests.submittedAt))
    .limit(1);
  if (request) {
    const stamps = (await stampsOf(tx, actor.organizationId, [request])).get(request.id) ?? [];
    pdf.stampBox(
      request.steps.map((step, index) => {
        const stamp = [...stamps].reverse().find((s) => s.step === index && s.action === 'approve');
        return { label: stepLabel(step), name: stamp?.actorName ?? null, at: stamp?.at ?? null };
      }),
    );
  }
  pdf.table(
    [
      { header: '局面', width: 0.8 },
      { header: '脅威', width: 0.8 },
      { header: '想定されるリスク', width: 2 },
      { header: '所有者', width: 0.7 },
      { header: '可能性', width: 0.45, align: 'center' },
      { header: '影響度', width: 0.45, align: 'center' },
      { header: '評価', width: 0.45, align: 'center' },
      { header: 'リスク対策（関連する規程類の項番）', width: 3 },
      { header: '残留リスク・残存リスク対応策（次回モニタリング）', width: 2 },
    ],
    rows.map((r) => [
      phaseLabel(criteria, r.record.phase),
      threatLabel(criteria, r.record.threat),
      r.record.risk,
      r.ownerName,
      r.record.likelihood,
      r.record.impact,
      r.record.score,
      r.record.countermeasures.map((c) => `・${c.text}${c.refs.length ? `（${c.refs.join('、')}）` : ''}`).join('\n'),
      [
        r.record.residualDescription,
        r.record.residualMeasure ? `対応策: ${r.record.residualMeasure}` : '',
        r.record.residualMonitoringDate ? `次回: ${pdf.date(r.record.residualMonitoringDate)}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    ]),
    { fontSize: 7.5 },
  );
  const body = await pdf.toBuffer();
  await auditExport(tx, actor, 'pdf', rows.length, { assessmentId });
  return { body, name: `リスク分析対策表_${assessment.category}` };
}
