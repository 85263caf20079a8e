import type { ThemeConfig } from 'antd';
import { useSyncExternalStore } from 'react';

/** A calm, dense business look: deep blue accents, small radii, Japanese UI fonts first. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    // antd lightens a hovered link (#5982ab: 4.0:1 on white, under WCAG 1.4.3's 4.5:1 — axe-core on
    // /tasks after a row was clicked): a hovered or pressed link darkens instead.
    colorLinkHover: '#163e73',
    colorLinkActive: '#102e56',
    borderRadius: 4,
    fontSize: 14,
    fontFamily: '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic UI", "Meiryo", system-ui, -apple-system, "Segoe UI", sans-serif',
    colorBgLayout: '#f3f5f8',
    // antd's secondary texts (descriptions, Statistic titles, Typography type="secondary") are
    // rgba(0,0,0,.45): 3.4:1 on white, under WCAG 1.4.3's 4.5:1 (axe-core color-contrast, issue 10).
    // .6 is 5.7:1 on white and 5.2:1 on the layout's grey.
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    // Status colours whose text on their own light background (Tag, Alert) reaches 4.5:1: antd's
    // #1677ff / #52c41a / #faad14 give 3–4:1 (the 処理中 Tag on the home page, 未対応 on the
    // incident's duties).
    // A status Tag writes the colour on its *Bg: the light tints below keep 4.9:1 and more.
    colorInfo: '#1d4f91',
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorWarning: '#874d00',
    colorWarningBg: '#fffbe6',
    colorErrorBg: '#fff1f0',
    // The danger buttons' 「削除」 (#ff4d4f: 3.3:1) and the placeholders that name a filter
    // (「所属」「雇用区分」, #bfbfbf: 1.8:1).
    colorError: '#cf1322',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // Tag colours: antd writes a Tag's text in the colour's 7th shade on its 1st; for these
    // presets that is 3.4–4.3:1. One shade darker seeds give 5:1 and more (在籍・有効 …).
    green: '#237804',
    orange: '#ad4e00',
    gold: '#ad6800',
    volcano: '#d4380d',
    cyan: '#08979c',
    lime: '#5b8c00',
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
