import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { findCorrectiveForSource, openCorrectiveAction, presentCorrectiveLink } from '../corrective/corrective.api.ts';
import { FINDING_SOURCE, findInspection } from './contractor-inspections.ts';
import { findingSeverityLabels } from './contractor-inspections.labels.ts';
import type { findingCorrectiveResponse } from './contractor-inspections.responses.ts';
import type { openFindingCorrectiveBody } from './contractor-inspections.schema.ts';
import { contractorInspectionFindings } from './contractor-inspections.tables.ts';
import { canManageContractor } from './contractors.policy.ts';
import { findContractor } from './contractors.queries.ts';

/**
 * What a corrective action opened from a finding says of its source: the finding is referenced
 * (sourceId), never copied — the 委託先's name and the finding's text are shown only to those who may
 * see the 委託先 register (issue #11 finding 6: a record opened from another follows the source's
 * visibility; personal data referenced, not copied).
 */
export const correctiveFromFindingText = {
  title: '委託先の実地検査の指摘事項への是正処置',
  content: (severityLabel: string) =>
    `委託先の実地検査で指摘された不適合（区分: ${severityLabel}）。指摘の内容と委託先は実地検査の記録を参照してください（委託先の監督: J.9.4、豊島区 守るべき事項 5.）。`,
} as const;

/**
 * 是正処置を起こす from a 実地検査's finding (J.7.1 g) 1): 不適合が明らかとなった場合): one per finding —
 * asking again returns the one already opened (the finding's row is locked while it is looked up).
 * The 当該所属 defaults to the 委託先's 所管の所属, whose 所属長 drafts the root cause and plan (J.7.1 h) 2)).
 */
export async function openCorrectiveFromFinding(
  tx: Tx,
  actor: Actor,
  findingId: string,
  input: z.output<typeof openFindingCorrectiveBody>,
  clock: Clock,
): Promise<z.output<typeof findingCorrectiveResponse>> {
  const [finding] = await tx
    .select()
    .from(contractorInspectionFindings)
    .where(and(eq(contractorInspectionFindings.organizationId, actor.organizationId), eq(contractorInspectionFindings.id, findingId)))
    .for('update');
  if (!finding) throw notFound('指摘事項');
  const inspection = await findInspection(tx, actor.organizationId, finding.inspectionId);
  const contractor = await findContractor(tx, actor.organizationId, inspection.contractorId);
  if (!canManageContractor(actor, contractor)) throw forbidden('是正処置を起こせるのは、委託先の所管の所属の所属長又は個人情報保護管理者です');
  const existing = await findCorrectiveForSource(tx, actor.organizationId, FINDING_SOURCE, finding.id);
  if (existing) return { correctiveAction: presentCorrectiveLink(existing), created: false };
  const departmentId = input.departmentId ?? contractor.departmentId ?? actor.departmentId;
  if (!departmentId) throw invalid('departmentId', '是正処置の当該所属を指定してください（所属長が根本原因と処置計画を立案します: J.7.1 h) 2)）');
  const action = await openCorrectiveAction(
    tx,
    actor,
    {
      sourceType: FINDING_SOURCE,
      sourceId: finding.id,
      sourceRef: null,
      departmentId,
      title: input.title ?? correctiveFromFindingText.title,
      content: correctiveFromFindingText.content(findingSeverityLabels[finding.severity]),
    },
    clock,
  );
  return { correctiveAction: presentCorrectiveLink(action), created: true };
}
