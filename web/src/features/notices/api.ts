import { useQuery } from '@tanstack/react-query';
import { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import type { BodyOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf } from '../../api/queries.ts';

// M6 通知・同意・提供の記録: request and response types come from the notices contract; what the
// caller may do is the server's `abilities` / `canCreate`.

export type NoticeList = ResponseOf<typeof noticesContract.list>;
export type NoticeDetail = ResponseOf<typeof noticesContract.detail>;
export type NoticeVersion = NoticeDetail['versions'][number];
export type ConsentList = ResponseOf<typeof noticesContract.consents>;
export type ProvisionRecordList = ResponseOf<typeof noticesContract.provisionRecords>;
export type ProvisionRecord = ProvisionRecordList['items'][number];
/** One record with its history and abilities (the record's page). */
export type ProvisionRecordDetail = ResponseOf<typeof noticesContract.provisionRecord>;
export type CreateProvisionRecordBody = BodyOf<typeof noticesContract.createProvisionRecord>;

export { pathOf };

export const noticeKeys = {
  all: ['notices'] as const,
  list: () => ['notices', 'list'] as const,
  detail: (id: string) => ['notices', 'detail', id] as const,
  consents: (id: string) => ['notices', 'consents', id] as const,
  records: (kind: string) => ['notices', 'provision-records', kind] as const,
  record: (id: string) => ['notices', 'provision-record', id] as const,
};

export function useNotices() {
  return useQuery({ queryKey: noticeKeys.list(), queryFn: () => api.get<NoticeList>(pathOf(noticesContract.list)) });
}

export function useNotice(id: string) {
  return useQuery({ queryKey: noticeKeys.detail(id), queryFn: () => api.get<NoticeDetail>(pathOf(noticesContract.detail, { id })), enabled: !!id });
}

export function useConsents(id: string, enabled: boolean) {
  return useQuery({ queryKey: noticeKeys.consents(id), queryFn: () => api.get<ConsentList>(pathOf(noticesContract.consents, { id })), enabled: enabled && !!id });
}

export function useProvisionRecords(kind: 'all' | 'provision' | 'receipt' | 'related' | 'related_receipt') {
  return useQuery({
    queryKey: noticeKeys.records(kind),
    queryFn: () => api.get<ProvisionRecordList>(withQuery(pathOf(noticesContract.provisionRecords), { kind: kind === 'all' ? undefined : kind })),
  });
}

export function useProvisionRecord(id: string) {
  return useQuery({ queryKey: noticeKeys.record(id), queryFn: () => api.get<ProvisionRecordDetail>(pathOf(noticesContract.provisionRecord, { id })), enabled: !!id });
}
