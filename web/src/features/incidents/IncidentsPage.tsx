import { AlertOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { useAbility } from '../../session/session.tsx';
import { type IncidentDashboard, type IncidentListItem, useIncidentDashboard, useIncidentList } from './api.ts';
import { useIncidentT } from './messages.ts';
import { CountdownTag, deadlineText, IncidentStatusTag, PhaseTag, useDateFormat } from './parts.tsx';
import ReportIncidentPage from './ReportIncidentPage.tsx';

/** ダッシュボード: every open duty across incidents, nearest deadline first, with a countdown. */
function DeadlineCountdown() {
  const t = useIncidentT();
  const format = useDateFormat();
  const navigate = useNavigate();
  const dashboard = useIncidentDashboard();
  const data = dashboard.data;
  type Row = IncidentDashboard['duties'][number];
  return (
    <Card title={t('dash.title')} data-testid="incident-countdown">
      {dashboard.isError ? <QueryError error={dashboard.error} onRetry={() => dashboard.refetch()} /> : null}
      {data ? (
        <Row gutter={16} style={{ marginBottom: 12 }}>
          <Col span={6}>
            <Statistic title={t('dash.openIncidents')} value={data.openIncidents} />
          </Col>
          <Col span={6}>
            <Statistic title={t('dash.openDuties')} value={data.openDuties} />
          </Col>
          <Col span={6}>
            <Statistic title={t('dash.overdue')} value={data.overdue} styles={{ content: { color: data.overdue ? '#cf1322' : undefined } }} />
          </Col>
          <Col span={6}>
            <Statistic title={t('dash.soon')} value={data.dueWithin3Days} styles={{ content: { color: data.dueWithin3Days ? '#d46b08' : undefined } }} />
          </Col>
        </Row>
      ) : null}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={dashboard.isPending}
        dataSource={data?.duties ?? []}
        pagination={data && data.duties.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.none')} /> }}
        onRow={(row) => ({ onClick: () => navigate(`/incidents/${row.incident.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '', key: 'countdown', width: 110, render: (_v, row) => <CountdownTag daysLeft={row.daysLeft} /> },
          { title: t('duty.deadline'), key: 'deadline', width: 260, render: (_v, row) => deadlineText(row, t, format) },
          { title: t('dash.duty'), dataIndex: 'label' },
          {
            title: t('list.subject'),
            key: 'incident',
            render: (_v, row) => (
              <Space size={4}>
                <Typography.Text code>{row.incident.number}</Typography.Text>
                <span>{row.incident.title}</span>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function IncidentTable() {
  const t = useIncidentT();
  const format = useDateFormat();
  const navigate = useNavigate();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [page, setPage] = useState(1);
  const list = useIncidentList({ status: status === 'open' ? 'open' : undefined, page, pageSize: 20 });
  return (
    <Card
      title={t('list.title')}
      data-testid="incident-list"
      extra={
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as 'open' | 'all');
            setPage(1);
          }}
          options={[
            { value: 'open', label: t('list.filterOpen') },
            { value: 'all', label: t('list.filterAll') },
          ]}
        />
      }
    >
      {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<IncidentListItem>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }}
        onRow={(row) => ({ onClick: () => navigate(`/incidents/${row.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('list.number'), dataIndex: 'number', width: 130, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('list.subject'), dataIndex: 'title', render: (v: string, row) => <Typography.Link onClick={() => navigate(`/incidents/${row.id}`)}>{v}</Typography.Link> },
          { title: t('list.knownOn'), dataIndex: 'knownOn', width: 120, render: (v: string) => format(v) },
          { title: t('list.department'), dataIndex: 'departmentName', width: 120 },
          { title: t('list.status'), dataIndex: 'status', width: 130, render: (v: IncidentListItem['status']) => <IncidentStatusTag status={v} /> },
          { title: t('list.phase'), dataIndex: 'phase', width: 150, render: (v: IncidentListItem['phase']) => <PhaseTag phase={v} /> },
          { title: t('list.openDuties'), dataIndex: 'openDuties', width: 100, align: 'right', render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : '0') },
          { title: t('list.nextDeadline'), dataIndex: 'nextDeadline', width: 120, render: (v: string | null) => (v ? format(v) : '') },
        ]}
      />
    </Card>
  );
}

/**
 * 事故・緊急事態: for those who handle incidents, the countdown of open duties and the list; for
 * everyone else, the report form and their own reports.
 */
export default function IncidentsPage() {
  const t = useIncidentT();
  const navigate = useNavigate();
  const canRead = useAbility('incidents.read');
  if (!canRead) return <ReportIncidentPage />;
  return (
    <>
      <PageHeader
        title={t('list.title')}
        lead={t('list.lead')}
        extra={
          <Button type="primary" danger icon={<AlertOutlined />} onClick={() => navigate('/incidents/report')} data-testid="incident-report-button">
            {t('list.report')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <DeadlineCountdown />
        </Col>
        <Col xs={24}>
          <IncidentTable />
        </Col>
      </Row>
    </>
  );
}
