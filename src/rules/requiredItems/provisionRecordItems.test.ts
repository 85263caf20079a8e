import { describe, expect, it } from 'vitest';
import { checkProvisionRecordItems, type ProvisionRecordContent } from './provisionRecordItems.ts';

// 第三者提供記録（規則第20条第1項, J.8.8.2 1）・確認記録（規則第24条第1項, J.8.8.3 3）の記録事項チェッカー (SPEC §5.5).

const complete = {
  providedOn: '2026-05-01',
  counterpartyKind: 'corporation',
  counterpartyName: '株式会社 見本',
  counterpartyAddress: '東京都豊島区南池袋2-45-1',
  counterpartyRepresentative: '代表取締役 山田太郎',
  subject: '会員番号 A-0001',
  dataItems: '氏名、住所、電話番号',
  consentObtained: true,
  acquisitionHistory: '会員申込書により本人から取得',
  ppcPublished: true,
} as const;

const missingOf = (content: ProvisionRecordContent) => checkProvisionRecordItems(content)?.missing.map((i) => `${i.clause}:${i.field}`);

describe('規則第20条第1項 第三者提供記録の記録事項', () => {
  it('第2号（本人の同意）: イ 本人の同意を得ている旨・ロ 第三者を特定するに足りる事項・ハ 本人を特定するに足りる事項・ニ 個人データの項目', () => {
    expect(missingOf({ kind: 'provision', basis: 'consent', ...complete })).toEqual([]);
    expect(missingOf({ kind: 'provision', basis: 'consent' })).toEqual([
      '規則第20条第1項第2号イ:consentObtained',
      '規則第20条第1項第2号ロ:counterparty',
      '規則第20条第1項第2号ハ:subject',
      '規則第20条第1項第2号ニ:dataItems',
    ]);
  });

  it('第2号ロ「氏名又は名称その他の当該第三者を特定するに足りる事項」: 名称だけで足りる', () => {
    expect(missingOf({ ...complete, kind: 'provision', basis: 'consent', counterpartyAddress: null, counterpartyRepresentative: null })).toEqual([]);
  });

  it('第1号（法第27条第2項 オプトアウト）: イ 提供した年月日 が欠ければ不足', () => {
    expect(missingOf({ ...complete, kind: 'provision', basis: 'opt_out', providedOn: null })).toEqual(['規則第20条第1項第1号イ:providedOn']);
  });

  it('第1号ロ「氏名又は名称及び住所並びに法人にあっては、その代表者の氏名」: 法人で代表者の氏名がなければ不足、個人なら不要', () => {
    expect(missingOf({ ...complete, kind: 'provision', basis: 'opt_out', counterpartyRepresentative: ' ' })).toEqual(['規則第20条第1項第1号ロ:counterparty']);
    expect(missingOf({ ...complete, kind: 'provision', basis: 'opt_out', counterpartyKind: 'individual', counterpartyRepresentative: null })).toEqual([]);
    expect(missingOf({ ...complete, kind: 'provision', basis: 'opt_out', counterpartyAddress: '' })).toEqual(['規則第20条第1項第1号ロ:counterparty']);
  });

  it('「不特定かつ多数の者に対して提供したときは、その旨」: 不特定多数を選べば第三者の名称は求めない', () => {
    expect(missingOf({ ...complete, kind: 'provision', basis: 'opt_out', counterpartyKind: 'unspecified', counterpartyName: null, counterpartyAddress: null })).toEqual([]);
  });

  it('提供記録に「個人情報取扱事業者でない者」の区分はない（null）', () => {
    expect(checkProvisionRecordItems({ kind: 'provision', basis: 'non_business' })).toBeNull();
  });
});

describe('規則第24条第1項 確認記録の記録事項', () => {
  it('第2号（本人の同意）: イ 同意を得ている旨・ロ 法第30条第1項各号の事項（名称・住所・代表者、取得の経緯）・ハ・ニ', () => {
    expect(missingOf({ kind: 'receipt', basis: 'consent', ...complete })).toEqual([]);
    expect(missingOf({ ...complete, kind: 'receipt', basis: 'consent', acquisitionHistory: '' })).toEqual(['規則第24条第1項第2号ロ:acquisitionHistory']);
  });

  it('第1号（オプトアウト）: イ 提供を受けた年月日・ホ 法第27条第4項の規定により公表されている旨', () => {
    expect(missingOf({ ...complete, kind: 'receipt', basis: 'opt_out', providedOn: null, ppcPublished: false })).toEqual([
      '規則第24条第1項第1号イ:providedOn',
      '規則第24条第1項第1号ホ:ppcPublished',
    ]);
  });

  it('第3号（個人情報取扱事業者以外の第三者から）: 第1号ロからニまで — 年月日・公表の旨・同意の旨は求めない', () => {
    expect(missingOf({ kind: 'receipt', basis: 'non_business', ...complete, providedOn: null, ppcPublished: false, consentObtained: false })).toEqual([]);
  });

  it('確認記録では提供元を「不特定多数」にできない（法第30条第1項第1号 名称・住所の確認）', () => {
    expect(missingOf({ ...complete, kind: 'receipt', basis: 'consent', counterpartyKind: 'unspecified' })).toEqual(['規則第24条第1項第2号ロ:counterparty']);
  });
});

describe('外国にある第三者への提供（J.8.8.1）', () => {
  it('J.8.8.1 1 提供の根拠 と J.8.8.1 2 d) 当該外国の名称 がなければ不足', () => {
    expect(missingOf({ kind: 'provision', basis: 'consent', ...complete, overseas: true })).toEqual(['J.8.8.1 1:overseasBasis', 'J.8.8.1 2 d):overseasCountry']);
  });

  it('J.8.8.1 1 a) 本人の同意による提供では、J.8.8.1 2 あらかじめ本人に提供した情報 も求める（b)・c) では求めない）', () => {
    const base = { kind: 'provision', basis: 'consent', ...complete, overseas: true, overseasCountry: 'シンガポール' } as const;
    expect(missingOf({ ...base, overseasBasis: 'a' })).toEqual(['J.8.8.1 2:overseasInfo']);
    expect(missingOf({ ...base, overseasBasis: 'a', overseasInfo: '個人情報保護委員会の調査結果を示した' })).toEqual([]);
    expect(missingOf({ ...base, overseasBasis: 'c' })).toEqual([]);
  });

  it('J.8.8.1 3「No.1 の b) によって外国にある第三者に個人データを提供する場合には…必要な措置を講じる」: 相当措置の継続的な実施を確保する措置を求める', () => {
    const base = { kind: 'provision', basis: 'consent', ...complete, overseas: true, overseasCountry: 'シンガポール', overseasBasis: 'b' } as const;
    expect(missingOf(base)?.[0]).toBe('J.8.8.1 3:overseasMeasures');
    // J.8.8.1 3 l) 1)〜7) also apply on ground b) (tests in overseasRequestInfoItems.test.ts).
    expect(missingOf({ ...base, overseasMeasures: '年1回、提供先の相当措置の実施状況とシンガポールの制度を確認する' })).not.toContain('J.8.8.1 3:overseasMeasures');
  });
});

describe('記録を要しない場合（J.8.8.2 2・J.8.8.3 2 a)〜j)）', () => {
  it('J.8.8.2 2 d)「法令に基づく場合」を選べば記録事項は求めない（根拠を記録する）', () => {
    const result = checkProvisionRecordItems({ kind: 'provision', basis: 'consent', exemptionGround: 'd' });
    expect(result?.missing).toEqual([]);
    expect(result?.notApplicable.map((i) => i.field)).toEqual(['consentObtained', 'counterparty', 'subject', 'dataItems']);
  });
});

describe('J.8.8.4 4《個人関連情報の提供元の確認の記録事項》', () => {
  const related = {
    kind: 'related',
    basis: 'consent',
    providedOn: '2026-12-01',
    counterpartyKind: 'corporation',
    counterpartyName: '株式会社 広告見本',
    counterpartyAddress: '東京都豊島区東池袋1-1-1',
    counterpartyRepresentative: '代表取締役 佐藤花子',
    dataItems: 'Cookie ID、閲覧履歴',
    consentObtained: true,
  } as const;

  it('すべて揃えば不足はない（本人を特定するに足りる事項は提供元の記録事項にない）', () => {
    expect(missingOf({ ...related, subject: null })).toEqual([]);
  });

  it('c) a)で本人の同意が得られていることを確認した旨', () => {
    expect(missingOf({ ...related, consentObtained: false })).toEqual(['J.8.8.4 4 c):consentObtained']);
    expect(checkProvisionRecordItems({ ...related, consentObtained: false })?.missing[0]?.text).toBe('a)で本人の同意が得られていることを確認した旨');
  });

  it('d) 個人関連情報を提供した年月日', () => {
    expect(missingOf({ ...related, providedOn: '' })).toEqual(['J.8.8.4 4 d):providedOn']);
  });

  it('e) 当該第三者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名', () => {
    expect(missingOf({ ...related, counterpartyName: null })).toEqual(['J.8.8.4 4 e):counterparty']);
    expect(missingOf({ ...related, counterpartyAddress: ' ' })).toEqual(['J.8.8.4 4 e):counterparty']);
    expect(missingOf({ ...related, counterpartyRepresentative: null })).toEqual(['J.8.8.4 4 e):counterparty']);
    expect(missingOf({ ...related, counterpartyKind: 'individual', counterpartyRepresentative: null })).toEqual([]);
    // 不特定かつ多数の者への提供という区分は、提供先の確認（法第31条）にはない.
    expect(missingOf({ ...related, counterpartyKind: 'unspecified' })).toEqual(['J.8.8.4 4 e):counterparty']);
  });

  it('f) 当該個人関連情報の項目', () => {
    expect(missingOf({ ...related, dataItems: null })).toEqual(['J.8.8.4 4 f):dataItems']);
  });

  it('空の記録では c)〜f) の4件を条項つきで示す', () => {
    expect(missingOf({ kind: 'related', basis: 'consent' })).toEqual([
      'J.8.8.4 4 c):consentObtained',
      'J.8.8.4 4 d):providedOn',
      'J.8.8.4 4 e):counterparty',
      'J.8.8.4 4 f):dataItems',
    ]);
  });

  it('c) 後段「外国にある第三者への提供にあつては、b)で本人に情報の提供が行われていることを確認した旨」', () => {
    const overseas = { ...related, overseas: true, overseasBasis: 'a', overseasCountry: 'アメリカ合衆国' } as const;
    expect(missingOf(overseas)).toEqual(['J.8.8.4 4 c):overseasInfoConfirmed']);
    expect(missingOf({ ...overseas, overseasInfoConfirmed: true })).toEqual([]);
    // J.8.8.4 3 → J.8.8.1: 外国にある第三者への提供の根拠と当該外国の名称も記録する.
    expect(missingOf({ ...related, overseas: true })).toEqual(['J.8.8.1 1:overseasBasis', 'J.8.8.1 2 d):overseasCountry']);
    expect(missingOf({ ...related, overseas: true, overseasBasis: 'c', overseasCountry: '英国' })).toEqual([]);
  });

  it('J.8.8.4 2: 個人関連情報の提供は本人の同意によるだけで、オプトアウト等の根拠はない（null）', () => {
    expect(checkProvisionRecordItems({ ...related, basis: 'opt_out' })).toBeNull();
    expect(checkProvisionRecordItems({ ...related, basis: 'non_business' })).toBeNull();
  });

  it('J.8.8.4 2「J.8.8のf)〜l)のいずれかに該当する場合を除き」: 根拠を選べば記録事項は求めない', () => {
    expect(missingOf({ kind: 'related', basis: 'consent', exemptionGround: 'd' })).toEqual([]);
  });
});

describe('J.8.8.4 3「個人関連情報を外国にある第三者に提供した場合には、J.8.8.1で定めるところによって…必要な措置を講じる」', () => {
  it('根拠 b)（体制の整備）で外国にある第三者に提供したときは、相当措置の継続的な実施を確保する措置を記録する', () => {
    const overseas = {
      kind: 'related',
      basis: 'consent',
      providedOn: '2026-12-01',
      counterpartyKind: 'corporation',
      counterpartyName: 'Sample Ads Pte. Ltd.',
      counterpartyAddress: 'Singapore',
      counterpartyRepresentative: 'CEO Tan',
      dataItems: 'Cookie ID',
      consentObtained: true,
      overseas: true,
      overseasBasis: 'b',
      overseasCountry: 'シンガポール',
    } as const;
    expect(missingOf(overseas)).toEqual(['J.8.8.4 3:overseasMeasures']);
    expect(missingOf({ ...overseas, overseasMeasures: '半年ごとに相当措置の実施状況を書面で確認し、支障があれば提供を停止する' })).toEqual([]);
  });
});

describe('J.8.8.4 4《個人関連情報の提供先の確認の記録事項》', () => {
  const received = {
    kind: 'related_receipt',
    basis: 'consent',
    counterpartyKind: 'corporation',
    counterpartyName: '株式会社 データ見本',
    counterpartyAddress: '東京都豊島区南池袋2-2-2',
    counterpartyRepresentative: '代表取締役 鈴木一郎',
    subject: '会員番号 A-0001 の会員（氏名: 山田太郎）',
    dataItems: 'Cookie ID に紐づく閲覧履歴',
    consentObtained: true,
  } as const;

  it('g)〜j) が揃えば不足はない（提供を受けた年月日は記録事項にない）', () => {
    expect(missingOf({ ...received, providedOn: null })).toEqual([]);
  });

  it('g) a) で本人の同意が得られている旨', () => {
    expect(missingOf({ ...received, consentObtained: false })).toEqual(['J.8.8.4 4 g):consentObtained']);
    expect(checkProvisionRecordItems({ ...received, consentObtained: false })?.missing[0]?.text).toBe('a) で本人の同意が得られている旨');
  });

  it('g) 後段「外国にある個人情報取扱事業者にあつては、b) で本人に情報の提供が行われている旨」', () => {
    expect(missingOf({ ...received, overseas: true })).toEqual(['J.8.8.4 4 g):overseasInfoConfirmed']);
    expect(missingOf({ ...received, overseas: true, overseasInfoConfirmed: true })).toEqual([]);
  });

  it('h) 当該第三者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名', () => {
    expect(missingOf({ ...received, counterpartyAddress: '' })).toEqual(['J.8.8.4 4 h):counterparty']);
    expect(missingOf({ ...received, counterpartyRepresentative: null })).toEqual(['J.8.8.4 4 h):counterparty']);
    expect(missingOf({ ...received, counterpartyKind: 'unspecified' })).toEqual(['J.8.8.4 4 h):counterparty']);
  });

  it('i) 当該個人データ（個人関連情報）によって識別される本人の氏名その他当該本人を特定するに足りる事項', () => {
    expect(missingOf({ ...received, subject: ' ' })).toEqual(['J.8.8.4 4 i):subject']);
  });

  it('j) 当該個人関連情報の項目', () => {
    expect(missingOf({ ...received, dataItems: null })).toEqual(['J.8.8.4 4 j):dataItems']);
  });

  it('空の記録では g)〜j) の4件、オプトアウト等の根拠はない（null）', () => {
    expect(missingOf({ kind: 'related_receipt', basis: 'consent' })).toEqual([
      'J.8.8.4 4 g):consentObtained',
      'J.8.8.4 4 h):counterparty',
      'J.8.8.4 4 i):subject',
      'J.8.8.4 4 j):dataItems',
    ]);
    expect(checkProvisionRecordItems({ ...received, basis: 'opt_out' })).toBeNull();
  });
});
