import { AuditOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { monitoringBody } from '../../../../src/modules/risk/risk.schema.ts';
import { ApiError, api, download, withQuery } from '../../api/client.ts';
import type { Paged } from '../../api/types.ts';
import { DateInput, errorMessage, WarekiHint } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { DepartmentSelect } from '../../components/pickers.tsx';
import { useI18n, useT } from '../../i18n/index.tsx';
import { formatDate, todayInJapan } from '../../lib/dates.ts';
import { useAbility } from '../../session/session.tsx';
import type { EntryListItem } from '../inventory/types.ts';
import { useRiskText } from './messages.ts';
import type { AssessmentBody, AssessmentDetail, AssessmentListItem, Criteria, HeatMapPage, HeatMapView, MonitoringBody, RegisterItem, RiskTask } from './types.ts';

/** The heat map: likelihood down, impact across; cells at or above the threshold shaded red. */
export function HeatMapGrid({ heatMap, criteria }: { heatMap: HeatMapView; criteria: Pick<Criteria, 'likelihood' | 'impact' | 'threshold'> }) {
  const likelihoods = [...criteria.likelihood.levels].reverse();
  const max = Math.max(1, ...heatMap.cells.map((c) => c.count));
  return (
    <table className="mm-heatmap" data-testid="heatmap" style={{ borderCollapse: 'collapse' }}>
      <tbody>
        <tr>
          <th style={{ fontSize: 11, fontWeight: 400, color: '#595959', padding: 4, textAlign: 'left' }}>
            {criteria.likelihood.label} ↓<br />
            {criteria.impact.label} →
          </th>
          {criteria.impact.levels.map((i) => (
            <th key={i.value} style={{ padding: 4, fontWeight: 500, fontSize: 12, whiteSpace: 'nowrap' }}>
              {i.value}（{i.label}）
            </th>
          ))}
        </tr>
        {likelihoods.map((l) => (
          <tr key={l.value}>
            <th style={{ padding: '4px 8px', fontWeight: 500, fontSize: 12, textAlign: 'right', whiteSpace: 'nowrap' }}>
              {l.value}（{l.label}）
            </th>
            {criteria.impact.levels.map((i) => {
              const cell = heatMap.cells.find((c) => c.likelihood === l.value && c.impact === i.value);
              const count = cell?.count ?? 0;
              const hot = cell?.atOrAboveThreshold;
              const alpha = count === 0 ? 0.08 : 0.25 + (0.6 * count) / max;
              return (
                <td
                  key={i.value}
                  data-testid={`heat-${l.value}-${i.value}`}
                  title={`${criteria.likelihood.label} ${l.value} × ${criteria.impact.label} ${i.value} = ${l.value * i.value}`}
                  style={{
                    width: 72,
                    height: 52,
                    textAlign: 'center',
                    border: '2px solid #fff',
                    background: hot ? `rgba(207, 19, 34, ${alpha})` : `rgba(29, 79, 145, ${alpha})`,
                    color: count > 0 && alpha > 0.5 ? '#fff' : '#262626',
                    fontSize: 16,
                    fontWeight: 600,
                  }}
                >
                  {count}
                  <div style={{ fontSize: 10, fontWeight: 400 }}>評価 {l.value * i.value}</div>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 新しい対策表: a 類型 over entries of one department. */
export function NewAssessmentModal({
  open,
  onClose,
  initial,
}: {
  open: boolean;
  onClose: () => void;
  initial?: { departmentId: string | null; entryIds: string[]; category: string };
}) {
  const rt = useRiskText();
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [departmentId, setDepartmentId] = useState<string | null>(initial?.departmentId ?? null);
  const [category, setCategory] = useState(initial?.category ?? '');
  const [entryIds, setEntryIds] = useState<string[]>(initial?.entryIds ?? []);
  const entries = useQuery({
    queryKey: ['inventory', 'entries', 'for-risk', departmentId],
    queryFn: () => api.get<Paged<EntryListItem>>(withQuery('/api/inventory/entries', { departmentId, pageSize: 200 })),
    enabled: !!departmentId,
  });
  const create = useMutation({
    mutationFn: () => api.post<AssessmentDetail>('/api/risk/assessments', { departmentId: departmentId ?? '', category, entryIds } satisfies AssessmentBody),
    onSuccess: (a) => {
      onClose();
      navigate(`/risk/assessments/${a.id}`);
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  return (
    <Modal
      open={open}
      title={rt('risk.new')}
      onCancel={onClose}
      okText={rt('risk.create')}
      onOk={() => create.mutate()}
      okButtonProps={{ disabled: !departmentId || !category.trim() || entryIds.length === 0, loading: create.isPending, ...({ 'data-testid': 'assessment-create' } as object) }}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={rt('risk.department')} required>
          <DepartmentSelect
            value={departmentId}
            onChange={(v) => {
              setDepartmentId(v);
              setEntryIds([]);
            }}
            allowClear={false}
          />
        </Form.Item>
        <Form.Item label={rt('risk.category')} required extra={rt('risk.categoryHint')}>
          <Input value={category} onChange={(e) => setCategory(e.target.value)} data-testid="assessment-category" />
        </Form.Item>
        <Form.Item label={rt('risk.entries')} required>
          <Select
            mode="multiple"
            value={entryIds}
            onChange={setEntryIds}
            options={(entries.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.riskStatusLabel}）` }))}
            loading={entries.isFetching}
            data-testid="assessment-entries"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TasksTab({ onStart }: { onStart: (task: RiskTask) => void }) {
  const rt = useRiskText();
  const { calendar } = useI18n();
  const navigate = useNavigate();
  const tasks = useQuery({ queryKey: ['risk', 'tasks'], queryFn: () => api.get<{ items: RiskTask[] }>('/api/risk/tasks') });
  const today = todayInJapan();
  if (tasks.isError) return <QueryError error={tasks.error} />;
  return (
    <List
      loading={tasks.isPending}
      dataSource={tasks.data?.items ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={rt('risk.noTasks')} /> }}
      data-testid="risk-tasks"
      renderItem={(task) => (
        <List.Item
          actions={[
            task.sourceType === 'risk_monitoring' ? (
              <Button key="open" size="small" onClick={() => navigate('/risk?tab=register')}>
                {rt('risk.tab.register')}
              </Button>
            ) : task.assessmentId ? (
              <Button key="open" size="small" onClick={() => navigate(`/risk/assessments/${task.assessmentId}`)} data-testid={`risk-task-open-${task.entryName ?? task.id}`}>
                {rt('risk.openAssessment')}
              </Button>
            ) : task.abilities.start ? (
              <Button key="start" size="small" type="primary" onClick={() => onStart(task)} data-testid={`risk-task-start-${task.entryName ?? task.id}`}>
                {rt('risk.start')}
              </Button>
            ) : null,
          ]}
        >
          <List.Item.Meta
            title={task.title}
            description={
              <Space wrap>
                <span style={{ color: task.dueOn < today ? '#cf1322' : undefined }}>
                  {rt('risk.due')} {formatDate(task.dueOn, calendar)}
                </span>
                {task.departmentName ? <Tag>{task.departmentName}</Tag> : null}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

function AssessmentsTab({ departmentId }: { departmentId: string | null }) {
  const rt = useRiskText();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['risk', 'assessments', departmentId],
    queryFn: () => api.get<{ items: AssessmentListItem[] }>(withQuery('/api/risk/assessments', { departmentId })),
  });
  if (list.isError) return <QueryError error={list.error} />;
  return (
    <Table<AssessmentListItem>
      rowKey="id"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      onRow={(a) => ({ onClick: () => navigate(`/risk/assessments/${a.id}`), style: { cursor: 'pointer' } })}
      data-testid="assessments-table"
      columns={[
        { title: rt('risk.category'), dataIndex: 'category', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
        { title: rt('risk.department'), dataIndex: 'departmentName', width: 140 },
        {
          title: rt('risk.status'),
          dataIndex: 'statusLabel',
          width: 130,
          render: (v: string, a) => <Tag color={a.status === 'approved' ? 'green' : a.status === 'pending' ? 'blue' : a.status === 'returned' ? 'orange' : 'default'}>{v}</Tag>,
        },
        { title: rt('risk.entries'), dataIndex: 'entryCount', width: 100, align: 'right' },
        { title: rt('risk.records'), dataIndex: 'recordCount', width: 90, align: 'right' },
        {
          title: rt('risk.maxScore'),
          dataIndex: 'maxScore',
          width: 100,
          align: 'right',
          render: (v: number | null) => (v === null ? '' : <Tag color={v >= 4 ? 'red' : 'default'}>{v}</Tag>),
        },
        { title: rt('risk.residuals'), dataIndex: 'residualCount', width: 100, align: 'right' },
      ]}
    />
  );
}

function HeatMapTab({ departmentId }: { departmentId: string | null }) {
  const rt = useRiskText();
  const navigate = useNavigate();
  const data = useQuery({
    queryKey: ['risk', 'heatmap', departmentId],
    queryFn: () => api.get<HeatMapPage>(withQuery('/api/risk/heatmap', { departmentId })),
  });
  if (data.isError) return <QueryError error={data.error} />;
  if (!data.data) return null;
  const d = data.data;
  return (
    <Space align="start" size={32} wrap>
      <div>
        <Typography.Title level={5}>{rt('risk.heatmap')}</Typography.Title>
        <HeatMapGrid heatMap={d.heatMap} criteria={d.criteria} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
          {rt('risk.thresholdHint', { threshold: d.criteria.threshold, clause: d.criteria.thresholdBasis.clause })}
        </Typography.Paragraph>
      </div>
      <div style={{ minWidth: 420, flex: 1 }}>
        <Typography.Title level={5}>{rt('risk.top')}</Typography.Title>
        <List
          size="small"
          dataSource={d.top}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/risk/assessments/${r.assessmentId}`)} style={{ cursor: 'pointer' }}>
              <Space wrap>
                <Tag color={r.score >= d.criteria.threshold ? 'red' : 'default'}>{r.score}</Tag>
                <span>{r.risk}</span>
                <Typography.Text type="secondary">
                  {r.category}・{r.phaseLabel}・{r.threatLabel}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </div>
    </Space>
  );
}

function RegisterTab({ departmentId }: { departmentId: string | null }) {
  const rt = useRiskText();
  const t = useT();
  const { calendar } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [logging, setLogging] = useState<RegisterItem | null>(null);
  const [note, setNote] = useState('');
  const [reviewedOn, setReviewedOn] = useState<string | null>(todayInJapan());
  const [next, setNext] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const list = useQuery({ queryKey: ['risk', 'register', departmentId], queryFn: () => api.get<{ items: RegisterItem[] }>(withQuery('/api/risk/register', { departmentId })) });
  const log = useMutation({
    mutationFn: (body: MonitoringBody) => api.post(`/api/risk/records/${logging?.id}/monitoring`, body),
    onSuccess: () => {
      setLogging(null);
      void queryClient.invalidateQueries({ queryKey: ['risk'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0) setFieldErrors(Object.fromEntries(e.fields.map((f) => [f.path.split('.')[0] ?? f.path, f.message])));
      else message.error(errorMessage(e, t));
    },
  });
  // The dates are typed as people write them (2026/11/28, 和暦 …) and read by the server's own
  // schema: a date it cannot read exactly is an error under its field, never another day.
  const sendMonitoring = () => {
    const parsed = monitoringBody.safeParse({ reviewedOn: reviewedOn ?? '', note, nextMonitoringDate: next });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '')] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    log.mutate(parsed.data);
  };
  if (list.isError) return <QueryError error={list.error} />;
  return (
    <>
      <Table<RegisterItem>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        data-testid="register-table"
        columns={[
          {
            title: rt('risk.risk'),
            dataIndex: 'risk',
            render: (v: string, r) => (
              <div>
                {v}
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)' }}>
                  {r.category}・{r.phaseLabel}・{r.threatLabel}
                </div>
              </div>
            ),
          },
          { title: rt('risk.score'), dataIndex: 'score', width: 90, align: 'center' },
          { title: rt('risk.residualMeasure'), dataIndex: 'residualMeasure' },
          { title: rt('risk.owner'), dataIndex: 'ownerName', width: 120 },
          {
            title: rt('risk.monitoring'),
            dataIndex: 'nextMonitoringDate',
            width: 150,
            render: (v: string | null, r) => (
              <span>
                {formatDate(v, calendar)} {r.overdue ? <Tag color="red">{rt('risk.overdue')}</Tag> : null}
              </span>
            ),
          },
          {
            title: rt('risk.lastMonitoring'),
            dataIndex: 'lastMonitoring',
            render: (m: RegisterItem['lastMonitoring']) => (m ? `${formatDate(m.reviewedOn, calendar)} ${m.byName ?? ''}: ${m.note}` : ''),
          },
          {
            title: '',
            key: 'a',
            width: 150,
            render: (_: unknown, r) =>
              r.abilities.monitor ? (
                <Button
                  size="small"
                  onClick={() => {
                    setLogging(r);
                    setNote('');
                    setNext(null);
                    setReviewedOn(todayInJapan());
                    setFieldErrors({});
                  }}
                >
                  {rt('risk.monitor')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={!!logging} title={rt('risk.monitor')} onCancel={() => setLogging(null)} onOk={sendMonitoring} okButtonProps={{ disabled: !note.trim(), loading: log.isPending }}>
        <Typography.Paragraph>{logging?.risk}</Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item
            label={rt('risk.reviewedOn')}
            htmlFor="monitoring-reviewed-on"
            required
            validateStatus={fieldErrors.reviewedOn ? 'error' : undefined}
            help={fieldErrors.reviewedOn}
            extra={<WarekiHint value={reviewedOn} />}
          >
            <DateInput id="monitoring-reviewed-on" value={reviewedOn} onChange={setReviewedOn} status={fieldErrors.reviewedOn ? 'error' : undefined} />
          </Form.Item>
          <Form.Item label={rt('risk.note')} htmlFor="monitoring-note" required validateStatus={fieldErrors.note ? 'error' : undefined} help={fieldErrors.note}>
            <Input.TextArea id="monitoring-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
          <Form.Item
            label={rt('risk.nextMonitoring')}
            htmlFor="monitoring-next"
            validateStatus={fieldErrors.nextMonitoringDate ? 'error' : undefined}
            help={fieldErrors.nextMonitoringDate}
            extra={<WarekiHint value={next} />}
          >
            <DateInput id="monitoring-next" value={next} onChange={setNext} status={fieldErrors.nextMonitoringDate ? 'error' : undefined} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function RiskScreen() {
  const rt = useRiskText();
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const canManage = useAbility('risk.manage');
  const [starting, setStarting] = useState<{ departmentId: string | null; entryIds: string[]; category: string } | null>(null);
  const tab = params.get('tab') ?? 'tasks';
  const startFrom = useMemo(
    () => (task: RiskTask) =>
      setStarting({ departmentId: task.departmentId, entryIds: task.sourceType === 'risk_analysis' && task.sourceId ? [task.sourceId] : [], category: task.entryName ?? '' }),
    [],
  );
  const exportAll = async () => {
    try {
      await download(withQuery('/api/risk/export.xlsx', { departmentId }), 'リスク分析対策表.xlsx');
    } catch (e) {
      message.error(`${t('common.downloadFailed')}: ${errorMessage(e, t)}`);
    }
  };
  return (
    <>
      <PageHeader
        title={rt('risk.title')}
        lead={rt('risk.lead')}
        extra={
          <>
            <Button icon={<AuditOutlined />} onClick={() => navigate('/risk/reviews')}>
              {rt('risk.reviews')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={exportAll}>
              {rt('risk.exportAll')}
            </Button>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting({ departmentId, entryIds: [], category: '' })} data-testid="assessment-new">
                {rt('risk.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <Space style={{ marginBottom: 8 }}>
          <DepartmentSelect value={departmentId} onChange={setDepartmentId} placeholder={rt('risk.department')} style={{ width: 220 }} />
        </Space>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          items={[
            { key: 'tasks', label: rt('risk.tab.tasks'), children: <TasksTab onStart={startFrom} /> },
            { key: 'assessments', label: rt('risk.tab.assessments'), children: <AssessmentsTab departmentId={departmentId} /> },
            { key: 'heatmap', label: rt('risk.tab.heatmap'), children: <HeatMapTab departmentId={departmentId} /> },
            { key: 'register', label: rt('risk.tab.register'), children: <RegisterTab departmentId={departmentId} /> },
          ]}
        />
      </Card>
      {starting ? <NewAssessmentModal open onClose={() => setStarting(null)} initial={starting} /> : null}
    </>
  );
}

/** リスク分析: tasks, analyses per 類型, heat map and the residual-risk register. */
export default function RiskPage() {
  return (
    <RequirePermission permission="risk.read">
      <RiskScreen />
    </RequirePermission>
  );
}
