import { describe, expect, it } from 'vitest';
import { inspectionDue, oneYearAfter } from './inspectionDue.ts';

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

  it('1年後: うるう日は平年の2月28日', () => {
    expect(oneYearAfter('2028-02-29')).toBe('2029-02-28');
    expect(oneYearAfter('2026-12-31')).toBe('2027-12-31');
  });
});
