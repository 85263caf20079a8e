import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Radio, Result, Select, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { agentKindLabels } from '../../../../src/modules/requests/requests.labels.ts';
import { portalFormBody } from '../../../../src/modules/portal/portal.schema.ts';
import { ApiError, api } from '../../api/client.ts';
import { applyServerErrors, Field, FormLayout } from '../../components/form.tsx';
import { solveChallenge } from './challenge.ts';
import { fileErrorsOf, IdentityDocumentWarning, type PortalFileDraft, PortalFileField } from './PortalFiles.tsx';
import type { PublicPolicy } from '../policy/api.ts';
import { PublicFrame } from './PublicFrame.tsx';
import type { PortalReceipt, PublicPortal } from './types.ts';

type FormIn = z.input<typeof portalFormBody>;
type FormOut = z.output<typeof portalFormBody>;
const FIELDS = ['kind', 'requesterName', 'requesterAddress', 'requesterContact', 'agentKind', 'agentName', 'content'];

/**
 * 公開ページ (issue #14 M5): the organization's 公表事項 (J.10.3 a)〜g)) and the form for a
 * 開示等の請求 or a 苦情・相談, without an account. The bot check is computed in the background
 * while the person writes; the honeypot field is hidden from sight and from screen readers.
 */
export default function PortalPage() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const page = useQuery({
    queryKey: ['portal', slug],
    queryFn: () => api.get<PublicPortal>(`/api/public/portals/${encodeURIComponent(slug)}`, { quiet401: true }),
    refetchOnWindowFocus: false,
  });
  // 個人情報保護方針 (J.2.2 3): linked when the organization has published its 外部向け policy (404 otherwise, no link).
  const policy = useQuery({
    queryKey: ['portal', slug, 'policy'],
    queryFn: () => api.get<PublicPolicy>(`/api/public/policy/${encodeURIComponent(slug)}`, { quiet401: true }),
    refetchOnWindowFocus: false,
    retry: false,
  });
  const solving = useRef<Promise<string> | null>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [files, setFiles] = useState<PortalFileDraft[]>([]);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  // A changed choice of files takes the earlier refusal of them off the page.
  const changeFiles = (next: PortalFileDraft[]) => {
    setFiles(next);
    setFileErrors([]);
    setFormError(null);
  };
  const challenge = page.data?.challenge;
  useEffect(() => {
    if (!challenge) return;
    const abort = new AbortController();
    solving.current = solveChallenge(challenge.token, challenge.difficulty, abort.signal);
    solving.current.catch(() => undefined);
    return () => abort.abort();
  }, [challenge]);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(portalFormBody),
    defaultValues: { kind: undefined as unknown as FormIn['kind'], requesterName: '', requesterAddress: '', requesterContact: '', agentKind: 'none', agentName: '', content: '' },
  });
  const agentKind = useWatch({ control: form.control, name: 'agentKind' });

  if (page.isError)
    return (
      <PublicFrame organizationName={null}>
        <Result status="404" title="ページが見つかりません" subTitle="URLをお確かめください。公開を終えたページかもしれません。" />
      </PublicFrame>
    );
  if (!page.data)
    return (
      <PublicFrame organizationName={null}>
        <Skeleton active />
      </PublicFrame>
    );

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      setFileErrors([]);
      // J.10.2 h) 1): a 任意代理人 sends the 委任状 (the server says the same).
      if (values.agentKind === 'voluntary' && !files.some((f) => f.kind === 'power_of_attorney')) {
        setFileErrors(['任意代理人による請求のときは委任状（PDF・JPEG・PNG）を添付してください']);
        setFormError('入力を確かめてください（委任状）');
        return;
      }
      setSending(true);
      try {
        const nonce = await (solving.current ?? Promise.reject(new Error('no challenge')));
        const receipt = await api.post<PortalReceipt>(
          `/api/public/portals/${encodeURIComponent(slug)}/requests`,
          {
            ...values,
            files: files.map(({ kind, fileName, contentBase64 }) => ({ kind, fileName, contentBase64 })),
            website: honeypot.current?.value ?? '',
            challenge: { token: page.data.challenge.token, nonce },
          },
          { quiet401: true },
        );
        navigate(receipt.followUpPath, { state: { justSent: true } });
      } catch (error) {
        setFileErrors(fileErrorsOf(error));
        setFormError(
          error instanceof ApiError
            ? (applyServerErrors(error, form.setError, FIELDS) ?? '入力を確かめてください')
            : '送信できませんでした。ページを読み込み直してから、もう一度お試しください',
        );
      } finally {
        setSending(false);
      }
    },
    () => setFormError('入力を確かめてください（赤い欄）'),
  );

  const text = (name: 'requesterName' | 'requesterAddress' | 'requesterContact' | 'agentName', label: string, max: number, required = false, extra?: string) => (
    <Field control={form.control} name={name} label={label} required={required} extra={extra}>
      {(field) => (
        <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} maxLength={max} data-testid={`portal-${name}`} />
      )}
    </Field>
  );

  return (
    <PublicFrame organizationName={page.data.organizationName}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        個人情報の取扱いについて
      </Typography.Title>
      <Typography.Paragraph type="secondary">個人情報の保護に関する法律と JIS Q 15001 J.10.3 に基づき、次の事項を公表しています。</Typography.Paragraph>
      {page.data.sections.map((s) => (
        <Card key={s.code} size="small" style={{ marginBottom: 12 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>{s.heading}</h2>} data-testid={`portal-section-${s.code}`}>
          {s.lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </Card>
      ))}
      {policy.data ? (
        <Card size="small" style={{ marginBottom: 12 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>個人情報保護方針</h2>} data-testid="portal-policy">
          <Link to={`/p/${encodeURIComponent(slug)}/policy`}>個人情報保護方針（第{policy.data.versionNo}版）を読む</Link>
        </Card>
      ) : null}
      {page.data.notices.length > 0 ? (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>個人情報の取扱いへの同意</h2>} style={{ marginTop: 24 }} data-testid="portal-notices">
          {page.data.notices.map((n) => (
            <div key={n.templateId} style={{ marginBottom: 4 }}>
              <Link to={`/p/${encodeURIComponent(slug)}/notices/${n.templateId}`}>
                {n.title}（第{n.versionNo}版）を読んで同意する
              </Link>
            </div>
          ))}
        </Card>
      ) : null}
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>開示等の請求・苦情相談のお申込み</h2>} style={{ marginTop: 24 }}>
        <Typography.Paragraph>
          送信すると受付番号と、受付状況を確認するためのURLが表示されます。URLはあなただけのものです。控えてください（再発行はできません）。
          本人確認書類・委任状の写しはこのフォームで一緒に送れます（受付後に確認用のURLから送ることもできます）。個人番号（マイナンバー）は書かないでください。
        </Typography.Paragraph>
        <FormLayout id="portal-request" onSubmit={onSubmit}>
          {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="portal-error" /> : null}
          <Field control={form.control} name="kind" label="請求等の種類" required>
            {(field) => (
              <Select
                id={field.id}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                status={field.status}
                placeholder="選んでください"
                options={page.data.kinds}
                data-testid="portal-kind"
              />
            )}
          </Field>
          {text('requesterName', '氏名', 100, true)}
          {text('requesterAddress', '住所', 300)}
          {text('requesterContact', '連絡先（メールアドレス又は電話番号）', 200, true)}
          <Field control={form.control} name="agentKind" label="代理人による請求">
            {(field) => (
              <Radio.Group
                id={field.id}
                value={field.value}
                onChange={(e) => field.onChange(e.target.value)}
                options={Object.entries(agentKindLabels).map(([value, label]) => ({ value, label }))}
                data-testid="portal-agentKind"
              />
            )}
          </Field>
          {agentKind && agentKind !== 'none' ? text('agentName', '代理人の氏名', 100, true) : null}
          <Field control={form.control} name="content" label="請求等の内容" required>
            {(field) => (
              <Input.TextArea
                id={field.id}
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                status={field.status}
                rows={5}
                maxLength={5000}
                showCount
                data-testid="portal-content"
              />
            )}
          </Field>
          {/* 添付書類 (J.10.2 h)): the 委任状 of a 任意代理人 (required), 法定代理 and identity documents. */}
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            添付書類
          </Typography.Title>
          <IdentityDocumentWarning />
          {agentKind && agentKind !== 'none' ? (
            <PortalFileField
              key={agentKind}
              kind={agentKind === 'voluntary' ? 'power_of_attorney' : 'agent_authority'}
              label={agentKind === 'voluntary' ? '委任状' : '法定代理権を示す書類（戸籍謄本・後見登記等に関する登記事項証明書等）'}
              required={agentKind === 'voluntary'}
              files={files}
              onChange={changeFiles}
              onError={(m) => setFileErrors(m ? [m] : [])}
            />
          ) : null}
          <PortalFileField
            kind="identity_document"
            label={agentKind && agentKind !== 'none' ? '本人確認書類（本人と代理人の運転免許証・パスポート等の写し）' : '本人確認書類（運転免許証・パスポート等の写し）'}
            files={files}
            onChange={changeFiles}
            onError={(m) => setFileErrors(m ? [m] : [])}
          />
          {fileErrors.length > 0 ? <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="portal-file-error" title={fileErrors.join(' / ')} /> : null}
          {/* Only scripts fill this field: hidden from sight and from screen readers, never focused by Tab. */}
          <div aria-hidden="true" style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}>
            <label htmlFor="portal-website">ウェブサイト</label>
            <input id="portal-website" ref={honeypot} name="website" tabIndex={-1} autoComplete="off" />
          </div>
          <Button type="primary" htmlType="submit" loading={sending} data-testid="portal-submit">
            送信する
          </Button>
        </FormLayout>
      </Card>
    </PublicFrame>
  );
}
