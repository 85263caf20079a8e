import { useRouteError } from 'react-router';
import { useT } from '../i18n/index.tsx';

/**
 * Shown when a screen throws (e.g. a chunk failed to load after a deploy). Plain markup, not
 * antd's Result and Button: it belongs to the first screen's JavaScript (issue 10).
 */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : '';
  return (
    <main id="main" className="mm-route-error">
      <h1>{t('common.loadFailed')}</h1>
      {detail ? <p>{detail}</p> : null}
      <button type="button" className="mm-auth-button mm-route-error-button" onClick={() => window.location.assign('/')}>
        {t('common.backHome')}
      </button>
    </main>
  );
}
