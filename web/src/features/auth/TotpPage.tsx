import { zodResolver } from '@hookform/resolvers/zod';
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
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.tsx';
import { AuthField, AuthInput, AuthMessage, AuthSubmit, applyAuthServerErrors } from './AuthField.tsx';
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
      setFormError(applyAuthServerErrors(error, form.setError, ['code']));
    }
  });

  return (
    <AuthFrame title={t('totp.title')}>
      <p>{t('totp.lead')}</p>
      {formError ? <AuthMessage type="error">{formError}</AuthMessage> : null}
      <form onSubmit={onSubmit} noValidate>
        <AuthField control={form.control} name="code" label={t('totp.code')}>
          {(field) => <AuthInput {...field} autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus style={{ letterSpacing: '0.3em' }} />}
        </AuthField>
        <AuthSubmit busy={form.formState.isSubmitting}>{t('totp.verify')}</AuthSubmit>
      </form>
      <button type="button" className="mm-auth-link" onClick={() => void logout('manual')}>
        {t('totp.backToLogin')}
      </button>
    </AuthFrame>
  );
}
