import { type Actor, can } from '../../platform/policies/actor.ts';

// Who may do what with a 開示等の請求・苦情 (J.10.4–J.10.7 b)〜d), J.11.1): the 苦情相談窓口責任者
// records and drafts, the 個人情報保護管理者 (who holds every permission) approves. Holders of
// requests.read see the list; the detail (requester's personal data) is audited on each read.

export function canManageRequests(actor: Actor): boolean {
  return can(actor, 'requests.manage');
}

export function requestAbilities(actor: Actor): { manage: boolean } {
  return { manage: canManageRequests(actor) };
}
