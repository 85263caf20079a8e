import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { authContract } from '../../../../src/platform/auth/auth.contract.ts';
import { loginBody } from '../../../../src/platform/auth/auth.schema.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { safeNextPath } from '../../../../src/platform/http/redirect.shared.ts';
import { api } from '../../api/client.ts';
import { pathOf } from '../../api/queries.ts';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.tsx';
import { AuthField, AuthInput, AuthMessage, AuthPasswordInput, AuthSubmit, applyAuthServerErrors } from './AuthField.tsx';
import { AuthFrame } from './AuthFrame.tsx';

const reasonMessages: Record<string, MessageKey> = {
  idle: 'login.idle',
  expired: 'login.expired',
  manual: 'login.loggedOut',
  password_changed: 'login.passwordChanged',
};

/** ログイン. `?next=` is honoured only when safeNextPath accepts it (no open redirect). */
export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { session, refresh } = useSession();
  const next = safeNextPath(params.get('next'));
  const reason = params.get('reason');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof loginBody>, unknown, z.output<typeof loginBody>>({ resolver: zodResolver(loginBody), defaultValues: { loginId: '', password: '' } });

  if (session && !session.needsTotp) return <Navigate to={next} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await api.post<ResponseOf<typeof authContract.login>>(pathOf(authContract.login), values, { quiet401: true });
      await refresh();
      if (result.needsTotp) navigate(`/totp?next=${encodeURIComponent(next)}`, { replace: true });
      else if (result.mustEnrollTotp) navigate('/settings/totp', { replace: true });
      else navigate(next, { replace: true });
    } catch (error) {
      setFormError(applyAuthServerErrors(error, form.setError, ['loginId', 'password']));
    }
  });

  const reasonKey = reason ? reasonMessages[reason] : undefined;
  // A server-side expiry carries its own message (e.g. "10分間操作がなかったため…").
  const reasonText = reason === 'expired' && params.get('message') ? params.get('message') : reasonKey ? t(reasonKey) : null;

  return (
    <AuthFrame title={t('login.title')}>
      {reasonText ? (
        <AuthMessage type={reason === 'manual' || reason === 'password_changed' ? 'success' : 'warning'} testId="login-reason">
          {reasonText}
        </AuthMessage>
      ) : null}
      {formError ? (
        <AuthMessage type="error" testId="login-error">
          {formError}
        </AuthMessage>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <AuthField control={form.control} name="loginId" label={t('login.loginId')}>
          {(field) => <AuthInput {...field} autoComplete="username" autoFocus inputMode="email" />}
        </AuthField>
        <AuthField control={form.control} name="password" label={t('login.password')}>
          {(field) => <AuthPasswordInput {...field} autoComplete="current-password" />}
        </AuthField>
        <AuthSubmit busy={form.formState.isSubmitting} testId="login-submit">
          {t('login.submit')}
        </AuthSubmit>
      </form>
      <p className="mm-auth-notice">{t('login.notice')}</p>
    </AuthFrame>
  );
}
