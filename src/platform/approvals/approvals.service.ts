// The approvals engine (SPEC §3, Principle 3): submit → approve / return per step of the
// organization's chain, with stamps, delegation, separation of duties and re-approval. One file
// per business action (STYLE: Documenso); this barrel keeps the engine's public functions where
// the modules import them from. Inside this folder, import the verb files directly.

export { approveStep, decideRequest, returnRequest } from './decide-request.ts';
export { type ApprovalAbilities, approvalAbilities } from './approval-abilities.ts';
export { type ChainSetting, effectiveChain, listChains, saveChain, seedApprovalChains } from './approval-chains.ts';
export { approvalLink, stepNotificationKey } from './approval-notifications.ts';
export {
  type ApprovalDetail,
  type DecisionAbilities,
  decisionAbilitiesOn,
  getApprovalDetail,
  listMyApprovals,
  listStuckApprovals,
  noDecision,
  type Stamp,
  type StuckApproval,
  stampsForRecord,
  stampsOf,
} from './approvals.queries.ts';
export { delegatorsOf, rolesOn } from './approvers.ts';
export { requireReapprovalIfChanged } from './require-reapproval.ts';
export { submitForApproval } from './submit-for-approval.ts';
export { withdrawRequest } from './withdraw-request.ts';
