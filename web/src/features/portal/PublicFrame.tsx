import type { ReactNode } from 'react';
import { AntdProvider } from '../../layout/AntdProvider.tsx';

/**
 * The frame of the public pages (公開窓口): no menu, no account — the organization's name as the
 * banner, the page as the main landmark. Japanese: the page answers people in Japan (J.10.3).
 */
export function PublicFrame({ organizationName, children }: { organizationName: string | null; children: ReactNode }) {
  return (
    <AntdProvider>
      <div style={{ minHeight: '100vh', background: '#f5f6f8' }}>
        <a className="mm-skip-link" href="#main">
          本文へ移動
        </a>
        <header style={{ background: '#1f3a5f', color: '#fff', padding: '14px 24px' }}>
          <div style={{ fontSize: 18, fontWeight: 600 }}>{organizationName ?? '個人情報の取扱いに関する窓口'}</div>
          <div style={{ fontSize: 12, opacity: 0.85 }}>個人情報の取扱いに関する窓口（開示等の請求・苦情相談）</div>
        </header>
        <main id="main" tabIndex={-1} style={{ maxWidth: 860, margin: '0 auto', padding: 24 }}>
          {children}
        </main>
      </div>
    </AntdProvider>
  );
}
