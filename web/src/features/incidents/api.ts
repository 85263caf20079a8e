import { useQuery } from '@tanstack/react-query';
import { incidentsContract } from '../../../../src/modules/incidents/incidents.contract.ts';
import type { BodyOf, ResponseOf, RouteContract } from '../../../../src/platform/http/contract.ts';
import { api, withQuery } from '../../api/client.ts';

// Request and response types come from the incidents contract (the schemas the server encodes
// its responses with), so the screens and the API cannot drift apart. What the caller may do is
// the server's `abilities`; the screens never re-derive it.

export type IncidentPage = ResponseOf<typeof incidentsContract.list>;
export type IncidentListItem = IncidentPage['items'][number];
export type IncidentDetail = ResponseOf<typeof incidentsContract.detail>;
export type IncidentAbilities = IncidentDetail['abilities'];
export type IncidentDuty = IncidentDetail['duties'][number];
export type IncidentDashboard = ResponseOf<typeof incidentsContract.dashboard>;
export type MyIncidentReport = ResponseOf<typeof incidentsContract.myReports>['items'][number];
export type ReportedIncident = ResponseOf<typeof incidentsContract.report>;
export type FactsUpdated = ResponseOf<typeof incidentsContract.updateFacts>;
export type OpenedCorrective = ResponseOf<typeof incidentsContract.openCorrective>;
export type ReportIncidentBody = BodyOf<typeof incidentsContract.report>;

export const incidentKeys = {
  list: (filters: object) => ['incidents', 'list', filters] as const,
  dashboard: ['incidents', 'dashboard'] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  mine: ['incidents', 'mine'] as const,
  all: ['incidents'] as const,
};

/** A contract route's path with its `:name` segments filled in. */
export function pathOf(route: RouteContract, params: Record<string, string> = {}): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
}

export function useIncidentList(filters: { status?: string; page: number; pageSize: number }, enabled = true) {
  return useQuery({ queryKey: incidentKeys.list(filters), queryFn: () => api.get<IncidentPage>(withQuery(pathOf(incidentsContract.list), filters)), enabled });
}

export function useIncidentDashboard(enabled = true) {
  return useQuery({ queryKey: incidentKeys.dashboard, queryFn: () => api.get<IncidentDashboard>(pathOf(incidentsContract.dashboard)), enabled, refetchInterval: 5 * 60_000 });
}

export function useIncident(id: string) {
  return useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => api.get<IncidentDetail>(pathOf(incidentsContract.detail, { id })) });
}

export function useMyReports() {
  return useQuery({
    queryKey: incidentKeys.mine,
    queryFn: async () => (await api.get<ResponseOf<typeof incidentsContract.myReports>>(pathOf(incidentsContract.myReports))).items,
  });
}
