import { describe, expect, it } from 'vitest';
import type { YesNo } from '../data/contractorComplianceReport.ts';
import { type ContractTerms, checkComplianceReport, complianceItemText, type ReportAnswer } from './complianceReport.ts';
import { complianceReportItems } from '../data/contractorComplianceReport.ts';

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
    expect(checkComplianceReport(withAnswer(1, 'yes')).problems).toEqual([{ number: 1, message: '(1) が「はい」のときは、発生している事案の具体的な内容を書いてください' }]);
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
    expect(checkComplianceReport(withAnswer(4, 'yes')).problems).toEqual([{ number: 4, message: '(4) が「はい」のときは、具体的な対策と日付を書いてください' }]);
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
    expect(checkComplianceReport(answers).problems).toEqual([{ number: 8, message: '(8) が「いいえ」のときは、今後の予定を書いてください' }]);
    const supervised = answers.map((a) => (a.number === 8 ? { ...a, answer: 'yes' as const } : a));
    expect(checkComplianceReport(supervised).problems).toEqual([{ number: 8, message: '(8) が「はい」のときは、監督を行った日付と具体的な内容を書いてください' }]);
  });

  it('(7)(8) は (6) がいいえなら回答しない', () => {
    expect(checkComplianceReport([...compliant, { number: 7, answer: 'yes', details: null }]).problems).toEqual([
      { number: 7, message: '(7) は再委託を行っている場合だけ回答します（(6) が「いいえ」です）' },
    ]);
  });

  it('(9)「仕様書及び特記事項に規定した個人情報の取扱いについて、遵守している。」いいえなら具体的内容が要り、指摘事項になる', () => {
    expect(checkComplianceReport(withAnswer(9, 'no')).problems).toEqual([{ number: 9, message: '(9) が「いいえ」のときは、遵守していない具体的な内容を書いてください' }]);
    expect(checkComplianceReport(withAnswer(9, 'no', '持ち出し記録の漏れ')).deviations.map((d) => d.number)).toEqual([9]);
  });

  it('回答のない項目・同じ項目の2つの回答は誤り', () => {
    expect(checkComplianceReport(compliant.filter((a) => a.number !== 5)).problems).toEqual([{ number: 5, message: expect.stringContaining('(5)「事故が発生した時の報告') }]);
    expect(checkComplianceReport([...compliant, { number: 2, answer: 'yes', details: null }]).problems).toEqual([{ number: 2, message: '(2) に回答が2つあります' }]);
  });
});

describe('特記事項遵守報告書: 契約の条項との照合（J.9.4 3 c) 再委託、e) 遵守の確認）', () => {
  const subcontracting = (seven: YesNo): ReportAnswer[] => [
    ...withAnswer(6, 'yes'),
    { number: 7, answer: seven, details: null },
    { number: 8, answer: 'yes', details: '2026/9 実地確認' },
  ];
  const prohibit: ContractTerms = { subcontracting: 'prohibit', approvedSubcontracts: 0 };
  const restrictNone: ContractTerms = { subcontracting: 'restrict', approvedSubcontracts: 0 };
  const restrictApproved: ContractTerms = { subcontracting: 'restrict', approvedSubcontracts: 1 };

  it('(6) はい: 特記事項が「再委託の禁止」なら、条項を示す指摘になる（豊島区 資料B 第6条、民間 J.9.4 3 c)）', () => {
    const { deviations } = checkComplianceReport(subcontracting('no'), { contract: prohibit });
    expect(deviations.find((d) => d.number === 6)).toMatchObject({
      expected: 'no',
      answer: 'yes',
      reason: expect.stringContaining('「再委託の禁止」（乙は、受託業務の処理を第三者に再委託してはならない。）'),
    });
  });

  it('(7) はい（事前に承諾を得ている）でも、委託元の台帳に承認済みの再委託がなければ指摘（資料B 第6条第2項）', () => {
    expect(checkComplianceReport(subcontracting('yes'), { contract: restrictNone }).deviations).toEqual([
      expect.objectContaining({ number: 7, expected: null, answer: 'yes', reason: expect.stringContaining('承認済みの再委託がありません') }),
    ]);
    const forbidden = checkComplianceReport(subcontracting('yes'), { contract: prohibit }).deviations;
    expect(forbidden.map((d) => d.number)).toEqual([6, 7]);
    expect(forbidden[1]?.reason).toContain('「再委託の禁止」');
  });

  it('「再委託の制限」で承認済みの再委託があれば、(6)(7) はいは指摘にならない', () => {
    expect(checkComplianceReport(subcontracting('yes'), { contract: restrictApproved }).deviations).toEqual([]);
  });

  it('(6) いいえなら、禁止の条項でも指摘はない', () => {
    expect(checkComplianceReport(compliant, { contract: prohibit })).toEqual({ problems: [], deviations: [] });
  });

  it('契約の条項を知らないとき（contract なし）は、回答だけで判断する', () => {
    expect(checkComplianceReport(subcontracting('yes')).deviations).toEqual([]);
  });
});

describe('特記事項遵守報告書: 委託元が区でないときの文言', () => {
  const seven = complianceReportItems.find((i) => i.number === 7);

  it('(7) は自治体の委託元には様式のまま「事前に区へ文書で協議」、会社の委託元には「委託元へ」', () => {
    expect(complianceItemText(seven ?? { text: '' }, 'public_body')).toBe('再委託を行っている場合、事前に区へ文書で協議し承諾を得ている。');
    expect(complianceItemText(seven ?? { text: '' }, 'company')).toBe('再委託を行っている場合、事前に委託元へ文書で協議し承諾を得ている。');
  });

  it('会社の委託元では、未回答の (7) の誤りも指摘の文言も「委託元へ」', () => {
    const answers = [...withAnswer(6, 'yes'), { number: 8, answer: 'yes' as const, details: '2026/9 実地確認' }];
    const { problems } = checkComplianceReport(answers, { audience: 'company' });
    expect(problems).toEqual([{ number: 7, message: '(7)「再委託を行っている場合、事前に委託元へ文書で協議し承諾を得ている。」に「はい」か「いいえ」で回答してください' }]);
    const withSeven = [...answers, { number: 7, answer: 'no' as const, details: null }];
    expect(checkComplianceReport(withSeven, { audience: 'company' }).deviations[0]?.text).not.toContain('区');
  });
});
