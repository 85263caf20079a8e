import type { z } from 'zod';
import { type ContractClauseItem, contractClauseSourceLabels } from '../../rules/data/contractorClauses.ts';
import { asReferenceExample, type RuleAudience } from '../../rules/data/seedSources.ts';
import { certificationStatusLabels } from './contractors.labels.ts';
import { type ContractorDetail, type ContractorPage, type ContractorRow, clauseCheckOf } from './contractors.queries.ts';
import type { clauseCheckResponse, contractorPageResponse, contractorResponse } from './contractors.responses.ts';

// Presenters are the only path from a row to JSON; each returns its response schema's output type.

export function presentContractor(d: ContractorDetail): z.output<typeof contractorResponse> {
  const c = d.contractor;
  return {
    id: c.id,
    name: c.name,
    corporateNumber: c.corporateNumber,
    address: c.address,
    departmentId: c.departmentId,
    departmentName: d.departmentName,
    privacyMarkStatus: c.privacyMarkStatus,
    privacyMarkStatusLabel: certificationStatusLabels[c.privacyMarkStatus],
    privacyMarkExpiresOn: c.privacyMarkExpiresOn,
    ismsStatus: c.ismsStatus,
    ismsStatusLabel: certificationStatusLabels[c.ismsStatus],
    ismsExpiresOn: c.ismsExpiresOn,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    contactEmail: c.contactEmail,
    entrustedWork: c.entrustedWork,
    entries: d.entries,
    contractStartsOn: c.contractStartsOn,
    contractEndsOn: c.contractEndsOn,
    specificPersonalInfo: c.specificPersonalInfo,
    contractClauses: c.contractClauses,
    contractText: c.contractText,
    note: c.note,
    importExtras: c.importExtras ?? [],
    parentContractorId: c.parentContractorId,
    subcontractingClause: c.subcontractingClause,
    missingClauseCount: clauseCheckOf(c).missing.length,
    updatedAt: c.updatedAt.toISOString(),
    abilities: d.abilities,
  };
}

export function presentContractorPage(page: ContractorPage): z.output<typeof contractorPageResponse> {
  return {
    items: page.items.map(({ contractor: c, departmentName }) => ({
      id: c.id,
      name: c.name,
      corporateNumber: c.corporateNumber,
      departmentName,
      entrustedWork: c.entrustedWork,
      privacyMarkStatusLabel: certificationStatusLabels[c.privacyMarkStatus],
      privacyMarkExpiresOn: c.privacyMarkExpiresOn,
      contractEndsOn: c.contractEndsOn,
      specificPersonalInfo: c.specificPersonalInfo,
      missingClauseCount: clauseCheckOf(c).missing.length,
    })),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    canCreate: page.canCreate,
  };
}

/** A company sees the 豊島区 list as a reference example (issue 10, seedSources.ts). */
const isReferenceExample = (item: ContractClauseItem, audience: RuleAudience) => item.source === 'toshima' && audience === 'company';

/** The list an item belongs to, 「参考例（…）」 for a reference example. */
function sourceLabelOf(item: ContractClauseItem, audience: RuleAudience): string {
  const label = contractClauseSourceLabels[item.source];
  return isReferenceExample(item, audience) ? asReferenceExample(label) : label;
}

/** 委託契約の必須事項チェック: the missing items with their clauses, and how the others were found. */
export function presentClauseCheck(row: ContractorRow, audience: RuleAudience): z.output<typeof clauseCheckResponse> {
  const result = clauseCheckOf(row);
  const clauseItem = (item: ContractClauseItem) => ({
    code: item.code,
    clause: item.clause,
    text: item.text,
    sourceLabel: sourceLabelOf(item, audience),
    referenceExample: isReferenceExample(item, audience),
  });
  return {
    contractorId: row.id,
    version: result.version,
    specificPersonalInfo: row.specificPersonalInfo,
    missing: result.missing.map(clauseItem),
    present: result.present.map((p) => ({ ...clauseItem(p.item), by: p.by, keyword: p.keyword ?? null })),
  };
}
