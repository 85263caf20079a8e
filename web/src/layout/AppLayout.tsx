import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  HomeOutlined,
  IdcardOutlined,
  LockOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Dropdown, Empty, Layout, List, Menu, Popover, Space, Tag, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { UnsavedChangesBoundary } from '../components/unsavedChanges.tsx';
import type { ResponseOf } from '../../../src/platform/http/contract.ts';
import { notificationsContract } from '../../../src/platform/notifications/notifications.contract.ts';
import { api, withQuery } from '../api/client.ts';
import { pathOf, queryKeys } from '../api/queries.ts';
import { useI18n, useLabels, useT } from '../i18n/index.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { appLink } from '../lib/links.ts';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { features } from '../features/index.ts';
import { IdleLogout } from '../session/idle.tsx';
import { AntdProvider } from './AntdProvider.tsx';
import { useSession } from '../session/session.tsx';

/** A page of my notifications with the unread count (GET /api/notifications). */
export type NotificationList = ResponseOf<typeof notificationsContract.list>;
export type AppNotification = NotificationList['items'][number];

/** Marks one of my notifications read. */
export function markNotificationRead(id: string) {
  return api.post<ResponseOf<typeof notificationsContract.markRead>>(pathOf(notificationsContract.markRead, { id }));
}

/** Unread notifications for the header badge (shared with the home page). */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => api.get<NotificationList>(withQuery(pathOf(notificationsContract.list), { unread: '1' })),
    staleTime: 30_000,
  });
}

function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notifications = useUnreadNotifications();
  const data = notifications.data;
  const count = data?.unreadCount ?? 0;
  // Opening a notification reads it and goes to its screen (the home page when it has none here).
  const open = (n: AppNotification) => {
    if (!n.readAt) {
      void markNotificationRead(n.id)
        .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }))
        .catch(() => undefined);
    }
    navigate(appLink(n.link) ?? '/');
  };
  const content = (
    <div style={{ width: 340 }}>
      {data && data.items.length > 0 ? (
        <List
          size="small"
          dataSource={data.items.slice(0, 6)}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => open(n)}>
              <List.Item.Meta
                title={
                  <Space size={4}>
                    {n.urgent ? <Tag color="red">{t('home.urgent')}</Tag> : null}
                    <span>{n.title}</span>
                  </Space>
                }
                description={<span style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</span>}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('header.noNotifications')} />
      )}
      <div style={{ textAlign: 'right', borderTop: '1px solid #f0f0f0', paddingTop: 6 }}>
        <Button type="link" size="small" onClick={() => navigate('/notifications')}>
          {t('header.seeAll')}
        </Button>
      </div>
    </div>
  );
  return (
    <Popover content={content} title={t('header.notifications')} trigger="click" placement="bottomRight">
      <Button type="text" aria-label={t('header.notifications')} data-testid="notification-bell">
        <Badge count={count} size="small" offset={[4, -2]}>
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

/** The frame of every signed-in screen: header (organization, user, notifications, logout) and side menu. */
export function AppLayout() {
  const t = useT();
  const labels = useLabels();
  const { locale, setLocale } = useI18n();
  const { session, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const abilities = useMemo(() => new Set(session?.abilities ?? []), [session]);

  const items = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    { key: '/departments', icon: <ApartmentOutlined />, label: t('nav.departments'), need: 'org.read' },
    { key: '/people', icon: <TeamOutlined />, label: t('nav.people'), need: 'people.read' },
    { key: '/roles', icon: <SafetyCertificateOutlined />, label: t('nav.roles'), need: 'org.read' },
    { key: '/accounts', icon: <IdcardOutlined />, label: t('nav.accounts'), need: 'accounts.manage' },
    { key: '/audit', icon: <AuditOutlined />, label: t('nav.audit'), need: 'audit.read' },
    // The modules' entries (features/index.ts), in their list order.
    ...features.flatMap((f) => f.menu.map(({ path, icon, Label, need }) => ({ key: path, icon, label: <Label />, need }))),
    { key: '/settings', icon: <SettingOutlined />, label: t('nav.settings') },
  ]
    .filter((item) => !item.need || abilities.has(item.need))
    .map(({ need: _need, ...item }) => item);
  const selected = items.map((i) => i.key).filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k)));

  if (!session) return null;
  const roleText = [...new Set(session.roles.map((r) => labels.role(r.role)))].join('・');

  return (
    // antd (locale, theme, App) starts here, not in main.tsx: the login page does without it (issue 10).
    <AntdProvider>
      <UnsavedChangesBoundary>
        <Layout style={{ minHeight: '100vh' }}>
          <IdleLogout timeoutMinutes={session.idleTimeoutMinutes} />
          {/* 「本文へ移動」: the first stop of Tab, past the header and the menu (WCAG 2.4.1). */}
          <a className="mm-skip-link" href="#main">
            {t('a11y.skipToMain')}
          </a>
          <Layout.Header style={{ display: 'flex', alignItems: 'center', position: 'sticky', top: 0, zIndex: 20 }}>
            <div className="mm-brand">
              <span className="mm-brand-name">{t('app.name')}</span>
              <span className="mm-brand-sub">{t('app.subtitle')}</span>
            </div>
            <div className="mm-header-org" data-testid="org-name">
              {session.account.organizationName}
            </div>
            <div className="mm-header-right">
              <NotificationBell />
              <Button type="text" icon={<TranslationOutlined />} onClick={() => setLocale(locale === 'ja' ? 'en' : 'ja')} data-testid="language-toggle">
                {locale === 'ja' ? 'English' : '日本語'}
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'roles', label: <Typography.Text type="secondary">{roleText || t('nav.people')}</Typography.Text>, disabled: true },
                    { type: 'divider' },
                    { key: 'password', icon: <LockOutlined />, label: t('header.changePassword'), onClick: () => navigate('/settings?tab=password') },
                    { key: 'totp', icon: <SafetyCertificateOutlined />, label: t('header.totp'), onClick: () => navigate('/settings/totp') },
                    { type: 'divider' },
                    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), onClick: () => void logout('manual') },
                  ],
                }}
              >
                <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                  {session.account.name}
                </Button>
              </Dropdown>
              <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout('manual')} data-testid="logout">
                {t('header.logout')}
              </Button>
            </div>
          </Layout.Header>
          <Layout>
            <Layout.Sider width={200} breakpoint="lg" collapsedWidth={56} style={{ borderRight: '1px solid #e5e8ec' }}>
              <nav aria-label={t('nav.menu')}>
                <Menu
                  mode="inline"
                  selectedKeys={selected}
                  items={items}
                  onClick={({ key }) => navigate(key)}
                  style={{ borderInlineEnd: 'none', paddingTop: 8 }}
                  aria-label={t('nav.menu')}
                />
              </nav>
            </Layout.Sider>
            {/* The main landmark (antd renders Content as <main>), the skip link's target. */}
            <Layout.Content id="main" tabIndex={-1}>
              <div className="mm-page">
                {session.mustEnrollTotp ? <Alert type="warning" showIcon title={t('totp.mustEnroll')} style={{ marginBottom: 16 }} /> : null}
                <Suspense fallback={<FullPageSpin />}>
                  <Outlet />
                </Suspense>
              </div>
            </Layout.Content>
          </Layout>
        </Layout>
      </UnsavedChangesBoundary>
    </AntdProvider>
  );
}
