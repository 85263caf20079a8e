import { describe, expect, it } from 'vitest';
import { checkContractClauses } from '../contractors/contractClauses.ts';
import { checkNoticeItems, checkPolicyItems, checkPublicItems, noticeItems, policyItems, publicItems, publicItemsFromSettings } from './checkers.ts';
import { missingItemLabel } from './requiredItems.ts';

// 必須記載事項チェッカー (SPEC §5.5, issue 14 M6): J.8.5 1 a)〜h), J.2.2 2 a)〜h), J.10.3 a)〜g).

const allCodes = (items: readonly { code: string }[]) => items.map((i) => i.code);
const without = (items: readonly { code: string }[], code: string) => allCodes(items).filter((c) => c !== code);

describe('J.8.5 1 取得時の必要通知事項: 欠けた事項を条項と規程の文言で返す', () => {
  it.each(noticeItems.map((i) => [`${i.clause} ${i.text}`, i.code] as const))('%s が欠けていれば不足として返す', (_label, code) => {
    const result = checkNoticeItems({ ticked: without(noticeItems, code) });
    expect(result.missing.map((i) => i.code)).toEqual([code]);
    const missing = result.missing[0];
    expect(missing?.clause).toMatch(/^J\.8\.5 1 [a-h]\)$/);
    expect(missingItemLabel(missing as never)).toContain(missing?.text);
  });

  it('全ての事項にチェックがあれば不足はない', () => {
    expect(checkNoticeItems({ ticked: allCodes(noticeItems) }).missing).toEqual([]);
  });

  it('J.8.5 1 d) 第三者提供が予定されないと答えたときは d) の5項目を求めない（未回答では求める）', () => {
    const base = without(noticeItems, '').filter((c) => !c.startsWith('J.8.5-1-d-'));
    expect(checkNoticeItems({ ticked: base }).missing).toHaveLength(5);
    const result = checkNoticeItems({ ticked: base, conditions: { thirdPartyProvision: false } });
    expect(result.missing).toEqual([]);
    expect(result.notApplicable.map((i) => i.code)).toEqual(['J.8.5-1-d-1', 'J.8.5-1-d-2', 'J.8.5-1-d-3', 'J.8.5-1-d-4', 'J.8.5-1-d-5']);
  });

  it('J.8.5 1 e) f) h) 「…場合には」の事項は条件を「いいえ」と答えたときだけ外れる', () => {
    const conditions = { entrustment: false, rightsRequests: false, imperceptibleAcquisition: false, thirdPartyProvision: false };
    const result = checkNoticeItems({ ticked: ['J.8.5-1-a', 'J.8.5-1-b', 'J.8.5-1-c', 'J.8.5-1-g'], conditions });
    expect(result.missing).toEqual([]);
    expect(checkNoticeItems({ ticked: ['J.8.5-1-a'], conditions: { entrustment: true } }).missing.map((i) => i.code)).toContain('J.8.5-1-e');
  });

  it('J.8.5 1 a) のような必須事項は条件の回答で外れない', () => {
    const result = checkNoticeItems({ ticked: [], conditions: { a: false } as never });
    expect(result.missing.map((i) => i.code)).toContain('J.8.5-1-a');
  });

  it('貼り付けた文面の語句（全角・改行を含む）から事項を見つけ、見つけた語句を返す', () => {
    const text = '取得した個人情報の利用\n目的は次のとおりです。ご提供は任意ですが、ご提供いただけない場合は…';
    const result = checkNoticeItems({ ticked: [], text });
    expect(result.present).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ by: 'text', keyword: '利用目的', item: expect.objectContaining({ code: 'J.8.5-1-c' }) }),
        expect.objectContaining({ by: 'text', keyword: '任意', item: expect.objectContaining({ code: 'J.8.5-1-g' }) }),
      ]),
    );
    expect(result.missing.map((i) => i.code)).toContain('J.8.5-1-a');
  });
});

describe('J.2.2 2 個人情報保護方針を文書化した情報に含める事項', () => {
  it.each(policyItems.map((i) => [`${i.clause} ${i.text}`, i.code] as const))('%s が欠けていれば不足として返す', (_label, code) => {
    const result = checkPolicyItems({ ticked: without(policyItems, code) });
    expect(result.missing.map((i) => i.code)).toEqual([code]);
  });

  it('J.2.2 2 f) トップマネジメントの氏名・g) 制定年月日 は版に記録されていれば満たす', () => {
    const ticked = allCodes(policyItems).filter((c) => c !== 'J.2.2-2-f' && c !== 'J.2.2-2-g');
    expect(checkPolicyItems({ ticked }).missing.map((i) => i.code)).toEqual(['J.2.2-2-f', 'J.2.2-2-g']);
    expect(checkPolicyItems({ ticked, topManagementName: '理事長 山田太郎', establishedOn: '2026-04-01' }).missing).toEqual([]);
    expect(checkPolicyItems({ ticked, topManagementName: '  ', establishedOn: '2026-04-01' }).missing.map((i) => i.code)).toEqual(['J.2.2-2-f']);
  });
});

describe('J.10.3 公表事項（保有個人データ又は第三者提供記録に関する事項の周知）', () => {
  it.each(publicItems.map((i) => [`${i.clause} ${i.text}`, i.code] as const))('%s が欠けていれば不足として返す', (_label, code) => {
    const result = checkPublicItems({ ticked: without(publicItems, code) });
    expect(result.missing.map((i) => i.code)).toEqual([code]);
  });

  it('J.10.3 e) 認定個人情報保護団体の対象事業者でなければ求めない', () => {
    const ticked = without(publicItems, 'J.10.3-e');
    expect(checkPublicItems({ ticked, conditions: { accreditedBody: false } }).missing).toEqual([]);
  });

  it('J.10.3 a) b) d) は組織の設定から埋まり、足りない設定があれば不足のまま', () => {
    const settings = {
      name: '一般財団法人 見本',
      address: '東京都豊島区南池袋2-45-1',
      representativeName: '山田太郎',
      managerName: '佐藤花子',
      managerDepartment: '総務部',
      managerContact: '03-0000-0000',
      complaintDesk: '個人情報苦情相談窓口',
    };
    expect(publicItemsFromSettings(settings)).toEqual(['J.10.3-a', 'J.10.3-b', 'J.10.3-d']);
    const missing = checkPublicItems({ ticked: [], settings: { ...settings, address: '' } }).missing.map((i) => i.code);
    expect(missing).toContain('J.10.3-a');
    expect(missing).not.toContain('J.10.3-b');
    expect(missing).not.toContain('J.10.3-d');
  });
});

describe('共通の結果の形: 委託契約の必須事項チェック (J.9.4 3) と同じ', () => {
  it('version・missing・present を同じ形で返す', () => {
    const contract = checkContractClauses({ ticked: [], specificPersonalInfo: false });
    const notice = checkNoticeItems({ ticked: [] });
    expect(Object.keys(contract)).toEqual(expect.arrayContaining(['version', 'missing', 'present']));
    expect(Object.keys(notice)).toEqual(expect.arrayContaining(['version', 'missing', 'present', 'notApplicable']));
    expect(contract.missing[0]).toEqual(expect.objectContaining({ code: 'J.9.4-3-a', clause: 'J.9.4 3 a)' }));
  });
});
