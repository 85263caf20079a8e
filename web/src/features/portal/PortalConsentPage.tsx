import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Popconfirm, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { PublicFrame } from './PublicFrame.tsx';
import type { PortalConsentStatus } from './types.ts';

const date = (iso: string | null) => (iso ? iso.replaceAll('-', '/') : '—');

/** 同意の撤回 (issue #14 M6): the consent seen through its withdrawal URL, and the withdrawal (today, Web). */
export default function PortalConsentPage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const key = ['portal', slug, 'consent', token];
  const status = useQuery({
    queryKey: key,
    queryFn: () => api.get<PortalConsentStatus>(`/api/public/portals/${encodeURIComponent(slug)}/consent?token=${encodeURIComponent(token)}`, { quiet401: true }),
    refetchOnWindowFocus: false,
  });
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (status.isError)
    return (
      <PublicFrame organizationName={null}>
        <Result status="404" title="同意が見つかりません" subTitle="撤回用のURLが正しいか、お確かめください。" />
      </PublicFrame>
    );
  if (!status.data)
    return (
      <PublicFrame organizationName={null}>
        <Skeleton active />
      </PublicFrame>
    );
  const s = status.data;
  const withdraw = async () => {
    setError(null);
    setSending(true);
    try {
      const after = await api.post<PortalConsentStatus>(`/api/public/portals/${encodeURIComponent(slug)}/consent/withdraw`, { token }, { quiet401: true });
      queryClient.setQueryData(key, after);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '送信できませんでした。ページを読み込み直してから、もう一度お試しください');
    } finally {
      setSending(false);
    }
  };
  return (
    <PublicFrame organizationName={s.organizationName}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>同意の確認・撤回</h1>}>
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} /> : null}
        <Descriptions column={1} size="small" bordered data-testid="portal-consent-status">
          <Descriptions.Item label="通知文">
            {s.title}（第{s.versionNo}版）
          </Descriptions.Item>
          <Descriptions.Item label="氏名又は識別子">{s.subject}</Descriptions.Item>
          <Descriptions.Item label="同意日">{date(s.consentedOn)}</Descriptions.Item>
          <Descriptions.Item label="撤回日">{date(s.withdrawnOn)}</Descriptions.Item>
        </Descriptions>
        {s.withdrawnOn ? (
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={`この同意は ${date(s.withdrawnOn)} に撤回されています。`} data-testid="portal-consent-withdrawn" />
        ) : (
          <Popconfirm title="同意を撤回しますか？" description="撤回した日が記録されます。" okText="撤回する" cancelText="やめる" onConfirm={() => withdraw()}>
            <Button danger style={{ marginTop: 16 }} loading={sending} data-testid="portal-consent-withdraw">
              同意を撤回する
            </Button>
          </Popconfirm>
        )}
      </Card>
    </PublicFrame>
  );
}
