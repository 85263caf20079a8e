/**
 * Retention rules (保存期間, SPEC §5.3): pure functions that turn a record's facts into the day it
 * may be disposed of, with the basis. The path importers use.
 */
export {
  type ProvisionRecordForm,
  type ProvisionRecordKind,
  type ProvisionRetention,
  type ProvisionRetentionFacts,
  type ProvisionRetentionRuleSet,
  provisionRecordFormLabels,
  provisionRecordForms,
  provisionRecordKindLabels,
  provisionRecordKinds,
  provisionRecordRetention,
  provisionRetentionFactsSchema,
  provisionRetentionRuleSets,
  UnknownProvisionRetentionRulesVersionError,
} from './provisionRecords.ts';
export { lastDayOfYears } from './yearPeriod.ts';
export {
  CONTRACT_DOCUMENT_RETENTION_BASIS,
  type ContractDocumentRetention,
  type ContractDocumentRetentionFacts,
  contractDocumentRemovable,
  contractDocumentRetention,
  type EntrustedEntryHolding,
  japaneseDate,
} from './contractDocuments.ts';
