import type { Clock } from '../../domain/time.ts';
import { getRiskCriteria } from '../../rules/data/riskCriteria.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, HttpError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { approvalActorOf, assertKeeps } from '../inventory/inventory.exports.ts';
import { coverCurrentRevisions } from './assessment-editing.ts';
import { isSubmittableStatus } from './risk.abilities.ts';
import { RISK_ASSESSMENT } from './risk.labels.ts';
import { audienceOf, getAssessmentRow, linkedEntries, personNames, recordsOf } from './risk.queries.ts';
import { rowErrors } from './risk.violations.ts';

/**
 * Submits the 対策表: it covers every lifecycle phase (J.3.1.3 留意事項; PA01 手順 f)), every row
 * passes the engine, and the entries' current revisions are recorded; then 所属長 →
 * 個人情報保護管理者 → トップマネジメント (J.3.1.3).
 */
export async function submitAssessment(tx: Tx, actor: Actor, id: string, clock: Clock): Promise<void> {
  const row = await getAssessmentRow(tx, actor.organizationId, id, { forUpdate: true });
  assertKeeps(actor, row.departmentId, 'この所属のリスク分析');
  if (!isSubmittableStatus(row.status)) throw conflict('このリスク分析対策表は既に申請済みです', 'assessment_state');
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
  const audience = await audienceOf(tx, actor.organizationId);
  records.forEach((r, index) => {
    problems.push(...rowErrors(r, index, row.criteriaVersion, owners, { for: 'submit', audience }));
  });
  const entries = await linkedEntries(tx, actor.organizationId, id);
  if (entries.length === 0) problems.push({ path: 'entryIds', message: '対象の個人情報（台帳の項目）を1件以上選んでください' });
  if (problems.length > 0) throw new HttpError(422, `申請できません: ${problems.map((p) => p.message).join(' / ')}`, 'risk_rules', problems);
  await coverCurrentRevisions(tx, actor.organizationId, id);
  await submitForApproval(tx, approvalActorOf(actor), RISK_ASSESSMENT, id, clock);
}
