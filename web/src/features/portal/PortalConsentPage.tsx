import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Popconfirm } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useI18n, useT } from '../../i18n/index.tsx';
import { PublicPage, publicDate, publicErrorMessage, usePublicQuery } from './PublicFrame.tsx';
import type { PortalConsentStatus } from './types.ts';

/** 同意の撤回 (issue #14 M6): the consent seen through its withdrawal URL, and the withdrawal (today, Web). */
export default function PortalConsentPage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const t = useT();
  const { locale } = useI18n();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const key = [slug, 'consent', token];
  const status = usePublicQuery<PortalConsentStatus>(key, `/api/public/portals/${encodeURIComponent(slug)}/consent?token=${encodeURIComponent(token)}`);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const date = (iso: string | null) => publicDate(iso, locale);
  const withdraw = async () => {
    setError(null);
    setSending(true);
    try {
      const after = await api.post<PortalConsentStatus>(`/api/public/portals/${encodeURIComponent(slug)}/consent/withdraw`, { token }, { quiet401: true, language: locale });
      queryClient.setQueryData(['portal', ...key], after);
    } catch (e) {
      setError(publicErrorMessage(e, t));
    } finally {
      setSending(false);
    }
  };
  return (
    <PublicPage query={status} missing={{ title: 'public.consent.missing', hint: 'public.consent.missingHint' }}>
      {(s) => (
        <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('public.consent.title')}</h1>}>
          {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} /> : null}
          <Descriptions column={1} size="small" bordered data-testid="portal-consent-status">
            <Descriptions.Item label={t('public.consent.notice')}>{t('public.consent.noticeValue', { title: s.title, no: s.versionNo })}</Descriptions.Item>
            <Descriptions.Item label={t('public.consent.subject')}>{s.subject}</Descriptions.Item>
            <Descriptions.Item label={t('public.consent.consentedOn')}>{date(s.consentedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('public.consent.withdrawnOn')}>{date(s.withdrawnOn)}</Descriptions.Item>
          </Descriptions>
          {s.withdrawnOn ? (
            <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('public.consent.withdrawn', { date: date(s.withdrawnOn) })} data-testid="portal-consent-withdrawn" />
          ) : (
            <Popconfirm
              title={t('public.consent.confirm')}
              description={t('public.consent.confirmHelp')}
              okText={t('public.consent.ok')}
              cancelText={t('public.consent.cancel')}
              onConfirm={() => withdraw()}
            >
              <Button danger style={{ marginTop: 16 }} loading={sending} data-testid="portal-consent-withdraw">
                {t('public.consent.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Card>
      )}
    </PublicPage>
  );
}
