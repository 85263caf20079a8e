export { checkDecision, type DecisionFacts, type DecisionIssue } from './check.ts';
export { type DecisionGround, type DecisionScope, decisionGrounds, letterCitation, type RequestProfile, staffCitation } from './grounds.ts';
export {
  decisionScopeLabels,
  type OverseasInfoItemNo,
  overseasInfoItemLabels,
  overseasInfoItemNos,
  type RequestKindCode,
  requestKindCodes,
  requestKindLabels,
} from './kinds.ts';
export { containsMyNumber, isMyNumber, myNumberCheckDigit, myNumberMessage } from './myNumber.ts';
