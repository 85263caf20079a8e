import { describe, expect, it } from 'vitest';
import { checkPolicy, policyItems, policyMissingErrors } from './policyChecker.ts';

// J.2.2 2 個人情報保護方針を文書化した情報に含める事項 (seed 003): one test per item, named with the seed's wording.

const all = policyItems.map((i) => i.code);
const complete = { ticked: all, topManagementName: '山田 太郎', establishedOn: '2026-04-01' };
const missingCodes = (input: Parameters<typeof checkPolicy>[0]) => checkPolicy(input).missing.map((i) => i.code);

describe('J.2.2 2 個人情報保護方針の必須記載事項', () => {
  it('すべて記載されていれば不足はない（内部向け・外部向けとも）', () => {
    expect(missingCodes({ kind: 'internal', ...complete })).toEqual([]);
    expect(missingCodes({ kind: 'external', ...complete })).toEqual([]);
  });

  const declared: [string, string][] = [
    ['J.2.2-2-a', 'J.2.2 2 a) 事業の内容及び規模を考慮した適切な個人情報の取得、利用及び提供に関する事（目的外利用を行わないこと及びそのための措置を講じることを含む）'],
    ['J.2.2-2-b', 'J.2.2 2 b) 個人情報の取扱いに関する法令、国が定める指針その他の規範の遵守'],
    ['J.2.2-2-c', 'J.2.2 2 c) 個人情報の漏えい、滅失又は毀損の防止及び是正に関する事項'],
    ['J.2.2-2-d', 'J.2.2 2 d) 苦情及び相談への対応に関する事項'],
    ['J.2.2-2-e', 'J.2.2 2 e) 個人情報保護マネジメントシステムの継続的改善に関する事項'],
    ['J.2.2-2-h', 'J.2.2 2 h) 個人情報保護方針の内容についての問合せ先'],
  ];
  it.each(declared)('%s — %s: 宣言も本文の記載もなければ不足として条項付きで返す', (code) => {
    for (const kind of ['internal', 'external'] as const) {
      const result = checkPolicy({ kind, ...complete, ticked: all.filter((c) => c !== code) });
      expect(result.missing.map((i) => i.code)).toEqual([code]);
      expect(policyMissingErrors(result)[0]?.message).toMatch(/^J\.2\.2 2 [a-h]\) .+ が記載されていません$/);
    }
  });

  it('J.2.2 2 h) 問合せ先: 宣言がなくても本文に「お問合せ」があれば記載ありとみなす', () => {
    const result = checkPolicy({ kind: 'external', ...complete, ticked: all.filter((c) => c !== 'J.2.2-2-h'), text: 'お問合せ窓口: 総務部 03-0000-0000' });
    expect(result.missing).toEqual([]);
    expect(result.present.find((p) => p.item.code === 'J.2.2-2-h')?.by).toBe('text');
  });

  it('J.2.2 2 f) トップマネジメントの氏名: 氏名欄が空なら宣言しても不足（欄 topManagementName のエラー）', () => {
    const result = checkPolicy({ kind: 'external', ...complete, topManagementName: '  ' });
    expect(result.missing.map((i) => i.code)).toEqual(['J.2.2-2-f']);
    expect(policyMissingErrors(result)).toEqual([{ path: 'topManagementName', message: 'J.2.2 2 f) トップマネジメントの氏名 が記載されていません' }]);
  });

  it('J.2.2 2 g) 制定年月日及び最終改正年月日: 制定年月日がなければ不足、改訂版は最終改正年月日も要る', () => {
    expect(missingCodes({ kind: 'external', ...complete, establishedOn: null })).toEqual(['J.2.2-2-g']);
    expect(missingCodes({ kind: 'external', ...complete, versionNo: 2 })).toEqual(['J.2.2-2-g']);
    expect(missingCodes({ kind: 'external', ...complete, versionNo: 2, lastRevisedOn: '2026-03-01' })).toEqual(['J.2.2-2-g']);
    expect(missingCodes({ kind: 'external', ...complete, versionNo: 2, lastRevisedOn: '2026-10-01' })).toEqual([]);
  });
});
