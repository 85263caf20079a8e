import { and, asc, eq, isNotNull, notInArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { ModuleDeadline } from '../../platform/moduleKit/manifest.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { closedRequestStatuses, requestKindLabels } from './requests.labels.ts';
import { requests } from './requests.tables.ts';

// The deadlines of M5 on the home (manifest `deadlines`): every open 開示等の請求 (法定の期限, or the
// organization's 遅滞なく target) and 苦情・相談 (the target), nearest first. Personal data stays on
// the request's screen: the home shows the 受付番号 and the kind, never the requester's name.

export async function openRequestDeadlines(tx: Tx, actor: Actor): Promise<ModuleDeadline[]> {
  if (!can(actor, 'requests.read') && !can(actor, 'requests.manage')) return [];
  const rows = await tx
    .select({ id: requests.id, number: requests.number, kind: requests.kind, dueOn: requests.dueOn, deadline: requests.deadline })
    .from(requests)
    .where(and(eq(requests.organizationId, actor.organizationId), notInArray(requests.status, [...closedRequestStatuses]), isNotNull(requests.dueOn)))
    .orderBy(asc(requests.dueOn), asc(requests.number));
  return rows.map((r) => ({
    sourceType: 'request',
    sourceId: r.id,
    sourceLabel: r.kind === 'complaint' ? '苦情・相談' : '開示等の請求',
    title: `${r.number} ${requestKindLabels[r.kind]}`,
    detail: r.deadline?.legal ? '法定の期限（決定・通知）' : '組織の目標（遅滞なく）',
    dueOn: r.dueOn,
    departmentId: null,
    link: `/requests/${r.id}`,
    // 遅滞なく (the private profile, 苦情): the organization's target, not a date the law sets.
    authority: r.deadline?.legal ? 'law' : 'target',
  }));
}
