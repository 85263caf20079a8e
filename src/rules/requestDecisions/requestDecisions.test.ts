import { describe, expect, it } from 'vitest';
import { checkDecision, containsMyNumber, decisionGrounds, isMyNumber, myNumberCheckDigit, myNumberMessage, requestKindCodes } from './index.ts';

describe('決定の理由（J.10.4–J.10.7 / 法第78条・第81条・第82条・第92条・第100条）', () => {
  it('J.10.5 2: private の不開示は a)〜c) のいずれかを理由にできる', () => {
    expect(decisionGrounds('disclosure', 'private').map((g) => g.clause)).toEqual(['J.10.5 2 a)', 'J.10.5 2 b)', 'J.10.5 2 c)']);
    expect(checkDecision({ kind: 'disclosure', profile: 'private', scope: 'refused', groundCodes: ['j105b'] })).toEqual([]);
  });

  it('法第33条第2項各号・第5項: private の開示の理由はそれぞれ法の条項を持つ（回答書はそれを挙げる）', () => {
    expect(decisionGrounds('disclosure', 'private').map((g) => g.law)).toEqual(['法第33条第2項第1号', '法第33条第2項第2号', '法第33条第2項第3号']);
    expect(decisionGrounds('provision_record_disclosure', 'private')[0]?.law).toBe('法第33条第5項において準用する同条第2項第1号');
    expect(decisionGrounds('disclosure', 'public').every((g) => g.law === g.clause)).toBe(true);
  });

  it('J.10.5 3: 不開示に理由がなければ決定の理由の項目のエラー', () => {
    const issues = checkDecision({ kind: 'disclosure', profile: 'private', scope: 'refused', groundCodes: [] });
    expect(issues).toEqual([{ field: 'groundCodes', message: '開示の請求に全部は応じない決定には、決定の理由（根拠条項）を1つ以上選んでください' }]);
  });

  it('法第78条第1項: public の一部開示は各号から選び、private の J.10.5 は選べない', () => {
    expect(checkDecision({ kind: 'disclosure', profile: 'public', scope: 'partial', groundCodes: ['a78-2'] })).toEqual([]);
    const issues = checkDecision({ kind: 'disclosure', profile: 'public', scope: 'partial', groundCodes: ['j105a'] });
    expect(issues.map((i) => i.field)).toEqual(['groundCodes']);
    expect(issues[0]?.message).toContain('選べない項目');
  });

  it('法第81条・第82条第2項: 存否応答拒否と不存在は public の開示の理由', () => {
    const clauses = decisionGrounds('provision_record_disclosure', 'public').map((g) => g.clause);
    expect(clauses).toContain('法第81条');
    expect(clauses).toContain('法第82条第2項');
  });

  it('J.10.7 3 a)〜d): 利用停止・第三者提供の停止をしない理由は4つに限られる', () => {
    expect(decisionGrounds('suspension', 'private')).toHaveLength(4);
    expect(decisionGrounds('third_party_stop', 'designated_manager')).toEqual(decisionGrounds('suspension', 'private'));
    expect(decisionGrounds('third_party_stop', 'public').map((g) => g.clause)).toContain('法第100条ただし書');
  });

  it('J.10.4 2: 利用目的の通知をしない理由は J.8.4 a)〜c) と J.10.3 c)（どの profile でも）', () => {
    expect(decisionGrounds('purpose_notice', 'public').map((g) => g.clause)).toEqual([
      'J.10.4 2（J.8.4 a)）',
      'J.10.4 2（J.8.4 b)）',
      'J.10.4 2（J.8.4 c)）',
      'J.10.4 2（J.10.3 c)）',
    ]);
  });

  it('全部開示には理由を選ばない; 苦情・相談には決定がない（J.11 は原因・対応で完了）', () => {
    expect(checkDecision({ kind: 'correction', profile: 'public', scope: 'full', groundCodes: ['a92'] })[0]?.field).toBe('groundCodes');
    expect(checkDecision({ kind: 'correction', profile: 'public', scope: 'full', groundCodes: [] })).toEqual([]);
    expect(checkDecision({ kind: 'complaint', profile: 'private', scope: 'refused', groundCodes: [] })[0]?.field).toBe('scope');
    expect(decisionGrounds('complaint', 'public')).toEqual([]);
  });

  it('理由の code は種類・profile ごとに一意で、文言は日本語', () => {
    for (const kind of requestKindCodes) {
      for (const profile of ['private', 'public', 'designated_manager'] as const) {
        const grounds = decisionGrounds(kind, profile);
        expect(new Set(grounds.map((g) => g.code)).size).toBe(grounds.length);
        for (const g of grounds) expect(g.label).toMatch(/[ぁ-んァ-ン一-龥]/);
      }
    }
  });
});

describe('個人番号の検出（J.10.2 h 2、番号法施行令第8条）', () => {
  it('検査用数字: 12345678901 → 8', () => {
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(isMyNumber('123456789018')).toBe(true);
    expect(isMyNumber('123456789017')).toBe(false);
  });

  it('余りが 0・1 のときは検査用数字 0', () => {
    // 00000000000: Σ = 0 → 0; 00000000001: P1 = 1, Q1 = 2, Σ = 2 → 11 − 2 = 9.
    expect(myNumberCheckDigit('00000000000')).toBe(0);
    expect(myNumberCheckDigit('00000000001')).toBe(9);
  });

  it.each(['本人確認書類 123456789018 を確認', '番号は1234-5678-9018です', '１２３４　５６７８　９０１８'])('自由記述に含まれる個人番号を見つける: %s', (text) => {
    expect(containsMyNumber(text)).toBe(true);
  });

  it.each(['電話 0312345678', '123456789017（検査用数字が合わない）', '法人番号 7000012050002', '運転免許証を確認（番号はマスク済）'])('個人番号でないものは通す: %s', (text) => {
    expect(containsMyNumber(text)).toBe(false);
  });

  it('エラーは項目名を挙げた日本語', () => {
    expect(myNumberMessage('請求の内容')).toMatch(/^請求の内容に個人番号/);
  });
});
