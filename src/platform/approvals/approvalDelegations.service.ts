import { and, asc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { checkDelegationSeparation, delegationActiveOn } from '../../rules/approvalChains.ts';
import { accounts } from '../auth/auth.tables.ts';
import type { Tx } from '../db/connection.ts';
import { forbidden, invalid, notFound } from '../http/errors.ts';
import { notifyAccounts } from '../notifications/notify.ts';
import { people } from '../org/org.tables.ts';
import { type Actor, can } from '../policies/actor.ts';
import { chainsOf } from './approval-chains.ts';
import type { delegationBody } from './approvals.schema.ts';
import { approvalDelegations } from './approvals.tables.ts';
import { ownRolesOn } from './approvers.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// 代理承認 (SPEC §3 "delegation with period"): during the period the delegate may act on every
// step the delegator may act on; stamps show 代理. A person sets up their own delegation; the
// approvals administrator (approvals.configure) may set one up for anyone.

/** Delegations the actor is party to (all of them for the approvals administrator). */
export async function listDelegations(tx: Tx, actor: Actor, today: string) {
  const from = alias(people, 'from_person');
  const to = alias(people, 'to_person');
  const rows = await tx
    .select({
      delegation: approvalDelegations,
      fromName: from.name,
      toName: to.name,
    })
    .from(approvalDelegations)
    .innerJoin(from, eq(from.id, approvalDelegations.fromPersonId))
    .innerJoin(to, eq(to.id, approvalDelegations.toPersonId))
    .where(
      and(
        eq(approvalDelegations.organizationId, actor.organizationId),
        can(actor, 'approvals.configure') ? undefined : or(eq(approvalDelegations.fromPersonId, actor.personId), eq(approvalDelegations.toPersonId, actor.personId)),
      ),
    )
    .orderBy(asc(approvalDelegations.startsOn));
  return rows.map((r) => ({
    ...r,
    active: delegationActiveOn(r.delegation, today),
    canDelete: mayDelete(actor, r.delegation),
  }));
}

/** Who may remove a delegation: its delegator, whoever set it up, or the approvals administrator (the delegate may not). */
function mayDelete(actor: Actor, row: typeof approvalDelegations.$inferSelect): boolean {
  return row.fromPersonId === actor.personId || row.createdByAccountId === actor.accountId || can(actor, 'approvals.configure');
}

/**
 * Sets up a delegation; the delegate is told in-app. Refused (422) when the delegate already
 * holds another step of a chain one of the delegator's steps belongs to — a 個人情報保護管理者 made
 * トップマネジメント's 代理 would approve both steps (issue 10, SPEC §5.4); the roles are those in
 * force on the first day of the delegation. decide-request.ts checks again when approving.
 */
export async function createDelegation(tx: Tx, actor: Actor, input: z.infer<typeof delegationBody>, today: string) {
  const fromPersonId = input.fromPersonId ?? actor.personId;
  if (fromPersonId !== actor.personId && !can(actor, 'approvals.configure')) throw forbidden('他の人の代理承認を設定する権限がありません');
  if (input.toPersonId === fromPersonId) throw invalid('toPersonId', '委任者本人を代理者にすることはできません');
  if (input.endsOn < today) throw invalid('endsOn', '代理期間（終了）は今日以降にしてください');
  const found = await tx
    .select({ id: people.id, name: people.name, leftOn: people.leftOn })
    .from(people)
    .where(and(eq(people.organizationId, actor.organizationId), or(eq(people.id, fromPersonId), eq(people.id, input.toPersonId))));
  const fromPerson = found.find((p) => p.id === fromPersonId);
  const toPerson = found.find((p) => p.id === input.toPersonId);
  if (!fromPerson) throw invalid('fromPersonId', '委任者が見つかりません');
  if (!toPerson) throw invalid('toPersonId', '代理者が見つかりません');
  if (toPerson.leftOn && toPerson.leftOn <= today) throw invalid('toPersonId', '退職済みの従業者を代理者にすることはできません');
  const firstDay = input.startsOn > today ? input.startsOn : today;
  const violation = checkDelegationSeparation({
    delegatorName: fromPerson.name,
    delegateName: toPerson.name,
    delegatorRoles: await ownRolesOn(tx, actor.organizationId, fromPersonId, firstDay),
    delegateRoles: await ownRolesOn(tx, actor.organizationId, input.toPersonId, firstDay),
    chains: await chainsOf(tx, actor.organizationId),
  });
  if (violation) throw invalid('toPersonId', violation.message, 'separation_of_duties');
  const [row] = await tx
    .insert(approvalDelegations)
    .values({
      organizationId: actor.organizationId,
      fromPersonId,
      toPersonId: input.toPersonId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      reason: input.reason,
      createdByAccountId: actor.accountId,
    })
    .returning();
  if (!row) throw new Error('delegation insert returned nothing');
  const delegateAccounts = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.organizationId, actor.organizationId), eq(accounts.personId, input.toPersonId)));
  await notifyAccounts(
    tx,
    actor.organizationId,
    delegateAccounts.map((a) => a.id),
    {
      kind: 'approval_delegated',
      title: `代理承認の依頼: ${fromPerson.name} さんの承認を代理します`,
      body: `期間: ${displayDate(input.startsOn)} 〜 ${displayDate(input.endsOn)}${input.reason ? `（理由: ${input.reason}）` : ''}`,
      // The 代理承認 section of the settings screen lists the delegation.
      link: '/settings?tab=delegations',
      dedupeKey: `delegation:${row.id}`,
    },
  );
  return {
    delegation: row,
    fromName: fromPerson.name,
    toName: toPerson.name,
    active: delegationActiveOn(row, today),
    canDelete: mayDelete(actor, row),
  };
}

/** Removes a delegation: its delegator, whoever set it up, or the approvals administrator. */
export async function deleteDelegation(tx: Tx, actor: Actor, id: string): Promise<void> {
  const [row] = await tx
    .select()
    .from(approvalDelegations)
    .where(and(eq(approvalDelegations.organizationId, actor.organizationId), eq(approvalDelegations.id, id)));
  const admin = can(actor, 'approvals.configure');
  const party = row && (row.fromPersonId === actor.personId || row.toPersonId === actor.personId || row.createdByAccountId === actor.accountId);
  if (!row || (!party && !admin)) throw notFound('代理承認の設定');
  if (!mayDelete(actor, row)) throw forbidden('代理承認の設定を削除できるのは委任者本人だけです');
  await tx.delete(approvalDelegations).where(eq(approvalDelegations.id, row.id));
}
