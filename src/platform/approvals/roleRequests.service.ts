import type { Clock } from '../../domain/time.ts';
import { and, desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { addDays } from '../../rules/calendar.ts';
import { checkRoleAssignment } from '../../rules/separationOfDuties.ts';
import { roleChangeRefusal } from '../auth/accountPrivilege.ts';
import { accounts } from '../auth/auth.tables.ts';
import type { Tx } from '../db/connection.ts';
import { forbidden, invalid, notFound } from '../http/errors.ts';
import { saveRoleAssignment } from '../org/org.service.ts';
import { departments, people, roleAssignments } from '../org/org.tables.ts';
import { roleLabels } from '../../domain/roles.ts';
import { type Actor, can } from '../policies/actor.ts';
import { permissionsForRoles } from '../policies/permissions.ts';
import type { roleRequestBody } from './approvals.schema.ts';
import { rolesOn } from './approvers.ts';
import { assertSomeApproverCanGiveRole } from './role-request-reach.ts';
import { submitForApproval } from './submit-for-approval.ts';
import { approvalDelegations, approvalRequests, roleRequests } from './approvals.tables.ts';
import type { ApprovalActor, ApprovalRecordType } from './registry.ts';
import { displayDate } from './snapshot-fields.ts';

// 役割任命申請 (role request): the platform's own record type for the approvals engine. A 所属長
// asks for a role in their own department (or the PMS manager for any role); the chain (default
// [個人情報保護管理者]) approves; the last approval creates the role assignment through the
// organization service, which enforces J.2.3.2 (管理者 ≠ 監査責任者).

export const ROLE_REQUEST = 'role_request';

async function readRoleRequest(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select({
      request: roleRequests,
      personName: people.name,
      personDepartmentId: people.departmentId,
      departmentName: departments.name,
    })
    .from(roleRequests)
    .innerJoin(people, eq(people.id, roleRequests.personId))
    .leftJoin(departments, eq(departments.id, roleRequests.departmentId))
    .where(and(eq(roleRequests.organizationId, organizationId), eq(roleRequests.id, id)));
  return row ?? null;
}

function roleTitle(personName: string, role: keyof typeof roleLabels, departmentName: string | null): string {
  return `${personName} さんを${departmentName ? `${departmentName}の` : ''}${roleLabels[role].ja}に任命`;
}

/** Approval record type. Listed in the module manifest (index.ts). */
export const roleRequestApprovalType: ApprovalRecordType = {
  type: ROLE_REQUEST,
  label: '役割任命申請',
  async snapshot(tx, organizationId, recordId) {
    const row = await readRoleRequest(tx, organizationId, recordId);
    if (!row) return null;
    const r = row.request;
    return {
      title: roleTitle(row.personName, r.role, row.departmentName),
      // The department concerned: the role's own, or for an organization-wide role the person's
      // (so a 所属長 step in the chain is the head of the person's department).
      departmentId: r.departmentId ?? row.personDepartmentId,
      data: {
        personId: r.personId,
        personName: row.personName,
        role: r.role,
        roleLabel: roleLabels[r.role].ja,
        departmentId: r.departmentId,
        departmentName: row.departmentName,
        startsOn: r.startsOn,
        note: r.note,
      },
    };
  },
  async onApproved(tx, { organizationId, recordId, actor, today }) {
    const row = await readRoleRequest(tx, organizationId, recordId);
    if (!row) throw notFound('役割任命申請');
    const r = row.request;
    // The approval gives the role, so whoever completes it must be allowed to give it: the
    // privilege ordering of 役割の割当て (auth/accountPrivilege.ts, issue 11 #2) — a 所属長 ending
    // a chain may not make anyone 個人情報保護管理者. A refusal leaves the request pending.
    const held = await rolesOn(tx, organizationId, [actor.personId, r.personId], today);
    const approverRoles = held.get(actor.personId) ?? [];
    const refusal = roleChangeRefusal(
      { personId: actor.personId, roles: approverRoles, permissions: permissionsForRoles(approverRoles.map((h) => h.role)) },
      { personId: r.personId, currentRoles: (held.get(r.personId) ?? []).map((h) => h.role), role: r.role },
    );
    if (refusal) throw forbidden(`${refusal}。この申請は、その役割を与えられる承認者（トップマネジメントなど）に承認を依頼してください`);
    // saveRoleAssignment applies J.2.3.2; a violation refuses the approval (the transaction rolls back).
    const assignment = await saveRoleAssignment(tx, organizationId, {
      personId: r.personId,
      role: r.role,
      departmentId: r.departmentId,
      startsOn: r.startsOn,
      endsOn: null,
      note: r.note ?? '役割任命申請により任命',
    });
    await tx
      .update(roleRequests)
      .set({ roleAssignmentId: assignment?.id ?? null })
      .where(eq(roleRequests.id, r.id));
  },
  async onStatusChange(tx, { organizationId, recordId, status, now }) {
    await tx
      .update(roleRequests)
      .set({ status, updatedAt: now })
      .where(and(eq(roleRequests.organizationId, organizationId), eq(roleRequests.id, recordId)));
  },
  async canView(tx, actor, recordId) {
    if (can(actor, 'roles.manage')) return true;
    const [row] = await tx
      .select()
      .from(roleRequests)
      .where(and(eq(roleRequests.organizationId, actor.organizationId), eq(roleRequests.id, recordId)));
    return !!row && (row.requestedByPersonId === actor.personId || row.personId === actor.personId);
  },
  // A role request has no screen of its own: it is read and decided on the approval screen
  // (/approvals/:id), and once approved its result is on 役割・体制図.
  link: () => null,
  describeSnapshot: (data) => {
    const text = (key: string) => (typeof data[key] === 'string' && data[key] ? (data[key] as string) : null);
    const role = text('role');
    return [
      { key: 'personName', label: '対象者', value: text('personName') },
      { key: 'role', label: '役割', value: role && role in roleLabels ? roleLabels[role as keyof typeof roleLabels].ja : role },
      { key: 'departmentName', label: '所属', value: text('departmentName') ?? '全社（所属によらない役割）' },
      { key: 'startsOn', label: '開始日', value: displayDate(text('startsOn')) },
      { key: 'note', label: '理由', value: text('note') },
    ];
  },
};

/**
 * 役割任命申請の作成と申請: only the 所属長 of the department concerned (for a department-bound
 * role, the role's department; otherwise the person's department) or the PMS manager (roles.manage)
 * may ask. Separation-of-duty rules are checked now, so an impossible request is refused at once
 * rather than at approval.
 */
export async function createRoleRequest(tx: Tx, actor: ApprovalActor, input: z.infer<typeof roleRequestBody>, clock: Clock, options: { isRoleManager: boolean }) {
  const [person] = await tx
    .select()
    .from(people)
    .where(and(eq(people.organizationId, actor.organizationId), eq(people.id, input.personId)));
  if (!person) throw invalid('personId', '任命する従業者が見つかりません');
  if (person.leftOn && person.leftOn <= clock.today) throw invalid('personId', '退職済みの従業者は任命できません');
  const bound = roleLabels[input.role].perDepartment === true;
  if (bound && !input.departmentId) throw invalid('departmentId', `${roleLabels[input.role].ja}は所属ごとの役割のため、対象の所属を指定してください`);
  if (input.departmentId) {
    const [dept] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.organizationId, actor.organizationId), eq(departments.id, input.departmentId)));
    if (!dept) throw invalid('departmentId', '対象の所属が見つかりません');
  }
  if (!options.isRoleManager) {
    const held = (await rolesOn(tx, actor.organizationId, [actor.personId], clock.today)).get(actor.personId) ?? [];
    const concerned = bound ? input.departmentId : person.departmentId;
    const isHead = held.some((r) => r.role === 'department_head' && r.departmentId !== null && r.departmentId === concerned);
    if (!isHead) throw forbidden('役割任命申請ができるのは、対象の所属の所属長または個人情報保護管理者です');
  }
  const existing = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.organizationId, actor.organizationId), eq(roleAssignments.personId, input.personId)));
  const violation = checkRoleAssignment(
    {
      personId: input.personId,
      role: input.role,
      departmentId: input.departmentId,
      startsOn: input.startsOn,
      endsOn: null,
    },
    existing,
  );
  if (violation) throw invalid('role', violation.message, 'separation_of_duties');
  await assertSomeApproverCanGiveRole(tx, {
    organizationId: actor.organizationId,
    submitterPersonId: actor.personId,
    personId: input.personId,
    role: input.role,
    departmentId: input.departmentId ?? person.departmentId,
    today: clock.today,
    recordType: ROLE_REQUEST,
  });
  const [row] = await tx
    .insert(roleRequests)
    .values({
      organizationId: actor.organizationId,
      personId: input.personId,
      role: input.role,
      departmentId: input.departmentId,
      startsOn: input.startsOn,
      note: input.note,
      requestedByPersonId: actor.personId,
      requestedByAccountId: actor.accountId,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!row) throw new Error('role request insert returned nothing');
  const approval = await submitForApproval(tx, actor, ROLE_REQUEST, row.id, clock);
  const saved = await readRoleRequest(tx, actor.organizationId, row.id);
  return {
    roleRequest: saved?.request ?? row,
    personName: person.name,
    departmentName: saved?.departmentName ?? null,
    approvalRequestId: approval.id,
  };
}

/** Role requests: all of them for the PMS manager, otherwise those the actor asked for or is the subject of. */
export async function listRoleRequests(tx: Tx, actor: Actor, filter: { status?: string }) {
  const requester = alias(people, 'requester');
  const rows = await tx
    .select({
      request: roleRequests,
      personName: people.name,
      departmentName: departments.name,
      requestedByName: requester.name,
    })
    .from(roleRequests)
    .innerJoin(people, eq(people.id, roleRequests.personId))
    .innerJoin(requester, eq(requester.id, roleRequests.requestedByPersonId))
    .leftJoin(departments, eq(departments.id, roleRequests.departmentId))
    .where(
      and(
        eq(roleRequests.organizationId, actor.organizationId),
        filter.status ? eq(roleRequests.status, filter.status as typeof roleRequests.$inferSelect.status) : undefined,
        can(actor, 'roles.manage') ? undefined : or(eq(roleRequests.requestedByPersonId, actor.personId), eq(roleRequests.personId, actor.personId)),
      ),
    )
    .orderBy(desc(roleRequests.createdAt));
  const latest = new Map<string, string>();
  if (rows.length > 0) {
    const requests = await tx
      .select({ id: approvalRequests.id, recordId: approvalRequests.recordId })
      .from(approvalRequests)
      .where(and(eq(approvalRequests.organizationId, actor.organizationId), eq(approvalRequests.recordType, ROLE_REQUEST)))
      .orderBy(approvalRequests.submittedAt);
    for (const r of requests) latest.set(r.recordId, r.id);
  }
  return rows.map((r) => ({
    ...r,
    approvalRequestId: latest.get(r.request.id) ?? null,
  }));
}

/**
 * Demo data (SPEC demo): one pending 役割任命申請 — 田中 美咲 (所属長, 営業部) asks that 渡辺 さくら
 * become 個人情報取扱責任者 of 営業部, waiting for the 個人情報保護管理者 — and a planned 代理承認
 * (佐藤 花子 → 伊藤 直樹 for a week, starting in 30 days). The 代理 is 総務部's 伊藤, who holds no
 * step of any chain: 高橋 健, 情報システム部の所属長, would approve both steps of that department's
 * 所属長 → 個人情報保護管理者 requests (issue 10, SPEC §5.4). Idempotent.
 */
export async function seedDemoApprovals(tx: Tx, organizationId: string, today: string): Promise<void> {
  const [head] = await tx
    .select({ accountId: accounts.id, personId: accounts.personId })
    .from(accounts)
    .where(and(eq(accounts.organizationId, organizationId), eq(accounts.loginId, 'sales-head@demo.mamori.local')));
  const [subject] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.name, '渡辺 さくら')));
  const [sales] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.name, '営業部')));
  if (!head || !subject || !sales) return;
  const [pms] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.name, '佐藤 花子')));
  const [deputy] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.name, '伊藤 直樹')));
  const [delegated] = pms
    ? await tx
        .select({ id: approvalDelegations.id })
        .from(approvalDelegations)
        .where(and(eq(approvalDelegations.organizationId, organizationId), eq(approvalDelegations.fromPersonId, pms.id)))
    : [];
  if (pms && deputy && !delegated) {
    await tx.insert(approvalDelegations).values({
      organizationId,
      fromPersonId: pms.id,
      toPersonId: deputy.id,
      startsOn: addDays(today, 30),
      endsOn: addDays(today, 36),
      reason: '年次休暇のため',
    });
  }
  const [already] = await tx
    .select({ id: roleRequests.id })
    .from(roleRequests)
    .where(and(eq(roleRequests.organizationId, organizationId), eq(roleRequests.personId, subject.id), eq(roleRequests.role, 'handling_manager')));
  if (already) return;
  const now = new Date(`${today}T09:00:00+09:00`);
  await createRoleRequest(
    tx,
    { organizationId, accountId: head.accountId, personId: head.personId },
    {
      personId: subject.id,
      role: 'handling_manager',
      departmentId: sales.id,
      startsOn: today,
      note: '営業部の顧客名簿・商談記録の取扱いを管理するため',
    },
    { today, now },
    { isRoleManager: false },
  );
}
