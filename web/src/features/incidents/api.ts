import { useQuery } from '@tanstack/react-query';
import type { presentCorrective } from '../../../../src/modules/corrective/corrective.presenters.ts';
import type { presentDashboard, presentDuty, presentIncidentDetail, presentIncidentListItem, presentMyReport } from '../../../../src/modules/incidents/incidents.presenters.ts';
import { api, withQuery } from '../../api/client.ts';
import { useOrganization } from '../../api/queries.ts';
import type { Paged } from '../../api/types.ts';

// Response shapes are the presenters' return types (the presenters already turn dates into
// strings), so the screens and the API cannot drift apart.

export type IncidentListItem = ReturnType<typeof presentIncidentListItem>;
export type IncidentDetail = ReturnType<typeof presentIncidentDetail>;
export type IncidentDuty = ReturnType<typeof presentDuty>;
export type IncidentDashboard = ReturnType<typeof presentDashboard>;
export type MyIncidentReport = ReturnType<typeof presentMyReport>;
export type CorrectiveSummary = ReturnType<typeof presentCorrective>;

export const incidentKeys = {
  list: (filters: object) => ['incidents', 'list', filters] as const,
  dashboard: ['incidents', 'dashboard'] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  mine: ['incidents', 'mine'] as const,
  all: ['incidents'] as const,
};

export function useIncidentList(filters: { status?: string; page: number; pageSize: number }, enabled = true) {
  return useQuery({ queryKey: incidentKeys.list(filters), queryFn: () => api.get<Paged<IncidentListItem>>(withQuery('/api/incidents', filters)), enabled });
}

export function useIncidentDashboard(enabled = true) {
  return useQuery({ queryKey: incidentKeys.dashboard, queryFn: () => api.get<IncidentDashboard>('/api/incidents/dashboard'), enabled, refetchInterval: 5 * 60_000 });
}

export function useIncident(id: string) {
  return useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => api.get<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`) });
}

export function useMyReports() {
  return useQuery({ queryKey: incidentKeys.mine, queryFn: async () => (await api.get<{ items: MyIncidentReport[] }>('/api/me/incident-reports')).items });
}

export { useOrganization };
