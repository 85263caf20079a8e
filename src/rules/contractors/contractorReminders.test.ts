import { describe, expect, it } from 'vitest';
import { contractorReminders } from './contractorReminders.ts';

const base = { name: '株式会社テスト', contractEndsOn: null, privacyMarkStatus: 'unknown', privacyMarkExpiresOn: null, ismsStatus: 'unknown', ismsExpiresOn: null };

describe('委託先の期限（契約満了 30 日前、プライバシーマーク・ISMS 有効期限 90 日前）', () => {
  it('契約終了日の30日前から「委託契約の満了」、31日前はまだ', () => {
    expect(contractorReminders({ ...base, contractEndsOn: '2026-06-30' }, '2026-05-31')).toEqual([expect.objectContaining({ kind: 'contract_expiry', dueOn: '2026-06-30' })]);
    expect(contractorReminders({ ...base, contractEndsOn: '2026-06-30' }, '2026-05-30')).toEqual([]);
  });

  it('取得済みのプライバシーマーク・ISMS は有効期限の90日前から「更新」の確認、未取得は出さない', () => {
    const c = { ...base, privacyMarkStatus: 'certified', privacyMarkExpiresOn: '2026-08-09', ismsStatus: 'certified', ismsExpiresOn: '2026-08-10' };
    expect(contractorReminders(c, '2026-05-11').map((r) => r.kind)).toEqual(['privacy_mark_expiry']);
    expect(contractorReminders(c, '2026-05-12').map((r) => r.kind)).toEqual(['privacy_mark_expiry', 'isms_expiry']);
    expect(contractorReminders(c, '2026-05-12')[0]?.detail).toContain('更新');
    expect(contractorReminders({ ...c, privacyMarkStatus: 'none', ismsStatus: 'none' }, '2026-08-01')).toEqual([]);
  });

  it('期限を過ぎても残る', () => {
    expect(contractorReminders({ ...base, contractEndsOn: '2026-04-30' }, '2026-05-11')).toHaveLength(1);
  });
});
