import { describe, expect, it } from 'vitest';
import { CONTRACT_DOCUMENT_RETENTION_BASIS, contractDocumentRemovable, contractDocumentRetention } from './index.ts';

describe('J.9.4 5「委託契約書は当該個人データの保有期間にわたって保存する。」', () => {
  it('J.9.4 5「当該個人データの保有期間にわたって」: 台帳の保管期限が契約終了日より遅ければ、保管期限まで保存する', () => {
    const r = contractDocumentRetention({ contractEndsOn: '2027-03-31', entries: [{ name: '顧客名簿', retainUntilDate: '2030-03-31' }] });
    expect(r).toEqual({
      known: true,
      retainUntil: '2030-03-31',
      disposalDueOn: '2030-04-01',
      basis: CONTRACT_DOCUMENT_RETENTION_BASIS,
      reason: '契約終了日と委託している個人情報の保管期限のうち最も遅い台帳「顧客名簿」の保管期限（2030年3月31日）まで保存し、2030年4月1日以降に廃棄できます。',
    });
    expect(r.basis).toContain('委託契約書は当該個人データの保有期間にわたって保存する。');
  });

  it('J.9.4 5「委託契約書は…保存する」: 契約終了日が保管期限より遅ければ、契約終了日まで保存する', () => {
    const r = contractDocumentRetention({ contractEndsOn: '2031-12-31', entries: [{ name: '顧客名簿', retainUntilDate: '2030-03-31' }] });
    expect(r).toMatchObject({ known: true, retainUntil: '2031-12-31', disposalDueOn: '2032-01-01' });
    expect(r.reason).toContain('契約終了日（2031年12月31日）まで保存');
  });

  it('J.9.4 5「当該個人データの保有期間」: 複数の台帳の項目を委託していれば、最も遅い保管期限まで', () => {
    const r = contractDocumentRetention({
      contractEndsOn: '2027-03-31',
      entries: [
        { name: '顧客名簿', retainUntilDate: '2029-03-31' },
        { name: '会員名簿', retainUntilDate: '2033-06-30' },
        { name: '問合せ記録', retainUntilDate: '2028-01-31' },
      ],
    });
    expect(r.retainUntil).toBe('2033-06-30');
    expect(r.reason).toContain('台帳「会員名簿」の保管期限（2033年6月30日）');
  });

  it('J.9.4 5「保有期間にわたって」: 保管期限が日付で決まっていない台帳の項目があれば、保存期限は台帳の保管期限が決まるまで未定', () => {
    const r = contractDocumentRetention({
      contractEndsOn: '2027-03-31',
      entries: [
        { name: '顧客名簿', retainUntilDate: '2029-03-31' },
        { name: '会員名簿', retainUntilDate: null, retainUntilText: '退会後5年' },
      ],
    });
    expect(r).toMatchObject({ known: false, retainUntil: null, disposalDueOn: null, pendingOn: '台帳の保管期限' });
    expect(r.reason).toMatch(/^保存期限は台帳の保管期限が決まるまで未定/);
    expect(r.reason).toContain('「会員名簿」（保管期限: 退会後5年）');
    expect(r.reason).not.toContain('顧客名簿');
  });

  it('J.9.4 5: 保管期限が未記入の台帳の項目も「未定」とし、未記入と示す', () => {
    const r = contractDocumentRetention({ contractEndsOn: null, entries: [{ name: '会員名簿', retainUntilDate: null }] });
    expect(r.known).toBe(false);
    expect(r.reason).toContain('「会員名簿」（保管期限: 未記入）');
  });

  it('J.9.4 5「委託契約書は…保存する」: 契約終了日がない（契約が続く）間は保存期限は未定', () => {
    const r = contractDocumentRetention({ contractEndsOn: null, entries: [{ name: '顧客名簿', retainUntilDate: '2029-03-31' }] });
    expect(r).toMatchObject({ known: false, retainUntil: null, pendingOn: '契約終了日' });
    expect(r.reason).toBe('保存期限は契約終了日が決まるまで未定です。契約が続く間は契約書等を保存します。');
  });

  it('J.9.4 5「当該個人データの保有期間」: 廃棄済みの台帳の項目は廃棄日で保有が終わる', () => {
    const r = contractDocumentRetention({
      contractEndsOn: '2026-03-31',
      entries: [{ name: '旧顧客名簿', retainUntilDate: null, disposedOn: '2026-09-30' }],
    });
    expect(r).toMatchObject({ known: true, retainUntil: '2026-09-30', disposalDueOn: '2026-10-01' });
    expect(r.reason).toContain('台帳「旧顧客名簿」の廃棄日（2026年9月30日）');
  });

  it('J.9.4 5: 委託する個人情報が台帳で結び付いていなければ契約終了日まで（その旨を示す）', () => {
    const r = contractDocumentRetention({ contractEndsOn: '2027-03-31', entries: [] });
    expect(r).toMatchObject({ known: true, retainUntil: '2027-03-31' });
    expect(r.reason).toBe('委託している個人情報（台帳の項目）が登録されていないため、契約終了日（2027年3月31日）まで保存し、2027年4月1日以降に廃棄できます。');
  });

  it('J.9.4 5「保存する」: 保存期限の当日までは廃棄できず、翌日から廃棄できる。未定の間は廃棄できない', () => {
    const r = contractDocumentRetention({ contractEndsOn: '2027-03-31', entries: [] });
    expect(contractDocumentRemovable(r, '2027-03-30')).toBe(false);
    expect(contractDocumentRemovable(r, '2027-03-31')).toBe(false);
    expect(contractDocumentRemovable(r, '2027-04-01')).toBe(true);
    expect(contractDocumentRemovable(contractDocumentRetention({ contractEndsOn: null, entries: [] }), '2099-12-31')).toBe(false);
  });
});
