import { describe, expect, it } from 'vitest';
import type { SpecialClauseChoiceKey } from '../data/specialClauses/types.ts';
import {
  availableVariants,
  composeSpecialClauses,
  defaultSpecialClauseChoices,
  type SpecialClauseChoices,
  type SpecialClauseInput,
  type SpecialClauseTemplateCode,
  specialClausesText,
} from './specialClauses.ts';

// 個人情報特記事項 composer (issue 13): 豊島区 資料A (条例下のひな型) / 資料B (現行の記載例) of
// seeds/002 and the private-company set on J.9.4 3 (seeds/003).

const base = (template: SpecialClauseTemplateCode, choices: Partial<SpecialClauseChoices> = {}): SpecialClauseInput => ({
  template,
  choices: { ...defaultSpecialClauseChoices, ...choices },
  principalName: '豊島区',
  contractorName: '株式会社テスト受託',
  businessName: '住民税課税資料入力業務',
  providedItems: ['氏名', '住所'],
  collectedItems: ['家族構成'],
});

function compose(input: SpecialClauseInput) {
  const result = composeSpecialClauses(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}
const textOf = (input: SpecialClauseInput) => specialClausesText(compose(input));

type Case = { key: SpecialClauseChoiceKey; prohibit: string; restrict: string };
// The 禁止 text is a prefix of the 制限 text in the seed, so the 制限 side is checked by its ただし書.
const prohibitOrRestrict: Case[] = [
  {
    key: 'purposeUse',
    prohibit: '（目的外利用の禁止）',
    restrict: 'ただし、区民等の福祉の向上のために特に必要であると認められる場合において、甲の承認を受けたときは、この限りでない。',
  },
  { key: 'externalProvision', prohibit: '（外部提供の禁止）', restrict: '提供先の名称、提供先の利用目的、利用方法、利用期間等を甲に通知しなければならない。' },
  { key: 'subcontracting', prohibit: '（再委託の禁止）', restrict: '甲の承認を受けたときは、受託業務の一部を再委託できるものとする。' },
  {
    key: 'copying',
    prohibit: '（複写又は複製の禁止）',
    restrict: '乙は、取り扱う個人情報を複写又は複製してはならない。ただし、受託業務の処理上必要であると認められる場合において、甲の承認を受けたときは、この限りでない。',
  },
  { key: 'takingOut', prohibit: '（持ち出しの禁止）', restrict: '持ち出し記録' },
];

describe.each(['toshimaOrdinanceEra', 'toshimaCurrent'] as const)('豊島区 特記事項 %s', (template) => {
  it.each(prohibitOrRestrict)('$key: 禁止を選ぶと禁止の条文だけ、制限を選ぶと「ただし…甲の承認」の条文だけが入る', ({ key, prohibit, restrict }) => {
    const prohibited = textOf(base(template, { [key]: 'prohibit' }));
    expect(prohibited).toContain(prohibit);
    expect(prohibited).not.toContain(restrict);
    const restricted = textOf(base(template, { [key]: 'restrict' }));
    expect(restricted).toContain(restrict);
    expect(restricted).not.toContain(prohibit);
  });

  it('複写又は複製 ※1「仕様書に記載した受託業務の処理の範囲を超えて」を選べる', () => {
    const text = textOf(base(template, { copying: 'restrictToSpec' }));
    expect(text).toContain('乙は、仕様書に記載した受託業務の処理の範囲を超えて、取り扱う個人情報を複写又は複製してはならない。');
    expect(text).not.toContain('（複写又は複製の禁止）');
  });

  it('資料等の返還義務: 返還は「速やかに、甲に返還しなければならない」だけ、廃棄は「当該資料等を廃棄できるものとする」と記録・報告の項', () => {
    const returned = textOf(base(template, { returnOrDisposal: 'return' }));
    expect(returned).toContain('取り扱う個人情報が記録された資料等を、速やかに、甲に返還しなければならない。');
    expect(returned).not.toContain('当該資料等を廃棄できるものとする');
    const disposed = textOf(base(template, { returnOrDisposal: 'dispose' }));
    expect(disposed).toContain('甲の承認を受けたときは、当該資料等を廃棄できるものとする。');
    expect(disposed).toContain('消去又は廃棄を行った日時、担当者名及びその内容を記録し、書面により甲に報告しなければならない。');
  });

  it('第1条に当事者の名称と業務名が入り、「○○業務」「豊島区（以下」は残らない（甲は委託元の名称）', () => {
    const text = textOf({ ...base(template), principalName: '練馬区' });
    expect(text).toContain('住民税課税資料入力業務の受託事業者である株式会社テスト受託（以下「乙」という。）');
    expect(text).toContain('練馬区（以下「甲」という。）');
    expect(text).not.toContain('○○業務');
    expect(text).not.toContain('豊島区（以下「甲」');
  });

  it('第2条: 甲から提供される個人情報と収集する個人情報がア・イで並び、「その他…甲の承認を得たもの」で範囲を限る', () => {
    const doc = compose(base(template));
    const article = doc.articles[1];
    expect(article?.label).toBe('第2条');
    const lines = article?.lines.map((l) => l.text) ?? [];
    expect(lines).toEqual([
      '乙は、受託業務の処理に当たっては、次に掲げる個人情報に限り取り扱うことができるものとし、当該個人情報以外の個人情報の収集、保有、使用その他の取扱いをしてはならない。',
      '(1) 受託業務の処理のために甲から提供される次の個人情報',
      'ア 氏名',
      'イ 住所',
      '(2) 受託業務の処理のために収集する次の個人情報',
      'ア 家族構成',
      'イ その他受託業務の処理のために必要となる個人情報で、収集に当たって事前に甲と協議し、甲の承認を得たもの',
      '2 乙は、受託業務に係る個人情報を取り扱う作業責任者及び作業従事者の氏名を、あらかじめ甲に報告しなくてはならない。変更するときも、同様とする。',
    ]);
  });

  it('第2条 ※3: 収集する個人情報がないときは「甲から提供される次の個人情報に限り」と (1)(2) で並べる', () => {
    const lines = compose({ ...base(template), collectedItems: [] }).articles[1]?.lines.map((l) => l.text);
    expect(lines?.[0]).toContain('受託業務の処理のために甲から提供される次の個人情報に限り取り扱うことができる');
    expect(lines?.slice(1, 3)).toEqual(['(1) 氏名', '(2) 住所']);
  });

  it('第2条 ※2: 甲から提供される個人情報がないときは「収集する次の個人情報に限り」', () => {
    const lines = compose({ ...base(template), providedItems: [] }).articles[1]?.lines.map((l) => l.text);
    expect(lines?.[0]).toContain('受託業務の処理のために収集する次の個人情報に限り取り扱うことができる');
    expect(lines?.[1]).toBe('(1) 家族構成');
  });
});

describe('豊島区 資料B 第14条 施設等の立入検査又は調査に応じる義務（規則第43条）', () => {
  const rule43 =
    '第43条各号のいずれかに該当する事態が発生するおそれがある場合は、作業の管理体制や実施体制や個人情報の管理の状況について、少なくとも年1回以上、原則として実地検査により確認するものとする。';
  const secondParagraph = '2 委託先において、保有個人情報の取扱いに係る業務が再委託される場合には、乙に前項の措置を講じさせる';

  it('※1 を選ぶと「少なくとも年1回以上、原則として実地検査」の段落が入り、選ばなければ入らない', () => {
    expect(textOf(base('toshimaCurrent', { inspection: 'rule43' }))).toContain(rule43);
    expect(textOf(base('toshimaCurrent', { inspection: 'plain' }))).not.toContain(rule43);
  });

  it('※2: 再委託の制限と規則第43条のときは第2項（再々委託を行う場合以降も同様）が入る', () => {
    const doc = compose(base('toshimaCurrent', { inspection: 'rule43', subcontracting: 'restrict' }));
    const article = doc.articles.find((a) => a.key === 'inspection');
    expect(article?.label).toBe('第14条');
    expect(article?.variant).toBe('rule43Subcontract');
    expect(specialClausesText(doc)).toContain(secondParagraph);
    expect(textOf(base('toshimaCurrent', { inspection: 'rule43', subcontracting: 'prohibit' }))).not.toContain(secondParagraph);
  });

  it('条例下のひな型（資料A）には規則第43条の段落がなく、選ぶと日本語の項目エラーになる', () => {
    expect(availableVariants('toshimaOrdinanceEra', 'inspection')).toEqual(['plain']);
    const result = composeSpecialClauses(base('toshimaOrdinanceEra', { inspection: 'rule43' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([{ field: 'inspection', message: expect.stringContaining('立入検査: このひな型では') }]);
    }
  });
});

describe('条の番号と並び（seed の記載例どおり）', () => {
  it('資料A: 第5条 目的外利用 … 第10条 資料等の返還義務 … 第17条 損害賠償', () => {
    const doc = compose(base('toshimaOrdinanceEra'));
    const byKey = Object.fromEntries(doc.articles.map((a) => [a.key, a.label]));
    expect(byKey).toMatchObject({
      purposeUse: '第5条',
      subcontracting: '第7条',
      copying: '第8条',
      takingOut: '第9条',
      returnOrDisposal: '第10条',
      inspection: '第13条',
      damages: '第17条',
    });
  });
  it('資料B: 第4条 目的外利用 … 第14条 立入検査 … 第17条 資料等の返還義務 … 第21条 準拠法', () => {
    const doc = compose(base('toshimaCurrent'));
    const byKey = Object.fromEntries(doc.articles.map((a) => [a.key, a.label]));
    expect(byKey).toMatchObject({
      purposeUse: '第4条',
      externalProvision: '第5条',
      subcontracting: '第6条',
      copying: '第7条',
      takingOut: '第8条',
      inspection: '第14条',
      returnOrDisposal: '第17条',
      governingLaw: '第21条',
    });
  });
});

describe('民間事業者向け 特記事項（J.9.4 3）', () => {
  it.each([
    ['purposeUse', '（目的外利用の禁止）', '（目的外利用の制限）'],
    ['externalProvision', '（第三者提供の禁止）', '（第三者提供の制限）'],
    ['subcontracting', '（再委託の禁止）', '（再委託の制限）'],
    ['copying', '（複写又は複製の禁止）', '（複写又は複製の制限）'],
    ['takingOut', '（持ち出しの禁止）', '（持ち出しの制限）'],
  ] as const)('%s: 禁止 / 制限 のどちらか一方の条文だけが入る', (key, prohibit, restrict) => {
    const p = textOf(base('privateCompany', { [key]: 'prohibit' }));
    expect(p).toContain(prohibit);
    expect(p).not.toContain(restrict);
    const r = textOf(base('privateCompany', { [key]: 'restrict' }));
    expect(r).toContain(restrict);
    expect(r).not.toContain(prohibit);
  });

  it('J.9.4 3 h) 契約終了後の措置: 返還 / 廃棄', () => {
    expect(textOf(base('privateCompany', { returnOrDisposal: 'return' }))).not.toContain('廃棄');
    expect(textOf(base('privateCompany', { returnOrDisposal: 'dispose' }))).toContain('当該資料等を廃棄できるものとする。');
  });

  it('甲は委託元の名称で置き換わる', () => {
    const text = textOf({ ...base('privateCompany'), principalName: '株式会社委託元' });
    expect(text).toContain('株式会社委託元（以下「甲」という。）');
    expect(text).not.toContain('委託者（以下「甲」');
  });
});

describe('入力の検査（日本語の項目エラー、何も作らない）', () => {
  it('取り扱う個人情報が1項目もない・業務名が空なら項目ごとのエラー', () => {
    const result = composeSpecialClauses({ ...base('toshimaCurrent'), providedItems: [], collectedItems: [], businessName: ' ' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.field)).toEqual(['businessName', 'providedItems']);
      expect(result.problems[0]?.message).toBe('業務名を入力してください。');
    }
  });
});
