import { describe, expect, it } from 'vitest';
import { checkPublicItems } from '../requiredItems/checkers.ts';
import { feeLine, generatePublicItems, type PublicItemsFacts } from './publicItems.ts';

// 公表事項の生成 (issue 14 M5 公開窓口): J.10.3 a)〜g) from the organization's settings.

const complete: PublicItemsFacts = {
  organization: { name: '公益財団法人 見本文化振興財団', address: '東京都豊島区南池袋2-45-1', representative: '理事長 山田太郎' },
  manager: { nameOrTitle: '事務局長', department: '総務課', contact: '03-0000-0000' },
  purposes: [{ text: '施設の利用申込みの受付及び利用者への連絡のため' }, { text: '防犯カメラの映像', exemptUnder: 'J.8.4 c)' }],
  complaintDesk: '個人情報問合せ窓口（総務課） 03-0000-0001',
  accreditedBody: null,
  procedure: {
    desk: '個人情報問合せ窓口',
    method: '「保有個人データ開示等請求書」の提出',
    identityCheck: '運転免許証等の写し（本籍地は都道府県以外、個人番号は全桁を黒塗り）',
    fees: { purposeNotice: null, disclosure: { amountYen: 300, collectionMethod: '窓口での現金払い' } },
  },
  safetyMeasures: ['個人情報保護規程の策定', '従業者の教育'],
};

const section = (facts: PublicItemsFacts, code: string) => generatePublicItems(facts).sections.find((s) => s.code === code);
const missingFields = (facts: PublicItemsFacts) => generatePublicItems(facts).missing.map((m) => m.field);

describe('J.10.3 公表事項の生成', () => {
  it('全ての設定があれば a)〜g)（e) は対象事業者のときだけ）を順に出し、不足はない', () => {
    const result = generatePublicItems(complete);
    expect(result.missing).toEqual([]);
    expect(result.sections.map((s) => s.code)).toEqual(['J.10.3-a', 'J.10.3-b', 'J.10.3-c', 'J.10.3-d', 'J.10.3-f', 'J.10.3-g']);
    expect(result.sections[0]?.clause).toBe('J.10.3 a)');
  });

  it('J.10.3 a) 名称及び住所並びに代表者の氏名 — どれか欠ければその設定を日本語で示す', () => {
    expect(section(complete, 'J.10.3-a')?.lines).toEqual(['名称: 公益財団法人 見本文化振興財団', '住所: 東京都豊島区南池袋2-45-1', '代表者: 理事長 山田太郎']);
    const result = generatePublicItems({ ...complete, organization: { ...complete.organization, address: '  ' } });
    expect(result.missing).toEqual([expect.objectContaining({ code: 'J.10.3-a', field: 'organization.address', message: 'J.10.3 a): 事業者の住所が設定されていません' })]);
  });

  it('J.10.3 b) 個人情報保護管理者の氏名又は職名、所属及び連絡先', () => {
    expect(section(complete, 'J.10.3-b')?.lines).toEqual(['氏名又は職名: 事務局長', '所属: 総務課', '連絡先: 03-0000-0000']);
    expect(missingFields({ ...complete, manager: { nameOrTitle: '事務局長' } })).toEqual(['manager.department', 'manager.contact']);
  });

  it('J.10.3 c) 全ての保有個人データの利用目的 — J.8.4 a)〜c) に該当するものは公表しない', () => {
    expect(section(complete, 'J.10.3-c')?.lines).toEqual(['・施設の利用申込みの受付及び利用者への連絡のため']);
    const onlyExempt = generatePublicItems({ ...complete, purposes: [{ text: '防犯カメラの映像', exemptUnder: 'J.8.4 a)' }] });
    expect(onlyExempt.missing.map((m) => m.message)).toEqual(['J.10.3 c): 公表する保有個人データの利用目的が一つもありません']);
  });

  it('J.10.3 d) 保有個人データの取扱いに関する苦情の申出先', () => {
    expect(section(complete, 'J.10.3-d')?.lines).toEqual(['個人情報問合せ窓口（総務課） 03-0000-0001']);
    expect(missingFields({ ...complete, complaintDesk: null })).toEqual(['complaintDesk']);
  });

  it('J.10.3 e) 認定個人情報保護団体の対象事業者である場合に限り、名称及び苦情の解決の申出先を出す', () => {
    expect(section(complete, 'J.10.3-e')).toBeUndefined();
    const member = { ...complete, accreditedBody: { name: '一般財団法人日本情報経済社会推進協会', complaintDesk: '個人情報保護苦情相談室 03-5860-7565' } };
    expect(section(member, 'J.10.3-e')?.lines).toEqual(['名称: 一般財団法人日本情報経済社会推進協会', '苦情の解決の申出先: 個人情報保護苦情相談室 03-5860-7565']);
    expect(generatePublicItems(member).sections.map((s) => s.code)).toEqual(['J.10.3-a', 'J.10.3-b', 'J.10.3-c', 'J.10.3-d', 'J.10.3-e', 'J.10.3-f', 'J.10.3-g']);
    expect(missingFields({ ...complete, accreditedBody: { name: '一般財団法人日本情報経済社会推進協会' } })).toEqual(['accreditedBody.complaintDesk']);
  });

  it('J.10.3 f) J.10.2 1 a)〜d) の手続: 申出先・方式・本人確認の方法・手数料（J.10.2 i)）', () => {
    expect(section(complete, 'J.10.3-f')?.lines).toEqual([
      '申出先: 個人情報問合せ窓口',
      '請求の方式: 「保有個人データ開示等請求書」の提出',
      '本人又は代理人であることの確認の方法: 運転免許証等の写し（本籍地は都道府県以外、個人番号は全桁を黒塗り）',
      '利用目的の通知の手数料: 無料',
      '開示の手数料: 1件につき300円（徴収方法: 窓口での現金払い）',
    ]);
    expect(missingFields({ ...complete, procedure: { ...complete.procedure, identityCheck: '' } })).toEqual(['procedure.identityCheck']);
  });

  it('J.10.2 1 d) 手数料を定めたときだけ徴収方法を求め、1,000円以上は桁区切りで示す', () => {
    const fees = { purposeNotice: { amountYen: 0, collectionMethod: '' }, disclosure: { amountYen: 1200, collectionMethod: ' ' } };
    const result = generatePublicItems({ ...complete, procedure: { ...complete.procedure, fees } });
    expect(result.missing).toEqual([
      expect.objectContaining({ field: 'procedure.fees.disclosure.collectionMethod', message: 'J.10.3 f): 開示の手数料の徴収方法が設定されていません' }),
    ]);
    expect(feeLine('開示', { amountYen: 1200, collectionMethod: '振込' })).toBe('開示の手数料: 1件につき1,200円（徴収方法: 振込）');
    expect(feeLine('利用目的の通知', { amountYen: 0, collectionMethod: '' })).toBe('利用目的の通知の手数料: 無料');
  });

  it('J.10.3 g) 保有個人データの安全管理のために講じた措置', () => {
    expect(section(complete, 'J.10.3-g')?.lines).toEqual(['・個人情報保護規程の策定', '・従業者の教育']);
    expect(missingFields({ ...complete, safetyMeasures: ['  '] })).toEqual(['safetyMeasures']);
  });

  it('生成した公表事項は J.10.3 のチェッカーを満たす（生成した事項をチェック済みとして渡す）', () => {
    const result = generatePublicItems(complete);
    const check = checkPublicItems({ ticked: result.sections.map((s) => s.code), conditions: { accreditedBody: false } });
    expect(check.missing).toEqual([]);
  });

  it('表示の文言は日本語だけで、設定のキーを含まない', () => {
    const result = generatePublicItems({ ...complete, organization: {}, manager: {}, purposes: [], complaintDesk: null, safetyMeasures: [] });
    for (const m of result.missing) expect(m.message).not.toMatch(/[a-z]{3,}/);
    for (const s of result.sections) expect(s.heading).not.toMatch(/[A-Za-z]/);
  });
});
