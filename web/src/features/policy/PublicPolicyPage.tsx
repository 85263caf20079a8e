import { useQuery } from '@tanstack/react-query';
import { Card, Result, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { PublicFrame } from '../portal/PublicFrame.tsx';
import type { PublicPolicy } from './api.ts';
import { PolicyText } from './PolicyText.tsx';

/** 個人情報保護方針の公開ページ (J.2.2 3 一般の人が入手可能な措置): the published 外部向け policy, no account. */
export default function PublicPolicyPage() {
  const { slug = '' } = useParams();
  const policy = useQuery({
    queryKey: ['portal', slug, 'policy'],
    queryFn: () => api.get<PublicPolicy>(`/api/public/policy/${encodeURIComponent(slug)}`, { quiet401: true }),
    refetchOnWindowFocus: false,
    retry: false,
  });
  if (policy.isError)
    return (
      <PublicFrame organizationName={null}>
        <Result status="404" title="個人情報保護方針が見つかりません" subTitle="URLをお確かめください。公開中の方針がまだないのかもしれません。" />
      </PublicFrame>
    );
  if (!policy.data)
    return (
      <PublicFrame organizationName={null}>
        <Skeleton active />
      </PublicFrame>
    );
  return (
    <PublicFrame organizationName={policy.data.organizationName}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {policy.data.title}
      </Typography.Title>
      <Card data-testid="public-policy">
        <PolicyText version={policy.data} />
      </Card>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to={`/p/${encodeURIComponent(slug)}`}>個人情報の取扱いについて（公表事項・開示等の請求）へ戻る</Link>
      </Typography.Paragraph>
    </PublicFrame>
  );
}
