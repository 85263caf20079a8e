import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { DemoContext } from '../../platform/moduleKit/manifest.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { latestRiskCriteriaVersion } from '../../rules/data/riskCriteria.ts';
import { latestTypicalRisksVersion } from '../../rules/data/typicalRisks.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { scoreRisk } from '../../rules/riskAssessment.ts';
import { activeEntriesOfDepartment } from '../inventory/inventory.exports.ts';
import { refreshRiskStatus } from './risk.status.ts';
import { riskAssessmentEntries, riskAssessments, riskRecords } from './risk.tables.ts';

/**
 * The demo organization's リスク分析 (after the 台帳's demo, in the module list's order): the
 * 営業部's customer registers in one 対策表 being drawn up by its 所属長 (J.3.1.3), with three
 * risks, one of them with a 残存リスク and its monitoring date. Idempotent.
 */
export async function seedDemoRisk(tx: Tx, { organizationId, today }: DemoContext): Promise<void> {
  const [already] = await tx.select({ id: riskAssessments.id }).from(riskAssessments).where(eq(riskAssessments.organizationId, organizationId)).limit(1);
  if (already) return;
  const [salesDept] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.name, '営業部')));
  const sales = salesDept?.id;
  if (!sales) return;
  const persons = new Map(
    (
      await tx
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.organizationId, organizationId), inArray(people.name, ['田中 美咲'])))
    ).map((p) => [p.name, p.id]),
  );
  const customer = (await activeEntriesOfDepartment(tx, organizationId, sales)).filter((e) => e.name !== '受領名刺');
  if (customer.length === 0) return;
  const [assessment] = await tx
    .insert(riskAssessments)
    .values({
      organizationId,
      departmentId: sales,
      category: '顧客情報（営業部）',
      description: '顧客名簿と商談記録（紙・電子）',
      criteriaVersion: latestRiskCriteriaVersion,
      typicalRisksVersion: latestTypicalRisksVersion,
      status: 'draft',
      createdByPersonId: persons.get('田中 美咲') ?? null,
    })
    .returning();
  if (assessment) {
    await tx.insert(riskAssessmentEntries).values(customer.map((e) => ({ organizationId, assessmentId: assessment.id, entryId: e.id, entryRevision: e.revision })));
    const owner = persons.get('田中 美咲') ?? null;
    const rows = [
      {
        phase: 'acquisition',
        threat: 'improper_acquisition',
        risk: '利用目的を明示せずに申込書で取得する',
        l: 1,
        i: 2,
        cm: [{ text: '申込書に「取得時の必要通知事項」を記載し、同意欄へのチェックを得る', refs: ['J.8.5 1'] }],
      },
      {
        phase: 'transfer',
        threat: 'leak',
        risk: 'メールの誤送信により顧客情報が漏えいする',
        l: 2,
        i: 2,
        cm: [{ text: '送信前に宛先を複数人で確認し、添付ファイルは暗号化する', refs: ['J.9.2 c) 20)'] }],
        measure: '誤送信防止ツールの導入を検討する（来期）',
        monitoring: addCalendarDays(today, 180),
      },
      { phase: 'storage', threat: 'loss', risk: '保管中の申込書が盗難・紛失に遭う', l: 1, i: 3, cm: [{ text: '業務終了時は施錠キャビネットで保管する', refs: ['J.9.2 b) 3) ③'] }] },
    ] as const;
    await tx.insert(riskRecords).values(
      rows.map((r, index) => ({
        organizationId,
        assessmentId: assessment.id,
        phase: r.phase,
        threat: r.threat,
        risk: r.risk,
        ownerPersonId: owner,
        likelihood: r.l,
        impact: r.i,
        score: scoreRisk({ likelihood: r.l, impact: r.i }, latestRiskCriteriaVersion).score,
        criteriaVersion: latestRiskCriteriaVersion,
        countermeasures: r.cm.map((c) => ({ text: c.text, refs: [...c.refs] })),
        residualMeasure: 'measure' in r ? r.measure : null,
        residualDescription: 'measure' in r ? '確認の手順だけでは誤送信を完全には防げない' : null,
        residualMonitoringDate: 'monitoring' in r ? r.monitoring : null,
        sortOrder: index,
      })),
    );
    await refreshRiskStatus(
      tx,
      organizationId,
      customer.map((e) => e.id),
    );
  }
}
