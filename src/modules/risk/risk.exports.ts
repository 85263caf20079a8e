import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { riskAssessmentEntries, riskAssessments } from './risk.tables.ts';

// What other modules may use of the リスク分析 (M2): the 台帳 (M1) recomputes an entry's
// リスク分析の状態 when the entry changes (J.3.1.3 随時見直し) and shows the analyses covering an
// entry on its screen. Other modules import this file (or index.ts), never the risk tables or
// services (tests/platform/boundaries.ts).

export { refreshRiskStatus } from './risk.status.ts';
// The 台帳 import reads a workbook's リスク分析 sheet into draft 対策表 (issue #12).
export {
  type ImportedAssessment,
  type PlannedRiskRow,
  planRiskSheet,
  type RiskImportIssue,
  type RiskSheet,
  type RiskSheetRow,
  writeImportedAssessments,
} from './import-risk-sheet.ts';
export type { RiskRecordInput } from './risk.schema.ts';

/**
 * The 対策表 that cover an entry, most recently changed first, with the entry revision each
 * analysed (an older revision than the entry's means 要見直し).
 */
export async function assessmentsOfEntry(tx: Tx, organizationId: string, entryId: string) {
  return tx
    .select({
      id: riskAssessments.id,
      category: riskAssessments.category,
      status: riskAssessments.status,
      entryRevision: riskAssessmentEntries.entryRevision,
      approvedAt: riskAssessments.approvedAt,
    })
    .from(riskAssessmentEntries)
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskAssessmentEntries.assessmentId))
    .where(and(eq(riskAssessmentEntries.organizationId, organizationId), eq(riskAssessmentEntries.entryId, entryId)))
    .orderBy(desc(riskAssessments.updatedAt));
}
