import { EditOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, withQuery } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { ApprovalPanel, ChangeTable, DutyList, FindingList } from './components.tsx';
import { EntryDescriptions } from './EntryPage.tsx';
import { useText } from './messages.ts';
import type { RequestDetail, RequestListItem } from './types.ts';

function RequestScreen() {
  const tx = useText();
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const request = useQuery({ queryKey: ['inventory', 'request', id], queryFn: () => api.get<RequestDetail>(`/api/inventory/requests/${id}`) });
  const submit = useMutation({
    mutationFn: () => api.post<RequestDetail>(`/api/inventory/requests/${id}/submit`),
    onSuccess: () => {
      message.success(tx('req.submitted'));
      void queryClient.invalidateQueries({ queryKey: ['inventory'] });
    },
    onError: (error) => message.error(errorMessage(error, t)),
  });
  if (request.isError) return <QueryError error={request.error} onRetry={() => request.refetch()} />;
  if (!request.data) return <Skeleton active />;
  const r = request.data;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['inventory'] });
  };
  return (
    <>
      <PageHeader
        title={
          <Space>
            {r.kindLabel}
            <Tag color={r.status === 'approved' ? 'green' : r.status === 'returned' ? 'orange' : r.status === 'pending' ? 'blue' : 'default'} data-testid="request-status">
              {r.statusLabel}
            </Tag>
          </Space>
        }
        lead={`${r.proposed.name}（${r.departmentName}）・${tx('req.requester')}: ${r.requestedByName}・${formatDateTime(r.createdAt)}`}
        extra={
          <>
            {r.entryId && r.status === 'approved' ? (
              <Button onClick={() => navigate(`/inventory/entries/${r.entryId}`)} data-testid="request-open-entry">
                {tx('req.openEntry')}
              </Button>
            ) : null}
            {r.abilities.edit ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/inventory/requests/${r.id}/edit`)}>
                {tx('req.edit')}
              </Button>
            ) : null}
            {r.abilities.submit ? (
              <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} onClick={() => submit.mutate()}>
                {tx('req.submit')}
              </Button>
            ) : null}
          </>
        }
      />
      {r.stale ? <Alert type="error" showIcon title={tx('req.stale')} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={tx('appr.title')} style={{ marginBottom: 16 }}>
            <ApprovalPanel approvalRequestId={r.approvalRequestId} onChanged={refresh} />
          </Card>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" bordered styles={{ label: { width: 220 } }}>
              <Descriptions.Item label={tx('req.reason')}>{r.reason}</Descriptions.Item>
              {r.kind === 'acquisition' ? (
                <Descriptions.Item label={tx('req.noticeDraft')}>
                  {r.noticeDraft ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.noticeDraft}</Typography.Paragraph> : '—'}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          {r.kind === 'change' ? (
            <Card title={tx('req.changes')} style={{ marginBottom: 16 }}>
              <ChangeTable changes={r.changes} />
            </Card>
          ) : null}
          <Card title={tx('inv.title')} style={{ marginBottom: 16 }}>
            <EntryDescriptions content={r.proposed} accessHolders={r.accessHolders} departmentName={r.departmentName} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={tx('inv.findings')} style={{ marginBottom: 16 }}>
            <FindingList findings={r.findings} emptyText={tx('inv.noFindings')} />
          </Card>
          <Card title={tx('inv.duties')}>
            <DutyList duties={r.duties} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** One 申請書: the approval chain with stamps and the approve / return buttons, the diff, the rules' findings. */
export function RequestPage() {
  return (
    <RequirePermission permission="inventory.read">
      <RequestScreen />
    </RequirePermission>
  );
}

function RequestsScreen() {
  const tx = useText();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const list = useQuery({
    queryKey: ['inventory', 'requests', status, mine],
    queryFn: () => api.get<{ items: RequestListItem[] }>(withQuery('/api/inventory/requests', { status, mine: mine ? '1' : null })),
  });
  return (
    <>
      <PageHeader title={tx('req.listTitle')} />
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={tx('inv.status')}
          aria-label={tx('inv.status')}
          value={status ?? undefined}
          onChange={(v) => setStatus(v ?? null)}
          options={['draft', 'pending', 'approved', 'returned', 'withdrawn'].map((s) => ({
            value: s,
            label: { draft: '下書き', pending: '承認待ち', approved: '承認済み', returned: '差戻し', withdrawn: '取下げ' }[s],
          }))}
          style={{ width: 160 }}
        />
        <Select
          aria-label={tx('req.mine')}
          value={mine ? 'mine' : 'all'}
          onChange={(v) => setMine(v === 'mine')}
          options={[
            { value: 'all', label: 'すべて' },
            { value: 'mine', label: tx('req.mine') },
          ]}
          style={{ width: 160 }}
        />
      </Space>
      {list.isError ? <QueryError error={list.error} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<RequestListItem>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => navigate(`/inventory/requests/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: tx('req.kind'), dataIndex: 'kindLabel', width: 220 },
            { title: tx('inv.name'), dataIndex: 'name', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
            { title: tx('inv.department'), dataIndex: 'departmentName', width: 140 },
            { title: tx('req.requester'), dataIndex: 'requestedByName', width: 140 },
            {
              title: tx('inv.status'),
              dataIndex: 'statusLabel',
              width: 120,
              render: (v: string, r) => <Tag color={r.status === 'approved' ? 'green' : r.status === 'pending' ? 'blue' : r.status === 'returned' ? 'orange' : 'default'}>{v}</Tag>,
            },
            { title: tx('inv.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
    </>
  );
}

/** 申請書の一覧. */
export function RequestsPage() {
  return (
    <RequirePermission permission="inventory.read">
      <RequestsScreen />
    </RequirePermission>
  );
}
