import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useT } from '../i18n/index.tsx';

/** Shown when a screen throws (e.g. a chunk failed to load after a deploy). */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : '';
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={detail}
      extra={
        <Button type="primary" onClick={() => window.location.assign('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
