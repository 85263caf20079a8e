import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RouteContract, ResponseOf } from '../../../src/platform/http/contract.ts';
import { orgContract } from '../../../src/platform/org/org.contract.ts';
import { api, withQuery } from './client.ts';

// Queries several screens share. Response types come from the contracts.

/** 組織情報 (GET /api/organization). */
export type Organization = ResponseOf<typeof orgContract.organization>;
/** 所属 with its heads (GET /api/departments). */
export type Department = ResponseOf<typeof orgContract.departments>['items'][number];

export const queryKeys = {
  organization: ['organization'] as const,
  departments: ['departments'] as const,
  people: (filters: object) => ['people', filters] as const,
  person: (id: string) => ['person', id] as const,
  roleAssignments: ['role-assignments'] as const,
  orgChart: ['org-chart'] as const,
  accounts: ['accounts'] as const,
  myTasks: ['me', 'tasks'] as const,
  myApprovals: ['me', 'approvals'] as const,
  notifications: ['notifications'] as const,
  audit: (filters: object) => ['audit-log', filters] as const,
};

/** A contract route's path with its `:name` segments filled in. */
export function pathOf(route: RouteContract, params: Record<string, string> = {}): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
}

export function useOrganization() {
  return useQuery({ queryKey: queryKeys.organization, queryFn: () => api.get<Organization>(pathOf(orgContract.organization)), staleTime: 5 * 60_000 });
}

export function useDepartments() {
  return useQuery({
    queryKey: queryKeys.departments,
    queryFn: async () => (await api.get<ResponseOf<typeof orgContract.departments>>(pathOf(orgContract.departments))).items,
    staleTime: 60_000,
  });
}

export function usePeopleSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.people({ q, picker: true }),
    queryFn: () => api.get<ResponseOf<typeof orgContract.people>>(withQuery(pathOf(orgContract.people), { q, status: 'active', pageSize: 50 })),
    enabled,
    staleTime: 30_000,
    // While a new search runs the picker keeps the last answer (narrowed by usePersonOptions)
    // instead of an empty list.
    placeholderData: keepPreviousData,
  });
}

/** Department tree for Tree/TreeSelect/Table: children under their parents, ordered. */
export type DepartmentNode = Department & { children?: DepartmentNode[]; depth: number };
export function departmentTree(items: readonly Department[]): DepartmentNode[] {
  const byParent = new Map<string | null, Department[]>();
  const ids = new Set(items.map((d) => d.id));
  for (const d of items) {
    const key = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), d]);
  }
  const build = (parent: string | null, depth: number, seen: Set<string>): DepartmentNode[] =>
    (byParent.get(parent) ?? [])
      .filter((d) => !seen.has(d.id))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ja'))
      .map((d) => {
        const next = new Set(seen).add(d.id);
        const children = build(d.id, depth + 1, next);
        return { ...d, depth, ...(children.length ? { children } : {}) };
      });
  return build(null, 0, new Set());
}
