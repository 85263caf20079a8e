import { describe, expect, it } from 'vitest';
import { setagayaQuestionnaire } from '../data/contractorCriteria.ts';
import { checkQuestionnaire, evaluationFromQuestionnaire, type QuestionnaireAnswer, type QuestionnaireAnswerValue } from './questionnaire.ts';

// 世田谷区 個人情報管理状況調査票 (seeds/000) on Mamori's default criteria set: one test per 評価項目,
// named with the seed's wording; J.9.4 t) for the carry into the 委託先審査表.

const criteria = setagayaQuestionnaire;
const allYesWithoutMark: QuestionnaireAnswer[] = [
  { code: '1', answer: 'no', details: '取得の予定なし。以下の項目で管理体制を示します' },
  ...['2', '3', '4', '5', '6', '7', '8', '9'].map((code) => ({ code, answer: 'yes' as const, details: null })),
];
const withAnswer = (code: string, answer: QuestionnaireAnswerValue, details: string | null = null) =>
  allYesWithoutMark.map((a) => (a.code === code ? { code, answer, details } : a));
const without = (code: string) => allYesWithoutMark.filter((a) => a.code !== code);

describe('個人情報管理状況調査票（世田谷区, seeds/000）', () => {
  it('9項目すべてに回答した調査票には誤りがない', () => {
    expect(checkQuestionnaire(criteria, allYesWithoutMark)).toEqual([]);
  });

  it('1「プライバシーマークを取得しているか（取得していない場合は、以下項目に該当しているか）」はいなら登録証の写しが要り、他の項目は省ける', () => {
    const markOnly: QuestionnaireAnswer[] = [{ code: '1', answer: 'yes', details: null }];
    expect(checkQuestionnaire(criteria, markOnly)).toEqual([{ code: '1', message: expect.stringContaining('プライバシーマーク登録証の写しを添付してください') }]);
    expect(checkQuestionnaire(criteria, markOnly, ['privacy_mark'])).toEqual([]);
  });

  it('1「プライバシーマークを取得しているか」は該当なしでは答えられず、いいえなら2〜9を全部答える', () => {
    expect(checkQuestionnaire(criteria, withAnswer('1', 'not_applicable')).map((p) => p.code)).toEqual(['1']);
    expect(checkQuestionnaire(criteria, without('9')).map((p) => p.code)).toEqual(['9']);
    expect(checkQuestionnaire(criteria, without('1')).map((p) => p.message)).toEqual([expect.stringContaining('1「プライバシーマークを取得しているか')]);
  });

  const items: [string, string][] = [
    ['2', '継続的な取引があるか'],
    ['3', '個人情報の漏えい防止策の実施有無'],
    ['4', '過去に個人情報の漏えいまたは紛失が無いこと'],
    ['5', '個人情報に関する事故発生時の担当窓口と責任者の設置'],
    ['6', '個人情報にアクセス（利用）できる従業員の限定'],
    ['7', '個人情報の保管場所、保管方法及び取扱い方法の明定'],
    ['8', '個人情報に関する事故発生時の当社への速やかな連絡体制の整備'],
    ['9', '個人情報の私有、複製、目的外利用の禁止徹底'],
  ];
  for (const [code, text] of items) {
    it(`${code}「${text}」いいえには内容が要り、該当なしは内容なしで答えられる`, () => {
      expect(checkQuestionnaire(criteria, withAnswer(code, 'no'))).toEqual([
        { code, message: `${code}「${text}」が「いいえ」のときは、その内容（対策の予定など）を記入してください` },
      ]);
      expect(checkQuestionnaire(criteria, withAnswer(code, 'no', '来年度に整備する'))).toEqual([]);
      expect(checkQuestionnaire(criteria, withAnswer(code, 'not_applicable'))).toEqual([]);
    });
  }

  it('調査票にない評価項目や、同じ項目への2つの回答は送れない', () => {
    expect(checkQuestionnaire(criteria, [...allYesWithoutMark, { code: '10', answer: 'yes', details: null }])).toEqual([
      { code: '10', message: '評価項目 10 は「個人情報管理状況調査票」にありません' },
    ]);
    expect(checkQuestionnaire(criteria, [...allYesWithoutMark, { code: '3', answer: 'no', details: 'x' }])).toEqual([{ code: '3', message: '評価項目 3 に回答が2つあります' }]);
  });

  it('J.9.4 t) 受理した回答は委託先審査表に項目ごとに引用して写す（はい→適、いいえ→不適、該当なし→該当なし）', () => {
    const answers = withAnswer('4', 'no', '2025年に誤送付1件（再発防止済み）').map((a) => (a.code === '2' ? { ...a, answer: 'not_applicable' as const } : a));
    const prefill = evaluationFromQuestionnaire(criteria, answers, '2026-11-20');
    expect(prefill).toHaveLength(9);
    expect(prefill.find((p) => p.code === '1')).toEqual({
      code: '1',
      answer: 'unsuitable',
      citation: '個人情報管理状況調査票（2026/11/20 受理）の回答: いいえ — 取得の予定なし。以下の項目で管理体制を示します',
    });
    expect(prefill.find((p) => p.code === '2')?.answer).toBe('not_applicable');
    expect(prefill.find((p) => p.code === '3')).toEqual({ code: '3', answer: 'suitable', citation: '個人情報管理状況調査票（2026/11/20 受理）の回答: はい' });
    expect(prefill.find((p) => p.code === '4')).toMatchObject({ answer: 'unsuitable', citation: expect.stringContaining('誤送付1件') });
  });
});
