import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { conflict, forbidden, invalid } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { findCorrectiveForSource, openCorrectiveAction } from '../corrective/corrective.api.ts';
import { closedRequestStatuses, requestFieldLabels as L } from './requests.labels.ts';
import { canManageRequests } from './requests.policy.ts';
import { findRequest, type RequestRow } from './requests.queries.ts';
import type { closeComplaintBody } from './requests.schema.ts';
import { requests } from './requests.tables.ts';

/**
 * What a 是正処置 opened from a complaint says of it: the complaint is referenced by its id and its
 * 受付番号, never copied — the complainant and the content are personal data and stay on the
 * 苦情・相談等受付処理票 (SPEC §9; as the incident module does, issue #11 finding 6).
 */
export const correctiveFromComplaintText = {
  title: '苦情・相談への是正処置',
  content:
    '苦情・相談により明らかになった不適合（J.11.1 d)、J.7.1 g) 3)）。申出者と苦情の内容は苦情・相談等受付処理票を参照してください（個人データを含むため是正処置には写しません）。',
} as const;

/**
 * 苦情・相談の完了 (J.11.1 d), Okazaki 第22条「苦情…適切に受け付け対応する」): the 原因・対応 note and the
 * day it closed (回答済). With `openCorrective` a 是正処置 is opened for the department chosen (one per
 * complaint: asking again links the one already opened) through corrective.api.ts.
 */
export async function closeComplaint(tx: Tx, actor: Actor, id: string, input: z.output<typeof closeComplaintBody>, clock: Clock): Promise<RequestRow> {
  if (!canManageRequests(actor)) throw forbidden('開示等の請求・苦情を記録する権限がありません');
  const current = await findRequest(tx, actor.organizationId, id, true);
  if (current.kind !== 'complaint') throw conflict('完了の記録は苦情・相談だけです。開示等の請求は決定と回答の承認を経て回答してください');
  if (closedRequestStatuses.includes(current.status)) throw conflict('この苦情・相談は既に完了・取下げになっています');
  if (input.closedOn < current.receivedOn) throw invalid('closedOn', `${L.closedOn}が${L.receivedOn}より前になっています`);
  if (input.closedOn > clock.today) throw invalid('closedOn', `${L.closedOn}が未来の日付になっています`);
  let correctiveActionId = current.correctiveActionId;
  if (input.openCorrective && input.correctiveDepartmentId && !correctiveActionId) {
    const [department] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.organizationId, actor.organizationId), eq(departments.id, input.correctiveDepartmentId)));
    if (!department) throw invalid('correctiveDepartmentId', `${L.correctiveDepartment}が見つかりません`);
    const existing = await findCorrectiveForSource(tx, actor.organizationId, 'complaint', current.id);
    const action =
      existing ??
      (await openCorrectiveAction(
        tx,
        actor,
        {
          sourceType: 'complaint',
          sourceId: current.id,
          sourceRef: current.number,
          departmentId: input.correctiveDepartmentId,
          title: input.correctiveTitle ?? correctiveFromComplaintText.title,
          content: correctiveFromComplaintText.content,
        },
        clock,
      ));
    correctiveActionId = action.id;
  }
  const [row] = await tx
    .update(requests)
    .set({ status: 'answered', causeAndAction: input.causeAndAction, repliedOn: input.closedOn, correctiveActionId, updatedAt: clock.now })
    .where(and(eq(requests.organizationId, actor.organizationId), eq(requests.id, id)))
    .returning();
  if (!row) throw new Error('request update returned nothing');
  return row;
}
