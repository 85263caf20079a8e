import { and, eq } from 'drizzle-orm';
import type { ApprovalRecordType } from '../../platform/approvals/registry.ts';
import { policyKindLabels, type PolicyKind } from '../../rules/policy/policyChecker.ts';
import { POLICY_VERSION } from './policy.labels.ts';
import { publishApprovedVersion } from './policy.service.ts';
import { policyVersions } from './policy.tables.ts';

const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
/** 2026/04/01, as the app shows dates. */
const day = (v: unknown): string | null => text(v)?.replaceAll('-', '/') ?? null;

/**
 * 個人情報保護方針の版の承認 (J.2.2 1: トップマネジメントは…個人情報保護方針を策定する): one step,
 * トップマネジメント. Approval publishes the version and marks the previous one 改訂済み; a return or
 * withdrawal sends it back to 下書き.
 */
export const policyVersionApprovalType: ApprovalRecordType = {
  type: POLICY_VERSION,
  label: '個人情報保護方針',
  defaultSteps: [{ role: 'top_management' }],
  async snapshot(tx, organizationId, recordId) {
    const [v] = await tx
      .select()
      .from(policyVersions)
      .where(and(eq(policyVersions.organizationId, organizationId), eq(policyVersions.id, recordId)));
    if (!v) return null;
    return {
      title: `${policyKindLabels[v.kind]} 第${v.versionNo}版`,
      departmentId: null,
      data: {
        kind: v.kind,
        versionNo: v.versionNo,
        body: v.body,
        ticked: [...v.ticked].sort(),
        topManagementName: v.topManagementName,
        establishedOn: v.establishedOn,
        lastRevisedOn: v.lastRevisedOn,
      },
    };
  },
  async onStatusChange(tx, { organizationId, recordId, status, now }) {
    if (status === 'approved') return publishApprovedVersion(tx, organizationId, recordId, now);
    const next = status === 'pending' ? 'pending' : status === 'returned' || status === 'withdrawn' ? 'draft' : null;
    if (!next) return;
    await tx
      .update(policyVersions)
      .set({ status: next, updatedAt: now })
      .where(and(eq(policyVersions.organizationId, organizationId), eq(policyVersions.id, recordId)));
  },
  link: () => '/policy',
  describeSnapshot: (data) => [
    { key: 'kind', label: '方針の種類', value: policyKindLabels[data.kind as PolicyKind] ?? null },
    { key: 'versionNo', label: '版', value: typeof data.versionNo === 'number' ? `第${data.versionNo}版` : null },
    { key: 'topManagementName', label: 'トップマネジメントの氏名', value: text(data.topManagementName) },
    { key: 'establishedOn', label: '制定年月日', value: day(data.establishedOn) },
    { key: 'lastRevisedOn', label: '最終改正年月日', value: day(data.lastRevisedOn) },
    { key: 'body', label: '本文', value: text(data.body) },
  ],
};
