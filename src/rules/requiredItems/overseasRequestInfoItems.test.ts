import { describe, expect, it } from 'vitest';
import { checkProvisionRecordItems, type ProvisionRecordContent } from './provisionRecordItems.ts';

// J.8.8.1 3 l) 1)〜7): what a 第三者提供記録 of a provision to a 外国にある第三者 on ground b) keeps so that a
// person's request is answered 遅滞なく (法第28条第3項).

const groundB = {
  kind: 'provision',
  basis: 'consent',
  providedOn: '2026-05-01',
  counterpartyKind: 'corporation',
  counterpartyName: 'Sample Pte. Ltd.',
  subject: '会員番号 A-0001',
  dataItems: '氏名、メールアドレス',
  consentObtained: true,
  overseas: true,
  overseasBasis: 'b',
  overseasCountry: 'シンガポール',
  overseasMeasures: '年1回、提供先の相当措置の実施状況とシンガポールの制度を書面で確認する。支障があれば是正を求め、困難なら提供を停止する',
  overseasSystemMethod: '提供先との委託契約で、法の規定の趣旨に沿った措置の実施を確保している',
  overseasEquivalentMeasures: '利用目的の特定、安全管理措置、再提供の禁止',
  overseasForeignSystem: '個人情報保護法（PDPA）あり。政府による情報収集の制度は相当措置の実施に影響を及ぼすおそれなし',
  overseasObstacle: false,
} as const satisfies ProvisionRecordContent;

const missingOf = (content: ProvisionRecordContent) => checkProvisionRecordItems(content)?.missing.map((i) => `${i.clause}「${i.text}」:${i.field}`);

describe('J.8.8.1 3 l) 本人の求めに応じて提供する情報（根拠 b) 体制の整備）', () => {
  it('1)〜6) がそろい支障なしなら不足はない', () => {
    expect(missingOf(groundB)).toEqual([]);
  });

  it('J.8.8.1 3 l) 1)「当該第三者による体制の整備の方法」', () => {
    expect(missingOf({ ...groundB, overseasSystemMethod: null })).toEqual(['J.8.8.1 3 l) 1)「当該第三者による体制の整備の方法」:overseasSystemMethod']);
  });

  it('J.8.8.1 3 l) 2)「当該第三者が実施する相当措置の概要」', () => {
    expect(missingOf({ ...groundB, overseasEquivalentMeasures: ' ' })).toEqual(['J.8.8.1 3 l) 2)「当該第三者が実施する相当措置の概要」:overseasEquivalentMeasures']);
  });

  it('J.8.8.1 3 l) 3)「j) による確認の頻度及び方法」は J.8.8.1 3 の措置（j)）として記録する', () => {
    const missing = checkProvisionRecordItems({ ...groundB, overseasMeasures: null })?.missing ?? [];
    expect(missing.map((i) => `${i.clause}:${i.field}`)).toEqual(['J.8.8.1 3:overseasMeasures']);
    expect(missing[0]?.text).toContain('定期的な確認（その頻度及び方法）');
  });

  it('J.8.8.1 3 l) 4)「当該外国の名称」は J.8.8.1 2 d) の当該外国の名称として記録する', () => {
    expect(missingOf({ ...groundB, overseasCountry: '' })).toEqual(['J.8.8.1 2 d)「当該外国の名称」:overseasCountry']);
  });

  it('J.8.8.1 3 l) 5)「当該第三者による相当措置の実施に影響を及ぼすおそれのある当該外国の制度の有無及びその概要」', () => {
    expect(missingOf({ ...groundB, overseasForeignSystem: null })).toEqual([
      'J.8.8.1 3 l) 5)「当該第三者による相当措置の実施に影響を及ぼすおそれのある当該外国の制度の有無及びその概要」:overseasForeignSystem',
    ]);
  });

  it('J.8.8.1 3 l) 6)「当該第三者による相当措置の実施に関する支障の有無及びその概要」: 有無が未記録、又は「あり」で概要がなければ不足', () => {
    const item = 'J.8.8.1 3 l) 6)「当該第三者による相当措置の実施に関する支障の有無及びその概要」:overseasObstacle';
    expect(missingOf({ ...groundB, overseasObstacle: null })).toEqual([item]);
    expect(missingOf({ ...groundB, overseasObstacle: true, overseasObstacleAction: '是正を求めた' })).toEqual([item]);
  });

  it('J.8.8.1 3 l) 7)「6) の支障に関して、k) により講ずる措置の概要」: 支障ありのときだけ求める', () => {
    const withObstacle = { ...groundB, overseasObstacle: true, overseasObstacleSummary: '提供先で安全管理措置の一部が未実施' } as const;
    expect(missingOf(withObstacle)).toEqual(['J.8.8.1 3 l) 7)「6) の支障に関して、k) により講ずる措置の概要」:overseasObstacleAction']);
    expect(missingOf({ ...withObstacle, overseasObstacleAction: '是正計画の提出を求め、完了まで新たな提供を停止' })).toEqual([]);
    expect(missingOf({ ...groundB, overseasObstacleAction: null })).toEqual([]);
  });

  it('根拠 a)・c)、個人関連情報（J.8.8.4 3）、外国でない提供には求めない', () => {
    const none = { ...groundB, overseasSystemMethod: null, overseasEquivalentMeasures: null, overseasForeignSystem: null, overseasObstacle: null };
    expect(missingOf({ ...none, overseasBasis: 'c' })).toEqual([]);
    expect(missingOf({ ...none, overseasBasis: 'a', overseasInfo: '個人情報保護委員会の調査結果を示した' })).toEqual([]);
    expect(missingOf({ ...none, kind: 'related', counterpartyAddress: '1 Raffles Place', counterpartyRepresentative: 'CEO Tan' })).toEqual([]);
    expect(missingOf({ ...none, overseas: false })).toEqual([]);
  });
});
