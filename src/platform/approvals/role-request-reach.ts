import { roleLabels } from '../../domain/roles.ts';
import type { PmsRole } from '../../domain/roles.ts';
import { chainRoles, resolveStep, stepLabel } from '../../rules/approvalChains.ts';
import { roleChangeRefusal } from '../auth/accountPrivilege.ts';
import type { Tx } from '../db/connection.ts';
import { invalid } from '../http/errors.ts';
import { permissionsForRoles } from '../policies/permissions.ts';
import { effectiveChain } from './approval-chains.ts';
import { roleHoldersOn, rolesOn } from './approvers.ts';

// 役割任命申請 that nobody could ever complete. The last approval gives the role, so its approver
// must be allowed to give it (privilege ordering, issue 11 #2, auth/accountPrivilege.ts). With the
// chain set to 所属長 only, a request to make someone 個人情報保護管理者 waited for ever: the 所属長
// was refused at approval, and the 代行者 (トップマネジメント) may act only when the 所属長 is the
// submitter. Such a request is refused when it is made, saying who can give the role instead.

/**
 * Refuses (422, field `role`) a 役割任命申請 when none of the people who would approve the
 * chain's last step may give the role. A step nobody holds today (vacant) is not refused, as in
 * assertSomeoneElseCanApprove: assigning the role unblocks it.
 */
export async function assertSomeApproverCanGiveRole(
  tx: Tx,
  input: { organizationId: string; submitterPersonId: string; personId: string; role: PmsRole; departmentId: string | null; today: string; recordType: string },
): Promise<void> {
  const steps = await effectiveChain(tx, input.organizationId, input.recordType);
  const last = steps.length - 1;
  const step = steps[last];
  if (!step) return;
  const holders = await roleHoldersOn(tx, input.organizationId, chainRoles(steps), input.today);
  const resolution = resolveStep({ steps, index: last, submitterPersonId: input.submitterPersonId, departmentId: input.departmentId, holders });
  if (resolution.approvers.length === 0) return;
  const held = await rolesOn(tx, input.organizationId, [input.personId, ...resolution.approvers.map((a) => a.personId)], input.today);
  const currentRoles = (held.get(input.personId) ?? []).map((h) => h.role);
  const able = resolution.approvers.some((a) => {
    const roles = held.get(a.personId) ?? [];
    const refusal = roleChangeRefusal(
      { personId: a.personId, roles, permissions: permissionsForRoles(roles.map((r) => r.role)) },
      { personId: input.personId, currentRoles, role: input.role },
    );
    return refusal === null;
  });
  if (able) return;
  const who = resolution.approvers.map((a) => `${a.name}さん`).join('、');
  throw invalid(
    'role',
    `${roleLabels[input.role].ja}への任命は、承認経路の最後の段「${stepLabel(step)}」（${who}）では承認できません（自分にない権限を含む役割は与えられません）。トップマネジメントまたは個人情報保護管理者が役割の割当てで任命するか、承認経路の設定で最後の段を任命できる役割にしてください`,
    'approval_dead_end',
  );
}
