import { useQuery } from '@tanstack/react-query';
import { Descriptions, Empty, Space, Spin, Typography } from 'antd';
import { requestsContract } from '../../../../src/modules/requests/requests.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api } from '../../api/client.ts';
import { QueryError } from '../../components/page.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { pathOf, type RequestDetail, requestKeys } from './api.ts';
import { RecordSubjectForm } from './ProvisionRecordsCard.tsx';

type OverseasRecords = ResponseOf<typeof requestsContract.overseasRecords>;

/**
 * 外国にある第三者への提供に係る情報提供の求め (J.8.8.1 3 l)): the 第三者提供記録 of the requester's personal
 * data provided to a 外国にある第三者 on ground b) (体制の整備), each with items 1)〜7) as the record holds
 * them — what the reply letter provides (less the items a 一部不提供 withholds).
 */
export function OverseasRecordsCard({ detail }: { detail: RequestDetail }) {
  const format = useDateFormat();
  const records = useQuery({
    queryKey: [...requestKeys.detail(detail.id), 'overseas-records', detail.recordSubject],
    queryFn: () => api.get<OverseasRecords>(pathOf(requestsContract.overseasRecords, { id: detail.id })),
  });
  const items = records.data?.items ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="overseas-records">
      <RecordSubjectForm detail={detail} />
      {records.isError ? <QueryError error={records.error} onRetry={() => records.refetch()} /> : null}
      {records.isPending ? <Spin /> : null}
      {records.isSuccess && items.length === 0 ? <Empty description="根拠 b)（体制の整備）で外国にある第三者に提供した記録はありません" /> : null}
      {items.map((r) => (
        <Descriptions
          key={r.id}
          size="small"
          bordered
          column={1}
          title={
            <Typography.Text>
              提供先 {r.counterpartyName ?? '（名称の記録なし）'}（作成日 {format(r.recordedOn)}
              {r.providedOn ? `、提供の年月日 ${format(r.providedOn)}` : ''}、本人 {r.subject}）
            </Typography.Text>
          }
          items={r.info.map((i) => ({
            key: i.no,
            label: i.label,
            children: i.value ?? <Typography.Text type="danger">記録なし（提供記録に追記してください）</Typography.Text>,
          }))}
        />
      ))}
    </Space>
  );
}
