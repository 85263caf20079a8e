import { Alert, Button, Card, Checkbox, Input, Typography } from 'antd';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useI18n, useT } from '../../i18n/index.tsx';
import { PublicPage, publicDate, publicErrorMessage, usePublicLanguage, usePublicQuery } from './PublicFrame.tsx';
import type { PortalConsentReceipt, PublicNotice } from './types.ts';
import { useBotCheck } from './useBotCheck.tsx';

/**
 * 通知文への同意 (issue #14 M6, J.8.5 j) Web のフォーム): the notice's latest published version in
 * full, the person's name or identifier and 同意する. The consent is recorded against the version
 * shown; the page then gives the withdrawal URL once.
 */
export default function PortalNoticePage() {
  const { slug = '', templateId = '' } = useParams();
  const t = useT();
  const { locale } = useI18n();
  const { withLang } = usePublicLanguage();
  const subjectId = useId();
  const notice = usePublicQuery<PublicNotice>([slug, 'notice', templateId], `/api/public/portals/${encodeURIComponent(slug)}/notices/${encodeURIComponent(templateId)}`);
  const bot = useBotCheck(notice.data?.challenge);
  const [subject, setSubject] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<PortalConsentReceipt | null>(null);
  // A field put right takes its message off (and the summary when none is left).
  const clearError = (field: string) => {
    if (!(field in errors)) return;
    const { [field]: _gone, ...rest } = errors;
    setErrors(rest);
    if (Object.keys(rest).length === 0) setFormError(null);
  };

  const send = async (n: PublicNotice) => {
    const local: Record<string, string> = {};
    if (!subject.trim()) local.subject = t('public.notice.subjectRequired');
    if (!agreed) local.agreed = t('public.notice.agreeRequired');
    setErrors(local);
    setFormError(Object.keys(local).length ? t('public.checkInputRed') : null);
    if (Object.keys(local).length) return;
    setSending(true);
    try {
      const sent = await api.post<PortalConsentReceipt>(
        `/api/public/portals/${encodeURIComponent(slug)}/notices/${encodeURIComponent(templateId)}/consents`,
        { versionId: n.versionId, subject, agreed, ...(await bot.proof()) },
        { quiet401: true, language: locale },
      );
      setReceipt(sent);
    } catch (error) {
      if (error instanceof ApiError) setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
      setFormError(publicErrorMessage(error, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <PublicPage query={notice} missing={{ title: 'public.notice.missing', hint: 'public.notice.missingHint' }}>
      {(n) => (
        <>
          {/* The notice is the organization's own text: shown as written, in either language. */}
          <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{n.title}</h1>} extra={<span>{t('public.notice.version', { no: n.versionNo })}</span>} data-testid="portal-notice">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="portal-notice-body">
              {n.body}
            </Typography.Paragraph>
            {n.publishedOn ? <Typography.Text type="secondary">{t('public.notice.publishedOn', { date: publicDate(n.publishedOn, locale) })}</Typography.Text> : null}
          </Card>
          {receipt ? (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 16 }}
              data-testid="portal-consent-sent"
              title={t('public.notice.sent', { title: receipt.title, no: receipt.versionNo, date: publicDate(receipt.consentedOn, locale) })}
              description={
                <>
                  <div>{t('public.notice.keepUrl')}</div>
                  <Typography.Text copyable code data-testid="portal-withdrawal-url">
                    {`${window.location.origin}${withLang(receipt.withdrawalPath)}`}
                  </Typography.Text>
                </>
              }
            />
          ) : (
            <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('public.notice.formTitle')}</h2>} style={{ marginTop: 16 }}>
              {formError ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="portal-consent-error" /> : null}
              <div style={{ marginBottom: 16 }}>
                <label htmlFor={subjectId} style={{ display: 'block', marginBottom: 4 }}>
                  <span style={{ color: '#cf1322', marginInlineEnd: 4 }}>*</span>
                  {t('public.notice.subject')}
                </label>
                <Input
                  id={subjectId}
                  value={subject}
                  onChange={(e) => {
                    setSubject(e.target.value);
                    clearError('subject');
                  }}
                  count={{ max: 200 }}
                  status={errors.subject ? 'error' : undefined}
                  aria-invalid={errors.subject ? true : undefined}
                  data-testid="portal-consent-subject"
                />
                {errors.subject ? <Typography.Text type="danger">{errors.subject}</Typography.Text> : null}
              </div>
              <div style={{ marginBottom: 16 }}>
                <Checkbox
                  checked={agreed}
                  onChange={(e) => {
                    setAgreed(e.target.checked);
                    clearError('agreed');
                  }}
                  data-testid="portal-consent-agree"
                >
                  {t('public.notice.agree', { title: n.title, no: n.versionNo })}
                </Checkbox>
                {errors.agreed ? (
                  <div>
                    <Typography.Text type="danger">{errors.agreed}</Typography.Text>
                  </div>
                ) : null}
              </div>
              {bot.honeypotField}
              <Button type="primary" loading={sending} onClick={() => void send(n)} data-testid="portal-consent-submit">
                {t('public.notice.submit')}
              </Button>
            </Card>
          )}
          <div style={{ marginTop: 16 }}>
            <Link to={withLang(`/p/${encodeURIComponent(slug)}`)}>{t('public.backToPortal')}</Link>
          </div>
        </>
      )}
    </PublicPage>
  );
}
