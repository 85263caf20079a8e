import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './deadlines.ts';
import {
  acquisitionDuties,
  checkExemptions,
  checkRequiredItems,
  checkSensitiveAcquisition,
  directWrittenNoticeItems,
  disposalDue,
  type HandlingDuty,
  type HandlingDutyId,
  type InventoryEntry,
  inventoryEntrySchema,
  inventoryRulesVersion,
  noticeExceptions,
  obviousPurposeKinds,
  okazakiProhibitedCategoryWarnings,
  okazakiProhibitedItems,
  requiredInventoryItems,
  reviewDiff,
  sensitiveConsentExceptions,
  sensitiveExceptionLetters,
  type SpecialCategoryId,
  specialCategories,
  useAndProvisionDuties,
  validateInventoryEntry,
} from './inventoryRules.ts';
import { namesTerm } from './inventoryRules/checks.ts';

/** A complete entry: 会員名簿 on paper, acquired directly in writing, no special data. */
function buildEntry(overrides: Partial<InventoryEntry> = {}): InventoryEntry {
  return {
    id: 'e1',
    revision: 1,
    name: '会員名簿',
    departmentId: 'd-soumu',
    items: ['氏名', '住所', '電話番号'],
    purpose: '会報の送付',
    storageLocation: '総務課 書庫A',
    storageMethod: { media: 'paper', description: '施錠キャビネット' },
    accessHolders: ['総務課長', '総務課員'],
    useUntil: { date: '2026-03-31' },
    retainUntil: { date: '2031-03-31', description: '退会後5年' },
    recordCount: { value: 1200, approximate: true },
    acquisitionMethods: ['direct_written'],
    ...overrides,
  };
}

const dutyIds = (duties: HandlingDuty[]): HandlingDutyId[] => duties.map((duty) => duty.id);
function dutyOf(duties: HandlingDuty[], id: HandlingDutyId): HandlingDuty {
  const found = duties.find((duty) => duty.id === id);
  if (!found) throw new Error(`duty ${id} not found; got ${dutyIds(duties).join(', ')}`);
  return found;
}

describe('J.3.1.1 3「台帳には、少なくとも次の項目を含む。」', () => {
  it('全項目がそろった台帳は不足なし（規則データの版 inventory-rules-2024-12）', () => {
    expect(inventoryRulesVersion).toBe('inventory-rules-2024-12');
    expect(checkRequiredItems(buildEntry())).toEqual([]);
  });

  it('J.3.1.1 3 の8項目（個人情報の項目・利用目的・保管場所・保管方法・アクセス権を有する者・利用期限・保管期限・件数（概数でも可））を持つ', () => {
    expect(requiredInventoryItems.filter((item) => item.clause === 'J.3.1.1 3').map((item) => item.label)).toEqual([
      '個人情報の項目',
      '利用目的',
      '保管場所',
      '保管方法',
      'アクセス権を有する者',
      '利用期限',
      '保管期限',
      '管理する個人情報の件数（概数でも可）',
    ]);
  });

  it.each([
    ['items', '・個人情報の項目'],
    ['purpose', '・利用目的'],
    ['storageLocation', '・保管場所'],
    ['storageMethod', '・保管方法'],
    ['accessHolders', '・アクセス権を有する者'],
    ['useUntil', '・利用期限'],
    ['retainUntil', '・保管期限'],
    ['recordCount', '・管理する個人情報の件数（概数でも可）'],
  ] as const)('J.3.1.1 3 %s「%s」が欠けていれば条項付きで不足を返す', (field, label) => {
    const findings = checkRequiredItems(buildEntry({ [field]: undefined }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'required_item_missing', severity: 'error', clause: 'J.3.1.1 3' });
    expect(findings[0]?.quote).toContain(label.slice(1));
    expect(findings[0]?.message).toContain('J.3.1.1 3');
    expect(findings[0]?.field.startsWith(field)).toBe(true);
  });

  it('個人情報の名称は SPEC M1 で必須（seed の J.3.1.1 3 には列挙がないため条項は SPEC と明記）', () => {
    const [finding] = checkRequiredItems(buildEntry({ name: '  ' }));
    expect(finding).toMatchObject({ field: 'name', clause: 'SPEC M1（台帳の行の識別）' });
  });

  it('空白だけの文字列・空の配列・空の期限は未入力として扱う', () => {
    const entry = buildEntry({ purpose: ' ', items: ['', ' '], accessHolders: [], useUntil: { date: null, description: ' ' }, retainUntil: {} });
    expect(checkRequiredItems(entry).map((f) => f.field)).toEqual(['items', 'purpose', 'accessHolders', 'useUntil', 'retainUntil']);
  });

  it('「管理する個人情報の件数（概数でも可）」: 概数でも満たす', () => {
    expect(checkRequiredItems(buildEntry({ recordCount: { value: 500, approximate: true } }))).toEqual([]);
    expect(checkRequiredItems(buildEntry({ recordCount: { value: 0 } }))).toEqual([]);
  });

  it('保管方法には媒体（紙／電子）が必要（SPEC M1）', () => {
    const [finding] = checkRequiredItems(buildEntry({ storageMethod: { description: '施錠キャビネット' } }));
    expect(finding).toMatchObject({ field: 'storageMethod.media' });
    expect(finding?.message).toContain('媒体（紙／電子）を選んでください');
  });

  it('利用期限・保管期限は日付でも説明（「退職後5年」等）でもよい', () => {
    expect(checkRequiredItems(buildEntry({ useUntil: { description: '契約終了まで' }, retainUntil: { description: '退職後5年' } }))).toEqual([]);
  });

  it('J.3.1.1 留意事項「仮名加工情報、匿名加工情報、及び個人関連情報…においても、当該要求事項に基づいて実施する」: 加工の種類に関わらず同じ項目を求める', () => {
    for (const processedKind of ['pseudonymized', 'anonymized', 'personal_related'] as const) {
      expect(checkRequiredItems({ id: 'x', processedKind }).map((f) => f.field)).toHaveLength(requiredInventoryItems.length);
      expect(checkRequiredItems(buildEntry({ processedKind }))).toEqual([]);
    }
  });
});

describe('J.8.3 要配慮個人情報などの取得', () => {
  it('J.8.3 1「あらかじめ書面によって明示し、書面によって本人の同意を得る」: 取得根拠が未記録なら違反', () => {
    const findings = checkSensitiveAcquisition(buildEntry({ sensitive: true }));
    expect(findings.map((f) => f.code)).toEqual(['sensitive_basis_missing']);
    expect(findings[0]?.clause).toBe('J.8.3 1・2');
    expect(findings[0]?.quote).toContain('あらかじめ書面によって明示し、書面によって本人の同意を得る');
    expect(findings[0]?.message).toContain('J.8.3 2 a)〜k)');
  });

  it('J.8.3 1: 書面による同意が記録されていれば満たす', () => {
    expect(checkSensitiveAcquisition(buildEntry({ sensitive: true, sensitiveBasis: { kind: 'written_consent', noticeRef: 'N-2026-01' } }))).toEqual([]);
  });

  it('J.8.3 2「以下の場合に限定する」: 例外は a)〜k) の11件で、文言は seed のまま', () => {
    expect(sensitiveConsentExceptions.map((item) => item.letter)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']);
    expect(sensitiveConsentExceptions[0]?.text).toBe('法令に基づく場合');
    expect(sensitiveConsentExceptions[5]?.text).toBe('本人を目視し、又は撮影することにより、その外形上明らかな要配慮個人情報を取得する場合');
  });

  it.each(sensitiveExceptionLetters.map((letter, index) => [letter, sensitiveConsentExceptions[index]?.text ?? ''] as const))(
    'J.8.3 2 %s)「%s」を理由付きで記録すれば満たす',
    (letter, text) => {
      expect(sensitiveConsentExceptions.find((item) => item.letter === letter)?.text).toBe(text);
      const methods = letter === 'g' ? (['entrusted'] as const) : letter === 'i' ? (['joint_use'] as const) : (['direct_other'] as const);
      const entry = buildEntry({ sensitive: true, acquisitionMethods: [...methods], sensitiveBasis: { kind: 'exception', letter, reason: '根拠の説明' } });
      expect(checkSensitiveAcquisition(entry)).toEqual([]);
    },
  );

  it('J.8.3 2: 例外の理由が空なら違反。未知の号はスキーマが項目名付きで拒否する', () => {
    const findings = checkSensitiveAcquisition(buildEntry({ sensitive: true, sensitiveBasis: { kind: 'exception', letter: 'b', reason: ' ' } }));
    expect(findings).toEqual([expect.objectContaining({ code: 'sensitive_exception_reason_missing', clause: 'J.8.3 2 b)', field: 'sensitiveBasis.reason' })]);
    const parsed = inventoryEntrySchema.safeParse({ id: 'e1', sensitiveBasis: { kind: 'exception', letter: 'z', reason: 'x' } });
    expect(parsed.error?.issues[0]?.message).toBe('J.8.3 2 の例外の値が正しくありません。選択肢から選んでください');
  });

  it('J.8.3 2 g)「委託することに伴って…提供を受けるとき」・i)「J.8.7のd)によって…共同して利用される」: 取得方法と食い違えば警告', () => {
    const g = checkSensitiveAcquisition(buildEntry({ sensitive: true, sensitiveBasis: { kind: 'exception', letter: 'g', reason: '委託業務' } }));
    expect(g).toEqual([expect.objectContaining({ code: 'sensitive_exception_inconsistent', severity: 'warning', clause: 'J.8.3 2 g)' })]);
    expect(g[0]?.message).toContain('「委託を受けて」');
    const i = checkSensitiveAcquisition(buildEntry({ sensitive: true, sensitiveBasis: { kind: 'exception', letter: 'i', reason: '共同利用' } }));
    expect(i[0]?.message).toContain('「共同利用」');
  });

  it('J.8.3 3「性生活、性的指向又は労働組合に関する情報が含まれる場合には、当該情報を要配慮個人情報と同様に取り扱う」', () => {
    for (const category of ['sex_life', 'sexual_orientation', 'labor_union'] as const) {
      const findings = checkSensitiveAcquisition(buildEntry({ specialCategories: [category] }));
      expect(findings.map((f) => f.code)).toEqual(['sensitive_flag_missing', 'sensitive_basis_missing']);
      expect(findings[0]).toMatchObject({ clause: 'J.8.3 3', field: 'sensitive' });
    }
  });

  it('J.8.3 留意事項「本人の人種、信条、社会的身分、病歴、犯罪の経歴、犯罪により害を被った事実その他…政令で定める記述等」: 要配慮の印がなければ違反', () => {
    const named: SpecialCategoryId[] = ['race', 'creed', 'social_status', 'medical_history', 'criminal_record', 'crime_victim', 'other_cabinet_order'];
    expect(specialCategories.filter((c) => c.j83 === 'sensitive').map((c) => c.id)).toEqual(expect.arrayContaining(named));
    for (const category of named) {
      const [first] = checkSensitiveAcquisition(buildEntry({ specialCategories: [category] }));
      expect(first).toMatchObject({ code: 'sensitive_flag_missing', clause: 'J.8.3 留意事項' });
    }
    // Flagged and consented: nothing to report.
    expect(checkSensitiveAcquisition(buildEntry({ sensitive: true, specialCategories: named, sensitiveBasis: { kind: 'written_consent' } }))).toEqual([]);
  });

  it('seed が名指ししない分類（宗教・民族・保険医療等）は「要配慮に当たる可能性」の警告にとどめる', () => {
    const findings = checkSensitiveAcquisition(buildEntry({ specialCategories: ['religion', 'medical_care'] }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['sensitive_possible', 'warning'],
      ['sensitive_possible', 'warning'],
    ]);
  });
});

describe('岡崎市規程 第5条2「次に示す内容を含む個人情報の収集、利用又は提供を行ってはならない。」', () => {
  it('岡崎市規程 第5条2「保険医療」: 項目「受診日」「健康診断の受診予定」は当たらない（日付・予定の語）。「受診歴」「受診内容」「診療記録」は当たる可能性として警告（issue 10）', () => {
    const items = (names: string[]) => okazakiProhibitedCategoryWarnings(buildEntry({ items: names })).map((f) => f.field);
    expect(items(['氏名', '受診日', '健康診断の受診予定', '診療時間'])).toEqual([]);
    expect(items(['受診歴', '受診内容', '診療記録'])).toEqual(['items[0]', 'items[1]', 'items[2]']);
    expect(namesTerm('受診日', '受診')).toBe(false);
    expect(namesTerm('受診日・受診結果', '受診')).toBe(true);
    expect(namesTerm('精神障害者保健福祉手帳', '精神障害')).toBe(true);
  });

  it('岡崎市規程 第5条2 は岡崎市の指定管理者等の規程: 行政機関等・指定管理者（public_body）にだけ示し、会社（company、既定）には示さない（issue 10）', () => {
    const entry = buildEntry({ specialCategories: ['religion'] });
    const codes = (audience?: 'public_body' | 'company') => validateInventoryEntry(entry, audience ? { audience } : {}).map((f) => f.code);
    expect(codes('public_body')).toContain('okazaki_prohibited_category');
    expect(codes('company')).not.toContain('okazaki_prohibited_category');
    expect(codes()).not.toContain('okazaki_prohibited_category');
    expect(codes('company')).toContain('sensitive_possible');
  });

  it.each(Object.entries(okazakiProhibitedItems))('第5条2 第%s項目「%s」の分類は条文付きの警告になる', (item, quote) => {
    const categories = specialCategories.filter((c) => c.okazaki?.item === Number(item));
    expect(categories.length).toBeGreaterThan(0);
    for (const category of categories) {
      const findings = okazakiProhibitedCategoryWarnings(buildEntry({ specialCategories: [category.id] }));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        code: 'okazaki_prohibited_category',
        severity: 'warning',
        clause: '岡崎市営住宅指定管理者における個人情報保護規程 第5条2',
      });
      expect(findings[0]?.quote).toContain(quote);
      expect(findings[0]?.message).toContain(category.label);
    }
  });

  it('seed の5項目を文言どおりに持つ', () => {
    expect(okazakiProhibitedItems[2]).toBe('人種、民族、門地、本籍地(所在都道府県に関する情報を除く)、身体、精神障害、犯罪歴、その他社会的差別の原因となる事項。');
    expect(okazakiProhibitedItems[5]).toBe('保険医療、及び性生活。');
  });

  it('項目名（本籍地・宗教等）から該当の可能性を警告する（語の手がかり、分類付けの重複はしない）', () => {
    const findings = okazakiProhibitedCategoryWarnings(buildEntry({ items: ['氏名', '本籍地', '信仰する宗教'] }));
    expect(findings.map((f) => f.field)).toEqual(['items[1]', 'items[2]']);
    expect(findings[0]?.message).toContain('可能性');
    expect(findings[0]?.quote).toContain('本籍地(所在都道府県に関する情報を除く)');
    const tagged = okazakiProhibitedCategoryWarnings(buildEntry({ items: ['本籍地'], specialCategories: ['registered_domicile'] }));
    expect(tagged).toHaveLength(1);
  });

  it('第5条2 に挙がらない分類（性的指向・犯罪により害を被った事実）は岡崎市の警告を出さない', () => {
    expect(okazakiProhibitedCategoryWarnings(buildEntry({ specialCategories: ['sexual_orientation', 'crime_victim'] }))).toEqual([]);
  });
});

describe('validateInventoryEntry / checkExemptions', () => {
  it('全チェックをまとめ、error を先に warning を後に返す', () => {
    const entry = buildEntry({ purpose: '', specialCategories: ['religion'] });
    const findings = validateInventoryEntry(entry, { audience: 'public_body' });
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning', 'warning']);
    expect(findings.map((f) => f.code)).toEqual(['required_item_missing', 'sensitive_possible', 'okazaki_prohibited_category']);
  });

  it('J.8.4 2 d)「d) に該当する個人情報は、財団では以下に限定する。」: 4種類のどれかを選ばなければ違反', () => {
    expect(obviousPurposeKinds.map((kind) => kind.text)[0]).toBe('名刺交換により取得した個人情報、及びこれに準じる取引先担当者情報');
    const missing = checkExemptions(buildEntry({ exemptions: [{ clause: 'J.8.4', letter: 'd', reason: '名刺' }] }));
    expect(missing).toEqual([expect.objectContaining({ code: 'exemption_sub_item_missing', field: 'exemptions[0].subItem', clause: 'J.8.4 2 d)' })]);
    expect(checkExemptions(buildEntry({ exemptions: [{ clause: 'J.8.4', letter: 'd', subItem: '1', reason: '名刺' }] }))).toEqual([]);
    const noReason = checkExemptions(buildEntry({ exemptions: [{ clause: 'J.8.7', letter: 'f', reason: '' }] }));
    expect(noReason[0]).toMatchObject({ code: 'exemption_reason_missing', clause: 'J.8.7 2 f)' });
  });
});

describe('inventoryEntrySchema: 入力の形', () => {
  it('項目の日本語名を挙げたエラー（内部の項目名を見せない: issue 10）、未知の項目の拒否、例外の号の検証', () => {
    expect(inventoryEntrySchema.parse(buildEntry())).toEqual(buildEntry());
    const bad = inventoryEntrySchema.safeParse({ id: 'e1', storageMethod: { media: 'cloud' }, recordCount: { value: -1 }, useUntil: { date: '2026-02-30' } });
    const messages = bad.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        '保管媒体の値が正しくありません。選択肢から選んでください',
        '件数は0以上で入力してください',
        '利用期限の日付は実在する日付（例: 2026-11-28）で入力してください',
      ]),
    );
    expect(inventoryEntrySchema.safeParse({ id: 'e1', purpse: 'x' }).error?.issues[0]?.message).toBe('台帳の項目に不明な項目があります（1件）');
    expect(inventoryEntrySchema.safeParse({ id: '' }).error?.issues[0]?.message).toBe('台帳IDは必須です');
    const letter = inventoryEntrySchema.safeParse({ id: 'e1', exemptions: [{ clause: 'J.8.4', letter: 'e', reason: 'x' }] });
    expect(letter.error?.issues[0]?.message).toBe('例外の号は J.8.4 の a・b・c・d のいずれかで入力してください（入力値: "e"）');
  });
});

describe('disposalDue: 利用期限・保管期限の経過 → 廃棄タスク', () => {
  it('J.9.2 b) 3) ⑤「個人情報管理台帳に定められた保管期間に従って保管する」: 保管期限の翌日から消去・廃棄タスク', () => {
    const due = disposalDue(buildEntry({ useUntil: { date: '2026-03-31' }, retainUntil: { date: '2031-03-31' } }), '2031-04-01');
    expect(due?.reasons.map((r) => r.kind)).toEqual(['use_period_ended', 'retention_period_ended']);
    expect(due?.reasons[1]).toMatchObject({ date: '2031-03-31', clause: 'J.9.2 b) 3) ⑤' });
    expect(due?.dueSince).toBe('2026-04-01');
    expect(due?.keepUntil).toBeNull();
    expect(due?.task).toMatchObject({ kind: 'disposal', title: '保管期限経過による消去・廃棄（会員名簿）', ownerRole: 'department_head' });
  });

  it('期限の当日はまだ期限内（期限は最終日）', () => {
    expect(disposalDue(buildEntry({ useUntil: { date: '2026-03-31' }, retainUntil: { date: '2026-03-31' } }), '2026-03-31')).toBeNull();
  });

  it('J.9.1 2「利用する必要がなくなった場合の消去を含む」: 利用期限だけ経過したら、保管期限まで保管するか消去するかの検討タスク', () => {
    const due = disposalDue(buildEntry(), '2026-04-01');
    expect(due?.reasons).toEqual([expect.objectContaining({ kind: 'use_period_ended', clause: 'J.9.1 2' })]);
    expect(due?.keepUntil).toBe('2031-03-31');
    expect(due?.task.title).toBe('利用期限経過に伴う消去・廃棄の検討（会員名簿）');
  });

  it('J.9.2 b) 6): 紙はシュレッダー・焼却・溶解（①）、電子は消去ソフト又は物理的破壊（②）、委託先は契約終了後の措置（J.9.4 3 h)）', () => {
    const clauses = (entry: InventoryEntry) => disposalDue(entry, '2032-01-01')?.task.methods.map((m) => m.clause);
    expect(clauses(buildEntry())).toEqual(['J.9.2 b) 6) ①']);
    expect(clauses(buildEntry({ storageMethod: { media: 'electronic' } }))).toEqual(['J.9.2 b) 6) ②']);
    expect(clauses(buildEntry({ storageMethod: { media: 'both' }, entrustedTo: ['c1'] }))).toEqual(['J.9.2 b) 6) ①', 'J.9.2 b) 6) ②', 'J.9.4 3 h)']);
  });

  it('廃棄済み、又は期限が文章だけ（「退職後5年」）なら null。today は実在する日付が必要', () => {
    expect(disposalDue(buildEntry({ disposedAt: '2031-04-02' }), '2032-01-01')).toBeNull();
    expect(disposalDue(buildEntry({ useUntil: { description: '在籍中' }, retainUntil: { description: '退職後5年' } }), '2099-01-01')).toBeNull();
    expect(() => disposalDue(buildEntry(), '2026-13-01')).toThrow(RangeError);
  });

  it('期限が1日でも過ぎていれば due、過ぎていなければ null（fast-check）', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: -900, max: 900 }), (useOffset, extra, todayOffset) => {
        const useUntil = addCalendarDays('2027-01-01', useOffset);
        const retainUntil = addCalendarDays(useUntil, extra);
        const today = addCalendarDays('2027-01-01', todayOffset);
        const due = disposalDue(buildEntry({ useUntil: { date: useUntil }, retainUntil: { date: retainUntil } }), today);
        expect(due !== null).toBe(today > useUntil);
        if (due) {
          expect(due.dueSince).toBe(addCalendarDays(useUntil, 1));
          expect(due.keepUntil === null).toBe(today > retainUntil);
        }
      }),
    );
  });
});

describe('acquisitionDuties: 取得方法ごとの通知・明示・同意の義務', () => {
  it('J.8.5 1「本人から、書面に記載された個人情報を直接取得する場合には…あらかじめ、書面によって本人に明示し、書面によって本人の同意を得る」: a)〜h) の明示', () => {
    const duties = acquisitionDuties(buildEntry());
    expect(dutyIds(duties)).toEqual(['j85_written_notice_consent']);
    const duty = dutyOf(duties, 'j85_written_notice_consent');
    expect(duty).toMatchObject({ clause: 'J.8.5 1', timing: 'before_acquisition', status: 'required', certainty: 'seed' });
    expect(duty.items.map((item) => item.letter)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(duty.items[6]?.text).toBe('本人が個人情報を与えることの任意性及び当該情報を与えなかった場合に本人に生じる結果');
    expect(duty.procedure).toContain('新規個人情報取得申請書');
    expect(duty.triggeredBy).toEqual(['取得方法: 本人から直接書面（Webフォームを含む）']);
  });

  it('J.8.5 2「人の生命、身体若しくは財産の保護のために緊急に必要がある場合」を理由付きで記録すれば exempted', () => {
    const entry = buildEntry({ exemptions: [{ clause: 'J.8.5', letter: 'urgent', reason: '救急搬送時の聴取' }] });
    const duty = dutyOf(acquisitionDuties(entry), 'j85_written_notice_consent');
    expect(duty.status).toBe('exempted');
    expect(duty.exemptedBy).toMatchObject({ clause: 'J.8.5', letter: 'urgent', reason: '救急搬送時の聴取' });
    // Without a reason the exception does not count.
    const noReason = buildEntry({ exemptions: [{ clause: 'J.8.5', letter: 'urgent', reason: '' }] });
    expect(dutyOf(acquisitionDuties(noReason), 'j85_written_notice_consent').status).toBe('required');
  });

  it('J.8.4 1「あらかじめ、その利用目的を公表している場合を除き、速やかにその利用目的を本人に通知し、又は公表する」: 直接書面以外', () => {
    const duties = acquisitionDuties(buildEntry({ acquisitionMethods: ['direct_other'] }));
    expect(dutyIds(duties)).toEqual(['j84_purpose_notice']);
    const duty = dutyOf(duties, 'j84_purpose_notice');
    expect(duty).toMatchObject({ clause: 'J.8.4 1', timing: 'after_acquisition', certainty: 'seed' });
    expect(duty.procedure).toContain('財団ホームページ上で公表');
  });

  it('J.8.4 2 d)「取得の状況からみて利用目的が明らかであると認められる場合」（名刺交換等）を記録すれば exempted', () => {
    expect(noticeExceptions.map((item) => item.letter)).toEqual(['a', 'b', 'c', 'd']);
    const entry = buildEntry({ acquisitionMethods: ['direct_other'], exemptions: [{ clause: 'J.8.4', letter: 'd', subItem: '1', reason: '名刺交換' }] });
    expect(dutyOf(acquisitionDuties(entry), 'j84_purpose_notice')).toMatchObject({ status: 'exempted', exemptedBy: { letter: 'd', reason: '名刺交換' } });
  });

  it('J.8.2「提供元…が…適切に個人情報を取り扱っていることを確認する」と J.8.8.3 1「第三者から個人データの提供を受けるに際しては、必要な確認を行う」: 第三者から', () => {
    const duties = acquisitionDuties(buildEntry({ acquisitionMethods: ['from_third_party'] }));
    expect(dutyIds(duties)).toEqual(['j84_purpose_notice', 'j82_source_check', 'j883_receipt_confirmation']);
    expect(dutyOf(duties, 'j883_receipt_confirmation')).toMatchObject({ clause: 'J.8.8.3 1・3・4', timing: 'at_receipt' });
    const exempt = buildEntry({ acquisitionMethods: ['from_third_party'], exemptions: [{ clause: 'J.8.8.3', letter: 'd', reason: '法令に基づく照会' }] });
    expect(dutyOf(acquisitionDuties(exempt), 'j883_receipt_confirmation').status).toBe('exempted');
  });

  it('委託を受けて: J.8.2 の確認は必要、J.8.8.3 2 a)「委託されることに伴って…提供を受けたとき」で確認は不要、J.8.4 は seed に例外がないため解釈として表示', () => {
    const duties = acquisitionDuties(buildEntry({ acquisitionMethods: ['entrusted'] }));
    expect(dutyIds(duties)).toEqual(['j84_purpose_notice', 'j82_source_check']);
    expect(dutyOf(duties, 'j84_purpose_notice').certainty).toBe('interpretation');
    expect(dutyOf(duties, 'j84_purpose_notice').note).toContain('不確かな点');
  });

  it('共同利用: J.8.7 2 d)「以下の1)～5)に示す事項を、あらかじめ、本人に通知し、又は本人が容易に知り得る状態に置く」', () => {
    const duties = acquisitionDuties(buildEntry({ acquisitionMethods: ['joint_use'] }));
    expect(dutyIds(duties)).toEqual(['j87d_joint_use_notice', 'j82_source_check']);
    const duty = dutyOf(duties, 'j87d_joint_use_notice');
    expect(duty.items.map((item) => item.text)[0]).toBe('共同して利用すること');
    expect(duty.items).toHaveLength(5);
  });

  it('J.8.3 1: 要配慮個人情報は書面明示・書面同意の義務。J.8.3 2 の例外を記録すれば exempted', () => {
    const duty = dutyOf(acquisitionDuties(buildEntry({ sensitive: true })), 'j83_sensitive_written_consent');
    expect(duty).toMatchObject({ clause: 'J.8.3 1', status: 'required' });
    const excepted = buildEntry({ sensitive: true, sensitiveBasis: { kind: 'exception', letter: 'a', reason: '労働安全衛生法に基づく健康診断' } });
    expect(dutyOf(acquisitionDuties(excepted), 'j83_sensitive_written_consent')).toMatchObject({
      status: 'exempted',
      exemptedBy: { clause: 'J.8.3 2', letter: 'a', text: '法令に基づく場合' },
    });
  });

  it('同じ義務は1件にまとめ、きっかけを並べる。取得方法がなければ義務なし', () => {
    const duties = acquisitionDuties(buildEntry({ acquisitionMethods: ['direct_other', 'from_third_party', 'entrusted'] }));
    const notice = dutyOf(duties, 'j84_purpose_notice');
    expect(notice.triggeredBy).toEqual(['取得方法: 直接書面以外（本人から口頭・電話等）', '取得方法: 第三者から', '取得方法: 委託を受けて']);
    expect(notice.certainty).toBe('seed');
    expect(duties.filter((duty) => duty.id === 'j82_source_check')).toHaveLength(1);
    expect(acquisitionDuties(buildEntry({ acquisitionMethods: [] }))).toEqual([]);
  });
});

describe('useAndProvisionDuties: 利用・提供の義務', () => {
  it('J.8.7 1「本人に連絡又は接触する場合には…J.8.5のa)～f)…及び取得方法を通知し、本人の同意を得る」', () => {
    const duty = dutyOf(useAndProvisionDuties(buildEntry({ contactsPersons: true })), 'j87_contact_consent');
    expect(duty.items.map((item) => item.letter)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', '-']);
    const exempt = buildEntry({ contactsPersons: true, exemptions: [{ clause: 'J.8.7', letter: 'a', reason: '取得時に連絡することを明示し同意済み' }] });
    expect(dutyOf(useAndProvisionDuties(exempt), 'j87_contact_consent').status).toBe('exempted');
  });

  it('J.8.8 1「第三者に提供する場合には、あらかじめ…J.8.5のa)～d)…及び取得方法を通知し、本人の同意を得る」と J.8.8.2 1 の提供記録', () => {
    const duties = useAndProvisionDuties(buildEntry({ thirdPartyProvision: true }));
    expect(dutyIds(duties)).toEqual(['j88_provision_consent', 'j882_provision_record']);
    expect(dutyOf(duties, 'j88_provision_consent').items.map((item) => item.letter)).toEqual(['a', 'b', 'c', 'd', '-']);
  });

  it('J.8.8.1 1「外国にある第三者に個人データを提供する場合、以下のいずれかを満たす」: 根拠が未記録なら注記、a) なら情報提供の手順', () => {
    const missing = dutyOf(useAndProvisionDuties(buildEntry({ overseasCountries: ['シンガポール'] })), 'j881_overseas_provision');
    expect(missing.note).toBe('根拠（overseasBasis: a・b・c）が未記録です。');
    expect(missing.triggeredBy).toEqual(['提供先の外国: シンガポール']);
    const consent = dutyOf(useAndProvisionDuties(buildEntry({ overseasCountries: ['米国'], overseasBasis: 'a' })), 'j881_overseas_provision');
    expect(consent.note).toContain('a) が記録されています');
    expect(consent.procedure).toContain('J.8.8.1 2 d)〜f)');
    expect(directWrittenNoticeItems).toHaveLength(8);
  });

  it('該当する属性がなければ義務なし', () => {
    expect(useAndProvisionDuties(buildEntry())).toEqual([]);
  });
});

describe('reviewDiff: 毎年12月の台帳の見直し（J.3.1.1 留意事項）', () => {
  it('追加・削除・変更を返し、それぞれの後続手続を条項付きで示す', () => {
    const last = [buildEntry(), buildEntry({ id: 'e2', name: '旧アンケート' })];
    const now = [buildEntry({ storageLocation: '総務課 書庫B', recordCount: { value: 1300, approximate: true } }), buildEntry({ id: 'e3', name: '採用応募者' })];
    const diff = reviewDiff(last, now);
    expect(diff.added.map((a) => [a.id, a.followUps.map((f) => f.clause)])).toEqual([['e3', ['J.3.1.1 c)', 'J.3.1.3 j)']]]);
    expect(diff.removed.map((r) => [r.id, r.followUps.map((f) => f.clause)])).toEqual([['e2', ['J.3.1.3 k)']]]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.changes).toEqual([
      { field: 'storageLocation', label: '保管場所', before: '総務課 書庫A', after: '総務課 書庫B' },
      { field: 'recordCount', label: '件数', before: { value: 1200, approximate: true }, after: { value: 1300, approximate: true } },
    ]);
    expect(diff.changed[0]?.followUps.map((f) => f.clause)).toEqual(['J.3.1.1 d)', 'J.3.1.3']);
    expect(diff.changed[0]?.followUps[1]?.message).toContain('保管場所が変わる等、取り扱い方法に変更が生じた場合');
    expect(diff.unchangedIds).toEqual([]);
  });

  it('J.8.6 利用目的の変更: 「個人情報取扱変更等申請書」と、範囲を超える場合の本人の同意（J.8.6 3）', () => {
    const diff = reviewDiff([buildEntry()], [buildEntry({ purpose: '会報の送付及びイベントの案内' })]);
    const followUps = diff.changed[0]?.followUps ?? [];
    expect(followUps.map((f) => f.kind)).toEqual(['purpose_change', 'change_request', 'risk_analysis']);
    expect(followUps[0]?.message).toContain('J.8.6 3');
  });

  it('件数・名称だけの変更は取扱い方法の変更ではない（リスク分析の見直しは求めない）', () => {
    const diff = reviewDiff([buildEntry()], [buildEntry({ recordCount: { value: 900 } })]);
    expect(diff.changed[0]?.followUps).toEqual([]);
  });

  it('項目の並び順・空白・未入力と空の違いは変更としない', () => {
    const last = [buildEntry({ items: ['氏名', '住所'], disposalMethod: undefined, noticeRefs: [] })];
    const now = [buildEntry({ items: ['住所', '氏名'], disposalMethod: '', noticeRefs: undefined, storageMethod: { description: '施錠キャビネット', media: 'paper' } })];
    const diff = reviewDiff(last, now);
    expect(diff.changed).toEqual([]);
    expect(diff.unchangedIds).toEqual(['e1']);
  });

  it('同じ ID が1つの台帳に2行あればエラー', () => {
    expect(() => reviewDiff([buildEntry(), buildEntry()], [])).toThrow('昨年の台帳に同じID（e1）の行が複数あります');
  });

  it('同じ台帳どうしは差分なし、入れ替えると追加と削除が入れ替わる（fast-check）', () => {
    const entryArb = fc.record({
      id: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
      purpose: fc.constantFrom('会報の送付', '採用選考', ''),
      items: fc.subarray(['氏名', '住所', '電話番号', '本籍']),
      storageLocation: fc.constantFrom('書庫A', '書庫B'),
      recordCount: fc.record({ value: fc.integer({ min: 0, max: 5 }) }),
    });
    const ledger = fc.uniqueArray(entryArb, { selector: (entry) => entry.id, maxLength: 4 });
    fc.assert(
      fc.property(ledger, ledger, (a, b) => {
        const same = reviewDiff(a, a);
        expect(same.added).toEqual([]);
        expect(same.removed).toEqual([]);
        expect(same.changed).toEqual([]);
        expect(same.unchangedIds.length).toBe(a.length);
        const forward = reviewDiff(a, b);
        const backward = reviewDiff(b, a);
        expect(forward.added.map((x) => x.id).sort()).toEqual(backward.removed.map((x) => x.id).sort());
        expect(forward.changed.map((x) => x.id).sort()).toEqual(backward.changed.map((x) => x.id).sort());
        expect(forward.added.length + forward.changed.length + forward.unchangedIds.length).toBe(b.length);
      }),
    );
  });
});
