import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Col, Empty, Input, List, Modal, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { type MouseEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { approvalsContract } from '../../../../src/platform/approvals/approvals.contract.ts';
import type { BodyOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import { tasksContract } from '../../../../src/platform/tasks/tasks.contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf, queryKeys } from '../../api/queries.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { isMessageKey, type MessageKey, useI18n, useT } from '../../i18n/index.tsx';
import { type AppNotification, markNotificationRead, useUnreadNotifications } from '../../layout/AppLayout.tsx';
import { formatDate, formatDateTime, todayInJapan } from '../../lib/dates.ts';
import { appLink } from '../../lib/links.ts';
import { useAbility, useSession } from '../../session/session.tsx';
import { useStuckApprovals } from '../approvals/api.ts';

/**
 * A real link (href: open in a new tab, copy the address, keyboard and screen readers) that a
 * plain click follows inside the SPA.
 */
function followLink(e: MouseEvent, go: () => void): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  go();
}

/** My open tasks with the counts of all of them (GET /api/me/tasks). */
type MyTaskList = ResponseOf<typeof tasksContract.myTasks>;
type MyTask = MyTaskList['items'][number];
/** A request waiting for my decision (GET /api/me/approvals). */
type MyApproval = ResponseOf<typeof approvalsContract.inbox>['items'][number];

/** Which of my open tasks the task list shows (the deadline card's counts filter it). */
type TaskFilter = 'open' | 'overdue' | 'dueSoon';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** My open tasks with their counts (shared by the deadline card and the task list). */
function useMyTasks() {
  return useQuery({ queryKey: queryKeys.myTasks, queryFn: () => api.get<MyTaskList>(withQuery(pathOf(tasksContract.myTasks), { view: 'open', pageSize: 200 })) });
}

/** Whether an open task is due soon: from today to the organization's reminder horizon (as the e-mail reminders count). */
function isDueSoon(task: MyTask, today: string, days: number): boolean {
  return task.dueOn >= today && task.dueOn <= addDays(today, days);
}

/** 期限切れ・期限間近のタスク: counts of my open tasks; a count filters the task list below. */
function DeadlinesCard({ filter, onFilter }: { filter: TaskFilter; onFilter: (filter: TaskFilter) => void }) {
  const t = useT();
  const tasks = useMyTasks();
  const counts = tasks.data?.counts;
  const stat = (key: TaskFilter, title: string, value: number | undefined, color: string) => (
    <Col xs={8}>
      <button
        type="button"
        className={`mm-stat-button${filter === key ? ' mm-stat-active' : ''}`}
        onClick={() => onFilter(filter === key ? 'open' : key)}
        aria-pressed={filter === key}
        data-testid={`home-deadlines-${key}`}
      >
        <Statistic title={title} value={value ?? 0} loading={tasks.isPending} styles={{ content: { color: value ? color : undefined, fontWeight: 600 } }} />
      </button>
    </Col>
  );
  return (
    <Card title={t('home.deadlines')} data-testid="home-deadlines" styles={{ body: { padding: '12px 16px' } }}>
      {tasks.isError ? <QueryError error={tasks.error} onRetry={() => tasks.refetch()} /> : null}
      <Row gutter={12}>
        {stat('overdue', t('home.overdueCount'), counts?.overdue, '#cf1322')}
        {stat('dueSoon', t('home.dueSoonCount', { days: counts?.dueSoonDays ?? 7 }), counts?.dueSoon, '#d46b08')}
        {stat('open', t('home.openCount'), counts?.open, '#1d4f91')}
      </Row>
    </Card>
  );
}

function TasksCard({ filter, onFilter }: { filter: TaskFilter; onFilter: (filter: TaskFilter) => void }) {
  const t = useT();
  const { calendar } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // A task notification or reminder e-mail (/tasks/:id → /?task=:id) points at one task.
  const asked = params.get('task');
  const tasks = useMyTasks();
  const list = tasks.data ?? null;
  const today = todayInJapan();
  const dueSoonDays = list?.counts.dueSoonDays ?? 7;
  const data = list ? list.items.filter((x) => filter === 'open' || (filter === 'overdue' ? x.overdue : isDueSoon(x, today, dueSoonDays))) : null;
  const overdue = list?.items.filter((x) => x.overdue).length ?? 0;
  return (
    <Card
      title={
        <Space>
          {t('home.tasks')}
          {data ? <Badge count={data.length} showZero color="#1d4f91" /> : null}
          {overdue && filter === 'open' ? <Tag color="error">{`${t('home.overdue')} ${overdue}`}</Tag> : null}
          {filter !== 'open' ? (
            <Tag color={filter === 'overdue' ? 'error' : 'warning'} closable onClose={() => onFilter('open')}>
              {filter === 'overdue' ? t('home.overdueCount') : t('home.dueSoonCount', { days: dueSoonDays })}
            </Tag>
          ) : null}
        </Space>
      }
      data-testid="home-tasks"
    >
      {tasks.isError ? <QueryError error={tasks.error} onRetry={() => tasks.refetch()} /> : null}
      {asked && list && !list.items.some((x) => x.id === asked) ? <Alert type="info" showIcon title={t('home.taskNotFound')} style={{ marginBottom: 12 }} /> : null}
      <Table<MyTask>
        size="small"
        rowKey="id"
        loading={tasks.isPending}
        dataSource={data ?? []}
        pagination={data && data.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noTasks')} /> }}
        rowClassName={(task) => (task.id === asked ? 'mm-row-highlight' : '')}
        onRow={(task) => {
          const link = appLink(task.link);
          return { onClick: () => link && navigate(link), style: { cursor: link ? 'pointer' : undefined } };
        }}
        columns={[
          {
            title: t('home.due'),
            dataIndex: 'dueOn',
            width: 130,
            render: (v: string | null, task) => (
              <span style={{ color: task.overdue ? '#cf1322' : undefined, fontWeight: task.overdue ? 600 : undefined }}>{formatDate(v, calendar)}</span>
            ),
          },
          { title: t('home.taskTitle'), dataIndex: 'title' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 110,
            render: (status: string, task) =>
              task.overdue ? (
                <Tag color="error">{t('home.overdue')}</Tag>
              ) : (
                <Tag>{isMessageKey(`home.taskStatus.${status}`) ? t(`home.taskStatus.${status}` as MessageKey) : status}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

type Decision = { kind: 'approve' | 'return'; item: MyApproval };

function ApprovalsCard() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const approvals = useQuery({ queryKey: queryKeys.myApprovals, queryFn: () => api.get<ResponseOf<typeof approvalsContract.inbox>>(pathOf(approvalsContract.inbox)) });
  const data = approvals.data?.items ?? null;
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  const decide = useMutation({
    mutationFn: ({ kind, item }: Decision) => {
      const body: BodyOf<(typeof approvalsContract)[typeof kind]> = comment.trim() ? { comment: comment.trim() } : {};
      return api.post(pathOf(approvalsContract[kind], { id: item.id }), body);
    },
    onSuccess: (_data, { kind }) => {
      message.success(kind === 'approve' ? t('home.approved') : t('home.returned'));
      setDecision(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myApprovals });
      void queryClient.invalidateQueries({ queryKey: queryKeys.myTasks });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
    onError: (error) => {
      const fieldError =
        error instanceof Error && 'fields' in error ? (error as { fields: { path: string; message: string }[] }).fields.find((f) => f.path === 'comment') : undefined;
      if (fieldError) setCommentError(fieldError.message);
      else message.error(errorMessage(error, t));
    },
  });

  const open = (kind: Decision['kind'], item: MyApproval) => {
    setComment('');
    setCommentError(null);
    setDecision({ kind, item });
  };
  const confirm = () => {
    if (!decision) return;
    if (decision.kind === 'return' && !comment.trim()) {
      setCommentError(t('home.commentRequired'));
      return;
    }
    decide.mutate(decision);
  };

  return (
    <Card
      title={
        <Space>
          {t('home.approvals')}
          {data ? <Badge count={data.length} showZero color={data.length ? '#d46b08' : '#8c8c8c'} /> : null}
        </Space>
      }
      data-testid="home-approvals"
    >
      {approvals.isError ? <QueryError error={approvals.error} onRetry={() => approvals.refetch()} /> : null}
      <Table<MyApproval>
        size="small"
        rowKey="id"
        loading={approvals.isPending}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noApprovals')} /> }}
        columns={[
          { title: t('home.recordType'), dataIndex: 'recordTypeLabel', width: 140, render: (v: string) => <Tag color="blue">{v}</Tag> },
          {
            title: t('home.subject'),
            dataIndex: 'title',
            render: (title: string, item) => {
              const link = appLink(item.link);
              return link ? (
                <Typography.Link href={link} onClick={(e) => followLink(e, () => navigate(link))} data-testid={`approval-link-${item.id}`}>
                  {title}
                </Typography.Link>
              ) : (
                title
              );
            },
          },
          { title: t('home.submittedBy'), dataIndex: 'submittedByName', width: 120 },
          { title: t('home.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('home.step'), dataIndex: 'stepLabel', width: 150 },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            render: (_v, item) => (
              <Space>
                <Button type="primary" size="small" icon={<CheckOutlined />} onClick={() => open('approve', item)} data-testid={`approve-${item.id}`}>
                  {t('home.approve')}
                </Button>
                <Button size="small" icon={<RollbackOutlined />} onClick={() => open('return', item)} data-testid={`return-${item.id}`}>
                  {t('home.return')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={decision !== null}
        title={decision?.kind === 'approve' ? t('home.approveTitle') : t('home.returnTitle')}
        okText={decision?.kind === 'approve' ? t('home.approve') : t('home.return')}
        okButtonProps={{ danger: decision?.kind === 'return', loading: decide.isPending }}
        cancelText={t('common.cancel')}
        onOk={confirm}
        onCancel={() => setDecision(null)}
        destroyOnHidden
      >
        {decision ? (
          <>
            <Typography.Paragraph>
              {decision.kind === 'approve' ? t('home.approveConfirm', { title: decision.item.title }) : t('home.returnConfirm', { title: decision.item.title })}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {decision.item.recordTypeLabel} ／ {decision.item.submittedByName} ／ {decision.item.stepLabel}
            </Typography.Text>
            <div style={{ marginTop: 12 }}>
              <label htmlFor="decision-comment">{decision.kind === 'approve' ? t('home.commentOptional') : t('home.comment')}</label>
              <Input.TextArea
                id="decision-comment"
                rows={3}
                value={comment}
                status={commentError ? 'error' : undefined}
                onChange={(e) => {
                  setComment(e.target.value);
                  setCommentError(null);
                }}
                maxLength={2000}
              />
              {commentError ? <div style={{ color: '#ff4d4f', marginTop: 4 }}>{commentError}</div> : null}
            </div>
          </>
        ) : null}
      </Modal>
    </Card>
  );
}

function NotificationsCard() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notifications = useUnreadNotifications();
  const data = notifications.data ?? null;
  const markRead = useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
    onError: (error) => message.error(errorMessage(error, t)),
  });
  const openItem = (n: AppNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const link = appLink(n.link);
    if (link) navigate(link);
  };
  return (
    <Card
      title={
        <Space>
          {t('home.notifications')}
          {data ? <Badge count={data.unreadCount} showZero color={data.unreadCount ? '#cf1322' : '#8c8c8c'} /> : null}
        </Space>
      }
      data-testid="home-notifications"
    >
      {notifications.isError ? <QueryError error={notifications.error} onRetry={() => notifications.refetch()} /> : null}
      <List<AppNotification>
        size="small"
        loading={notifications.isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noNotifications')} /> }}
        renderItem={(n) => (
          <List.Item
            actions={[
              <Button key="read" type="link" size="small" onClick={() => markRead.mutate(n.id)} disabled={Boolean(n.readAt)}>
                {t('home.markRead')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={6}>
                  {n.urgent ? <Tag color="red">{t('home.urgent')}</Tag> : null}
                  {appLink(n.link) ? (
                    <Typography.Link href={appLink(n.link) ?? undefined} onClick={(e) => followLink(e, () => openItem(n))} data-testid={`notification-link-${n.id}`}>
                      {n.title}
                    </Typography.Link>
                  ) : (
                    <span>{n.title}</span>
                  )}
                </Space>
              }
              description={
                <>
                  {n.body ? <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div> : null}
                  <div style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * 止まっている承認: requests whose current step nobody but the submitter can approve, or that have
 * waited more than a week (SPEC §5.4) — for the 個人情報保護管理者 and トップマネジメント, who can
 * unblock them (a 代行者 on the chain, or a role assignment). Shown only when there are any.
 */
function StuckApprovalsCard() {
  const t = useT();
  const navigate = useNavigate();
  const stuck = useStuckApprovals();
  const items = stuck.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('home.stuck')} data-testid="home-stuck-approvals">
      <List
        dataSource={items}
        renderItem={(item) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Typography.Link onClick={() => navigate(appLink(item.link) ?? `/approvals/${item.id}`)}>
                  {item.recordTypeLabel}: {item.title}
                </Typography.Link>
              }
              description={`${item.stepLabel} — ${t('home.stuckWaiting', { days: item.waitingDays })}${item.note ? ` ${item.note}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** ホーム: my approvals, my tasks and their deadlines, and unread notifications (SPEC M16). */
export default function HomePage() {
  const t = useT();
  const { session } = useSession();
  const [filter, setFilter] = useState<TaskFilter>('open');
  // The stuck-approvals route is for those who run the PMS year (tasks.manage).
  const canSeeStuck = useAbility('tasks.manage');
  return (
    <>
      <PageHeader title={t('home.title')} lead={session ? t('home.greeting', { name: session.account.name }) : undefined} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <ApprovalsCard />
        </Col>
        {canSeeStuck ? (
          <Col xs={24}>
            <StuckApprovalsCard />
          </Col>
        ) : null}
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <DeadlinesCard filter={filter} onFilter={setFilter} />
            <TasksCard filter={filter} onFilter={setFilter} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <NotificationsCard />
        </Col>
      </Row>
    </>
  );
}
