/**
 * The request-deadline engine (開示等の請求の期限, SPEC §5.2, issue #14): the path importers use.
 * Documented in docs/rules/request-deadlines.md.
 */
export { type CorrectionPeriod, excludedDates, type PeriodEnd, periodEnd } from './counting.ts';
export { type RequestDeadlineResult, evaluateRequestDeadline } from './evaluate.ts';
export {
  describeRequestDeadlineFactsIssues,
  latestSupportedRequestDate,
  type RequestDeadlineFacts,
  requestDeadlineFactsSchema,
  type ValidRequestDeadlineFacts,
} from './facts.ts';
export {
  currentRequestDeadlineRules,
  type PublicArticle,
  type RequestDeadlineRuleSet,
  type RequestKind,
  requestDeadlineRuleSet,
  requestDeadlineRuleSets,
  requestKindLabels,
  requestKinds,
  UnknownRequestDeadlineRulesVersionError,
} from './rules.ts';
