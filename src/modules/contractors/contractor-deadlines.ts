import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { ModuleDeadline } from '../../platform/moduleKit/manifest.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { contractorReminders } from '../../rules/contractors/contractorReminders.ts';
import { decemberEvaluationDue } from '../../rules/contractors/decemberEvaluation.ts';
import { inspectionDuesOf } from './contractor-inspections.ts';
import { canManageContractor } from './contractors.policy.ts';
import { contractorEvaluations, contractors, subcontractRequests } from './contractors.tables.ts';

/** How far ahead a 実地検査 shows on the home: a month, to arrange the visit with the 委託先. */
const INSPECTION_LOOKAHEAD_DAYS = 30;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const kindLabels = { contract_expiry: '委託契約の満了', privacy_mark_expiry: '委託先のプライバシーマーク', isms_expiry: '委託先のISMS認証' } as const;
/** The contract's own term; a certification's validity is checked as part of 委託先の監督 (J.9.4). */
const kindAuthorities = { contract_expiry: 'contract', privacy_mark_expiry: 'standard', isms_expiry: 'standard' } as const;

/**
 * The 委託先 deadlines on the home (manifest `deadlines`): contract expiry (30 days before),
 * P-mark / ISMS expiry (90 days before, 更新), and each 再委託承認申請 waiting for approval (due on
 * its start: 特記事項 第6条第2項 業務の着手前), and in December the yearly 委託先評価 (J.9.4) until
 * that year's evaluation is approved, and the 委託先の実地検査 a month before it is due (yearly when
 * 要配慮個人情報・特定個人情報 are entrusted: 豊島区 守るべき事項 5.). Each goes to the people who answer
 * for that 委託先 (contractors.policy.ts canManageContractor): the 所属長 of its 所管の所属 and the
 * 個人情報保護管理者 — not to the 所属長 of another department (J.9.4 t) 「当該所属が…委託する…委託先」).
 */
export async function contractorDeadlines(tx: Tx, actor: Actor, today: string): Promise<ModuleDeadline[]> {
  if (!can(actor, 'contractors.manage')) return [];
  const all = await tx.select().from(contractors).where(eq(contractors.organizationId, actor.organizationId));
  const rows = all.filter((c) => canManageContractor(actor, c));
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
      authority: kindAuthorities[r.kind],
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
        authority: 'standard',
      });
  }
  // 委託先の実地検査 (issue 13; rules/contractors/inspectionDue.ts), from a month before its due date.
  const dues = await inspectionDuesOf(tx, actor.organizationId, rows, today);
  for (const c of rows) {
    const due = dues.get(c.id);
    if (due?.required && due.dueOn <= addDays(today, INSPECTION_LOOKAHEAD_DAYS))
      out.push({
        sourceType: 'contractor_inspection_due',
        sourceId: c.id,
        sourceLabel: '委託先の実地検査',
        title: `${c.name} 委託先の実地検査`,
        detail: due.reason,
        dueOn: due.dueOn,
        departmentId: c.departmentId,
        link: `/contractors/${c.id}`,
        authority: 'standard',
      });
  }
  const pending = await tx
    .select()
    .from(subcontractRequests)
    .where(and(eq(subcontractRequests.organizationId, actor.organizationId), inArray(subcontractRequests.status, ['draft', 'pending'])));
  const byId = new Map(all.map((c) => [c.id, c]));
  for (const r of pending) {
    const parent = byId.get(r.contractorId);
    // A 再委託 is applied for by the 委託先's own managers (subcontracting.ts; Toshima 第7条 2).
    if (!parent || !canManageContractor(actor, parent)) continue;
    out.push({
      sourceType: 'subcontract_request',
      sourceId: r.id,
      sourceLabel: '再委託承認申請',
      title: `${parent?.name ?? ''} → ${byId.get(r.subContractorId)?.name ?? ''} 再委託の承認`,
      detail: '業務の着手前に承認してください（個人情報特記事項 第6条第2項）',
      dueOn: r.startsOn,
      departmentId: parent?.departmentId ?? null,
      link: `/contractors/${r.contractorId}`,
      authority: 'contract',
    });
  }
  return out;
}
