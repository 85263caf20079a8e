import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import jaJP from 'antd/locale/ja_JP';
import dayjs from 'dayjs';
import 'dayjs/locale/ja';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { useTheme } from '../theme.ts';

/**
 * antd in the chosen language (ja_JP by default) with the app's theme, dayjs following the
 * language for the date pickers, and antd's <App> (message, notification, modal for the screens'
 * App.useApp()). It wraps the signed-in layout, not the whole app: the pages before sign-in use
 * no antd, so the first screen loads none of it (issue 10: login page ≤ 250 kB gzip of JS).
 */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const theme = useTheme();
  dayjs.locale(locale === 'ja' ? 'ja' : 'en');
  return (
    <ConfigProvider locale={locale === 'ja' ? jaJP : enUS} theme={theme}>
      <AntApp component={false}>{children}</AntApp>
    </ConfigProvider>
  );
}
