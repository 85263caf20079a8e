import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { contractorInspectionFindings, contractorInspections } from './contractor-inspections.tables.ts';
import { contractors } from './contractors.tables.ts';

/** The day `days` days before `today` (YYYY-MM-DD). */
function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * Demo 実地検査 (once): last year's on-site inspection of the payroll bureau, which is entrusted with
 * 特定個人情報 — so the next one is due within the month (豊島区 守るべき事項 5. 年1回以上) — with one
 * 軽微 finding and one 観察事項.
 */
export async function seedDemoInspections(tx: Tx, organizationId: string, today: string): Promise<void> {
  const [already] = await tx.select({ id: contractorInspections.id }).from(contractorInspections).where(eq(contractorInspections.organizationId, organizationId)).limit(1);
  if (already) return;
  const [payroll] = await tx
    .select()
    .from(contractors)
    .where(and(eq(contractors.organizationId, organizationId), eq(contractors.name, 'デモ給与計算センター株式会社')));
  if (!payroll) return;
  const [inspection] = await tx
    .insert(contractorInspections)
    .values({
      organizationId,
      contractorId: payroll.id,
      inspectedOn: daysBefore(today, 350),
      inspectors: '総務部 佐藤 花子、情報システム部 高橋 健',
      scope: '作業の管理体制及び実施体制、個人情報の管理の状況（保管庫・端末・廃棄の記録）',
      method: 'onsite',
      result: '概ね適切に管理されている。指摘事項1件について改善を求めた。',
    })
    .returning();
  if (!inspection) return;
  await tx.insert(contractorInspectionFindings).values([
    { organizationId, inspectionId: inspection.id, position: 1, severity: 'minor', description: '源泉徴収票の控えを保管する書庫の鍵が、作業時間外も机上に置かれていた。' },
    { organizationId, inspectionId: inspection.id, position: 2, severity: 'observation', description: '廃棄証明書の様式が2種類あり、統一が望ましい。' },
  ]);
}
