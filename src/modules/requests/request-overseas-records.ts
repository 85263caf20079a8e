import { recordPersonalDataAccess } from '../../platform/audit/personalDataAccess.ts';
import type { Tx } from '../../platform/db/connection.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { type OverseasProvisionAbout, overseasProvisionsAbout } from '../notices/notices.api.ts';
import type { RequestRow } from './requests.queries.ts';

// 外国にある第三者への提供に係る情報提供の求め (法第28条第3項 and JIS Q 15001 J.8.8.1 3 l); 法第71条第3項 for a
// 行政機関等): the 第三者提供記録 of the requester's personal data provided to a 外国にある第三者 on ground b)
// (体制の整備), read through notices.api.ts with items 1)〜7), listed on the request page and printed in the
// reply letter.

/**
 * The ground-b) overseas provisions about the requester of an `overseas_info` request (none for other
 * kinds), matched like 第三者提供記録の開示: the 記録上の本人の表記 staff recorded, else the requester's
 * name. The read of the matches is recorded as a personal-data read.
 */
export async function overseasRecordsForRequest(tx: Tx, actor: Actor, row: RequestRow, now: Date): Promise<OverseasProvisionAbout[]> {
  if (row.kind !== 'overseas_info') return [];
  const found = await overseasProvisionsAbout(tx, actor.organizationId, row.recordSubject ?? row.requesterName);
  if (found.length > 0) await recordPersonalDataAccess(tx, actor, { action: 'read', entityType: 'provision_records', rowCount: found.length, meta: { requestId: row.id } }, now);
  return found;
}
