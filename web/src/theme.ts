import type { ThemeConfig } from 'antd';
import { useSyncExternalStore } from 'react';

/** A calm, dense business look: deep blue accents, small radii, Japanese UI fonts first. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 4,
    fontSize: 14,
    fontFamily: '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic UI", "Meiryo", system-ui, -apple-system, "Segoe UI", sans-serif',
    colorBgLayout: '#f3f5f8',
  },
  components: {
    Layout: { headerBg: '#16325c', headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
    Menu: { itemBorderRadius: 4, itemSelectedBg: '#e8eff8', itemSelectedColor: '#1d4f91' },
    Table: { headerBg: '#f5f7fa', cellPaddingBlockSM: 6 },
    Card: { headerFontSize: 15 },
  },
};

const reducedMotion = '(prefers-reduced-motion: reduce)';
const subscribeReducedMotion = (onChange: () => void) => {
  const query = window.matchMedia(reducedMotion);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/**
 * The theme, without antd's animations (dropdowns, dialogs, drawers) when the user's system asks
 * for reduced motion (WCAG 2.3.3) — followed live when the setting changes.
 */
export function useTheme(): ThemeConfig {
  const reduce = useSyncExternalStore(subscribeReducedMotion, () => window.matchMedia(reducedMotion).matches);
  return reduce ? { ...theme, token: { ...theme.token, motion: false } } : theme;
}
