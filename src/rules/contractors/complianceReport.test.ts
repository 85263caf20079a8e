import { describe, expect, it } from 'vitest';
import type { YesNo } from '../data/contractorComplianceReport.ts';
import { checkComplianceReport, type ReportAnswer } from './complianceReport.ts';

// 豊島区 資料B③ 個人情報特記事項の遵守に関する報告書: one test per item, named with the form's wording.

const compliant: ReportAnswer[] = [
  { number: 1, answer: 'no', details: null },
  { number: 2, answer: 'yes', details: null },
  { number: 3, answer: 'yes', details: null },
  { number: 4, answer: 'yes', details: '2026/10/1 全従事者に個人情報保護研修' },
  { number: 5, answer: 'yes', details: null },
  { number: 6, answer: 'no', details: null },
  { number: 9, answer: 'yes', details: null },
];
const withAnswer = (number: number, answer: YesNo, details: string | null = null) => compliant.map((a) => (a.number === number ? { number, answer, details } : a));

describe('特記事項遵守報告書（豊島区 資料B③）', () => {
  it('遵守している委託先の回答は、誤りも指摘事項もない', () => {
    expect(checkComplianceReport(compliant)).toEqual({ problems: [], deviations: [] });
  });

  it('(1)「現状すでに個人情報の不適正な取り扱いの事案が発生している。」はいなら具体的内容が要り、指摘事項になる', () => {
    expect(checkComplianceReport(withAnswer(1, 'yes')).problems).toEqual([{ number: 1, message: '(1) （はいを選択した場合）具体的内容を記入（「はい」の場合）' }]);
    expect(checkComplianceReport(withAnswer(1, 'yes', '誤送付1件')).deviations).toEqual([
      expect.objectContaining({ number: 1, expected: 'no', answer: 'yes', details: '誤送付1件' }),
    ]);
  });

  it('(2)「個人情報の取扱いについて内部規程を整備している。又はプライバシーマークを取得している。」いいえは指摘事項', () => {
    expect(checkComplianceReport(withAnswer(2, 'no')).deviations.map((d) => d.number)).toEqual([2]);
  });

  it('(3)「受託業務における個人情報保護責任者、作業責任者、作業従事者等を特定している。」いいえは指摘事項', () => {
    expect(checkComplianceReport(withAnswer(3, 'no')).deviations.map((d) => d.number)).toEqual([3]);
  });

  it('(4)「意識向上のため研修等を作業従事者に行った。」はいなら具体的対策・日付等が要る', () => {
    expect(checkComplianceReport(withAnswer(4, 'yes')).problems.map((p) => p.number)).toEqual([4]);
    expect(checkComplianceReport(withAnswer(4, 'no')).deviations.map((d) => d.number)).toEqual([4]);
  });

  it('(5)「事故が発生した時の報告について、手順や方法を定めている。」いいえは指摘事項', () => {
    expect(checkComplianceReport(withAnswer(5, 'no')).deviations.map((d) => d.number)).toEqual([5]);
  });

  it('(6)「再委託を行っている」はどちらでもよく、はいなら (7)(8) に回答が要る', () => {
    const subcontracting = withAnswer(6, 'yes');
    expect(checkComplianceReport(subcontracting).problems.map((p) => p.number)).toEqual([7, 8]);
    expect(checkComplianceReport(subcontracting).deviations).toEqual([]);
  });

  it('(7)「再委託を行っている場合、事前に区へ文書で協議し承諾を得ている。」いいえは指摘事項', () => {
    const answers = [...withAnswer(6, 'yes'), { number: 7, answer: 'no' as const, details: null }, { number: 8, answer: 'yes' as const, details: '2026/9 実地確認' }];
    expect(checkComplianceReport(answers)).toEqual({ problems: [], deviations: [expect.objectContaining({ number: 7 })] });
  });

  it('(8)「再委託を行っている場合、再委託先へ監督を行った。」はい・いいえどちらでも内容（実施内容／今後の予定）が要る', () => {
    const answers = [...withAnswer(6, 'yes'), { number: 7, answer: 'yes' as const, details: null }, { number: 8, answer: 'no' as const, details: null }];
    expect(checkComplianceReport(answers).problems).toEqual([{ number: 8, message: expect.stringContaining('今後の予定を記入') }]);
  });

  it('(7)(8) は (6) がいいえなら回答しない', () => {
    expect(checkComplianceReport([...compliant, { number: 7, answer: 'yes', details: null }]).problems).toEqual([
      { number: 7, message: '(7) は再委託を行っている場合だけ回答します（(6) が「いいえ」です）' },
    ]);
  });

  it('(9)「仕様書及び特記事項に規定した個人情報の取扱いについて、遵守している。」いいえなら具体的内容が要り、指摘事項になる', () => {
    expect(checkComplianceReport(withAnswer(9, 'no')).problems.map((p) => p.number)).toEqual([9]);
    expect(checkComplianceReport(withAnswer(9, 'no', '持ち出し記録の漏れ')).deviations.map((d) => d.number)).toEqual([9]);
  });

  it('回答のない項目・同じ項目の2つの回答は誤り', () => {
    expect(checkComplianceReport(compliant.filter((a) => a.number !== 5)).problems).toEqual([{ number: 5, message: expect.stringContaining('(5)「事故が発生した時の報告') }]);
    expect(checkComplianceReport([...compliant, { number: 2, answer: 'yes', details: null }]).problems).toEqual([{ number: 2, message: '(2) に回答が2つあります' }]);
  });
});
