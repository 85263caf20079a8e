import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Empty, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useAbility } from '../../session/session.tsx';
import { ReportDetails } from './ReportDetails.tsx';
import type { PortalReport } from './reportTypes.ts';

const statusColor: Record<string, string | undefined> = {
  refused: 'red',
  approved: 'green',
  confirmed: 'green',
  closed: 'green',
  in_approval: 'blue',
  handling: 'orange',
  submitted: 'gold',
};

/**
 * 委託先からの報告 on a contractor's page (issue #13, 委託元の側): the 委託先's 再委託申請 (put to the
 * approvals engine here), 返還・廃棄報告 (confirmed here, with its certificate) and 事故等の報告 (the
 * incident in M4 it created).
 */
export function ReceivedReportsCard({ contractorId }: { contractorId: string }) {
  const allowed = useAbility('contractorPortal.manage');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const reports = useQuery({
    queryKey: ['contractor-portal', 'reports', contractorId],
    queryFn: () => api.get<{ items: PortalReport[] }>(`/api/contractor-portal/reports?contractorId=${contractorId}`),
    enabled: allowed,
  });
  if (!allowed) return null;
  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      message.success(done);
      await queryClient.invalidateQueries({ queryKey: ['contractor-portal'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.fields.map((f) => f.message).join(' / ') || e.message : String(e));
    }
  };
  const items = reports.data?.items ?? [];
  return (
    <Card size="small" title="委託先からの報告" data-testid="received-reports">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      {items.length === 0 ? (
        <Empty description="委託先からの報告はありません" />
      ) : (
        <Collapse
          items={items.map((r) => ({
            key: r.id,
            label: (
              <Space wrap data-testid={`received-${r.number}`}>
                <Typography.Text code>{r.number}</Typography.Text>
                <Tag>{r.kindLabel}</Tag>
                <span>{r.title}</span>
                <Tag color={statusColor[r.status]}>{r.statusLabel}</Tag>
              </Space>
            ),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <ReportDetails report={r} />
                {r.incidentId ? (
                  <Link to={`/incidents/${r.incidentId}`} data-testid={`received-incident-${r.number}`}>
                    事故等の記録 {r.incidentNumber} を開く（報告等の義務と期限）
                  </Link>
                ) : null}
                {r.certificate?.url ? (
                  <a href={r.certificate.url} target="_blank" rel="noreferrer">
                    {r.certificate.label}: {r.certificate.fileName}（{r.certificate.contentTypeLabel}）
                  </a>
                ) : r.kind === 'return_disposal' ? (
                  <Typography.Text type="secondary">証明書は添付されていません</Typography.Text>
                ) : r.kind === 'subcontract' ? (
                  <Typography.Text type="secondary">誓約書・名簿は添付されていません</Typography.Text>
                ) : null}
                {r.kind === 'subcontract' && (r.status === 'submitted' || r.status === 'refused') ? (
                  <Button
                    type="primary"
                    onClick={() => run(() => api.post(`/api/contractor-portal/reports/${r.id}/submit-approval`, {}), '再委託承認申請を承認手続に回しました')}
                    data-testid={`received-submit-${r.number}`}
                  >
                    {r.status === 'refused' ? 'もう一度承認手続に回す（再委託承認申請）' : '承認手続に回す（再委託承認申請）'}
                  </Button>
                ) : null}
                {r.kind === 'return_disposal' && r.status === 'submitted' ? (
                  <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
                    <Input
                      aria-label="確認のコメント"
                      placeholder="確認のコメント（任意）"
                      value={notes[r.id] ?? ''}
                      onChange={(e) => setNotes((n) => ({ ...n, [r.id]: e.target.value }))}
                    />
                    <Button
                      type="primary"
                      onClick={() => run(() => api.post(`/api/contractor-portal/reports/${r.id}/confirm`, { note: notes[r.id] ?? '' }), '返還・廃棄報告を確認しました')}
                      data-testid={`received-confirm-${r.number}`}
                    >
                      確認した
                    </Button>
                  </Space.Compact>
                ) : null}
                {r.confirmNote ? <Typography.Text>確認のコメント: {r.confirmNote}</Typography.Text> : null}
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
