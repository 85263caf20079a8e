import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Result, Skeleton, theme } from 'antd';
import { type ReactNode, Suspense, useCallback } from 'react';
import { Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { type Locale, type MessageKey, PageLocaleProvider, type Translate, useI18n, useT } from '../../i18n/index.tsx';
import { AntdProvider } from '../../layout/AntdProvider.tsx';

// The public pages (公開窓口, issue #14): pages for people without an account — the 公表事項 and the
// request form, the follow-up page, a notice's consent, the withdrawal, the 個人情報保護方針. One
// frame for all of them: the language (SPEC §1 5 「Japanese by default (English available)」) kept
// in the URL, the organization's banner with the 「English / 日本語」 switch, and the loading and
// 見つかりません states of the page's one resource.

const languages: { value: Locale; label: string }[] = [
  { value: 'ja', label: '日本語' },
  { value: 'en', label: 'English' },
];

/** The browser's language when the URL does not say: whichever of Japanese and English it lists first, Japanese otherwise. */
function browserLocale(): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lower = tag.toLowerCase();
    if (lower === 'ja' || lower.startsWith('ja-')) return 'ja';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'ja';
}

/**
 * The language of the public pages: the person's choice in the URL (`?lang=en` / `?lang=ja`), so a
 * shared or follow-up link keeps it; the browser's language only when the URL does not say.
 * `withLang` carries an explicit choice to the links and URLs the page gives out.
 */
export function usePublicLanguage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const chosen = params.get('lang');
  const explicit: Locale | null = chosen === 'en' || chosen === 'ja' ? chosen : null;
  const locale = explicit ?? browserLocale();
  const choose = useCallback(
    (next: Locale) => {
      const search = new URLSearchParams(location.search);
      search.set('lang', next);
      // The page's own state (the receipt's 「受け付けました」) stays through the switch.
      navigate({ pathname: location.pathname, search: `?${search}` }, { replace: true, state: location.state });
    },
    [location, navigate],
  );
  const withLang = useCallback((path: string) => (explicit ? `${path}${path.includes('?') ? '&' : '?'}lang=${explicit}` : path), [explicit]);
  return { locale, choose, withLang };
}

/** The route around every public page: its language from the URL, antd in that language. */
export function PublicPages() {
  const { locale } = usePublicLanguage();
  return (
    <PageLocaleProvider locale={locale}>
      <AntdProvider>
        <Suspense fallback={null}>
          <Outlet />
        </Suspense>
      </AntdProvider>
    </PageLocaleProvider>
  );
}

function LanguageSwitch() {
  const t = useT();
  const { locale } = useI18n();
  const { choose } = usePublicLanguage();
  return (
    <fieldset data-testid="public-language" style={{ border: 0, margin: 0, padding: 0, display: 'flex', gap: 6 }}>
      <legend className="mm-visually-hidden">{t('public.language')}</legend>
      {languages.map(({ value, label }) => {
        const on = locale === value;
        return (
          <button
            key={value}
            type="button"
            lang={value}
            aria-pressed={on}
            onClick={() => choose(value)}
            style={{
              cursor: 'pointer',
              borderRadius: 4,
              padding: '2px 10px',
              fontSize: 13,
              border: '1px solid #fff',
              background: on ? '#fff' : 'transparent',
              color: on ? '#1f3a5f' : '#fff',
              fontWeight: on ? 600 : 400,
            }}
          >
            {label}
          </button>
        );
      })}
    </fieldset>
  );
}

/**
 * The frame of a public page: no menu, no account — the organization's name as the banner with
 * the language switch, the page as the main landmark.
 */
export function PublicFrame({ organizationName, children }: { organizationName: string | null; children: ReactNode }) {
  const t = useT();
  // The banner is no antd component: it takes the theme's font like the page below it.
  const { token } = theme.useToken();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f6f8', fontFamily: token.fontFamily }}>
      <a className="mm-skip-link" href="#main">
        {t('public.skip')}
      </a>
      <header style={{ background: '#1f3a5f', color: '#fff', padding: '14px 24px', display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <div style={{ flex: 1 }}>
          <div style={{ fontSize: 18, fontWeight: 600 }}>{organizationName ?? t('public.bannerFallback')}</div>
          <div style={{ fontSize: 12, opacity: 0.85 }}>{t('public.bannerSub')}</div>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} style={{ maxWidth: 860, margin: '0 auto', padding: 24 }}>
        {children}
      </main>
    </div>
  );
}

/**
 * One public resource (the page, a receipt, a notice, a consent, the policy) read in the page's
 * language: the server answers its errors in it (portal.english.ts).
 */
export function usePublicQuery<T>(key: readonly unknown[], path: string, options: { retry?: false } = {}) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['portal', ...key],
    queryFn: () => api.get<T>(path, { quiet401: true, language: locale }),
    refetchOnWindowFocus: false,
    ...options,
  });
}

/**
 * A public page around its resource: loading, 見つかりません (the server's 404 says nothing about
 * why: a wrong key and an unpublished page look the same), then the page in the frame with the
 * organization's name.
 */
export function PublicPage<T extends { organizationName: string }>({
  query,
  missing,
  children,
}: {
  query: UseQueryResult<T>;
  missing: { title: MessageKey; hint: MessageKey };
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isError)
    return (
      <PublicFrame organizationName={null}>
        <Result status="404" title={t(missing.title)} subTitle={t(missing.hint)} />
      </PublicFrame>
    );
  if (!query.data)
    return (
      <PublicFrame organizationName={null}>
        <Skeleton active />
      </PublicFrame>
    );
  return <PublicFrame organizationName={query.data.organizationName}>{children(query.data)}</PublicFrame>;
}

/** A date on a public page: 2026/12/05 in Japanese (as the app shows dates), 2026-12-05 in English. */
export function publicDate(iso: string | null, locale: Locale): string {
  if (!iso) return '—';
  return locale === 'en' ? iso : iso.replaceAll('-', '/');
}

/** What a refused send says: the server's message (in the page's language), or that nothing was sent. */
export function publicErrorMessage(error: unknown, t: Translate): string {
  return error instanceof ApiError && error.status > 0 ? error.message : t('public.sendFailed');
}
