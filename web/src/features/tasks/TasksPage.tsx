import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Select, Table, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { taskProgresses } from '../../../../src/platform/tasks/tasks.labels.ts';
import { useDepartments } from '../../api/queries.ts';
import { FilterBar } from '../../components/ListPage.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate, todayInJapan } from '../../lib/dates.ts';
import { appLink } from '../../lib/links.ts';
import { useAbility } from '../../session/session.tsx';
import { type Task, useCalendar, useMyTaskList, useTaskList } from './api.ts';
import { type CalendarTask, MonthView, YearView } from './CalendarViews.tsx';
import { useTaskText } from './messages.ts';
import { ProgressTag, TaskDrawer } from './TaskDrawer.tsx';

// タスク・PMS年間計画 (/tasks, /tasks/:id): the list with filters, a month and a year calendar of
// the PMS year, and a task in a drawer — 作業を開く, 着手, 完了 with evidence (Principle 4).

/** Japanese names of the statuses, as the server names them (tasks.labels.ts). */
const progressNames: Record<(typeof taskProgresses)[number], string> = {
  not_started: '未着手',
  in_progress: '対応中',
  done: '完了',
  overdue: '期限超過',
  cancelled: '取消',
};

type Tab = 'list' | 'month' | 'year';
type Scope = 'mine' | 'all';
type View = 'open' | 'overdue' | 'done';

function TaskTable({ tasks, loading, onOpen }: { tasks: readonly Task[]; loading: boolean; onOpen: (id: string) => void }) {
  const tx = useTaskText();
  const { calendar } = useI18n();
  const navigate = useNavigate();
  return (
    <Table<Task>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...tasks]}
      pagination={tasks.length > 50 ? { pageSize: 50 } : false}
      locale={{ emptyText: tx('tasks.empty') }}
      data-testid="tasks-table"
      columns={[
        {
          title: tx('tasks.col.due'),
          dataIndex: 'dueOn',
          width: 130,
          render: (v: string, task) => <span style={{ color: task.overdue ? '#cf1322' : undefined, fontWeight: task.overdue ? 600 : undefined }}>{formatDate(v, calendar)}</span>,
        },
        {
          title: tx('tasks.col.title'),
          dataIndex: 'title',
          render: (title: string, task) => (
            <Typography.Link
              href={`/tasks/${task.id}`}
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                onOpen(task.id);
              }}
              data-testid={`task-link-${task.id}`}
            >
              {title}
            </Typography.Link>
          ),
        },
        { title: tx('tasks.col.owner'), key: 'owner', width: 150, render: (_v, task) => task.ownerPersonName ?? task.ownerRoleLabel ?? '—' },
        { title: tx('tasks.col.department'), dataIndex: 'departmentName', width: 120, render: (v: string | null) => v ?? '—' },
        { title: tx('tasks.col.source'), dataIndex: 'sourceLabel', width: 150, render: (v: string | null) => v ?? '—' },
        { title: tx('tasks.col.progress'), dataIndex: 'progress', width: 100, render: (_v, task) => <ProgressTag task={task} /> },
        {
          title: tx('tasks.col.actions'),
          key: 'actions',
          width: 130,
          render: (_v, task) => {
            const work = appLink(task.link);
            return work ? (
              <Button size="small" icon={<ExportOutlined />} onClick={() => navigate(work)} aria-label={`${tx('tasks.openWork')}: ${task.title}`}>
                {tx('tasks.openWork')}
              </Button>
            ) : null;
          },
        },
      ]}
    />
  );
}

/** The task list: mine (by view) or, for task managers, the organization's with filters. */
function ListTab({ onOpen }: { onOpen: (id: string) => void }) {
  const tx = useTaskText();
  const manager = useAbility('tasks.manage');
  const [scope, setScope] = useState<Scope>(manager ? 'all' : 'mine');
  const [view, setView] = useState<View>('open');
  const [progress, setProgress] = useState<string | undefined>(undefined);
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [sourceType, setSourceType] = useState<string | undefined>(undefined);
  const departments = useDepartments();
  const all = scope === 'all' && manager;
  const mine = useMyTaskList({ view, pageSize: 200 }, !all);
  const list = useTaskList({ progress, departmentId, sourceType, pageSize: 200 }, all);
  const query = all ? list : mine;
  const items = query.data?.items ?? [];
  // 発生元: the kinds the organization's tasks have (the server names them from the module manifests).
  const sources = useMemo(() => {
    const seen = new Map<string, string>();
    for (const task of list.data?.items ?? []) if (task.sourceType && task.sourceLabel) seen.set(task.sourceType, task.sourceLabel);
    if (sourceType && !seen.has(sourceType)) seen.set(sourceType, sourceType);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [list.data, sourceType]);
  return (
    <>
      <FilterBar>
        {manager ? (
          <Segmented<Scope>
            aria-label={tx('tasks.scope')}
            value={scope}
            onChange={setScope}
            options={[
              { value: 'all', label: tx('tasks.scope.all') },
              { value: 'mine', label: tx('tasks.scope.mine') },
            ]}
            data-testid="tasks-scope"
          />
        ) : null}
        {all ? (
          <>
            <Select
              allowClear
              placeholder={tx('tasks.filter.progress')}
              aria-label={tx('tasks.filter.progress')}
              style={{ width: 150 }}
              value={progress}
              onChange={setProgress}
              options={taskProgresses.map((p) => ({ value: p, label: progressNames[p] }))}
              data-testid="tasks-filter-progress"
            />
            <Select
              allowClear
              placeholder={tx('tasks.filter.department')}
              aria-label={tx('tasks.filter.department')}
              style={{ width: 180 }}
              value={departmentId}
              onChange={setDepartmentId}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              data-testid="tasks-filter-department"
            />
            <Select
              allowClear
              placeholder={tx('tasks.filter.source')}
              aria-label={tx('tasks.filter.source')}
              style={{ width: 200 }}
              value={sourceType}
              onChange={setSourceType}
              options={sources}
              data-testid="tasks-filter-source"
            />
          </>
        ) : (
          <Segmented<View>
            aria-label={tx('tasks.view')}
            value={view}
            onChange={setView}
            options={[
              { value: 'open', label: tx('tasks.view.open') },
              { value: 'overdue', label: tx('tasks.view.overdue') },
              { value: 'done', label: tx('tasks.view.done') },
            ]}
            data-testid="tasks-view"
          />
        )}
      </FilterBar>
      {query.isError ? <QueryError error={query.error} onRetry={() => query.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <TaskTable tasks={items} loading={query.isFetching} onOpen={onOpen} />
      </Card>
    </>
  );
}

/** The month and year calendars: the year plan (installed modules only) and the tasks due in the period. */
function CalendarTab({
  mode,
  year,
  month,
  onPeriod,
  onOpenMonth,
  onOpen,
}: {
  mode: 'month' | 'year';
  year: number;
  month: number;
  onPeriod: (year: number, month: number) => void;
  onOpenMonth: (month: number) => void;
  onOpen: (id: string) => void;
}) {
  const tx = useTaskText();
  const manager = useAbility('tasks.manage');
  const today = todayInJapan();
  const plan = useCalendar(year);
  const mm = String(month).padStart(2, '0');
  const from = mode === 'month' ? `${year}-${mm}-01` : `${year}-01-01`;
  // The month's last day (2026-02-31 is not a date: the server refuses it as 期限の終了日).
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const to = mode === 'month' ? `${year}-${mm}-${String(lastDay).padStart(2, '0')}` : `${year}-12-31`;
  const all = useTaskList({ dueFrom: from, dueTo: to, pageSize: 200 }, manager);
  const mine = useMyTaskList({ view: 'open', dueFrom: from, dueTo: to, pageSize: 200 }, !manager);
  const tasks: CalendarTask[] = ((manager ? all.data?.items : mine.data?.items) ?? []).filter((t) => t.status !== 'cancelled');
  const items = plan.data?.items ?? [];
  return (
    <>
      <Alert type="info" showIcon title={tx('calendar.itemsLead')} style={{ marginBottom: 12 }} />
      {plan.isError ? <QueryError error={plan.error} onRetry={() => plan.refetch()} /> : null}
      {mode === 'month' ? (
        <MonthView year={year} month={month} today={today} tasks={tasks} items={items} onMove={onPeriod} onOpenTask={onOpen} />
      ) : (
        <YearView year={year} today={today} tasks={tasks} items={items} onMove={(y) => onPeriod(y, month)} onOpenTask={onOpen} onOpenMonth={onOpenMonth} />
      )}
    </>
  );
}

export default function TasksPage() {
  const tx = useTaskText();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const today = todayInJapan();
  const tab = (['list', 'month', 'year'].includes(params.get('view') ?? '') ? params.get('view') : 'list') as Tab;
  const [period, setPeriod] = useState({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  const search = params.toString();
  const openTask = (taskId: string) => navigate({ pathname: `/tasks/${taskId}`, search: search ? `?${search}` : '' });
  const close = () => navigate({ pathname: '/tasks', search: search ? `?${search}` : '' });
  const showTab = (key: string) => {
    const next = new URLSearchParams(params);
    next.set('view', key);
    setParams(next);
  };
  const calendarTab = (mode: 'month' | 'year') => (
    <CalendarTab
      mode={mode}
      year={period.year}
      month={period.month}
      onPeriod={(year, month) => setPeriod({ year, month })}
      onOpenMonth={(month) => {
        setPeriod((p) => ({ ...p, month }));
        showTab('month');
      }}
      onOpen={openTask}
    />
  );
  return (
    <>
      <PageHeader title={tx('tasks.title')} lead={tx('tasks.lead')} />
      <Tabs
        activeKey={tab}
        onChange={showTab}
        items={[
          { key: 'list', label: tx('tasks.tab.list'), children: tab === 'list' ? <ListTab onOpen={openTask} /> : null },
          { key: 'month', label: tx('tasks.tab.month'), children: tab === 'month' ? calendarTab('month') : null },
          { key: 'year', label: tx('tasks.tab.year'), children: tab === 'year' ? calendarTab('year') : null },
        ]}
        data-testid="tasks-tabs"
      />
      <TaskDrawer id={id ?? null} onClose={close} />
    </>
  );
}
