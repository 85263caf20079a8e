import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { notificationsContract } from '../../../../src/platform/notifications/notifications.contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf, queryKeys } from '../../api/queries.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { appLink } from '../../lib/links.ts';
import { useNotificationText } from './messages.ts';

// お知らせ (/notifications, SPEC §3 Notifications): every notification of mine, newest first —
// open one (it is read, and its record's screen opens), mark one or all read.

type Page = ResponseOf<typeof notificationsContract.list>;
type Notification = Page['items'][number];
type Show = 'all' | 'unread';

const PAGE_SIZE = 20;

export default function NotificationsPage() {
  const tx = useNotificationText();
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [show, setShow] = useState<Show>('all');
  const [page, setPage] = useState(1);
  const list = useQuery({
    // Under the shared key, so the header bell and the home refresh with it.
    queryKey: [...queryKeys.notifications, 'page', show, page],
    queryFn: () => api.get<Page>(withQuery(pathOf(notificationsContract.list), { unread: show === 'unread' ? '1' : undefined, page, pageSize: PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
  const markRead = useMutation({
    mutationFn: (id: string) => api.post(pathOf(notificationsContract.markRead, { id })),
    onSuccess: () => void refresh(),
    onError: (error) => message.error(errorMessage(error, t)),
  });
  const markAll = useMutation({
    mutationFn: () => api.post<ResponseOf<typeof notificationsContract.markAllRead>>(pathOf(notificationsContract.markAllRead)),
    onSuccess: (r) => {
      message.success(tx('notifications.markedAll', { count: r.count }));
      void refresh();
    },
    onError: (error) => message.error(errorMessage(error, t)),
  });
  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const link = appLink(n.link);
    if (link) navigate(link);
  };
  const data = list.data;
  const unread = data?.unreadCount ?? 0;

  return (
    <>
      <PageHeader
        title={tx('notifications.title')}
        lead={tx('notifications.lead')}
        extra={
          <Button icon={<CheckOutlined />} onClick={() => markAll.mutate()} disabled={unread === 0} loading={markAll.isPending} data-testid="notifications-read-all">
            {tx('notifications.markAllRead')}
          </Button>
        }
      />
      <Card
        title={
          <Space>
            <Segmented<Show>
              aria-label={tx('notifications.show')}
              value={show}
              onChange={(v) => {
                setShow(v);
                setPage(1);
              }}
              options={[
                { value: 'all', label: tx('notifications.all') },
                { value: 'unread', label: tx('notifications.unread') },
              ]}
              data-testid="notifications-show"
            />
            <Badge count={unread} showZero color={unread ? '#cf1322' : '#8c8c8c'} title={tx('notifications.unreadCount', { count: unread })} />
          </Space>
        }
      >
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <List<Notification>
          loading={list.isFetching}
          dataSource={data?.items ?? []}
          data-testid="notifications-list"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={show === 'unread' ? tx('notifications.emptyUnread') : tx('notifications.empty')} /> }}
          pagination={data && data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, size: 'small' } : false}
          renderItem={(n) => {
            const link = appLink(n.link);
            return (
              <List.Item
                data-testid={`notification-${n.id}`}
                style={{ background: n.readAt ? undefined : '#f6fbff' }}
                actions={[
                  link ? (
                    <Button
                      key="open"
                      type="link"
                      size="small"
                      onClick={() => open(n)}
                      aria-label={`${tx('notifications.open')}: ${n.title}`}
                      data-testid={`notification-open-${n.id}`}
                    >
                      {tx('notifications.open')}
                    </Button>
                  ) : null,
                  n.readAt ? (
                    <Typography.Text key="read" type="secondary">
                      {tx('notifications.read')}
                    </Typography.Text>
                  ) : (
                    <Button
                      key="mark"
                      type="link"
                      size="small"
                      onClick={() => markRead.mutate(n.id)}
                      aria-label={`${tx('notifications.markRead')}: ${n.title}`}
                      data-testid={`notification-mark-${n.id}`}
                    >
                      {tx('notifications.markRead')}
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      {n.readAt ? null : <Badge status="processing" />}
                      {n.urgent ? <Tag color="red">{tx('notifications.urgent')}</Tag> : null}
                      {link ? (
                        <Typography.Link
                          href={link}
                          strong={!n.readAt}
                          onClick={(e) => {
                            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                            e.preventDefault();
                            open(n);
                          }}
                        >
                          {n.title}
                        </Typography.Link>
                      ) : (
                        <Typography.Text strong={!n.readAt}>
                          {n.title}
                          {n.link ? <Typography.Text type="secondary"> {tx('notifications.noScreen')}</Typography.Text> : null}
                        </Typography.Text>
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
            );
          }}
        />
      </Card>
    </>
  );
}
