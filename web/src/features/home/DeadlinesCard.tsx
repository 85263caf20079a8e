import { Card, Col, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { type MouseEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate } from '../../lib/dates.ts';
import { appLink } from '../../lib/links.ts';
import { type Deadline, useMyDeadlines, useOverdueByDepartment } from '../tasks/api.ts';
import { type HomeText, useHomeText } from './messages.ts';

// 期限 on the home (SPEC M16; issue #10: a PPC 速報 due in 4 days counted 0 in 「期限間近」). The
// counts and the list come from GET /api/me/deadlines: the open legal deadlines the modules keep
// (an incident's 速報・確報・本人通知…) and my overdue / due-soon tasks, both counted by one
// definition — 期限間近 = due from today to today + 7 (Japan's calendar days), 期限超過 = before today.

/** Which deadlines the list shows (a count filters it). */
type Filter = 'all' | 'overdue' | 'due_soon' | 'legal';

function follow(e: MouseEvent, go: () => void): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  go();
}

function when(d: Deadline, th: HomeText): string {
  if (d.daysLeft === null) return th('deadlines.undated');
  if (d.daysLeft === 0) return th('deadlines.today');
  return d.daysLeft > 0 ? th('deadlines.daysLeft', { days: d.daysLeft }) : th('deadlines.daysOver', { days: -d.daysLeft });
}

const stateColor: Record<Deadline['state'], string> = { overdue: 'error', due_soon: 'warning', later: 'default', undated: 'processing' };

export function DeadlinesCard() {
  const th = useHomeText();
  const { calendar } = useI18n();
  const navigate = useNavigate();
  const deadlines = useMyDeadlines();
  const data = deadlines.data;
  const [filter, setFilter] = useState<Filter>('all');
  const days = data?.dueSoonDays ?? 7;
  // The list: what needs attention (overdue, due soon, and every open deadline a module keeps);
  // a count narrows it — 法令上の報告等 to the deadlines a statute sets.
  const items = (data?.items ?? []).filter((d) =>
    filter === 'all' ? d.state === 'overdue' || d.state === 'due_soon' || d.kind === 'deadline' : filter === 'legal' ? d.authority === 'law' : d.state === filter,
  );
  const stat = (key: Filter, title: string, value: number | undefined, color: string) => (
    <Col xs={8}>
      <button
        type="button"
        className={`mm-stat-button${filter === key ? ' mm-stat-active' : ''}`}
        onClick={() => setFilter(filter === key ? 'all' : key)}
        aria-pressed={filter === key}
        data-testid={`home-deadlines-${key === 'due_soon' ? 'dueSoon' : key}`}
      >
        <Statistic title={title} value={value ?? 0} loading={deadlines.isPending} styles={{ content: { color: value ? color : undefined, fontWeight: 600 } }} />
      </button>
    </Col>
  );
  return (
    <Card title={th('deadlines.title')} data-testid="home-deadlines" styles={{ body: { padding: '12px 16px' } }}>
      {deadlines.isError ? <QueryError error={deadlines.error} onRetry={() => deadlines.refetch()} /> : null}
      <Row gutter={12}>
        {stat('overdue', th('deadlines.overdue'), data?.counts.overdue, '#cf1322')}
        {stat('due_soon', th('deadlines.dueSoon', { days }), data?.counts.dueSoon, '#d46b08')}
        {stat('legal', th('deadlines.legalOpen'), data?.counts.legalOpen, '#1d4f91')}
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
        {th('deadlines.definition', { days })}
      </Typography.Paragraph>
      <List<Deadline>
        size="small"
        dataSource={items}
        loading={deadlines.isPending}
        data-testid="home-deadline-list"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filter === 'all' ? th('deadlines.empty') : th('deadlines.emptyFilter')} /> }}
        renderItem={(d) => {
          const link = appLink(d.link);
          return (
            <List.Item data-testid={`home-deadline-${d.id}`} data-state={d.state}>
              <List.Item.Meta
                title={
                  <Space size={6} wrap>
                    <Tag color={stateColor[d.state]}>{d.stateLabel}</Tag>
                    <Tag color={d.authority === 'law' ? 'blue' : undefined}>{d.authority ? th(`deadlines.authority.${d.authority}`) : th('deadlines.kind.task')}</Tag>
                    {link ? (
                      <Typography.Link href={link} onClick={(e) => follow(e, () => navigate(link))}>
                        {d.title}
                      </Typography.Link>
                    ) : (
                      <span>{d.title}</span>
                    )}
                  </Space>
                }
                description={
                  <Space size={12} wrap style={{ fontSize: 12 }}>
                    <span style={{ color: d.state === 'overdue' ? '#cf1322' : undefined, fontWeight: d.state === 'overdue' ? 600 : undefined }}>
                      {d.dueOn ? `${formatDate(d.dueOn, calendar)}（${when(d, th)}）` : when(d, th)}
                    </span>
                    {d.departmentName ? <span>{d.departmentName}</span> : null}
                    {d.detail ? <span>{d.detail}</span> : null}
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

/** 所属ごとの期限超過 (tasks.manage): where the PMS year is behind. */
export function OverdueByDepartmentCard() {
  const th = useHomeText();
  const rows = useOverdueByDepartment(true);
  return (
    <Card title={th('byDept.title')} data-testid="home-overdue-by-department">
      {rows.isError ? <QueryError error={rows.error} onRetry={() => rows.refetch()} /> : null}
      <Table
        size="small"
        rowKey={(r) => r.departmentId ?? 'org'}
        loading={rows.isPending}
        dataSource={rows.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={th('byDept.none')} /> }}
        columns={[
          { title: th('byDept.department'), dataIndex: 'departmentName' },
          { title: th('byDept.tasks'), dataIndex: 'overdueTasks', width: 90, align: 'right', render: (v: number) => (v ? <Tag color="error">{v}</Tag> : 0) },
          { title: th('byDept.deadlines'), dataIndex: 'overdueDeadlines', width: 120, align: 'right', render: (v: number) => (v ? <Tag color="error">{v}</Tag> : 0) },
        ]}
      />
    </Card>
  );
}
