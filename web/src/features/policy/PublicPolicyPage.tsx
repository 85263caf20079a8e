import { Card, Descriptions, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n, useT } from '../../i18n/index.tsx';
import { formatDate } from '../../lib/dates.ts';
import { PublicPage, publicDate, usePublicLanguage, usePublicQuery } from '../portal/PublicFrame.tsx';
import type { PublicPolicy } from './api.ts';

/** 個人情報保護方針の公開ページ (J.2.2 3 一般の人が入手可能な措置): the published 外部向け policy, no account. */
export default function PublicPolicyPage() {
  const { slug = '' } = useParams();
  const t = useT();
  const { locale } = useI18n();
  const { withLang } = usePublicLanguage();
  const policy = usePublicQuery<PublicPolicy>([slug, 'policy'], `/api/public/policy/${encodeURIComponent(slug)}`, { retry: false });
  // Dates as the staff screens show them in Japanese (PolicyText), ISO in English.
  const date = (iso: string) => (locale === 'en' ? publicDate(iso, locale) : formatDate(iso));
  return (
    <PublicPage query={policy} missing={{ title: 'public.policy.missing', hint: 'public.policy.missingHint' }}>
      {(p) => (
        <>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            {p.title}
          </Typography.Title>
          {/* The policy is the organization's own text: shown as written, in either language. */}
          <Card data-testid="public-policy">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.body}</Typography.Paragraph>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('public.policy.established')}>{date(p.establishedOn)}</Descriptions.Item>
              {p.lastRevisedOn ? <Descriptions.Item label={t('public.policy.revised')}>{date(p.lastRevisedOn)}</Descriptions.Item> : null}
              <Descriptions.Item label={t('public.policy.top')}>{p.topManagementName}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Typography.Paragraph style={{ marginTop: 16 }}>
            <Link to={withLang(`/p/${encodeURIComponent(slug)}`)}>{t('public.policy.back')}</Link>
          </Typography.Paragraph>
        </>
      )}
    </PublicPage>
  );
}
