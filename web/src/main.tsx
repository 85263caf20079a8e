import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client.ts';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { router } from './router.tsx';
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

/**
 * The router in the chosen language (`<html lang>` follows it). antd — its locale, the theme,
 * dayjs — is set up by layout/AntdProvider.tsx around the signed-in layout: the login page uses
 * no antd, and its JavaScript stays small (issue 10).
 */
function Localized() {
  const { documentLocale } = useI18n();
  useEffect(() => {
    document.documentElement.lang = documentLocale;
  }, [documentLocale]);
  return <RouterProvider router={router} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localized />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
