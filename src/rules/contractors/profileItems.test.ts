import { describe, expect, it } from 'vitest';
import { setagayaQuestionnaire } from '../data/contractorCriteria.ts';
import { answersFor, itemKey, type ProfileAnswer, prefillFromProfile, profileItems, resolveProfileAnswers } from './profileItems.ts';

// 委託先のプロフィール (issue #13 「回答を一度にして複数の委託元に共有」) with two 委託元: one on the
// 世田谷区 個人情報管理状況調査票 (seeds/000), one whose own criteria (J.9.4 s) 委託先の選定基準の見直し)
// reworded item 1 and added item 10.

const standard = setagayaQuestionnaire.items;
const ITEM1 = 'プライバシーマークを取得しているか（取得していない場合は、以下項目に該当しているか）';
const ITEM1_EDITED = 'プライバシーマーク又は ISMS 認証を取得しているか';
const ITEM10 = '委託先従業者に対する個人情報保護教育の実施';
const edited = [...standard.map((i) => (i.code === '1' ? { ...i, text: ITEM1_EDITED } : i)), { code: '10', text: ITEM10 }];
const asked = [
  { principal: '世田谷の委託元', items: standard },
  { principal: '豊島の委託元', items: edited },
];

describe('委託先のプロフィールの評価項目（複数の委託元の調査票）', () => {
  it('同じ番号・同じ文言の項目は一度だけ答え、尋ねている委託元を示す', () => {
    const items = profileItems(standard, asked);
    const item2 = items.filter((i) => i.code === '2');
    expect(item2).toHaveLength(1);
    expect(item2[0]).toMatchObject({ text: '継続的な取引があるか', askedBy: ['世田谷の委託元', '豊島の委託元'], standard: true });
  });

  it('文言の違う項目 1「プライバシーマークを取得しているか」は文言ごとに答え、追加された項目 10 も並ぶ', () => {
    const items = profileItems(standard, asked);
    expect(items.map((i) => i.code)).toEqual(['1', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(items[0]).toMatchObject({ text: ITEM1, askedBy: ['世田谷の委託元'], coversOthers: true });
    expect(items[1]).toMatchObject({ text: ITEM1_EDITED, askedBy: ['豊島の委託元'], standard: false, coversOthers: true });
    expect(items.at(-1)).toMatchObject({ code: '10', text: ITEM10, askedBy: ['豊島の委託元'], standard: false });
  });

  it('J.9.4 s) 委託先の選定基準の見直し: 調査票のあとに改定された評価基準は、同じ委託元の項目として「最新の調査票」と分けて示す', () => {
    const items = profileItems(standard, [
      { principal: '世田谷の委託元', via: '最新の調査票', items: standard },
      { principal: '世田谷の委託元', via: '改定された評価基準（第2版）', items: edited },
    ]);
    expect(items.map((i) => i.code)).toEqual(['1', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // Asked by both sets: the 委託元 once, each set named.
    expect(items.find((i) => i.code === '2')).toMatchObject({
      askedBy: ['世田谷の委託元'],
      askedVia: [
        { principal: '世田谷の委託元', via: '最新の調査票' },
        { principal: '世田谷の委託元', via: '改定された評価基準（第2版）' },
      ],
    });
    expect(items.find((i) => i.code === '10')).toMatchObject({ askedBy: ['世田谷の委託元'], askedVia: [{ principal: '世田谷の委託元', via: '改定された評価基準（第2版）' }] });
    expect(items.find((i) => i.text === ITEM1)?.askedVia).toEqual([{ principal: '世田谷の委託元', via: '最新の調査票' }]);
  });

  it('接続している委託元がなくても標準の調査票の9項目を答えられる', () => {
    const items = profileItems(standard, []);
    expect(items).toHaveLength(9);
    expect(items.every((i) => i.standard && i.askedBy.length === 0)).toBe(true);
  });

  it('回答は番号と文言で項目に対応づけ、どこにもない項目と文言の曖昧な番号は項目を名指しして断る', () => {
    const items = profileItems(standard, asked);
    const ok = resolveProfileAnswers(items, [
      { code: '2', answer: 'yes', details: null },
      { code: '1', text: ITEM1_EDITED, answer: 'no', details: 'ISMS を取得予定' },
      { code: '10', answer: 'yes', details: null },
    ]);
    expect(ok.problems).toEqual([]);
    expect(ok.answers.map((a) => [a.code, a.text])).toEqual([
      ['2', '継続的な取引があるか'],
      ['1', ITEM1_EDITED],
      ['10', ITEM10],
    ]);
    const bad = resolveProfileAnswers(items, [
      { code: '1', answer: 'yes', details: null },
      { code: '11', answer: 'yes', details: null },
      { code: '2', text: '違う文言', answer: 'yes', details: null },
      { code: '3', answer: 'yes', details: null },
      { code: '3', answer: 'no', details: 'x' },
    ]);
    expect(bad.answers).toEqual([]);
    expect(bad.problems).toEqual([
      { path: 'questionnaireAnswers.0', message: expect.stringContaining('評価項目 1 は委託元によって文言が違います') },
      { path: 'questionnaireAnswers.1', message: expect.stringContaining('評価項目 11 は、接続している委託元の調査票にも標準の調査票にもありません') },
      { path: 'questionnaireAnswers.2', message: expect.stringContaining('評価項目 2「違う文言」') },
      { path: 'questionnaireAnswers.4', message: '評価項目 3「個人情報の漏えい防止策の実施有無」に回答が2つあります' },
    ]);
  });

  const profile: ProfileAnswer[] = [
    { code: '1', text: ITEM1, answer: 'yes', details: null },
    { code: '2', text: '継続的な取引があるか', answer: 'yes', details: null },
  ];

  it('調査票はプロフィールの回答から番号と文言の一致する項目だけ始め、ない項目（文言の違う 1、追加の 10）は空欄で名指しする', () => {
    const started = prefillFromProfile(edited, profile);
    expect(started.answers).toEqual([{ code: '2', answer: 'yes', details: null }]);
    expect(started.missing.map((i) => i.code)).toEqual(['1', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(prefillFromProfile(standard, profile).answers.map((a) => a.code)).toEqual(['1', '2']);
  });

  it('委託元に共有する調査票の回答は、その委託元の項目への回答だけ', () => {
    expect(answersFor(edited, profile).map((a) => a.code)).toEqual(['2']);
    expect(answersFor(standard, profile).map((a) => a.code)).toEqual(['1', '2']);
    expect(itemKey(' 1 ', ` ${ITEM1} `)).toBe(itemKey('1', ITEM1));
  });
});
