import { and, asc, eq } from 'drizzle-orm';
import { pmsRoles } from '../../domain/roles.ts';
import { type ApprovalStep, type RoleHolder, strandedSubmitters, validateChainSteps } from '../../rules/approvalChains.ts';
import { defaultApprovalChains } from '../../rules/data/approvalChains.ts';
import type { Tx } from '../db/connection.ts';
import { invalid, notFound } from '../http/errors.ts';
import { departments } from '../org/org.tables.ts';
import { approvalChains } from './approvals.tables.ts';
import { roleHoldersOn } from './approvers.ts';
import { findApprovalRecordType, registeredApprovalRecordTypes } from './registry.ts';

// 承認経路 (settings): each organization's chain per record type. A request keeps its own copy
// of the chain from the moment it is submitted, so changing a chain never moves requests in flight.
// A chain that leaves a possible submitter with nobody to approve their request is refused, and
// the list says which chains do so today (issue 10, SPEC §5.4).

/** One record type's chain as the settings screen shows it. */
export type ChainSetting = {
  recordType: string;
  label: string;
  basis: string | null;
  steps: ApprovalStep[];
  defaultSteps: ApprovalStep[];
  customized: boolean;
  /** The possible submitters the chain leaves with no approver today (rules/approvalChains.ts strandedSubmitters). */
  problems: string[];
};

/** What the stranded-submitter check reads: every role holder today, and the departments. */
type Organization = { holders: RoleHolder[]; departments: { id: string; name: string }[] };

async function organizationOn(tx: Tx, organizationId: string, today: string): Promise<Organization> {
  return {
    holders: await roleHoldersOn(tx, organizationId, pmsRoles, today),
    departments: await tx
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.organizationId, organizationId))
      .orderBy(asc(departments.sortOrder), asc(departments.name)),
  };
}

const strandings = (steps: readonly ApprovalStep[], org: Organization) => strandedSubmitters(steps, org.holders, org.departments).map((s) => s.message);

/** The organization's chain for a record type: its own, or the record type's default. */
export async function effectiveChain(tx: Tx, organizationId: string, recordType: string): Promise<ApprovalStep[]> {
  const [row] = await tx
    .select({ steps: approvalChains.steps })
    .from(approvalChains)
    .where(and(eq(approvalChains.organizationId, organizationId), eq(approvalChains.recordType, recordType)));
  if (row && row.steps.length > 0) return row.steps;
  const type = findApprovalRecordType(recordType);
  const fallback = type?.defaultSteps ?? defaultApprovalChains[recordType]?.steps;
  if (!fallback) throw invalid('recordType', `承認の対象にできない記録の種類です: ${recordType}`);
  return [...fallback];
}

/**
 * Every record type the organization can configure — the ones the installed modules registered
 * (issue 10: the settings list only record types the app has; a default chain in
 * rules/data/approvalChains.ts for a module not installed yet is not shown) — with its chain,
 * without the problems.
 */
export async function chainsOf(tx: Tx, organizationId: string): Promise<Omit<ChainSetting, 'problems'>[]> {
  const rows = await tx.select().from(approvalChains).where(eq(approvalChains.organizationId, organizationId));
  const own = new Map(rows.map((r) => [r.recordType, r.steps]));
  const types = new Map<string, { label: string; defaultSteps: readonly ApprovalStep[]; basis: string | null }>();
  for (const t of registeredApprovalRecordTypes())
    types.set(t.type, {
      label: t.label,
      defaultSteps: t.defaultSteps,
      basis: defaultApprovalChains[t.type]?.basis ?? null,
    });
  return [...types.entries()].map(([recordType, t]) => {
    const steps = own.get(recordType) ?? [...t.defaultSteps];
    return {
      recordType,
      label: t.label,
      basis: t.basis,
      steps,
      defaultSteps: [...t.defaultSteps],
      customized: JSON.stringify(steps) !== JSON.stringify(t.defaultSteps),
    };
  });
}

/** Every record type the organization can configure, with the problems of each chain today. */
export async function listChains(tx: Tx, organizationId: string, today: string): Promise<ChainSetting[]> {
  const org = await organizationOn(tx, organizationId, today);
  return (await chainsOf(tx, organizationId)).map((c) => ({ ...c, problems: strandings(c.steps, org) }));
}

/**
 * Replaces the organization's chain of one record type. Requests already submitted keep their own
 * copy of the chain. Refused (422, naming the step and the person) when, with today's role
 * holders, some possible submitter would have nobody to approve their request: they are the
 * only holder of the last step and no 代行者 is available (issue 10; SPEC §5.4 forbids them to
 * approve it themselves).
 */
export async function saveChain(tx: Tx, organizationId: string, recordType: string, steps: ApprovalStep[], today: string): Promise<ChainSetting> {
  if (!findApprovalRecordType(recordType)) throw notFound('承認経路');
  const problems = validateChainSteps(steps);
  if (problems.length > 0) throw invalid('steps', problems.join(' / '));
  const clean: ApprovalStep[] = steps.map((s) => ({
    role: s.role,
    ...(s.label ? { label: s.label } : {}),
    ...(s.sameDepartment !== undefined ? { sameDepartment: s.sameDepartment } : {}),
    ...(s.alternateRole !== undefined ? { alternateRole: s.alternateRole } : {}),
  }));
  const stranded = strandings(clean, await organizationOn(tx, organizationId, today));
  if (stranded.length > 0) throw invalid('steps', `この承認経路では承認できない申請が生じるため、保存できません。${stranded.join(' / ')}`, 'approval_chain_strands_submitter');
  await tx
    .insert(approvalChains)
    .values({ organizationId, recordType, steps: clean })
    .onConflictDoUpdate({
      target: [approvalChains.organizationId, approvalChains.recordType],
      set: { steps: clean, updatedAt: new Date() },
    });
  const all = await listChains(tx, organizationId, today);
  const saved = all.find((c) => c.recordType === recordType);
  if (!saved) throw notFound('承認経路');
  return saved;
}

/** Seeder: every organization starts with the PA01 default chains (idempotent). */
export async function seedApprovalChains(tx: Tx, organizationId: string): Promise<void> {
  const values = Object.entries(defaultApprovalChains).map(([recordType, d]) => ({
    organizationId,
    recordType,
    steps: d.steps.map((s) => ({ role: s.role })),
  }));
  if (values.length > 0) await tx.insert(approvalChains).values(values).onConflictDoNothing();
}
