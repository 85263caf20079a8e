// Labels of 個人情報保護方針 (J.2.2) shown on screens, in messages and in the audit trail.

/** 版の状態: 下書き → 承認待ち (トップマネジメント) → 公開; a published version replaced by a newer one is 改訂済み. */
export const policyStatuses = ['draft', 'pending', 'published', 'superseded'] as const;
export type PolicyStatus = (typeof policyStatuses)[number];

export const policyStatusLabels: Readonly<Record<PolicyStatus, string>> = Object.freeze({ draft: '下書き', pending: '承認待ち', published: '公開', superseded: '改訂済み' });

/** Approval record type of a policy version (J.2.2 1: トップマネジメントは…個人情報保護方針を策定する). */
export const POLICY_VERSION = 'policy_version';
