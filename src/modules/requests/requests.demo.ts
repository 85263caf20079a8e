import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { computeDeadline } from './request-deadline.ts';
import { profileOf } from './requests.queries.ts';
import { requestCorrections, requests } from './requests.tables.ts';

/**
 * Demo 開示等の請求・苦情 (the demo organization only, once): a 開示 received by mail ten days ago
 * whose 補正 (the missing 委任状) was completed, and a complaint taken by phone yesterday.
 */
export async function seedDemoRequests(tx: Tx, organizationId: string, today: string): Promise<void> {
  const [already] = await tx.select({ id: requests.id }).from(requests).where(eq(requests.organizationId, organizationId)).limit(1);
  if (already) return;
  const profile = await profileOf(tx, organizationId);
  const year = today.slice(0, 4);
  const receivedOn = addCalendarDays(today, -10);
  const correction = { askedOn: addCalendarDays(today, -8), completedOn: addCalendarDays(today, -5) };
  const corrections = [correction];
  const disclosure = computeDeadline({ profile, kind: 'disclosure', receivedOn, corrections, extended: false, specialProvision: false, today });
  const [row] = await tx
    .insert(requests)
    .values({
      organizationId,
      number: `REQ-${year}-0001`,
      receivedOn,
      channel: 'mail',
      kind: 'disclosure',
      requesterName: '見本 花子',
      requesterAddress: '東京都豊島区東池袋一丁目（見本）',
      requesterContact: '03-0000-0000',
      agentKind: 'voluntary',
      agentName: '見本 太郎',
      content: '私の会員情報（氏名・住所・購入履歴）の開示を求めます。',
      status: 'identity_verified',
      identityCheck: {
        documents: ['driver_license', 'power_of_attorney'],
        checkedBy: '苦情相談窓口責任者',
        checkedOn: addCalendarDays(today, -5),
        sensitiveMasked: false,
        note: null,
      },
      deadline: disclosure.result,
      dueOn: disclosure.dueOn,
    })
    .returning();
  if (row) await tx.insert(requestCorrections).values({ organizationId, requestId: row.id, ...correction, what: '委任状の添付' });
  const complaintOn = addCalendarDays(today, -1);
  const complaint = computeDeadline({ profile, kind: 'complaint', receivedOn: complaintOn, corrections: [], extended: false, specialProvision: false, today });
  await tx.insert(requests).values({
    organizationId,
    number: `REQ-${complaintOn.slice(0, 4)}-${complaintOn.slice(0, 4) === year ? '0002' : '0001'}`,
    receivedOn: complaintOn,
    channel: 'phone',
    kind: 'complaint',
    requesterName: '見本 一郎',
    requesterContact: '090-0000-0000',
    content: '案内状が二重に届いた。',
    deadline: complaint.result,
    dueOn: complaint.dueOn,
  });
}
