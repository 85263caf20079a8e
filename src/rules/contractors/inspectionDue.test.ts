import { describe, expect, it } from 'vitest';
import { inspectionDue, monthsAfter, oneYearAfter } from './inspectionDue.ts';

// 豊島区 個人情報の取扱いを委託する際に守るべき事項 5.: 少なくとも年1回以上、原則として実地検査により確認する.

const plain = { sensitive: false, myNumber: false };
const today = '2026-05-11';

describe('実地検査の要否（豊島区 守るべき事項 5. 年1回以上の実地検査）', () => {
  it('守るべき事項 5.: 要配慮個人情報の台帳の項目を委託していれば年1回、未実施なら今日が期限', () => {
    expect(inspectionDue({ entries: [plain, { sensitive: true, myNumber: false }], specificPersonalInfo: false, lastInspectedOn: null, today })).toMatchObject({
      required: true,
      dueOn: today,
      overdue: false,
      reason: expect.stringContaining('要配慮個人情報を委託している'),
    });
  });

  it('守るべき事項 5.: マイナンバーの台帳の項目、又は委託先の特定個人情報ありで年1回（前回の1年後が期限）', () => {
    expect(inspectionDue({ entries: [{ sensitive: false, myNumber: true }], specificPersonalInfo: false, lastInspectedOn: '2025-06-01', today })).toMatchObject({
      required: true,
      dueOn: '2026-06-01',
      overdue: false,
      reason: expect.stringContaining('特定個人情報'),
    });
    expect(inspectionDue({ entries: [], specificPersonalInfo: true, lastInspectedOn: '2025-04-30', today })).toMatchObject({ required: true, dueOn: '2026-04-30', overdue: true });
  });

  it('両方を委託していれば理由に両方を挙げる', () => {
    const r = inspectionDue({ entries: [{ sensitive: true, myNumber: true }], specificPersonalInfo: false, lastInspectedOn: null, today });
    expect(r.reason).toContain('要配慮個人情報・特定個人情報');
  });

  it('どちらも委託していなければ年1回の実地検査は求めない（必要に応じて: 特記事項 立入検査）', () => {
    expect(inspectionDue({ entries: [plain], specificPersonalInfo: false, lastInspectedOn: null, today })).toMatchObject({ required: false });
  });

  it('資料B 第14条 第2段（規則第43条）: 要配慮・特定個人情報の委託では、組織の方針（2年ごと）より年1回が優先する', () => {
    expect(inspectionDue({ entries: [{ sensitive: true, myNumber: false }], specificPersonalInfo: false, lastInspectedOn: '2025-06-01', today, policyMonths: 24 })).toMatchObject({
      required: true,
      dueOn: '2026-06-01',
    });
  });

  it('J.9.4 委託先の監督: それ以外の委託先は組織の方針（24か月ごと）で期限を出す。未実施なら今日、前回があれば24か月後', () => {
    expect(inspectionDue({ entries: [plain], specificPersonalInfo: false, lastInspectedOn: null, today, policyMonths: 24 })).toMatchObject({
      required: true,
      dueOn: today,
      reason: expect.stringContaining('組織の方針により2年ごと'),
    });
    expect(inspectionDue({ entries: [plain], specificPersonalInfo: false, lastInspectedOn: '2024-05-31', today, policyMonths: 24 })).toMatchObject({
      required: true,
      dueOn: '2026-05-31',
      overdue: false,
    });
    expect(inspectionDue({ entries: [], specificPersonalInfo: false, lastInspectedOn: '2025-01-10', today, policyMonths: 18 })).toMatchObject({
      dueOn: '2026-07-10',
      reason: expect.stringContaining('18か月ごと'),
    });
  });

  it('特記事項 第13条: 方針がなければ（null）必要に応じて', () => {
    expect(inspectionDue({ entries: [plain], specificPersonalInfo: false, lastInspectedOn: '2020-01-01', today, policyMonths: null })).toMatchObject({ required: false });
  });

  it('月の加算: 月末を超える日は月末', () => {
    expect(monthsAfter('2025-08-31', 6)).toBe('2026-02-28');
    expect(monthsAfter('2026-01-15', 24)).toBe('2028-01-15');
  });

  it('1年後: うるう日は平年の2月28日', () => {
    expect(oneYearAfter('2028-02-29')).toBe('2029-02-28');
    expect(oneYearAfter('2026-12-31')).toBe('2027-12-31');
  });
});
