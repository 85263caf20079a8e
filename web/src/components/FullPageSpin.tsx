import { useT } from '../i18n/index.tsx';

/**
 * The spinner while a screen (its lazily loaded chunk, or the session) loads: a CSS ring
 * (styles.css `.mm-spinner`, antd's look) and 「読み込み中…」 for screen readers. Its own file
 * and no antd: the router shows it before the first screen (issue 10, first-screen JavaScript).
 */
export function FullPageSpin() {
  const t = useT();
  return (
    <div className="mm-full-page-spin" role="status">
      <span className="mm-spinner" aria-hidden="true" />
      <span className="mm-visually-hidden">{t('app.loading')}</span>
    </div>
  );
}
