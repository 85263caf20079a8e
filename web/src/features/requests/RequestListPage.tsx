import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { requestKindLabels, requestKinds, requestStatusLabels, requestStatuses } from '../../../../src/modules/requests/requests.labels.ts';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type RequestListItem, useRequestList } from './api.ts';
import { NewRequestModal } from './NewRequestModal.tsx';

/** 残り日数 as a tag: red when overdue or due today, gold within 3 days (J.10: 期限の管理). */
export function Countdown({ daysLeft, legal }: { daysLeft: number | null; legal: boolean }) {
  if (daysLeft === null) return null;
  const color = daysLeft <= 0 ? 'red' : daysLeft <= 3 ? 'gold' : 'blue';
  const text = daysLeft < 0 ? `${-daysLeft}日超過` : daysLeft === 0 ? '本日期限' : `残り${daysLeft}日`;
  return (
    <Tag color={color} data-testid="request-countdown">
      {text}
      {legal ? '' : '（目標）'}
    </Tag>
  );
}

function RequestList() {
  const format = useDateFormat();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [overdue, setOverdue] = useState<'all' | 'overdue'>('all');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useRequestList({ kind, status, overdue: overdue === 'overdue' ? 'true' : undefined, page, pageSize: 20 });
  return (
    <>
      <PageHeader
        title="開示等の請求・苦情相談"
        lead="受け付けた開示等の請求と苦情・相談、回答の期限です（受付日の翌日を1日目とし、補正に要した日数は算入しません）。"
        extra={
          list.data?.canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="request-add">
              受付処理票を作成
            </Button>
          ) : null
        }
      />
      <Card
        extra={
          <Space>
            <Select
              allowClear
              placeholder="種類"
              aria-label="種類"
              value={kind}
              onChange={(v) => {
                setKind(v);
                setPage(1);
              }}
              style={{ width: 200 }}
              options={requestKinds.map((k) => ({ value: k, label: requestKindLabels[k] }))}
            />
            <Select
              allowClear
              placeholder="状況"
              aria-label="状況"
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              style={{ width: 140 }}
              options={requestStatuses.map((s) => ({ value: s, label: requestStatusLabels[s] }))}
            />
            <Segmented
              value={overdue}
              onChange={(v) => {
                setOverdue(v as 'all' | 'overdue');
                setPage(1);
              }}
              options={[
                { value: 'all', label: 'すべて' },
                { value: 'overdue', label: '期限超過のみ' },
              ]}
            />
          </Space>
        }
      >
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<RequestListItem>
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }}
          onRow={(row) => ({ onClick: () => navigate(`/requests/${row.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '受付番号', dataIndex: 'number', width: 140, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: '受付日', dataIndex: 'receivedOn', width: 120, render: (v: string) => format(v) },
            { title: '種類', dataIndex: 'kindLabel' },
            { title: '状況', dataIndex: 'statusLabel', width: 120, render: (v: string) => <Tag>{v}</Tag> },
            { title: '期限', dataIndex: 'dueOn', width: 120, render: (v: string | null) => (v ? format(v) : '') },
            { title: '残り', dataIndex: 'daysLeft', width: 130, render: (v: number | null, row) => <Countdown daysLeft={v} legal={row.legal} /> },
          ]}
        />
      </Card>
      {adding ? (
        <NewRequestModal
          onClose={(id) => {
            setAdding(false);
            if (id) navigate(`/requests/${id}`);
          }}
        />
      ) : null}
    </>
  );
}

/** 開示等の請求・苦情の一覧 (M5). */
export default function RequestListPage() {
  return (
    <RequirePermission permission="requests.read">
      <RequestList />
    </RequirePermission>
  );
}
