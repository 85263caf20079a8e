import { Card, Segmented } from 'antd';
import type { ReactNode } from 'react';
import { type Locale, useI18n, useT } from '../../i18n/index.tsx';

/** The frame of the pages shown before sign-in: brand, language switch and a card. */
export function AuthFrame({ title, children }: { title: ReactNode; children: ReactNode }) {
  const t = useT();
  const { locale, setLocale } = useI18n();
  return (
    <div className="mm-auth-wrap">
      <div className="mm-auth-brand">
        <div className="name">{t('app.name')}</div>
        <div className="sub">{t('app.subtitle')}</div>
      </div>
      <Card
        className="mm-auth-card"
        title={title}
        extra={
          <Segmented
            size="small"
            value={locale}
            onChange={(v) => setLocale(v as Locale)}
            options={[
              { label: '日本語', value: 'ja' },
              { label: 'English', value: 'en' },
            ]}
            data-testid="auth-language"
          />
        }
      >
        {children}
      </Card>
    </div>
  );
}
