import { describe, expect, it } from 'vitest';
import { engineTextForDisplay } from './engine-text.ts';

// The engine's stored sentences as the screens show dates (2026/11/28): only whole YYYY-MM-DD tokens.
describe('engineTextForDisplay', () => {
  it('YYYY-MM-DD の日付だけを 2026/11/28 にする（すでに 2026/11/28 の文は変わらない）', () => {
    expect(engineTextForDisplay('発覚日（2026-11-02）から30日以内（2026-12-01まで）')).toBe('発覚日（2026/11/02）から30日以内（2026/12/01まで）');
    expect(engineTextForDisplay('目安：2026/11/04〜2026/11/06')).toBe('目安：2026/11/04〜2026/11/06');
    expect(engineTextForDisplay('目安：2026-11-04〜2026-11-06')).toBe('目安：2026/11/04〜2026/11/06');
  });

  it('日付でないもの（長い数字、日時、受付番号）は変えない', () => {
    for (const text of ['受付番号 2026-11-28-1', '12026-11-28', '2026-11-28T10:00 に通知', '2026/11-28', '電話 0120-123-4567']) expect(engineTextForDisplay(text)).toBe(text);
  });
});
