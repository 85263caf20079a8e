import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import jaJP from 'antd/locale/ja_JP';
import dayjs from 'dayjs';
import 'dayjs/locale/ja';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client.ts';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { router } from './router.tsx';
import { useTheme } from './theme.ts';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // 4xx answers are final (permission, validation, missing); retry only network/5xx once.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
      refetchOnWindowFocus: true,
    },
  },
});

/** antd in the chosen language (ja_JP by default), with dayjs following it for date pickers. */
function Themed() {
  const { locale } = useI18n();
  const theme = useTheme();
  useEffect(() => {
    dayjs.locale(locale === 'ja' ? 'ja' : 'en');
    document.documentElement.lang = locale;
  }, [locale]);
  dayjs.locale(locale === 'ja' ? 'ja' : 'en');
  return (
    <ConfigProvider locale={locale === 'ja' ? jaJP : enUS} theme={theme}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
