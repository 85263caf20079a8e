import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, List, Result, Skeleton, Table, Typography } from 'antd';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { CorrectionAnswerForm } from './CorrectionAnswerForm.tsx';
import { PublicFrame } from './PublicFrame.tsx';
import type { PortalProgress } from './types.ts';

const date = (iso: string | null) => (iso ? iso.replaceAll('-', '/') : '—');

/**
 * 受付状況 (issue #14 M5): what the requester sees through the follow-up link — the 受付番号,
 * the status, the 補正 the office asked for with their dates, the reply date. Just after sending,
 * the page also says to keep this URL (it is the only key).
 */
export default function PortalReceiptPage() {
  const { slug = '', number = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const token = params.get('token') ?? '';
  const justSent = (location.state as { justSent?: boolean } | null)?.justSent === true;
  const progress = useQuery({
    queryKey: ['portal', slug, 'receipt', number, token],
    queryFn: () =>
      api.get<PortalProgress>(`/api/public/portals/${encodeURIComponent(slug)}/receipts/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`, { quiet401: true }),
    refetchOnWindowFocus: false,
  });
  if (progress.isError)
    return (
      <PublicFrame organizationName={null}>
        <Result status="404" title="受付が見つかりません" subTitle="確認用のURLが正しいか、お確かめください。" />
      </PublicFrame>
    );
  if (!progress.data)
    return (
      <PublicFrame organizationName={null}>
        <Skeleton active />
      </PublicFrame>
    );
  const p = progress.data;
  return (
    <PublicFrame organizationName={p.organizationName}>
      {justSent ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="portal-sent"
          title={`受け付けました。受付番号は ${p.receiptNumber} です。`}
          description={
            <>
              <div>このページのURLが受付状況の確認用です。あなただけのものなので、控えてください（再発行はできません）。</div>
              <Typography.Text copyable code data-testid="portal-followup-url">
                {window.location.href}
              </Typography.Text>
            </>
          }
        />
      ) : null}
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>受付状況</h1>}>
        <Descriptions column={1} size="small" bordered data-testid="portal-progress">
          <Descriptions.Item label="受付番号">{p.receiptNumber}</Descriptions.Item>
          <Descriptions.Item label="種類">{p.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="受付日">{date(p.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label="状況">{p.statusLabel}</Descriptions.Item>
          <Descriptions.Item label="回答日">{date(p.repliedOn)}</Descriptions.Item>
        </Descriptions>
        {p.corrections.length > 0 ? (
          <>
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
              補正のお願い
            </Typography.Title>
            <Table
              size="small"
              rowKey={(c) => `${c.askedOn}:${c.what}`}
              pagination={false}
              dataSource={p.corrections}
              data-testid="portal-corrections"
              columns={[
                { title: 'お願いした日', dataIndex: 'askedOn', width: 120, render: date },
                { title: '内容', dataIndex: 'what' },
                { title: '完了した日', dataIndex: 'completedOn', width: 120, render: (v: string | null) => (v ? date(v) : '未完了') },
                { title: 'あなたの回答', dataIndex: 'answer', render: (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—') },
              ]}
            />
          </>
        ) : null}
        {p.files.length > 0 ? (
          <>
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
              送った書類
            </Typography.Title>
            <List
              size="small"
              bordered
              data-testid="portal-sent-files"
              dataSource={p.files}
              renderItem={(f) => (
                <List.Item>
                  {f.kindLabel}: {f.fileName}（{date(f.sentOn)}）
                </List.Item>
              )}
            />
          </>
        ) : null}
      </Card>
      {p.canAnswer ? <CorrectionAnswerForm slug={slug} number={number} token={token} /> : null}
    </PublicFrame>
  );
}
