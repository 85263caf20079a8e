import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Col, Empty, Input, List, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { isUnavailable, optionalList, queryKeys } from '../../api/queries.ts';
import type { AppNotification, MyApproval, MyTask } from '../../api/types.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { isMessageKey, type MessageKey, useI18n, useT } from '../../i18n/index.tsx';
import { useUnreadNotifications } from '../../layout/AppLayout.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { useSession } from '../../session/session.tsx';

/** Screens of this SPA that a record's link may lead to. */
const KNOWN_SCREENS = ['/departments', '/people', '/roles', '/accounts', '/audit', '/settings'];

/**
 * Only same-site paths to an existing screen are followed (a link in a record is data, not a
 * redirect target); links to screens not built yet are shown as plain text.
 */
function internalLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null;
  const path = link.split(/[?#]/)[0] ?? '';
  return path === '/' || KNOWN_SCREENS.some((s) => path === s || path.startsWith(`${s}/`)) ? link : null;
}

function Unavailable() {
  const t = useT();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.unavailable')} />;
}

function TasksCard() {
  const t = useT();
  const { calendar } = useI18n();
  const navigate = useNavigate();
  const tasks = useQuery({ queryKey: queryKeys.myTasks, queryFn: () => optionalList<{ items: MyTask[] }>('/api/me/tasks?view=open') });
  const data = tasks.data && !isUnavailable(tasks.data) ? tasks.data.items : null;
  const overdue = data?.filter((x) => x.overdue).length ?? 0;
  return (
    <Card
      title={
        <Space>
          {t('home.tasks')}
          {data ? <Badge count={data.length} showZero color="#1d4f91" /> : null}
          {overdue ? <Tag color="error">{`${t('home.overdue')} ${overdue}`}</Tag> : null}
        </Space>
      }
      data-testid="home-tasks"
    >
      {tasks.isError ? <QueryError error={tasks.error} onRetry={() => tasks.refetch()} /> : null}
      {tasks.data && isUnavailable(tasks.data) ? (
        <Unavailable />
      ) : (
        <Table<MyTask>
          size="small"
          rowKey="id"
          loading={tasks.isPending}
          dataSource={data ?? []}
          pagination={data && data.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noTasks')} /> }}
          onRow={(task) => ({ onClick: () => internalLink(task.link) && navigate(internalLink(task.link) as string), style: { cursor: internalLink(task.link) ? 'pointer' : undefined } })}
          columns={[
            { title: t('home.due'), dataIndex: 'dueOn', width: 130, render: (v: string | null, task) => <span style={{ color: task.overdue ? '#cf1322' : undefined, fontWeight: task.overdue ? 600 : undefined }}>{formatDate(v, calendar)}</span> },
            { title: t('home.taskTitle'), dataIndex: 'title' },
            {
              title: t('common.status'),
              dataIndex: 'status',
              width: 110,
              render: (status: string, task) =>
                task.overdue ? <Tag color="error">{t('home.overdue')}</Tag> : <Tag>{isMessageKey(`home.taskStatus.${status}`) ? t(`home.taskStatus.${status}` as MessageKey) : status}</Tag>,
            },
          ]}
        />
      )}
    </Card>
  );
}

type Decision = { kind: 'approve' | 'return'; item: MyApproval };

function ApprovalsCard() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const approvals = useQuery({ queryKey: queryKeys.myApprovals, queryFn: () => optionalList<{ items: MyApproval[] }>('/api/me/approvals') });
  const data = approvals.data && !isUnavailable(approvals.data) ? approvals.data.items : null;
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  const decide = useMutation({
    mutationFn: ({ kind, item }: Decision) => api.post(`/api/approvals/${encodeURIComponent(item.id)}/${kind}`, comment.trim() ? { comment: comment.trim() } : {}),
    onSuccess: (_data, { kind }) => {
      message.success(kind === 'approve' ? t('home.approved') : t('home.returned'));
      setDecision(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myApprovals });
      void queryClient.invalidateQueries({ queryKey: queryKeys.myTasks });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
    onError: (error) => {
      const fieldError = error instanceof Error && 'fields' in error ? (error as { fields: { path: string; message: string }[] }).fields.find((f) => f.path === 'comment') : undefined;
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
      {approvals.data && isUnavailable(approvals.data) ? (
        <Unavailable />
      ) : (
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
                const link = internalLink(item.link);
                return link ? <Typography.Link onClick={() => navigate(link)}>{title}</Typography.Link> : title;
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
      )}
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
            <Typography.Paragraph>{decision.kind === 'approve' ? t('home.approveConfirm', { title: decision.item.title }) : t('home.returnConfirm', { title: decision.item.title })}</Typography.Paragraph>
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
  const data = notifications.data && !isUnavailable(notifications.data) ? notifications.data : null;
  const markRead = useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
    onError: (error) => message.error(errorMessage(error, t)),
  });
  const openItem = (n: AppNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const link = internalLink(n.link);
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
      {notifications.data && isUnavailable(notifications.data) ? (
        <Unavailable />
      ) : (
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
                    {internalLink(n.link) ? <Typography.Link onClick={() => openItem(n)}>{n.title}</Typography.Link> : <span>{n.title}</span>}
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
      )}
    </Card>
  );
}

/** ホーム: my tasks, my approvals and unread notifications (SPEC M16). */
export default function HomePage() {
  const t = useT();
  const { session } = useSession();
  return (
    <>
      <PageHeader title={t('home.title')} lead={session ? t('home.greeting', { name: session.account.name }) : undefined} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <ApprovalsCard />
        </Col>
        <Col xs={24} xl={14}>
          <TasksCard />
        </Col>
        <Col xs={24} xl={10}>
          <NotificationsCard />
        </Col>
      </Row>
    </>
  );
}
