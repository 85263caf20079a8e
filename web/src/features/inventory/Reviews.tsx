import { CheckOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Empty, List, Progress, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { errorMessage, YearInput } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDateTime, todayInJapan } from '../../lib/dates.ts';
import { useAbility } from '../../session/session.tsx';
import type { inventoryContract } from '../../../../src/modules/inventory/inventory.contract.ts';
import type { riskContract } from '../../../../src/modules/risk/risk.contract.ts';
import type { approvalsContract } from '../../../../src/platform/approvals/approvals.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { ApprovalPanel, ChangeTable } from './components.tsx';
import { type TextKey, useText } from './messages.ts';
import type { ReviewConfirmBody, ReviewList, ReviewListItem, ReviewStartBody } from './types.ts';

type InventoryReview = ResponseOf<typeof inventoryContract.review>;
/** The リスク分析's diff against last year, from the risk module's review route (risk.contract.ts, risk.responses.ts riskReviewDiffResponse). */
type RiskReviewDiff = NonNullable<NonNullable<ResponseOf<typeof riskContract.review>['diff']>['risk']>;
/** A review of either subject: the platform's fields and the 台帳's diff from the contract, and the リスク分析's diff. */
type Review = Omit<InventoryReview, 'diff'> & { diff: (NonNullable<InventoryReview['diff']> & { risk?: RiskReviewDiff }) | null };

type Subject = 'inventory' | 'risk';
const base = (subject: Subject) => (subject === 'inventory' ? '/api/inventory/reviews' : '/api/risk/reviews');
const screen = (subject: Subject) => (subject === 'inventory' ? '/inventory/reviews' : '/risk/reviews');
const recordType = (subject: Subject) => (subject === 'inventory' ? 'inventory_review' : 'risk_review');

function ReviewsScreen({ subject }: { subject: Subject }) {
  const tx = useText();
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canStart = useAbility(subject === 'inventory' ? 'inventory.request' : 'risk.manage');
  const [year, setYear] = useState(Number(todayInJapan().slice(0, 4)));
  // The year as typed: 「２０２６」「令和8年」 are read as 2026 and listed; text that does not read stays with the reason.
  const [typedYear, setTypedYear] = useState<number | string | null>(year);
  const typeYear = (v: number | string | null) => {
    setTypedYear(v);
    if (typeof v === 'number') setYear(v);
  };
  const list = useQuery({ queryKey: ['reviews', subject, year], queryFn: () => api.get<ReviewList>(`${base(subject)}?year=${year}`) });
  const start = useMutation({
    mutationFn: (departmentId: string) => api.post<Review>(base(subject), { departmentId, year } satisfies ReviewStartBody),
    onSuccess: (review) => navigate(`${screen(subject)}/${review.id}`),
    onError: (error) => message.error(errorMessage(error, t)),
  });
  return (
    <>
      <PageHeader
        title={subject === 'inventory' ? tx('rev.title') : tx('rev.riskTitle')}
        lead={subject === 'inventory' ? tx('rev.lead') : tx('rev.riskLead')}
        extra={
          <Space>
            {tx('rev.year')}
            <YearInput label="年" min={2000} max={2100} value={typedYear} onChange={typeYear} style={{ width: 100 }} aria-label={tx('rev.year')} />
          </Space>
        }
      />
      {list.isError ? <QueryError error={list.error} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ReviewListItem>
          rowKey="departmentId"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            { title: tx('inv.department'), dataIndex: 'departmentName' },
            {
              title: tx('inv.status'),
              dataIndex: 'statusLabel',
              width: 160,
              render: (v: string, r) => <Tag color={r.status === 'approved' ? 'green' : r.status === 'pending' ? 'blue' : r.status ? 'gold' : 'default'}>{v}</Tag>,
            },
            {
              title: '',
              key: 'progress',
              width: 220,
              render: (_: unknown, r) =>
                r.reviewId ? (
                  <Progress
                    percent={r.itemCount ? Math.round((r.decidedCount / r.itemCount) * 100) : 100}
                    size="small"
                    format={() => tx('rev.progress', { done: r.decidedCount, total: r.itemCount })}
                    aria-label={tx('rev.progress', { done: r.decidedCount, total: r.itemCount })}
                  />
                ) : null,
            },
            {
              title: '',
              key: 'action',
              width: 180,
              render: (_: unknown, r) =>
                r.reviewId ? (
                  <Button size="small" onClick={() => navigate(`${screen(subject)}/${r.reviewId}`)}>
                    {tx('rev.open')}
                  </Button>
                ) : canStart ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={start.isPending && start.variables === r.departmentId}
                    onClick={() => start.mutate(r.departmentId)}
                    data-testid={`review-start-${r.departmentName}`}
                  >
                    {tx('rev.start')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}

type InventoryDiffEntry = NonNullable<NonNullable<Review['diff']>['inventory']>['added'][number];

/** An entry added to or removed from the 台帳 since the last review, with its follow-ups (clause cited). */
function addedOrRemoved(entry: InventoryDiffEntry, color: 'green' | 'red', label: string) {
  return {
    key: `${color}-${entry.id}`,
    label: (
      <span>
        <Tag color={color}>{label}</Tag>
        {entry.name}
      </span>
    ),
    children: entry.followUps.map((f) => (
      <div key={f.clause}>
        {f.message}（{f.clause}）
      </div>
    )),
  };
}

function DiffView({ review }: { review: Review }) {
  const tx = useText();
  const diff = review.diff;
  if (!diff) return <Typography.Text type="secondary">{tx('rev.noDiff')}</Typography.Text>;
  if (diff.inventory) {
    const d = diff.inventory;
    return (
      <div data-testid="review-diff">
        <Typography.Paragraph>{tx('rev.diff', { baseline: diff.baselineLabel })}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 8 }}>
          <Tag color="green">{`${tx('rev.added')} ${d.added.length}`}</Tag>
          <Tag color="red">{`${tx('rev.removed')} ${d.removed.length}`}</Tag>
          <Tag color="blue">{`${tx('rev.changed')} ${d.changed.length}`}</Tag>
          <Tag>{tx('rev.unchanged', { n: d.unchangedIds.length })}</Tag>
        </Space>
        <Collapse
          size="small"
          items={[
            ...d.added.map((a) => addedOrRemoved(a, 'green', tx('rev.added'))),
            ...d.removed.map((a) => addedOrRemoved(a, 'red', tx('rev.removed'))),
            ...d.changed.map((c) => ({
              key: `c${c.id}`,
              label: (
                <span>
                  <Tag color="blue">{tx('rev.changed')}</Tag>
                  {c.name}
                </span>
              ),
              children: (
                <>
                  <ChangeTable changes={c.changes} />
                  {c.followUps.map((f) => (
                    <div key={f.clause + f.message} style={{ fontSize: 12, marginTop: 4 }}>
                      {f.message}（{f.clause}）
                    </div>
                  ))}
                </>
              ),
            })),
          ]}
        />
      </div>
    );
  }
  const r = diff.risk;
  if (!r) return null;
  return (
    <div data-testid="review-diff">
      <Typography.Paragraph>{tx('rev.diff', { baseline: diff.baselineLabel })}</Typography.Paragraph>
      <List
        size="small"
        dataSource={[
          ...r.added.map((a) => `${tx('rev.added')}: ${a.category}`),
          ...r.removed.map((a) => `${tx('rev.removed')}: ${a.category}`),
          ...r.changed.map((c) => `${tx('rev.changed')}: ${c.category}（リスク追加 ${c.addedRisks.length}・削除 ${c.removedRisks.length}・評価等の変更 ${c.changedRisks.length}）`),
          tx('rev.unchanged', { n: r.unchangedIds.length }),
        ]}
        renderItem={(line) => <List.Item>{line}</List.Item>}
      />
    </div>
  );
}

function ReviewScreen({ subject }: { subject: Subject }) {
  const tx = useText();
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const review = useQuery({ queryKey: ['review', subject, id], queryFn: () => api.get<Review>(`${base(subject)}/${id}`) });
  const approval = useQuery({
    queryKey: ['review-approval', id],
    queryFn: () => api.get<ResponseOf<typeof approvalsContract.stamps>>(`/api/approval-stamps?recordType=${recordType(subject)}&recordId=${id}`),
    enabled: !!review.data && review.data.status !== 'draft',
  });
  const act = useMutation({
    mutationFn: (input: { kind: 'confirm'; subjectId: string } | { kind: 'submit' }) =>
      input.kind === 'confirm'
        ? api.post<Review>(`${base(subject)}/${id}/confirm`, { subjectId: input.subjectId } satisfies ReviewConfirmBody)
        : api.post<Review>(`${base(subject)}/${id}/submit`),
    onSuccess: (data) => {
      queryClient.setQueryData(['review', subject, id], data);
      void queryClient.invalidateQueries({ queryKey: ['review-approval', id] });
    },
    onError: (error) => message.error(errorMessage(error, t)),
  });
  if (review.isError) return <QueryError error={review.error} />;
  if (!review.data) return <Skeleton active />;
  const r = review.data;
  return (
    <>
      <PageHeader
        title={`${subject === 'inventory' ? tx('rev.title') : tx('rev.riskTitle')}: ${r.departmentName}（${r.year}年）`}
        lead={
          <Tag color={r.status === 'approved' ? 'green' : r.status === 'pending' ? 'blue' : 'gold'} data-testid="review-status">
            {r.statusLabel}
          </Tag>
        }
        extra={
          r.abilities.submit ? (
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={act.isPending && act.variables?.kind === 'submit'}
              onClick={() => act.mutate({ kind: 'submit' })}
              data-testid="review-submit"
            >
              {tx('rev.submit')}
            </Button>
          ) : null
        }
      />
      {approval.data?.current ? (
        <Card title={tx('appr.title')} style={{ marginBottom: 16 }}>
          <ApprovalPanel approvalRequestId={approval.data.current.requestId} onChanged={() => void queryClient.invalidateQueries({ queryKey: ['review', subject, id] })} />
        </Card>
      ) : null}
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
        {r.items.length === 0 ? <Empty style={{ padding: 24 }} /> : null}
        <Table
          rowKey="subjectId"
          pagination={false}
          dataSource={r.items}
          data-testid="review-items"
          columns={[
            {
              title: subject === 'inventory' ? tx('inv.name') : '類型',
              dataIndex: 'label',
              render: (label: string, i) => (
                <Typography.Link onClick={() => navigate(subject === 'inventory' ? `/inventory/entries/${i.subjectId}` : `/risk/assessments/${i.subjectId}`)}>
                  {label}
                </Typography.Link>
              ),
            },
            {
              title: tx('inv.status'),
              dataIndex: 'decision',
              width: 120,
              render: (d: string) => <Tag color={d === 'confirmed' ? 'green' : d === 'changed' ? 'blue' : 'default'}>{tx(`rev.decision.${d}` as TextKey)}</Tag>,
            },
            { title: '', key: 'by', width: 220, render: (_: unknown, i) => (i.decidedByName ? `${i.decidedByName}（${formatDateTime(i.decidedAt)}）` : '') },
            {
              title: '',
              key: 'actions',
              width: 260,
              render: (_: unknown, i) =>
                r.abilities.edit ? (
                  <Space>
                    <Button size="small" icon={<CheckOutlined />} disabled={i.decision === 'changed'} onClick={() => act.mutate({ kind: 'confirm', subjectId: i.subjectId })}>
                      {tx('rev.confirm')}
                    </Button>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => navigate(subject === 'inventory' ? `/inventory/requests/new?entryId=${i.subjectId}&reviewId=${r.id}` : `/risk/assessments/${i.subjectId}`)}
                    >
                      {subject === 'inventory' ? tx('rev.change') : tx('rev.revise')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={tx('rev.diff', { baseline: r.diff?.baselineLabel ?? '—' })}>
        {r.status === 'draft' ? <Alert type="info" showIcon title={tx('rev.noDiff')} /> : <DiffView review={r} />}
      </Card>
    </>
  );
}

export function ReviewsPage({ subject }: { subject: Subject }) {
  return (
    <RequirePermission permission={subject === 'inventory' ? 'inventory.read' : 'risk.read'}>
      <ReviewsScreen subject={subject} />
    </RequirePermission>
  );
}

export function ReviewPage({ subject }: { subject: Subject }) {
  return (
    <RequirePermission permission={subject === 'inventory' ? 'inventory.read' : 'risk.read'}>
      <ReviewScreen subject={subject} />
    </RequirePermission>
  );
}
