import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { authContract } from '../../../../src/platform/auth/auth.contract.ts';
import { totpCodeBody } from '../../../../src/platform/auth/auth.schema.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { safeNextPath } from '../../../../src/platform/http/redirect.shared.ts';
import { api } from '../../api/client.ts';
import { pathOf } from '../../api/queries.ts';
import { FullPageSpin } from '../../components/page.tsx';
import { applyServerErrors, Field, FormLayout } from '../../components/form.tsx';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.tsx';
import { AuthFrame } from './AuthFrame.tsx';

/** 確認コードの入力: the second step of sign-in when the account has TOTP. */
export default function TotpPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { session, loading, refresh, logout, loginPath } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof totpCodeBody>, unknown, z.output<typeof totpCodeBody>>({ resolver: zodResolver(totpCodeBody), defaultValues: { code: '' } });

  if (loading) return <FullPageSpin />;
  if (!session) return <Navigate to={loginPath(next)} replace />;
  if (!session.needsTotp) return <Navigate to={next} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.post<ResponseOf<typeof authContract.verifyTotp>>(pathOf(authContract.verifyTotp), values, { quiet401: true });
      const fresh = await refresh();
      navigate(fresh?.mustEnrollTotp ? '/settings/totp' : next, { replace: true });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['code']));
    }
  });

  return (
    <AuthFrame title={t('totp.title')}>
      <Typography.Paragraph>{t('totp.lead')}</Typography.Paragraph>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <FormLayout onSubmit={onSubmit}>
        <Field control={form.control} name="code" label={t('totp.code')} required>
          {(field) => <Input {...field} autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus size="large" style={{ letterSpacing: '0.3em' }} />}
        </Field>
        <Button type="primary" htmlType="submit" block size="large" loading={form.formState.isSubmitting}>
          {t('totp.verify')}
        </Button>
      </FormLayout>
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout('manual')}>
        {t('totp.backToLogin')}
      </Button>
    </AuthFrame>
  );
}
