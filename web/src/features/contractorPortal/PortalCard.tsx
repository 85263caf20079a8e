import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { DateInput } from '../../components/form.tsx';
import { useAbility } from '../../session/session.tsx';
import { ExchangeAnswers } from './ExchangeAnswers.tsx';
import type { Exchange, Invitation, PortalLink } from './types.ts';

const date = (iso: string | null) => (iso ? iso.slice(0, 10).replaceAll('-', '/') : '');

/**
 * 委託先ポータル on a contractor's page (issue #13, 委託元の側): invite the contractor by e-mail, see
 * whether it connected, ask for the 特記事項遵守報告書 by a due date, and review the answers — the
 * items that depart from a compliant answer marked 指摘.
 */
export function PortalCard({ contractorId }: { contractorId: string }) {
  const allowed = useAbility('contractorPortal.manage');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [kind, setKind] = useState<'compliance_report' | 'questionnaire'>('compliance_report');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const links = useQuery({
    queryKey: ['contractor-portal', 'links', contractorId],
    queryFn: () => api.get<{ items: PortalLink[] }>(`/api/contractor-portal/links?contractorId=${contractorId}`),
    enabled: allowed,
  });
  const sent = useQuery({ queryKey: ['contractor-portal', 'sent'], queryFn: () => api.get<{ items: Exchange[] }>('/api/contractor-portal/exchanges'), enabled: allowed });
  if (!allowed) return null;
  const active = links.data?.items.find((l) => l.status === 'active');
  const pending = links.data?.items.find((l) => l.status === 'invited');
  const exchanges = (sent.data?.items ?? []).filter((e) => links.data?.items.some((l) => l.id === e.linkId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['contractor-portal'] });
  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      message.success(done);
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.fields.map((f) => f.message).join(' / ') || e.message : String(e));
    }
  };
  return (
    <Card size="small" title="委託先ポータル（遵守報告書・調査票の依頼と確認）" data-testid="portal-card">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="portal-card-error" /> : null}
      {active ? (
        <Typography.Paragraph>
          <Tag color="green">接続済み</Tag> {active.counterpartyName}（{date(active.acceptedAt)} 接続）
        </Typography.Paragraph>
      ) : (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
          {pending ? (
            <Typography.Text type="secondary">招待中（{date(pending.invitationExpiresAt)} まで有効）。招待し直すと前の招待のコードは使えなくなります。</Typography.Text>
          ) : (
            <Typography.Text type="secondary">委託先の担当者をメールで招待します。委託先は自分の組織の Mamori で招待を受けます。</Typography.Text>
          )}
          <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
            <Input placeholder="委託先の担当者のメールアドレス" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="portal-invite-email" />
            <Button
              type="primary"
              onClick={() => run(async () => setInvitation(await api.post<Invitation>('/api/contractor-portal/invitations', { contractorId, email })), '招待のメールを送りました')}
              data-testid="portal-invite"
            >
              招待する
            </Button>
          </Space.Compact>
          {invitation ? (
            <Alert
              type="info"
              showIcon
              title="招待のコード（この画面でだけ表示します）"
              description={
                <Typography.Text copyable code data-testid="portal-invite-code">
                  {invitation.invitationToken}
                </Typography.Text>
              }
            />
          ) : null}
        </Space>
      )}
      {active ? (
        <Space wrap style={{ marginBottom: 8 }}>
          <Select
            aria-label="依頼の種類"
            value={kind}
            onChange={setKind}
            style={{ width: 300 }}
            options={[
              { value: 'compliance_report', label: '特記事項遵守報告書' },
              { value: 'questionnaire', label: '個人情報管理状況調査票（添付つき）' },
            ]}
            data-testid="portal-request-kind"
          />
          <span>提出期限</span>
          <DateInput id="portal-due" value={dueOn} onChange={(v) => setDueOn(v)} onBlur={() => undefined} />
          <Button onClick={() => run(() => api.post(`/api/contractor-portal/links/${active.id}/exchanges`, { kind, dueOn }), '依頼しました')} data-testid="portal-request">
            依頼する
          </Button>
        </Space>
      ) : null}
      <List
        dataSource={exchanges}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="依頼はまだありません" /> }}
        renderItem={(e) => (
          <List.Item key={e.id} data-testid={`portal-exchange-${e.id}`}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <strong>{e.title}</strong>
                <Tag color={e.overdue ? 'red' : e.status === 'answered' ? 'gold' : e.status === 'accepted' ? 'green' : undefined}>
                  {e.overdue ? `${e.statusLabel}・期限超過` : e.statusLabel}
                </Tag>
                <span>期限 {date(e.dueOn)}</span>
                {e.answeredByName ? (
                  <span>
                    回答: {e.answeredByName}（{date(e.answeredAt)}）
                  </span>
                ) : null}
                {e.deviations.length > 0 ? <Tag color="red">指摘 {e.deviations.length}件</Tag> : null}
              </Space>
              {e.kind === 'questionnaire' ? (
                <Link to={`/contractor-exchanges/${e.id}`} data-testid={`portal-questionnaire-${e.id}`}>
                  {e.status === 'answered' ? '調査票の回答を確認する' : '調査票を開く'}
                </Link>
              ) : (
                <ExchangeAnswers exchange={e} />
              )}
              {e.reviewNote ? <Typography.Text type="secondary">確認のコメント: {e.reviewNote}</Typography.Text> : null}
              {e.status === 'answered' && e.kind === 'compliance_report' ? (
                <Space wrap>
                  <Input
                    placeholder="確認のコメント（差し戻すときは必須）"
                    value={note}
                    onChange={(x) => setNote(x.target.value)}
                    style={{ width: 360 }}
                    data-testid="portal-review-note"
                  />
                  <Button
                    type="primary"
                    onClick={() => run(() => api.post(`/api/contractor-portal/exchanges/${e.id}/review`, { decision: 'accepted', note }), '確認しました')}
                    data-testid="portal-accept"
                  >
                    確認済みにする
                  </Button>
                  <Button
                    danger
                    onClick={() => run(() => api.post(`/api/contractor-portal/exchanges/${e.id}/review`, { decision: 'returned', note }), '差し戻しました')}
                    data-testid="portal-return"
                  >
                    差し戻す
                  </Button>
                </Space>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
