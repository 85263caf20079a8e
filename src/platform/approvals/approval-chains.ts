import { and, eq } from 'drizzle-orm';
import { type ApprovalStep, validateChainSteps } from '../../rules/approvalChains.ts';
import { defaultApprovalChains } from '../../rules/data/approvalChains.ts';
import type { Tx } from '../db/connection.ts';
import { invalid, notFound } from '../http/errors.ts';
import { approvalChains } from './approvals.tables.ts';
import { findApprovalRecordType, registeredApprovalRecordTypes } from './registry.ts';

// 承認経路 (settings): each organization's chain per record type. A request keeps its own copy
// of the chain from the moment it is submitted, so changing a chain never moves requests in flight.

/** One record type's chain as the settings screen shows it. */
export type ChainSetting = {
  recordType: string;
  label: string;
  basis: string | null;
  steps: ApprovalStep[];
  defaultSteps: ApprovalStep[];
  customized: boolean;
};

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

/** Every record type the organization can configure: registered types and the rules defaults. */
export async function listChains(tx: Tx, organizationId: string): Promise<ChainSetting[]> {
  const rows = await tx.select().from(approvalChains).where(eq(approvalChains.organizationId, organizationId));
  const own = new Map(rows.map((r) => [r.recordType, r.steps]));
  const types = new Map<string, { label: string; defaultSteps: readonly ApprovalStep[]; basis: string | null }>();
  for (const [type, d] of Object.entries(defaultApprovalChains)) types.set(type, { label: d.label, defaultSteps: d.steps, basis: d.basis });
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

/** Replaces the organization's chain of one record type. Requests already submitted keep their own copy of the chain. */
export async function saveChain(tx: Tx, organizationId: string, recordType: string, steps: ApprovalStep[]): Promise<ChainSetting> {
  if (!findApprovalRecordType(recordType) && !defaultApprovalChains[recordType]) throw notFound('承認経路');
  const problems = validateChainSteps(steps);
  if (problems.length > 0) throw invalid('steps', problems.join(' / '));
  const clean = steps.map((s) => ({
    role: s.role,
    ...(s.label ? { label: s.label } : {}),
    ...(s.sameDepartment !== undefined ? { sameDepartment: s.sameDepartment } : {}),
  }));
  await tx
    .insert(approvalChains)
    .values({ organizationId, recordType, steps: clean })
    .onConflictDoUpdate({
      target: [approvalChains.organizationId, approvalChains.recordType],
      set: { steps: clean, updatedAt: new Date() },
    });
  const all = await listChains(tx, organizationId);
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
