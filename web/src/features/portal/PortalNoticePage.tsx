import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Input, Result, Skeleton, Typography } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { solveChallenge } from './challenge.ts';
import { PublicFrame } from './PublicFrame.tsx';
import type { PortalConsentReceipt, PublicNotice } from './types.ts';

/**
 * 通知文への同意 (issue #14 M6, J.8.5 j) Web のフォーム): the notice's latest published version in
 * full, the person's name or identifier and 同意する. The consent is recorded against the version
 * shown; the page then gives the withdrawal URL once.
 */
export default function PortalNoticePage() {
  const { slug = '', templateId = '' } = useParams();
  const subjectId = useId();
  const notice = useQuery({
    queryKey: ['portal', slug, 'notice', templateId],
    queryFn: () => api.get<PublicNotice>(`/api/public/portals/${encodeURIComponent(slug)}/notices/${encodeURIComponent(templateId)}`, { quiet401: true }),
    refetchOnWindowFocus: false,
  });
  const solving = useRef<Promise<string> | null>(null);
  const honeypot = useRef<HTMLInputElement>(null);
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
  const challenge = notice.data?.challenge;
  useEffect(() => {
    if (!challenge) return;
    const abort = new AbortController();
    solving.current = solveChallenge(challenge.token, challenge.difficulty, abort.signal);
    solving.current.catch(() => undefined);
    return () => abort.abort();
  }, [challenge]);

  if (notice.isError)
    return (
      <PublicFrame organizationName={null}>
        <Result status="404" title="通知文が見つかりません" subTitle="URLをお確かめください。公開を終えた通知文かもしれません。" />
      </PublicFrame>
    );
  if (!notice.data)
    return (
      <PublicFrame organizationName={null}>
        <Skeleton active />
      </PublicFrame>
    );
  const n = notice.data;

  const send = async () => {
    const local: Record<string, string> = {};
    if (!subject.trim()) local.subject = '氏名又は識別子（会員番号等）を入力してください';
    if (!agreed) local.agreed = '「同意する」にチェックを入れてください';
    setErrors(local);
    setFormError(Object.keys(local).length ? '入力を確かめてください（赤い欄）' : null);
    if (Object.keys(local).length) return;
    setSending(true);
    try {
      const nonce = await (solving.current ?? Promise.reject(new Error('no challenge')));
      const sent = await api.post<PortalConsentReceipt>(
        `/api/public/portals/${encodeURIComponent(slug)}/notices/${encodeURIComponent(templateId)}/consents`,
        { versionId: n.versionId, subject, agreed, website: honeypot.current?.value ?? '', challenge: { token: n.challenge.token, nonce } },
        { quiet401: true },
      );
      setReceipt(sent);
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
        setFormError(error.message);
      } else setFormError('送信できませんでした。ページを読み込み直してから、もう一度お試しください');
    } finally {
      setSending(false);
    }
  };

  return (
    <PublicFrame organizationName={n.organizationName}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{n.title}</h1>} extra={<span>第{n.versionNo}版</span>} data-testid="portal-notice">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="portal-notice-body">
          {n.body}
        </Typography.Paragraph>
        {n.publishedOn ? <Typography.Text type="secondary">公開日: {n.publishedOn.replaceAll('-', '/')}</Typography.Text> : null}
      </Card>
      {receipt ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="portal-consent-sent"
          title={`「${receipt.title}」（第${receipt.versionNo}版）への同意を受け付けました（${receipt.consentedOn.replaceAll('-', '/')}）。`}
          description={
            <>
              <div>同意を撤回するときは次のURLを開いてください。あなただけのものなので、控えてください（再発行はできません）。</div>
              <Typography.Text copyable code data-testid="portal-withdrawal-url">
                {`${window.location.origin}${receipt.withdrawalPath}`}
              </Typography.Text>
            </>
          }
        />
      ) : (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>同意のお申込み</h2>} style={{ marginTop: 16 }}>
          {formError ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="portal-consent-error" /> : null}
          <div style={{ marginBottom: 16 }}>
            <label htmlFor={subjectId} style={{ display: 'block', marginBottom: 4 }}>
              <span style={{ color: '#cf1322', marginInlineEnd: 4 }}>*</span>氏名又は識別子（会員番号等）
            </label>
            <Input
              id={subjectId}
              value={subject}
              onChange={(e) => {
                setSubject(e.target.value);
                clearError('subject');
              }}
              maxLength={200}
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
              上の「{n.title}」（第{n.versionNo}版）を読み、同意する
            </Checkbox>
            {errors.agreed ? (
              <div>
                <Typography.Text type="danger">{errors.agreed}</Typography.Text>
              </div>
            ) : null}
          </div>
          {/* Only scripts fill this field: hidden from sight and from screen readers, never focused by Tab. */}
          <div aria-hidden="true" style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}>
            <label htmlFor="portal-consent-website">ウェブサイト</label>
            <input id="portal-consent-website" ref={honeypot} name="website" tabIndex={-1} autoComplete="off" />
          </div>
          <Button type="primary" loading={sending} onClick={() => void send()} data-testid="portal-consent-submit">
            同意する
          </Button>
        </Card>
      )}
      <div style={{ marginTop: 16 }}>
        <Link to={`/p/${encodeURIComponent(slug)}`}>公開ページへ戻る</Link>
      </div>
    </PublicFrame>
  );
}
