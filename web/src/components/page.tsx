import { Alert, Button, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';
import { useAbility } from '../session/session.tsx';
import { errorMessage } from './form.tsx';

/** Title, lead text and actions of a screen. */
export function PageHeader({ title, lead, extra }: { title: ReactNode; lead?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="mm-page-header">
      <div>
        <Typography.Title level={1} className="mm-page-title">
          {title}
        </Typography.Title>
        {lead ? <div className="mm-page-lead">{lead}</div> : null}
      </div>
      {extra ? <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', justifyContent: 'flex-end' }}>{extra}</div> : null}
    </div>
  );
}

/** A page a person cannot go on from: the status, why, and the way home (no retry: it cannot help). */
function HomeResult({ status, message, testId }: { status: '403' | '404'; message: string; testId?: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={status}
      subTitle={message}
      extra={
        <Button type="primary" onClick={() => navigate('/')} data-testid={testId}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

/** The screen a person may not see: 「この画面を表示する権限がありません」 and the way home. */
export function ForbiddenResult() {
  const t = useT();
  return <HomeResult status="403" message={t('common.forbidden')} testId="forbidden-home" />;
}

/** A record that is not there (or not this organization's): the server's message, e.g. 「是正処置が見つかりません」, and the way home. */
export function NotFoundResult({ message }: { message: string }) {
  return <HomeResult status="404" message={message} />;
}

/** A screen that needs a permission: the server refuses anyway; the client explains. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const allowed = useAbility(permission);
  if (!allowed) return <ForbiddenResult />;
  return <>{children}</>;
}

/**
 * The error of a failed query, with a retry button. A refusal (403) or a missing record (404) is
 * final, so a detail page shows the same page as a list the person may not open, with the way home
 * instead of a retry that cannot succeed (walk finding 23).
 */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (error instanceof ApiError && error.status === 403) return <ForbiddenResult />;
  if (error instanceof ApiError && error.status === 404) return <NotFoundResult message={error.message} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={errorMessage(error, t)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

// The loading spinner lives in its own file (the router needs it without the form helpers).
export { FullPageSpin } from './FullPageSpin.tsx';
