import type { ReactNode } from 'react';
import { type Locale, useI18n, useT } from '../../i18n/index.tsx';

/**
 * The frame of the pages shown before sign-in: a skip link (「本文へ移動」), the brand as the
 * banner, the language switch, and the page's card as the main landmark with its title as the
 * page heading (h1). Plain markup styled like antd's Card and Segmented (see AuthField.tsx: the
 * login page is the first screen, issue 10: ≤ 250 kB gzip of JavaScript).
 */
const languages: readonly { value: Locale; label: string }[] = [
  { value: 'ja', label: '日本語' },
  { value: 'en', label: 'English' },
];

export function AuthFrame({ title, children }: { title: ReactNode; children: ReactNode }) {
  const t = useT();
  const { locale, setLocale } = useI18n();
  return (
    <div className="mm-auth-wrap">
      <a className="mm-skip-link" href="#main">
        {t('a11y.skipToMain')}
      </a>
      <header className="mm-auth-brand">
        <div className="name">{t('app.name')}</div>
        <div className="sub">{t('app.subtitle')}</div>
      </header>
      <main id="main" tabIndex={-1} className="mm-auth-card" aria-labelledby="auth-title">
        <div className="mm-auth-card-head">
          <h1 id="auth-title" className="mm-auth-title">
            {title}
          </h1>
          <fieldset className="mm-auth-language" data-testid="auth-language">
            <legend className="mm-visually-hidden">{t('settings.display.language')}</legend>
            {languages.map(({ value, label }) => (
              <button key={value} type="button" lang={value} aria-pressed={locale === value} onClick={() => setLocale(value)}>
                {label}
              </button>
            ))}
          </fieldset>
        </div>
        <div className="mm-auth-card-body">{children}</div>
      </main>
    </div>
  );
}
