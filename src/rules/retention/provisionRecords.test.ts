import { describe, expect, it } from 'vitest';
import { lastDayOfYears, provisionRecordRetention, provisionRetentionFactsSchema, UnknownProvisionRetentionRulesVersionError } from './index.ts';

function errorsOf(facts: unknown): string[] {
  const parsed = provisionRetentionFactsSchema.safeParse(facts);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('第三者提供記録の保存期間（個人情報保護法施行規則 第21条・J.8.8.2 3）', () => {
  it('第21条第1号「契約書その他の書面」で代替: 最後に提供を行った日から起算して1年を経過する日まで', () => {
    expect(provisionRecordRetention({ recordKind: 'provision', form: 'contract', createdOn: '2026-03-01', lastProvidedOn: '2026-04-01' })).toEqual({
      rulesVersion: 'appi-2022-04',
      years: 1,
      countedFrom: '2026-04-01',
      retainUntil: '2027-03-31',
      disposalDueOn: '2027-04-01',
      basis: '個人情報の保護に関する法律 第29条第2項、個人情報の保護に関する法律施行規則 第21条第1号（第19条第3項）（JIS Q 15001 J.8.8.2 3）',
      reason:
        '第三者提供記録を契約書その他の書面による代替で作成しているため、最後に提供を行った日（2026/04/01）から起算して1年を経過する日（2027/03/31）まで保存し、2027/04/01以降に廃棄します。提供が続く間は最後の提供を行った日が変わるので、提供のたびに計算し直してください。',
    });
  });

  it('第21条第2号「一括して作成」（継続的・反復的な提供）: 最後に提供を行った日から起算して3年を経過する日まで', () => {
    const result = provisionRecordRetention({ recordKind: 'provision', form: 'bulk', createdOn: '2025-01-10', lastProvidedOn: '2026-06-15' });
    expect(result).toMatchObject({ years: 3, countedFrom: '2026-06-15', retainUntil: '2029-06-14', disposalDueOn: '2029-06-15' });
    expect(result.basis).toBe('個人情報の保護に関する法律 第29条第2項、個人情報の保護に関する法律施行規則 第21条第2号（第19条第2項ただし書）（JIS Q 15001 J.8.8.2 3）');
  });

  it('第21条第3号（個別の記録）: 作成した日から3年（法第29条第2項「作成した日から」、民法第140条 初日不算入）', () => {
    const result = provisionRecordRetention({ recordKind: 'provision', form: 'individual', createdOn: '2026-04-01' });
    expect(result).toMatchObject({ years: 3, countedFrom: '2026-04-02', retainUntil: '2029-04-01', disposalDueOn: '2029-04-02' });
    expect(result.basis).toContain('施行規則 第21条第3号');
    expect(result.reason).toContain('作成した日（2026/04/01）から3年（民法第140条により翌日から数え、2029/04/01まで）');
  });
});

describe('確認記録の保存期間（個人情報保護法施行規則 第25条・J.8.8.3 4）', () => {
  it('第25条第1号 契約書等で代替: 最後に提供を受けた日から起算して1年', () => {
    const result = provisionRecordRetention({ recordKind: 'receipt', form: 'contract', createdOn: '2026-01-05', lastProvidedOn: '2026-01-05' });
    expect(result).toMatchObject({ years: 1, retainUntil: '2027-01-04', disposalDueOn: '2027-01-05' });
    expect(result.basis).toBe('個人情報の保護に関する法律 第30条第4項、個人情報の保護に関する法律施行規則 第25条第1号（第23条第3項）（JIS Q 15001 J.8.8.3 4）');
    expect(result.reason).toContain('最後に提供を受けた日（2026/01/05）から起算して1年');
  });

  it('第25条第2号 一括して作成: 最後に提供を受けた日から起算して3年', () => {
    expect(provisionRecordRetention({ recordKind: 'receipt', form: 'bulk', createdOn: '2026-01-05', lastProvidedOn: '2026-12-31' })).toMatchObject({
      years: 3,
      retainUntil: '2029-12-30',
    });
  });

  it('第25条第3号 個別の記録: 作成した日から3年', () => {
    expect(provisionRecordRetention({ recordKind: 'receipt', form: 'individual', createdOn: '2026-12-31' })).toMatchObject({
      retainUntil: '2029-12-31',
      disposalDueOn: '2030-01-01',
    });
  });
});

describe('施行されていた条項を引く（版）', () => {
  it('令和4年4月1日より前に作成した記録は改正前の法第25条第2項・第26条第4項を根拠に挙げる', () => {
    expect(provisionRecordRetention({ recordKind: 'provision', form: 'individual', createdOn: '2021-06-01' })).toMatchObject({
      rulesVersion: 'appi-2017-05',
      basis: '個人情報の保護に関する法律 第25条第2項、個人情報の保護に関する法律施行規則 第14条第3号（JIS Q 15001 J.8.8.2 3）',
    });
    expect(provisionRecordRetention({ recordKind: 'receipt', form: 'individual', createdOn: '2021-06-01' }).basis).toContain('第26条第4項');
    expect(() => provisionRecordRetention({ recordKind: 'receipt', form: 'individual', createdOn: '2021-06-01' }, 'appi-2099-01')).toThrow(
      UnknownProvisionRetentionRulesVersionError,
    );
  });
});

describe('年による期間の末日（民法第143条）', () => {
  it('応当日の前日に満了し、応当日がなければその月の末日', () => {
    expect(lastDayOfYears('2026-04-01', 1)).toBe('2027-03-31');
    expect(lastDayOfYears('2026-01-01', 3)).toBe('2028-12-31');
    expect(lastDayOfYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(lastDayOfYears('2024-03-01', 1)).toBe('2025-02-28');
    expect(lastDayOfYears('2023-03-01', 1)).toBe('2024-02-29');
  });
});

describe('入力の検証', () => {
  it('一括・契約書等の記録では最後に提供を行った日が必須', () => {
    expect(errorsOf({ recordKind: 'provision', form: 'bulk', createdOn: '2026-01-05' })).toEqual([
      'lastProvidedOn: 最後に提供を行った（受けた）日（lastProvidedOn）は、一括して作成した記録（継続的・反復的な提供）の保存期間の起算日なので必須です',
    ]);
  });

  it('項目名を挙げた日本語のエラー（種類・作成方法・実在しない日・不明な項目）', () => {
    expect(errorsOf({ recordKind: 'sent', form: 'ledger', createdOn: '2026-02-30', note: 'x' })).toEqual([
      'recordKind: 記録の種類（recordKind）は "provision"・"receipt"・"related"・"related_receipt" のいずれかで入力してください（入力値: "sent"）',
      'form: 記録の作成方法（form）は "individual"・"bulk"・"contract" のいずれかで入力してください（入力値: "ledger"）',
      'createdOn: 記録を作成した日（createdOn）は "YYYY-MM-DD" 形式の実在する日付で入力してください（入力値: "2026-02-30"）',
      ': 不明な項目です: note（項目名の綴りを確認してください）',
    ]);
  });
});

describe('個人関連情報の提供に係る確認記録の保存期間（J.8.8.4 4、法第31条第3項で準用する法第30条第4項）', () => {
  it('契約書その他の書面で代替: 最後に提供を行った日から起算して1年を経過する日まで', () => {
    const result = provisionRecordRetention({ recordKind: 'related', form: 'contract', createdOn: '2026-12-01', lastProvidedOn: '2026-12-01' });
    expect(result).toMatchObject({ rulesVersion: 'appi-2022-04', years: 1, countedFrom: '2026-12-01', retainUntil: '2027-11-30', disposalDueOn: '2027-12-01' });
    expect(result.basis).toBe(
      '個人情報の保護に関する法律 第31条第3項（第30条第4項の準用）、個人情報の保護に関する法律施行規則 第29条第1号（第27条第3項）（JIS Q 15001 J.8.8.4 4）',
    );
    expect(result.reason).toContain('個人関連情報の提供に係る確認記録を契約書その他の書面による代替で作成しているため、最後に提供を行った日（2026/12/01）');
  });

  it('一括して作成（継続的・反復的な提供）: 最後に提供を行った日から起算して3年', () => {
    expect(provisionRecordRetention({ recordKind: 'related', form: 'bulk', createdOn: '2026-01-10', lastProvidedOn: '2026-06-15' })).toMatchObject({
      years: 3,
      retainUntil: '2029-06-14',
    });
  });

  it('個別の記録: 作成した日から3年（民法第140条 初日不算入）', () => {
    const result = provisionRecordRetention({ recordKind: 'related', form: 'individual', createdOn: '2026-12-01' });
    expect(result).toMatchObject({ years: 3, countedFrom: '2026-12-02', retainUntil: '2029-12-01', disposalDueOn: '2029-12-02' });
    expect(result.basis).toContain('施行規則 第29条第3号');
  });

  it('令和4年4月1日より前の規則（平成28年規則）には個人関連情報の区分がない: 令和2年改正の規則で計算し、旧版を指定すれば未知の版', () => {
    expect(provisionRecordRetention({ recordKind: 'related', form: 'individual', createdOn: '2022-03-01' }).rulesVersion).toBe('appi-2022-04');
    expect(() => provisionRecordRetention({ recordKind: 'related', form: 'individual', createdOn: '2026-03-01' }, 'appi-2017-05')).toThrow(
      UnknownProvisionRetentionRulesVersionError,
    );
  });
});

describe('個人関連情報の提供先の確認記録の保存期間（J.8.8.4 4 g)〜j)「確認の記録を作成、保管する」）', () => {
  it('施行規則に提供先の期間の定めはない: 確認記録の期間（法第30条第4項・規則第25条）に準じ、その旨を根拠に示す', () => {
    const result = provisionRecordRetention({ recordKind: 'related_receipt', form: 'individual', createdOn: '2026-12-01' });
    expect(result).toMatchObject({ rulesVersion: 'appi-2022-04', years: 3, countedFrom: '2026-12-02', retainUntil: '2029-12-01', disposalDueOn: '2029-12-02' });
    expect(result.basis).toBe(
      'JIS Q 15001 J.8.8.4 4（法令に保存期間の定めがないため、第三者提供を受ける際の確認記録の期間（個人情報の保護に関する法律 第30条第4項、個人情報の保護に関する法律施行規則 第25条第3号）に準じる）',
    );
    expect(result.reason).toContain('個人関連情報の提供先の確認記録を個別の記録（提供の都度作成）で作成しているため');
  });

  it('契約書その他の書面で代替: 最後に提供を受けた日から起算して1年（規則第25条第1号に準じる）', () => {
    const result = provisionRecordRetention({ recordKind: 'related_receipt', form: 'contract', createdOn: '2026-12-01', lastProvidedOn: '2026-12-01' });
    expect(result).toMatchObject({ years: 1, retainUntil: '2027-11-30' });
    expect(result.basis).toContain('施行規則 第25条第1号（第23条第3項）');
    expect(result.reason).toContain('最後に提供を受けた日（2026/12/01）から起算して1年');
  });

  it('平成28年規則（appi-2017-05）には区分がない: 指定すれば未知の版', () => {
    expect(() => provisionRecordRetention({ recordKind: 'related_receipt', form: 'individual', createdOn: '2026-03-01' }, 'appi-2017-05')).toThrow(
      UnknownProvisionRetentionRulesVersionError,
    );
  });
});
