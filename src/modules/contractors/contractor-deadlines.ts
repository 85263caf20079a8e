import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { ModuleDeadline } from '../../platform/moduleKit/manifest.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { contractorReminders } from '../../rules/contractors/contractorReminders.ts';
import { decemberEvaluationDue } from '../../rules/contractors/decemberEvaluation.ts';
import { contractorEvaluations, contractors, subcontractRequests } from './contractors.tables.ts';

const kindLabels = { contract_expiry: '委託契約の満了', privacy_mark_expiry: '委託先のプライバシーマーク', isms_expiry: '委託先のISMS認証' } as const;

/**
 * The 委託先 deadlines on the home (manifest `deadlines`): contract expiry (30 days before),
 * P-mark / ISMS expiry (90 days before, 更新), and each 再委託承認申請 waiting for approval (due on
 * its start: 特記事項 第6条第2項 業務の着手前), and in December the yearly 委託先評価 (J.9.4) until
 * that year's evaluation is approved. For holders of contractors.manage only.
 */
export async function contractorDeadlines(tx: Tx, actor: Actor, today: string): Promise<ModuleDeadline[]> {
  if (!can(actor, 'contractors.manage')) return [];
  const rows = await tx.select().from(contractors).where(eq(contractors.organizationId, actor.organizationId));
  const out: ModuleDeadline[] = rows.flatMap((c) =>
    contractorReminders(c, today).map((r) => ({
      sourceType: `contractor_${r.kind}`,
      sourceId: c.id,
      sourceLabel: kindLabels[r.kind],
      title: r.title,
      detail: r.detail,
      dueOn: r.dueOn,
      departmentId: c.departmentId,
      link: `/contractors/${c.id}`,
    })),
  );
  const approved = await tx
    .select({ contractorId: contractorEvaluations.contractorId, year: contractorEvaluations.year })
    .from(contractorEvaluations)
    .where(and(eq(contractorEvaluations.organizationId, actor.organizationId), eq(contractorEvaluations.status, 'approved')));
  for (const c of rows) {
    const due = decemberEvaluationDue(
      c.name,
      approved.filter((e) => e.contractorId === c.id).map((e) => e.year),
      today,
    );
    if (due)
      out.push({
        sourceType: 'contractor_december_evaluation',
        sourceId: c.id,
        sourceLabel: '委託先評価（12月）',
        ...due,
        departmentId: c.departmentId,
        link: `/contractors/${c.id}`,
      });
  }
  const pending = await tx
    .select()
    .from(subcontractRequests)
    .where(and(eq(subcontractRequests.organizationId, actor.organizationId), inArray(subcontractRequests.status, ['draft', 'pending'])));
  const byId = new Map(rows.map((c) => [c.id, c]));
  for (const r of pending) {
    const parent = byId.get(r.contractorId);
    out.push({
      sourceType: 'subcontract_request',
      sourceId: r.id,
      sourceLabel: '再委託承認申請',
      title: `${parent?.name ?? ''} → ${byId.get(r.subContractorId)?.name ?? ''} 再委託の承認`,
      detail: '業務の着手前に承認してください（個人情報特記事項 第6条第2項）',
      dueOn: r.startsOn,
      departmentId: parent?.departmentId ?? null,
      link: `/contractors/${r.contractorId}`,
    });
  }
  return out;
}
