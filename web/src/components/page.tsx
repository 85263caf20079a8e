import { Alert, Button, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
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

/** A screen that needs a permission: the server refuses anyway; the client explains. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const t = useT();
  const allowed = useAbility(permission);
  if (!allowed) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return <>{children}</>;
}

/** The error of a failed query, with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
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
