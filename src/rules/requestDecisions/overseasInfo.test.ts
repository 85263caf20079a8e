import { describe, expect, it } from 'vitest';
import { checkDecision, decisionGrounds, decisionScopeLabels, overseasInfoItemLabels, overseasInfoItemNos, requestKindLabels } from './index.ts';

// J.8.8.1 3 l) and J.8.8.1 4: the answer to a 外国にある第三者への提供に係る情報提供の求め.

const base = { kind: 'overseas_info', profile: 'private', groundCodes: ['j8813l'], note: '提供先との契約で開示が禁じられた監査報告の内容を含むため' } as const;

describe('J.8.8.1 3 l)・4 外国にある第三者への提供に係る情報提供の求めへの決定', () => {
  it('J.8.8.1 3 l)「情報提供することにより…業務の適正な実施に著しい支障を及ぼすおそれがある場合を除き」: 提供しない理由はこの1つ（法第28条第3項、規則第18条第3項ただし書）', () => {
    for (const profile of ['private', 'designated_manager'] as const) {
      expect(decisionGrounds('overseas_info', profile).map((g) => [g.code, g.clause, g.law])).toEqual([['j8813l', 'J.8.8.1 3 l)', '法第28条第3項（規則第18条第3項ただし書）']]);
    }
    expect(decisionGrounds('overseas_info', 'private')[0]?.label).toContain('業務の適正な実施に著しい支障を及ぼすおそれがある');
    expect(decisionScopeLabels.overseas_info).toEqual({ full: '全部提供', partial: '一部不提供', refused: '不提供' });
  });

  it('法第71条第3項（public: 行政機関等は法第28条の個人情報取扱事業者ではない）: 理由は法第71条第3項を引き、J.8.8.1 も第28条も引かない。記録済みの決定の理由（同じ code）はそのまま読める', () => {
    const [ground, ...rest] = decisionGrounds('overseas_info', 'public');
    expect(rest).toEqual([]);
    expect(ground).toMatchObject({ code: 'j8813l', clause: '法第71条第3項', law: '法第71条第3項' });
    expect(`${ground?.clause}${ground?.law}${ground?.label}`).not.toMatch(/第28条|規則第18条|J\.8\.8\.1/);
    expect(checkDecision({ ...base, profile: 'public', scope: 'refused' })).toEqual([]);
  });

  it('種類の名称は条項を引かない（法第28条第3項か法第71条第3項かは組織の区分で決まり、期限と決定の根拠が示す）', () => {
    expect(requestKindLabels.overseas_info).toBe('外国にある第三者への提供に係る情報提供の求め');
  });

  it('全部提供は理由も提供しない項目も選ばない', () => {
    expect(checkDecision({ kind: 'overseas_info', profile: 'private', scope: 'full', groundCodes: [] })).toEqual([]);
    expect(checkDecision({ kind: 'overseas_info', profile: 'private', scope: 'full', groundCodes: [], withheldItems: ['1'] })).toEqual([
      { field: 'withheldItems', message: '提供しない項目は一部不提供の決定のときだけ選んでください' },
    ]);
  });

  it('J.8.8.1 4「提供しない旨の決定をしたときは…その理由を説明する」: 不提供に理由の説明がなければ決定の内容の欄のエラー', () => {
    expect(checkDecision({ ...base, scope: 'refused' })).toEqual([]);
    expect(checkDecision({ ...base, scope: 'refused', note: '  ' })).toEqual([
      { field: 'note', message: '情報の全部又は一部を提供しない決定には、本人に通知する理由の説明を記入してください（J.8.8.1 4）' },
    ]);
  });

  it('J.8.8.1 3 l)「著しい支障」: 提供しない決定は根拠を選ぶ（開示の J.10.5 2 a) は選べない）', () => {
    expect(checkDecision({ ...base, scope: 'refused', groundCodes: [] })[0]?.field).toBe('groundCodes');
    expect(checkDecision({ ...base, scope: 'refused', groundCodes: ['j105a'] })[0]?.message).toContain('選べない項目');
  });

  it('J.8.8.1 4「全部又は一部について提供しない」: 一部不提供は 1)〜7) のうち提供しない項目を選ぶ（なし・全部は誤り）', () => {
    expect(checkDecision({ ...base, scope: 'partial', withheldItems: ['6', '7'] })).toEqual([]);
    expect(checkDecision({ ...base, scope: 'partial', withheldItems: [] })[0]?.field).toBe('withheldItems');
    expect(checkDecision({ ...base, scope: 'partial', withheldItems: [...overseasInfoItemNos] })[0]?.field).toBe('withheldItems');
    expect(checkDecision({ ...base, scope: 'partial', withheldItems: ['6'], note: null }).map((i) => i.field)).toEqual(['note']);
  });

  it('提供しない項目は他の種類の決定では選べない', () => {
    expect(checkDecision({ kind: 'disclosure', profile: 'private', scope: 'partial', groundCodes: ['j105b'], withheldItems: ['1'] })[0]?.field).toBe('withheldItems');
  });

  it('J.8.8.1 3 l) 1)〜7) の文言', () => {
    expect(Object.values(overseasInfoItemLabels)).toEqual([
      '1) 当該第三者による体制の整備の方法',
      '2) 当該第三者が実施する相当措置の概要',
      '3) j) による確認の頻度及び方法',
      '4) 当該外国の名称',
      '5) 当該第三者による相当措置の実施に影響を及ぼすおそれのある当該外国の制度の有無及びその概要',
      '6) 当該第三者による相当措置の実施に関する支障の有無及びその概要',
      '7) 6) の支障に関して、k) により講ずる措置の概要',
    ]);
  });
});
