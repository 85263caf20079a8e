import { useQuery } from '@tanstack/react-query';
import { contractorsContract } from '../../../../src/modules/contractors/contractors.contract.ts';
import { contractorCriteriaContract } from '../../../../src/modules/contractors/contractor-criteria.contract.ts';
import { specialClauseTemplatesContract } from '../../../../src/modules/contractors/special-clause-templates.contract.ts';
import type { BodyOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf } from '../incidents/api.ts';

// Request and response types come from the 委託先 contract; what the caller may do is the
// server's `abilities`.

export type ContractorPage = ResponseOf<typeof contractorsContract.list>;
export type ContractorListItem = ContractorPage['items'][number];
export type ContractorDetail = ResponseOf<typeof contractorsContract.detail>;
export type ClauseCheck = ResponseOf<typeof contractorsContract.clauseCheck>;
export type Evaluations = ResponseOf<typeof contractorsContract.evaluations>;
export type Evaluation = Evaluations['items'][number];
export type CreateContractorBody = BodyOf<typeof contractorsContract.create>;
export type UpdateContractorBody = BodyOf<typeof contractorsContract.update>;
export type SubcontractChain = ResponseOf<typeof contractorsContract.subcontracting>;
export type SubcontractChainNode = SubcontractChain['tree'];

export { pathOf };

export const contractorKeys = {
  all: ['contractors'] as const,
  list: (filters: object) => ['contractors', 'list', filters] as const,
  detail: (id: string) => ['contractors', 'detail', id] as const,
  clauseCheck: (id: string) => ['contractors', 'clause-check', id] as const,
  evaluations: (id: string) => ['contractors', 'evaluations', id] as const,
  subcontracting: (id: string) => ['contractors', 'subcontracting', id] as const,
};

export function useContractorList(filters: { q: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: contractorKeys.list(filters), queryFn: () => api.get<ContractorPage>(withQuery(pathOf(contractorsContract.list), filters)) });
}

export function useContractor(id: string) {
  return useQuery({ queryKey: contractorKeys.detail(id), queryFn: () => api.get<ContractorDetail>(pathOf(contractorsContract.detail, { id })), enabled: !!id });
}

export function useClauseCheck(id: string) {
  return useQuery({ queryKey: contractorKeys.clauseCheck(id), queryFn: () => api.get<ClauseCheck>(pathOf(contractorsContract.clauseCheck, { id })) });
}

export function useEvaluations(id: string) {
  return useQuery({ queryKey: contractorKeys.evaluations(id), queryFn: () => api.get<Evaluations>(pathOf(contractorsContract.evaluations, { id })) });
}

export function useSubcontracting(id: string) {
  return useQuery({ queryKey: contractorKeys.subcontracting(id), queryFn: () => api.get<SubcontractChain>(pathOf(contractorsContract.subcontracting, { id })) });
}

// 委託先の選定・評価基準 (J.9.4 s)).
export type CriteriaList = ResponseOf<typeof contractorCriteriaContract.list>;
export type CriteriaVersion = CriteriaList['current'];
export type CriteriaSubmitted = ResponseOf<typeof contractorCriteriaContract.submitDraft>;
export const criteriaKeys = { all: ['contractor-criteria'] as const };

export function useCriteria() {
  return useQuery({ queryKey: criteriaKeys.all, queryFn: () => api.get<CriteriaList>(pathOf(contractorCriteriaContract.list)) });
}

// 自社のひな型 (個人情報特記事項, issue 13).
export type TemplateList = ResponseOf<typeof specialClauseTemplatesContract.list>;
export type TemplateVersion = TemplateList['current'];
export const templateKeys = { all: ['special-clause-template'] as const };

export function useSpecialClauseTemplate(enabled = true) {
  return useQuery({ queryKey: templateKeys.all, queryFn: () => api.get<TemplateList>(pathOf(specialClauseTemplatesContract.list)), enabled });
}
