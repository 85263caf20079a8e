import type { Tx } from '../../platform/db/connection.ts';
import { recordPersonalDataAccess } from '../../platform/audit/personalDataAccess.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { type ProvisionRecordAbout, provisionRecordsAbout } from '../notices/notices.api.ts';
import type { RequestRow } from './requests.queries.ts';

// 第三者提供記録の開示 (法第33条第5項, J.10.5, SPEC M6 "A 開示 request for 第三者提供記録 pulls the
// matching records"): the 第三者提供記録 and 確認記録 whose 本人を特定するに足りる事項 names the
// requester, read through notices.api.ts and listed on the request page and in the reply letter.

/** 記録の種類 as the request page and the letter print it (J.8.8.2 / J.8.8.3). */
export const provisionRecordKindLabels: Readonly<Record<ProvisionRecordAbout['kind'], string>> = Object.freeze({
  provision: '第三者提供記録',
  receipt: '第三者提供を受ける際の確認記録',
});

/**
 * The records about the requester of a 第三者提供記録の開示 request (none for other kinds). The
 * person is matched as the records store it: the 記録上の本人の表記 staff recorded on the request
 * (会員番号 A-0001 …), else the requester's name (width and spaces folded by provisionRecordsAbout);
 * the read of the matches is recorded as a personal-data read.
 */
export async function provisionRecordsForRequest(tx: Tx, actor: Actor, row: RequestRow, now: Date): Promise<ProvisionRecordAbout[]> {
  if (row.kind !== 'provision_record_disclosure') return [];
  const found = await provisionRecordsAbout(tx, actor.organizationId, row.recordSubject ?? row.requesterName);
  if (found.length > 0) await recordPersonalDataAccess(tx, actor, { action: 'read', entityType: 'provision_records', rowCount: found.length, meta: { requestId: row.id } }, now);
  return found;
}
