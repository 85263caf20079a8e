import { describe, expect, it } from 'vitest';
import { contractClauseItems, jisqContractItems, jisqSpecificContractItems, toshimaContractItems } from '../data/contractorClauses.ts';
import { complianceReportItems } from '../data/contractorComplianceReport.ts';
import { setagayaQuestionnaire } from '../data/contractorCriteria.ts';
import { checkContractClauses, requiredContractItems } from './contractClauses.ts';
import { corporateNumberCheckDigit, corporateNumberMessage, corporateNumberProblem } from './corporateNumber.ts';
import { diffEvaluations, scoreEvaluation } from './criteriaScore.ts';

// Pure rules of M7 委託先管理 (issue 13): 法人番号, the contract clause check (J.9.4 3, 豊島区
// 守るべき事項 2.), the 世田谷区 調査票 scorer and the 豊島区 遵守報告書 data.

describe('法人番号の検査用数字（法人番号の指定等に関する省令 第2条）', () => {
  // Numbers published on the 国税庁 法人番号公表サイト; each verified with the formula.
  const published = ['7000012050002', '1000012160153', '4000012090001', '5010401089998', '3010401011971'];

  it.each(published)('公表されている法人番号 %s は正しい', (n) => {
    expect(corporateNumberProblem(n)).toBeNull();
    expect(corporateNumberCheckDigit(n.slice(1))).toBe(Number(n[0]));
  });

  it('検査用数字 = 9 − (Σ Pn×Qn mod 9): 基礎番号 000012050002 → 7', () => {
    // Pn from the lowest digit: 2,0,0,0,5,0,2,1,0,0,0,0; Qn = 1,2,1,2…: 2+0+0+0+5+0+2+2 = 11; 11 mod 9 = 2; 9 − 2 = 7.
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
  });

  it('検査用数字の違う番号・13桁でない番号を拒み、日本語で項目名つきに言う', () => {
    expect(corporateNumberProblem('8000012050002')).toBe('check_digit');
    expect(corporateNumberProblem('700001205000')).toBe('not_13_digits');
    expect(corporateNumberProblem('７０００012050002')).toBe('not_13_digits');
    expect(corporateNumberMessage('check_digit')).toContain('法人番号');
    expect(corporateNumberMessage('not_13_digits')).toBe('法人番号は13桁の数字で入力してください');
  });

  it('どの桁の1文字誤りも検出する（検査用数字の性質）', () => {
    const valid = '7000012050002';
    for (let position = 1; position < 13; position++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[position]) continue;
        const typo = valid.slice(0, position) + d + valid.slice(position + 1);
        // A change of a weight-1 digit by 9 is the formula's only blind spot (mod 9).
        const digit = Number(valid[position]);
        const weight = (13 - position) % 2 === 1 ? 1 : 2;
        if ((weight * (d - digit)) % 9 === 0) continue;
        expect(corporateNumberProblem(typo), typo).toBe('check_digit');
      }
    }
  });
});

describe('委託契約の必須事項チェック（J.9.4 3・豊島区 守るべき事項 2.）', () => {
  const allOf = (specific: boolean) => requiredContractItems(specific).map((i) => i.code);

  it('一覧は J.9.4 3 a)〜h) の 8 項目、i)〜r) の 10 項目、豊島区の 8 項目', () => {
    expect(jisqContractItems.map((i) => i.clause)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((l) => `J.9.4 3 ${l})`));
    expect(jisqSpecificContractItems.map((i) => i.clause)).toEqual(['i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r'].map((l) => `J.9.4 3 ${l})`));
    expect(toshimaContractItems).toHaveLength(8);
    expect(new Set(contractClauseItems.map((i) => i.code)).size).toBe(contractClauseItems.length);
  });

  it('すべてにチェックがあれば不足なし。特定個人情報なしなら i)〜r) は求めない', () => {
    expect(checkContractClauses({ ticked: allOf(false), specificPersonalInfo: false }).missing).toEqual([]);
    const specific = checkContractClauses({ ticked: allOf(false), specificPersonalInfo: true });
    expect(specific.missing.map((i) => i.clause)).toEqual(jisqSpecificContractItems.map((i) => i.clause));
  });

  // One test per item: untick it alone, and the checker lists exactly that item with the seed's text.
  describe.each([...jisqContractItems, ...jisqSpecificContractItems, ...toshimaContractItems].map((i) => [`${i.clause} ${i.text}`, i] as const))('%s', (_name, item) => {
    it('欠けていれば条項と本文つきで不足に挙がる', () => {
      const specific = item.source === 'jisq_specific';
      const result = checkContractClauses({ ticked: allOf(specific).filter((c) => c !== item.code), specificPersonalInfo: specific });
      expect(result.missing).toEqual([item]);
      expect(result.missing[0]?.text).toBe(item.text);
    });
    it('貼り付けた契約文にキーワードがあれば充足（チェックなし）', () => {
      const specific = item.source === 'jisq_specific';
      const result = checkContractClauses({
        ticked: allOf(specific).filter((c) => c !== item.code),
        text: `第1条 乙は${item.keywords[0]}について定める。`,
        specificPersonalInfo: specific,
      });
      expect(result.missing).toEqual([]);
      expect(result.present.find((p) => p.item.code === item.code)).toMatchObject({ by: 'text', keyword: item.keywords[0] });
    });
  });

  it('J.9.4 3 の本文はシードの文言どおり（例: g) 事件・事故が発生した場合の報告・連絡に関する事項）', () => {
    expect(jisqContractItems.find((i) => i.code === 'J.9.4-3-g')?.text).toBe('事件・事故が発生した場合の報告・連絡に関する事項');
    expect(toshimaContractItems[2]?.text).toBe('個人情報の複製等の制限に関する事項');
  });

  it('全角・空白の混じった貼り付けでも見つける（「再 委 託」）', () => {
    const ticked = allOf(false).filter((c) => c !== 'J.9.4-3-c');
    expect(checkContractClauses({ ticked, text: '第7条　再 委 託の禁止', specificPersonalInfo: false }).missing).toEqual([]);
  });

  it('何もない契約では a)〜h) と豊島区 (1)〜(8) の 16 項目がすべて不足', () => {
    expect(checkContractClauses({ ticked: [], specificPersonalInfo: false }).missing).toHaveLength(16);
    expect(checkContractClauses({ ticked: [], specificPersonalInfo: true }).missing).toHaveLength(26);
  });
});

describe('個人情報管理状況調査票（世田谷区）の評価', () => {
  const all = (answer: 'suitable' | 'unsuitable' | 'not_applicable') => Object.fromEntries(setagayaQuestionnaire.items.map((i) => [i.code, answer]));

  it('評価項目は 9 つ、シードの文言どおり', () => {
    expect(setagayaQuestionnaire.items).toHaveLength(9);
    expect(setagayaQuestionnaire.items[3]?.text).toBe('過去に個人情報の漏えいまたは紛失が無いこと');
  });

  it('すべて適なら適', () => {
    expect(scoreEvaluation(setagayaQuestionnaire, all('suitable'))).toEqual({ version: setagayaQuestionnaire.version, result: 'pass', failed: [], unanswered: [] });
  });

  it('1 プライバシーマークを取得していれば他の項目は未回答でも適', () => {
    expect(scoreEvaluation(setagayaQuestionnaire, { '1': 'suitable' }).result).toBe('pass');
  });

  it('1 取得していない場合は、以下項目（2〜9）への回答が要る', () => {
    const score = scoreEvaluation(setagayaQuestionnaire, { '1': 'unsuitable', '2': 'suitable' });
    expect(score.result).toBe('incomplete');
    expect(score.unanswered).toEqual(['3', '4', '5', '6', '7', '8', '9']);
    expect(score.failed).toEqual([]);
  });

  it('2〜9 の不適は不適として挙がる（4 過去に漏えい・紛失あり）', () => {
    const score = scoreEvaluation(setagayaQuestionnaire, { ...all('suitable'), '1': 'unsuitable', '4': 'unsuitable' });
    expect(score).toMatchObject({ result: 'fail', failed: ['4'] });
  });

  it('該当なしは不適にならない', () => {
    expect(scoreEvaluation(setagayaQuestionnaire, { ...all('suitable'), '1': 'unsuitable', '2': 'not_applicable' }).result).toBe('pass');
  });

  it('昨年の回答との差分: 変わった項目だけ、調査票の順に', () => {
    const last = { ...all('suitable'), '4': 'unsuitable' as const };
    const now = { ...all('suitable'), '3': 'unsuitable' as const };
    expect(diffEvaluations(setagayaQuestionnaire, last, now)).toEqual([
      { code: '3', previous: 'suitable', current: 'unsuitable' },
      { code: '4', previous: 'unsuitable', current: 'suitable' },
    ]);
    expect(diffEvaluations(setagayaQuestionnaire, {}, { '1': 'suitable' })).toEqual([{ code: '1', previous: null, current: 'suitable' }]);
  });
});

describe('個人情報特記事項の遵守に関する報告書（豊島区 資料B③）', () => {
  it('はい／いいえの 9 項目、(1) 不適正事案は「いいえ」が遵守、(6) 再委託はどちらでもよい', () => {
    expect(complianceReportItems.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(complianceReportItems[0]).toMatchObject({ text: '現状すでに個人情報の不適正な取り扱いの事案が発生している。', expected: 'no', detailsWhen: ['yes'] });
    expect(complianceReportItems[5]?.expected).toBeNull();
    expect(complianceReportItems.filter((i) => i.whenSubcontracting).map((i) => i.number)).toEqual([7, 8]);
    expect(complianceReportItems[8]).toMatchObject({ text: '仕様書及び特記事項に規定した個人情報の取扱いについて、遵守している。', detailsWhen: ['no'] });
  });
});
