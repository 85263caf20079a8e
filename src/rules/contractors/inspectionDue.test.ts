import { describe, expect, it } from 'vitest';
import { type InspectionDueInput, inspectionDue, monthsAfter, oneYearAfter } from './inspectionDue.ts';

// 豊島区 個人情報の取扱いを委託する際に守るべき事項 5.: 少なくとも年1回以上、原則として実地検査により確認する.

const plain = { sensitive: false, myNumber: false };
const today = '2026-05-11';

/** A 委託先 registered today, its contract started a year ago, never inspected. */
function input(overrides: Partial<InspectionDueInput>): InspectionDueInput {
  return { entries: [plain], specificPersonalInfo: false, contractStartsOn: '2025-05-01', registeredOn: today, lastInspectedOn: null, today, ...overrides };
}

describe('実地検査の要否（豊島区 守るべき事項 5. 年1回以上の実地検査）', () => {
  it('守るべき事項 5.: 要配慮個人情報の台帳の項目を委託していれば年1回、未実施なら契約の開始から1年以内が期限', () => {
    expect(inspectionDue(input({ entries: [plain, { sensitive: true, myNumber: false }] }))).toMatchObject({
      required: true,
      dueOn: '2026-05-01',
      overdue: true,
      reason: expect.stringContaining('要配慮個人情報を委託している'),
    });
  });

  it('守るべき事項 5.: マイナンバーの台帳の項目、又は委託先の特定個人情報ありで年1回（前回の1年後が期限）', () => {
    expect(inspectionDue(input({ entries: [{ sensitive: false, myNumber: true }], lastInspectedOn: '2025-06-01' }))).toMatchObject({
      required: true,
      dueOn: '2026-06-01',
      overdue: false,
      reason: expect.stringContaining('特定個人情報'),
    });
    expect(inspectionDue(input({ entries: [], specificPersonalInfo: true, lastInspectedOn: '2025-04-30', contractStartsOn: null }))).toMatchObject({
      required: true,
      dueOn: '2026-04-30',
      overdue: true,
    });
  });

  describe('初回の実地検査: 契約の開始から1年以内（登録した日や契約の開始より前を期限にしない）', () => {
    const specific = { entries: [], specificPersonalInfo: true };

    it('これから始まる契約（2026/12/10 開始、今日 2026/12/06 登録）は 2027/12/10 が期限、今日ではない', () => {
      const r = inspectionDue(input({ ...specific, contractStartsOn: '2026-12-10', registeredOn: '2026-12-06', today: '2026-12-06' }));
      expect(r).toMatchObject({ required: true, dueOn: '2027-12-10', overdue: false });
    });

    it('契約の開始が記録されていなければ登録した日から1年', () => {
      expect(inspectionDue(input({ ...specific, contractStartsOn: null, registeredOn: '2026-12-06', today: '2026-12-06' }))).toMatchObject({ dueOn: '2027-12-06' });
    });

    it('前の契約（又は選定時）の検査が契約の開始より1年以上前なら、契約の開始から1年', () => {
      expect(inspectionDue(input({ ...specific, contractStartsOn: '2026-04-01', lastInspectedOn: '2024-10-01' }))).toMatchObject({ dueOn: '2027-04-01', overdue: false });
    });

    it('契約の開始の直前（選定時）の検査は数える: その1年後が期限', () => {
      expect(inspectionDue(input({ ...specific, contractStartsOn: '2026-04-01', lastInspectedOn: '2026-03-01' }))).toMatchObject({ dueOn: '2027-03-01' });
    });

    it('契約の更新で開始日が後になっても、前回の検査の1年後が期限のまま（更新で年1回が延びない）', () => {
      expect(inspectionDue(input({ ...specific, contractStartsOn: '2026-04-01', lastInspectedOn: '2025-10-01' }))).toMatchObject({ dueOn: '2026-10-01' });
    });
  });

  it('両方を委託していれば理由に両方を挙げる', () => {
    const r = inspectionDue(input({ entries: [{ sensitive: true, myNumber: true }] }));
    expect(r.reason).toContain('要配慮個人情報・特定個人情報');
  });

  it('どちらも委託していなければ年1回の実地検査は求めない（必要に応じて: 特記事項 立入検査）', () => {
    expect(inspectionDue(input({}))).toMatchObject({ required: false });
  });

  it('資料B 第14条 第2段（規則第43条）: 要配慮・特定個人情報の委託では、組織の方針（2年ごと）より年1回が優先する', () => {
    expect(inspectionDue(input({ entries: [{ sensitive: true, myNumber: false }], lastInspectedOn: '2025-06-01', policyMonths: 24 }))).toMatchObject({
      required: true,
      dueOn: '2026-06-01',
    });
  });

  it('J.9.4 委託先の監督: それ以外の委託先は組織の方針（24か月ごと）で期限を出す。未実施なら契約の開始の24か月後、前回があれば24か月後', () => {
    expect(inspectionDue(input({ policyMonths: 24 }))).toMatchObject({
      required: true,
      dueOn: '2027-05-01',
      overdue: false,
      reason: expect.stringContaining('組織の方針により2年ごと'),
    });
    expect(inspectionDue(input({ lastInspectedOn: '2024-05-31', contractStartsOn: '2024-04-01', policyMonths: 24 }))).toMatchObject({
      required: true,
      dueOn: '2026-05-31',
      overdue: false,
    });
    expect(inspectionDue(input({ entries: [], lastInspectedOn: '2025-01-10', contractStartsOn: null, policyMonths: 18 }))).toMatchObject({
      dueOn: '2026-07-10',
      reason: expect.stringContaining('18か月ごと'),
    });
  });

  it('特記事項 第13条: 方針がなければ（null）必要に応じて', () => {
    expect(inspectionDue(input({ lastInspectedOn: '2020-01-01', policyMonths: null }))).toMatchObject({ required: false });
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
