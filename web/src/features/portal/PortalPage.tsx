import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Input, Radio, Select, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { type FieldErrors, type Resolver, useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { portalMessageInEnglish, publicItemHeadingInEnglish } from '../../../../src/modules/portal/portal.english.shared.ts';
import { portalFormBody } from '../../../../src/modules/portal/portal.schema.ts';
import { agentKinds, replyTos } from '../../../../src/modules/requests/requests.labels.ts';
import { ApiError, api } from '../../api/client.ts';
import { applyServerErrors, Field, FormLayout } from '../../components/form.tsx';
import { useBeforeUnloadQuestion } from '../../components/unsavedChanges.tsx';
import { isMessageKey, type Locale, useI18n, useT } from '../../i18n/index.tsx';
import type { PublicPolicy } from '../policy/api.ts';
import { fileErrorsOf, IdentityDocumentWarning, type PortalFileDraft, PortalFileField } from './PortalFiles.tsx';
import { PublicPage, usePublicLanguage, usePublicQuery } from './PublicFrame.tsx';
import type { PortalReceipt, PublicPortal } from './types.ts';
import { useBotCheck } from './useBotCheck.tsx';

type FormIn = z.input<typeof portalFormBody>;
type FormOut = z.output<typeof portalFormBody>;
const FIELDS = ['kind', 'requesterName', 'requesterAddress', 'requesterContact', 'agentKind', 'agentName', 'agentAddress', 'agentContact', 'replyTo', 'content'];

/** The shared schema's field errors (Japanese, naming the field) in the page's language. */
function inLanguage(errors: FieldErrors<FormIn>, locale: Locale): void {
  if (locale === 'ja') return;
  for (const error of Object.values(errors)) if (error && typeof error.message === 'string') error.message = portalMessageInEnglish(error.message);
}

/**
 * 公開ページ (issue #14 M5): the organization's 公表事項 (J.10.3 a)〜g)) and the form for a
 * 開示等の請求 or a 苦情・相談, without an account. The bot check is computed in the background
 * while the person writes (useBotCheck).
 */
export default function PortalPage() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const t = useT();
  const { locale } = useI18n();
  const { withLang } = usePublicLanguage();
  const page = usePublicQuery<PublicPortal>([slug], `/api/public/portals/${encodeURIComponent(slug)}`);
  // 個人情報保護方針 (J.2.2 3): linked when the organization has published its 外部向け policy (404 otherwise, no link).
  const policy = usePublicQuery<PublicPolicy>([slug, 'policy'], `/api/public/policy/${encodeURIComponent(slug)}`, { retry: false });
  const bot = useBotCheck(page.data?.challenge);
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
  // The form's resolver reads the language when it runs (the person may switch after typing).
  const language = useRef(locale);
  language.current = locale;
  const resolver = useMemo<Resolver<FormIn, unknown, FormOut>>(() => {
    const schema = zodResolver(portalFormBody);
    return async (values, context, options) => {
      const result = await schema(values, context, options);
      inLanguage(result.errors, language.current);
      return result;
    };
  }, []);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver,
    defaultValues: {
      kind: undefined as unknown as FormIn['kind'],
      requesterName: '',
      requesterAddress: '',
      requesterContact: '',
      agentKind: 'none',
      agentName: '',
      agentAddress: '',
      agentContact: '',
      content: '',
    },
  });
  const agentKind = useWatch({ control: form.control, name: 'agentKind' });
  // A requester who typed the request or chose files is asked before the tab is closed or reloaded
  // (the signed-in pages' leave question does not reach this public page).
  useBeforeUnloadQuestion(form.formState.isDirty || files.length > 0);

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      setFileErrors([]);
      // J.10.2 h) 1): a 任意代理人 sends the 委任状 (the server says the same).
      if (values.agentKind === 'voluntary' && !files.some((f) => f.kind === 'power_of_attorney')) {
        setFileErrors([t('public.form.attorneyRequired')]);
        setFormError(t('public.form.attorneySummary'));
        return;
      }
      setSending(true);
      try {
        const receipt = await api.post<PortalReceipt>(
          `/api/public/portals/${encodeURIComponent(slug)}/requests`,
          { ...values, files: files.map(({ kind, fileName, contentBase64 }) => ({ kind, fileName, contentBase64 })), ...(await bot.proof()) },
          { quiet401: true, language: locale },
        );
        navigate(withLang(receipt.followUpPath), { state: { justSent: true } });
      } catch (error) {
        setFileErrors(fileErrorsOf(error));
        setFormError(error instanceof ApiError && error.status > 0 ? (applyServerErrors(error, form.setError, FIELDS) ?? t('public.checkInput')) : t('public.sendFailed'));
      } finally {
        setSending(false);
      }
    },
    () => setFormError(t('public.checkInputRed')),
  );

  const text = (name: 'requesterName' | 'requesterAddress' | 'requesterContact' | 'agentName' | 'agentAddress' | 'agentContact', label: string, max: number, required = false) => (
    <Field control={form.control} name={name} label={label} required={required}>
      {(field) => (
        <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} count={{ max: max }} data-testid={`portal-${name}`} />
      )}
    </Field>
  );

  return (
    <PublicPage query={page} missing={{ title: 'public.portal.missing', hint: 'public.portal.missingHint' }}>
      {(p) => (
        <>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            {t('public.portal.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('public.portal.lead')}</Typography.Paragraph>
          {/* The 公表事項 are the organization's own text: shown as written, in either language; in English
              the headings (Mamori's own words) are English and a note says the content is in Japanese. */}
          {locale === 'en' ? <Alert type="info" showIcon title={t('public.portal.contentInJapanese')} style={{ marginBottom: 12 }} data-testid="portal-content-language" /> : null}
          {p.sections.map((s) => (
            <Card
              key={s.code}
              size="small"
              style={{ marginBottom: 12 }}
              title={<h2 style={{ fontSize: 16, margin: 0 }}>{locale === 'en' ? publicItemHeadingInEnglish(s.code) : s.heading}</h2>}
              data-testid={`portal-section-${s.code}`}
            >
              <div lang="ja">
                {s.lines.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </div>
            </Card>
          ))}
          {policy.data ? (
            <Card size="small" style={{ marginBottom: 12 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('public.portal.policy')}</h2>} data-testid="portal-policy">
              <Link to={withLang(`/p/${encodeURIComponent(slug)}/policy`)}>{t('public.portal.readPolicy', { no: policy.data.versionNo })}</Link>
            </Card>
          ) : null}
          {p.notices.length > 0 ? (
            <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('public.portal.consents')}</h2>} style={{ marginTop: 24 }} data-testid="portal-notices">
              {p.notices.map((n) => (
                <div key={n.templateId} style={{ marginBottom: 4 }}>
                  <Link to={withLang(`/p/${encodeURIComponent(slug)}/notices/${n.templateId}`)}>{t('public.portal.readAndConsent', { title: n.title, no: n.versionNo })}</Link>
                </div>
              ))}
            </Card>
          ) : null}
          <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('public.portal.formTitle')}</h2>} style={{ marginTop: 24 }}>
            <Typography.Paragraph>{t('public.portal.formLead')}</Typography.Paragraph>
            <FormLayout id="portal-request" onSubmit={onSubmit}>
              {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="portal-error" /> : null}
              <Field control={form.control} name="kind" label={t('public.form.kind')} required>
                {(field) => (
                  <Select
                    id={field.id}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    status={field.status}
                    placeholder={t('public.form.choose')}
                    options={p.kinds.map((k) => {
                      const key = `public.kind.${k.value}`;
                      return { value: k.value, label: isMessageKey(key) ? t(key) : k.label };
                    })}
                    data-testid="portal-kind"
                  />
                )}
              </Field>
              <Field control={form.control} name="agentKind" label={t('public.form.agentKind')}>
                {(field) => (
                  <Radio.Group
                    id={field.id}
                    value={field.value}
                    onChange={(e) => field.onChange(e.target.value)}
                    options={agentKinds.map((value) => ({ value, label: t(`public.agent.${value}`) }))}
                    data-testid="portal-agentKind"
                  />
                )}
              </Field>
              {/* J.10.2 h): with an agent, 氏名・住所 are 本人's and the agent gives its own name, address and contact. */}
              {agentKind && agentKind !== 'none' ? (
                <>
                  {text('requesterName', t('public.form.principalName'), 100, true)}
                  {text('requesterAddress', t('public.form.principalAddress'), 300)}
                  {text('requesterContact', t('public.form.principalContact'), 200)}
                  {text('agentName', t('public.form.agentName'), 100, true)}
                  {text('agentAddress', t('public.form.agentAddress'), 300)}
                  {text('agentContact', t('public.form.agentContact'), 200, true)}
                  <Field control={form.control} name="replyTo" label={t('public.form.replyTo')}>
                    {(field) => (
                      <Radio.Group
                        id={field.id}
                        value={field.value ?? 'agent'}
                        onChange={(e) => field.onChange(e.target.value)}
                        options={replyTos.map((value) => ({ value, label: t(`public.replyTo.${value}`) }))}
                        data-testid="portal-replyTo"
                      />
                    )}
                  </Field>
                </>
              ) : (
                <>
                  {text('requesterName', t('public.form.name'), 100, true)}
                  {text('requesterAddress', t('public.form.address'), 300)}
                  {text('requesterContact', t('public.form.contact'), 200, true)}
                </>
              )}
              <Field control={form.control} name="content" label={t('public.form.content')} required>
                {(field) => (
                  <Input.TextArea
                    id={field.id}
                    value={field.value ?? ''}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    status={field.status}
                    rows={5}
                    count={{ max: 5000 }}
                    showCount
                    data-testid="portal-content"
                  />
                )}
              </Field>
              {/* 添付書類 (J.10.2 h)): the 委任状 of a 任意代理人 (required), 法定代理 and identity documents. */}
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {t('public.form.attachments')}
              </Typography.Title>
              <IdentityDocumentWarning />
              {agentKind && agentKind !== 'none' ? (
                <PortalFileField
                  key={agentKind}
                  kind={agentKind === 'voluntary' ? 'power_of_attorney' : 'agent_authority'}
                  label={agentKind === 'voluntary' ? t('public.form.powerOfAttorney') : t('public.form.agentAuthority')}
                  required={agentKind === 'voluntary'}
                  files={files}
                  onChange={changeFiles}
                  onError={(m) => setFileErrors(m ? [m] : [])}
                />
              ) : null}
              <PortalFileField
                kind="identity_document"
                label={agentKind && agentKind !== 'none' ? t('public.form.identityWithAgent') : t('public.form.identity')}
                files={files}
                onChange={changeFiles}
                onError={(m) => setFileErrors(m ? [m] : [])}
              />
              {fileErrors.length > 0 ? <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="portal-file-error" title={fileErrors.join(' / ')} /> : null}
              {bot.honeypotField}
              <Button type="primary" htmlType="submit" loading={sending} data-testid="portal-submit">
                {t('public.form.submit')}
              </Button>
            </FormLayout>
          </Card>
        </>
      )}
    </PublicPage>
  );
}
