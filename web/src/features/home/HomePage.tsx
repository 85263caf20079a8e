import { CheckOutlined, RightOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Col, Empty, Input, List, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { type MouseEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { approvalsContract } from '../../../../src/platform/approvals/approvals.contract.ts';
import type { BodyOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import { tasksContract } from '../../../../src/platform/tasks/tasks.contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf, queryKeys } from '../../api/queries.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { useI18n, useT } from '../../i18n/index.tsx';
import { type AppNotification, markNotificationRead, useUnreadNotifications } from '../../layout/AppLayout.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { appLink } from '../../lib/links.ts';
import { useAbility, useSession } from '../../session/session.tsx';
import { useStuckApprovals } from '../approvals/api.ts';
import { DeadlinesCard, OverdueByDepartmentCard } from './DeadlinesCard.tsx';
import { useHomeText } from './messages.ts';

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

/** My open tasks (the first page; the rest are on /tasks). */
function useMyTasks() {
  return useQuery({ queryKey: queryKeys.myTasks, queryFn: () => api.get<MyTaskList>(withQuery(pathOf(tasksContract.myTasks), { view: 'open', pageSize: 50 })) });
}

/** A link at the top right of a card (「すべての承認」…): a real link, followed inside the SPA. */
function CardLink({ to, children, testId }: { to: string; children: string; testId: string }) {
  const navigate = useNavigate();
  return (
    <Typography.Link href={to} onClick={(e) => followLink(e, () => navigate(to))} data-testid={testId}>
      {children} <RightOutlined style={{ fontSize: 10 }} />
    </Typography.Link>
  );
}

/** 自分のタスク: status (未着手・対応中・期限超過), 作業を開く, and the task itself on /tasks/:id (完了 with evidence). */
function TasksCard() {
  const t = useT();
  const th = useHomeText();
  const { calendar } = useI18n();
  const navigate = useNavigate();
  const tasks = useMyTasks();
  const list = tasks.data ?? null;
  return (
    <Card
      title={
        <Space>
          {t('home.tasks')}
          {list ? <Badge count={list.counts.open} showZero color="#1d4f91" /> : null}
        </Space>
      }
      extra={
        <CardLink to="/tasks" testId="home-all-tasks">
          {th('home.allTasks')}
        </CardLink>
      }
      data-testid="home-tasks"
    >
      {tasks.isError ? <QueryError error={tasks.error} onRetry={() => tasks.refetch()} /> : null}
      <Table<MyTask>
        size="small"
        rowKey="id"
        loading={tasks.isPending}
        dataSource={list?.items ?? []}
        pagination={list && list.items.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noTasks')} /> }}
        columns={[
          {
            title: t('home.due'),
            dataIndex: 'dueOn',
            width: 130,
            render: (v: string | null, task) => (
              <span style={{ color: task.overdue ? '#cf1322' : undefined, fontWeight: task.overdue ? 600 : undefined }}>{formatDate(v, calendar)}</span>
            ),
          },
          {
            title: t('home.taskTitle'),
            dataIndex: 'title',
            render: (title: string, task) => (
              <Typography.Link href={`/tasks/${task.id}`} onClick={(e) => followLink(e, () => navigate(`/tasks/${task.id}`))} data-testid={`home-task-${task.id}`}>
                {title}
              </Typography.Link>
            ),
          },
          {
            title: t('common.status'),
            dataIndex: 'progress',
            width: 100,
            render: (_v, task) => <Tag color={task.progress === 'overdue' ? 'error' : task.progress === 'in_progress' ? 'processing' : 'default'}>{task.progressLabel}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'work',
            width: 120,
            render: (_v, task) => {
              const work = appLink(task.link);
              return work ? (
                <Button size="small" onClick={() => navigate(work)} aria-label={`${th('home.openWork')}: ${task.title}`}>
                  {th('home.openWork')}
                </Button>
              ) : null;
            },
          },
        ]}
      />
    </Card>
  );
}

type Decision = { kind: 'approve' | 'return'; item: MyApproval };

function ApprovalsCard() {
  const t = useT();
  const th = useHomeText();
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
      extra={
        <CardLink to="/approvals" testId="home-all-approvals">
          {th('home.allApprovals')}
        </CardLink>
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
                count={{ max: 2000 }}
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
  const th = useHomeText();
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
      extra={
        <CardLink to="/notifications" testId="home-all-notifications">
          {th('home.allNotifications')}
        </CardLink>
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

/**
 * ホーム (SPEC M16): my approvals, my deadlines (legal reports and tasks), my tasks, overdue items
 * per department (for those who run the PMS year) and unread notifications.
 */
export default function HomePage() {
  const t = useT();
  const { session } = useSession();
  // The stuck-approvals and per-department routes are for those who run the PMS year (tasks.manage).
  const runsThePmsYear = useAbility('tasks.manage');
  return (
    <>
      <PageHeader title={t('home.title')} lead={session ? t('home.greeting', { name: session.account.name }) : undefined} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <ApprovalsCard />
        </Col>
        {runsThePmsYear ? (
          <Col xs={24}>
            <StuckApprovalsCard />
          </Col>
        ) : null}
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <DeadlinesCard />
            <TasksCard />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {runsThePmsYear ? <OverdueByDepartmentCard /> : null}
            <NotificationsCard />
          </Space>
        </Col>
      </Row>
    </>
  );
}
