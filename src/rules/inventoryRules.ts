/**
 * Inventory rules (個人情報管理台帳のルール, SPEC M1). Pure: entries in, findings and duties out. No
 * I/O and no clock — `today` is an argument — so the server, the web preview and imports (dry
 * run) all give the same answer.
 *
 * What lives here (each rule cites its clause in seeds/):
 * - the J.3.1.1 3 required items (台帳に少なくとも含む項目) and {@link checkRequiredItems};
 * - 要配慮個人情報: written consent or one of the J.8.3 2 a)–k) exceptions ({@link checkSensitiveAcquisition});
 * - 岡崎市規程 第5条2 の収集等の禁止事項 → warnings ({@link okazakiProhibitedCategoryWarnings});
 * - 利用期限・保管期限の経過 → a disposal task ({@link disposalDue});
 * - 取得方法ごとの通知・明示・同意の義務, J.8.2–J.8.5, J.8.7 d), J.8.8.3 ({@link acquisitionDuties}),
 *   and the use/provision duties J.8.7, J.8.8, J.8.8.1, J.8.8.2 ({@link useAndProvisionDuties});
 * - the yearly December review diff ({@link reviewDiff}, J.3.1.1 留意事項「毎年12月…見直し」).
 *
 * The clause texts are data under `./data/` (`inventoryClauses.ts`: vocabulary, special
 * categories, clause lists, quotes; `inventoryDuties.ts`: duty wording, disposal, review
 * follow-ups), frozen under {@link inventoryRulesVersion}; a change of the regulation (PA01 の改訂)
 * adds a new version of the constants rather than editing history. The engine is split by concern
 * under `./inventoryRules/`; this file is the path importers use. See
 * docs/rules/inventory-and-risk.md.
 */
export {
  type AcquisitionMethod,
  acquisitionMethodLabels,
  acquisitionMethods,
  type ClauseItem,
  contactExceptions,
  directWrittenExceptions,
  directWrittenNoticeItems,
  type ExemptionClause,
  exemptionClauseLists,
  exemptionClauses,
  inventoryRulesVersion,
  type J83Relation,
  jointUseNoticeItems,
  noticeExceptions,
  type OkazakiRelation,
  obviousPurposeKinds,
  okazakiProhibitedItems,
  overseasProvisionBases,
  type ProcessedKind,
  processedKinds,
  provisionExceptions,
  type RequiredItem,
  type RequiredItemField,
  receiptConfirmationExceptions,
  requiredInventoryItems,
  type SensitiveExceptionLetter,
  type SpecialCategory,
  type SpecialCategoryId,
  type StorageMedium,
  sensitiveConsentExceptions,
  sensitiveExceptionLetters,
  specialCategories,
  specialCategoryIds,
  specialCategoryKeywords,
  storageMedia,
  storageMediumLabels,
} from './data/inventoryClauses.ts';
export type { HandlingDutyId, HandlingDutyTiming, ReviewFollowUp } from './data/inventoryDuties.ts';
export {
  checkExemptions,
  checkRequiredItems,
  checkSensitiveAcquisition,
  type InventoryFinding,
  isTreatedAsSensitive,
  okazakiProhibitedCategoryWarnings,
  validateInventoryEntry,
} from './inventoryRules/checks.ts';
export { type DisposalDue, type DisposalReason, disposalDue } from './inventoryRules/disposal.ts';
export { type InventoryEntry, type InventoryTerm, inventoryEntrySchema } from './inventoryRules/entry.ts';
export { acquisitionDuties, type HandlingDuty, useAndProvisionDuties } from './inventoryRules/handlingDuties.ts';
export { type FieldChange, type ReviewDiff, type ReviewField, reviewDiff, reviewFieldLabels } from './inventoryRules/reviewDiff.ts';
