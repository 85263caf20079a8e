import { Card, Col, Empty, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { dateRefusalMessage, readDate } from '../../../../src/domain/dateInput.ts';
import { approvalStatuses } from '../../../../src/rules/approvalChains.ts';
import { DateInput } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { DepartmentSelect } from '../../components/pickers.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { type ApprovalListFilters, type ApprovalListItem, type ApprovalStatus, useApprovalList } from './api.ts';
import { type ApprovalMessageKey, useApprovalT } from './messages.ts';
import { actionTagColors, statusTagColors } from './tagColors.ts';

// 承認 (/approvals, issue 10): the inbox with filters and history — what waits for me (in my own
// right, as 代理 or as 代行者), what I submitted (with who approves it now and why) and what I
// approved or returned (with the date and my comment). The server decides what is listed. An empty
// filter means 「すべて」; the filters show no placeholder text (antd's placeholder grey is 1.8:1 on
// white, under WCAG 1.4.3 — axe-core color-contrast).

type View = ApprovalListFilters['view'];
const views: readonly View[] = ['waiting', 'submitted', 'decided'];
const PAGE_SIZE = 20;

/** A labelled filter control (the label names the control for screen readers too). */
function Filter({ id, label, error, children }: { id: string; label: string; error?: string | null; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
        {label}
      </label>
      {children}
      {error ? (
        <div role="alert" id={`${id}-error`} style={{ color: '#ff4d4f', fontSize: 12, marginTop: 2 }}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** A typed 申請日: the day it reads as (sent to the server), or the field's Japanese error; never a silently changed day. */
function readFilterDate(label: string, typed: string | null): { iso?: string; error: string | null } {
  if (!typed || typed.trim() === '') return { error: null };
  const reading = readDate(typed);
  return reading.ok ? { iso: reading.iso, error: null } : { error: dateRefusalMessage(label, reading) };
}

function WhereItStands({ row }: { row: ApprovalListItem }) {
  const t = useApprovalT();
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4} wrap>
        <Tag color={statusTagColors[row.status]}>{row.statusLabel}</Tag>
        {row.stepLabel ? <Typography.Text>{row.stepLabel}</Typography.Text> : null}
        {row.onBehalfOf ? <Tag color="purple">{t('inbox.proxyFor', { name: row.onBehalfOf.name })}</Tag> : null}
      </Space>
      {row.currentApproversNote ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {row.currentApproversNote}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

function MyDecision({ row }: { row: ApprovalListItem }) {
  const t = useApprovalT();
  const d = row.myDecision;
  if (!d) return null;
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4} wrap>
        <Tag color={actionTagColors[d.action]}>{d.actionLabel}</Tag>
        <Typography.Text>{d.stepLabel}</Typography.Text>
        {d.onBehalfOfName ? <Tag color="purple">{t('inbox.proxyFor', { name: d.onBehalfOfName })}</Tag> : null}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(d.at)}
      </Typography.Text>
      {d.comment ? <span style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{d.comment}</span> : null}
    </Space>
  );
}

/** 承認の一覧 (/approvals?view=waiting|submitted|decided). */
export default function ApprovalsPage() {
  const t = useApprovalT();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const view: View = views.find((v) => v === search.get('view')) ?? 'waiting';
  const [recordType, setRecordType] = useState<string | undefined>();
  const [status, setStatus] = useState<ApprovalStatus | undefined>();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const fromDate = readFilterDate(t('inbox.submittedFrom'), from);
  const toDate = readFilterDate(t('inbox.submittedTo'), to);
  const filters: ApprovalListFilters = {
    view,
    recordType,
    status: view === 'waiting' ? undefined : status,
    submittedFrom: fromDate.iso,
    submittedTo: toDate.iso,
    departmentId: departmentId ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useApprovalList(filters);
  const reset = (change: () => void) => {
    change();
    setPage(1);
  };
  const columns = [
    { title: t('inbox.recordType'), dataIndex: 'recordTypeLabel', width: 130 },
    {
      title: t('inbox.title.col'),
      dataIndex: 'title',
      width: 280,
      render: (title: string, row: ApprovalListItem) => (
        <a
          href={row.link}
          onClick={(e) => {
            e.preventDefault();
            navigate(row.link);
          }}
        >
          {title}
        </a>
      ),
    },
    { title: t('inbox.department'), dataIndex: 'departmentName', width: 100, render: (v: string | null) => v ?? '' },
    { title: t('inbox.submittedBy'), dataIndex: 'submittedByName', width: 110 },
    { title: t('inbox.submittedAt'), dataIndex: 'submittedAt', width: 140, render: (v: string) => formatDateTime(v) },
    { title: t('inbox.where'), key: 'where', width: 250, render: (_: unknown, row: ApprovalListItem) => <WhereItStands row={row} /> },
    ...(view === 'decided' ? [{ title: t('inbox.myDecision'), key: 'mine', width: 260, render: (_: unknown, row: ApprovalListItem) => <MyDecision row={row} /> }] : []),
    ...(view !== 'waiting' ? [{ title: t('inbox.decidedAt'), dataIndex: 'decidedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '') }] : []),
  ];
  return (
    <>
      <PageHeader title={t('inbox.title')} lead={t('inbox.lead')} />
      <Card>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Segmented
            aria-label={t('inbox.views')}
            value={view}
            onChange={(v) => {
              setPage(1);
              setSearch({ view: String(v) }, { replace: true });
            }}
            options={views.map((v) => ({ value: v, label: t(`inbox.view.${v}` as ApprovalMessageKey) }))}
            data-testid="approvals-view"
          />
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8} lg={5}>
              <Filter id="approvals-record-type" label={t('inbox.recordType')}>
                <Select
                  id="approvals-record-type"
                  allowClear
                  value={recordType}
                  onChange={(v) => reset(() => setRecordType(v))}
                  options={(list.data?.recordTypes ?? []).map((r) => ({ value: r.type, label: r.label }))}
                  style={{ width: '100%' }}
                />
              </Filter>
            </Col>
            {view !== 'waiting' ? (
              <Col xs={24} md={8} lg={4}>
                <Filter id="approvals-status" label={t('inbox.status')}>
                  <Select
                    id="approvals-status"
                    allowClear
                    value={status}
                    onChange={(v) => reset(() => setStatus(v))}
                    options={approvalStatuses.map((s) => ({ value: s, label: t(`approval.status.${s}` as ApprovalMessageKey) }))}
                    style={{ width: '100%' }}
                  />
                </Filter>
              </Col>
            ) : null}
            <Col xs={12} md={8} lg={4}>
              <Filter id="approvals-from" label={t('inbox.submittedFrom')} error={fromDate.error}>
                <DateInput id="approvals-from" value={from} onChange={(v) => reset(() => setFrom(v))} status={fromDate.error ? 'error' : undefined} placeholder="" />
              </Filter>
            </Col>
            <Col xs={12} md={8} lg={4}>
              <Filter id="approvals-to" label={t('inbox.submittedTo')} error={toDate.error}>
                <DateInput id="approvals-to" value={to} onChange={(v) => reset(() => setTo(v))} status={toDate.error ? 'error' : undefined} placeholder="" />
              </Filter>
            </Col>
            <Col xs={24} md={8} lg={5}>
              <Filter id="approvals-department" label={t('inbox.department')}>
                <DepartmentSelect id="approvals-department" value={departmentId} onChange={(v) => reset(() => setDepartmentId(v))} placeholder="" />
              </Filter>
            </Col>
          </Row>
          {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
          <Table<ApprovalListItem>
            size="small"
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            columns={columns}
            scroll={view === 'waiting' ? undefined : { x: 1300 }}
            data-testid="approvals-list"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`inbox.empty.${view}` as ApprovalMessageKey)} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              onChange: setPage,
              size: 'small',
              showSizeChanger: false,
              showTotal: (n) => t('inbox.total', { n }),
            }}
          />
        </Space>
      </Card>
    </>
  );
}
