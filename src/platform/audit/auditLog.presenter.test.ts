import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptField, setFieldEncryptionKey } from '../config/fieldCrypto.ts';
import { changedColumns, columnLabel, describeChanges, isHiddenColumn, redactImage, summarize } from './auditLog.presenter.ts';

const row = (over: Partial<Parameters<typeof summarize>[0]>) => ({ action: 'insert', entityType: 'people', before: null, after: null, meta: null, rowCount: 0, ...over });

describe('監査証跡の表示 (summary)', () => {
  it('追加・削除は対象の種類と名前', () => {
    expect(summarize(row({ after: { id: 'x', name: '佐藤 花子' } }))).toBe('従業者「佐藤 花子」を追加');
    expect(summarize(row({ action: 'delete', entityType: 'departments', before: { name: '営業部' } }))).toBe('所属「営業部」を削除');
    expect(summarize(row({ entityType: 'role_assignments', after: { role: 'auditor' } }))).toBe('役割の割当てを追加');
  });

  it('更新は変わった列の名前を並べ、updated_at は数えない', () => {
    const before = { name: '佐藤 花子', department_id: 'a', email_enc: 'v1:aaa', updated_at: '2026-01-01' };
    const after = { name: '佐藤 華子', department_id: 'b', email_enc: 'v1:aaa', updated_at: '2026-01-02' };
    expect(changedColumns(before, after)).toEqual(['name', 'department_id']);
    expect(summarize(row({ action: 'update', before, after }))).toBe('従業者「佐藤 華子」を更新（氏名・所属）');
    expect(summarize(row({ action: 'update', entityType: 'departments', before: { name: 'A', code: '1' }, after: { name: 'B', code: '2' } }))).toBe(
      '所属「B」を更新（所属名・所属コード）',
    );
    expect(summarize(row({ action: 'update', entityType: 'accounts', before: { login_id: 'a@x', password_hash: 'h1' }, after: { login_id: 'a@x', password_hash: 'h2' } }))).toBe(
      'アカウント「a@x」を更新（パスワード）',
    );
  });

  it('暗号化列は平文で比べる（保存のたびに暗号文が変わっても、値が同じなら変更にしない）', () => {
    setFieldEncryptionKey(randomBytes(32));
    const before = { name: 'A', email_enc: encryptField('a@example.jp'), phone_enc: encryptField('03-1111-2222') };
    const after = { name: 'A', email_enc: encryptField('a@example.jp'), phone_enc: encryptField('03-9999-0000') };
    expect(before.email_enc).not.toBe(after.email_enc);
    expect(changedColumns(before, after)).toEqual(['phone_enc']);
    expect(summarize(row({ action: 'update', before, after }))).toBe('従業者「A」を更新（電話番号）');
    expect(changedColumns({ email_enc: 'v1:broken' }, { email_enc: 'v1:other' })).toEqual(['email_enc']);
  });

  it('ログイン・閲覧・出力・取込・警告', () => {
    expect(summarize(row({ action: 'login', entityType: 'accounts' }))).toBe('ログイン');
    expect(summarize(row({ action: 'login_failed', entityType: 'accounts', meta: { reason: 'bad_password' } }))).toBe('ログイン失敗（パスワードの誤り）');
    expect(summarize(row({ action: 'read', rowCount: 1 }))).toBe('従業者を閲覧（1件）');
    expect(summarize(row({ action: 'export', rowCount: 1200 }))).toBe('従業者を出力（1,200件）');
    expect(summarize(row({ action: 'import', rowCount: 30 }))).toBe('従業者を取込（30件）');
    expect(summarize(row({ action: 'read', entityType: 'audit_log', meta: { rows: 50 } }))).toBe('監査証跡を閲覧（50件）');
    expect(summarize(row({ action: 'alert', entityType: 'bulk_access', meta: { rows: 230, threshold: 200 } }))).toBe('大量アクセスの警告（230件／しきい値 200件）');
    expect(summarize(row({ action: 'custom_thing', entityType: 'widgets' }))).toBe('widgetsをcustom_thing');
  });

  it('パスワードのハッシュ・秘密鍵・トークン・暗号文は表示しない（変わったことだけ示す）', () => {
    for (const c of ['password_hash', 'previous_password_hash', 'totp_secret_enc', 'token_hash', 'csrf_token', 'email_enc', 'phone_enc']) expect(isHiddenColumn(c), c).toBe(true);
    for (const c of ['name', 'login_id', 'hashtag_count', 'prev_name']) expect(isHiddenColumn(c), c).toBe(false);
    expect(redactImage({ login_id: 'a@x', password_hash: '$argon2id$…', totp_secret_enc: null })).toEqual({ login_id: 'a@x', password_hash: '（非表示）', totp_secret_enc: null });
    expect(redactImage(null)).toBeNull();
    expect(columnLabel('people', 'email_enc')).toBe('メールアドレス');
    expect(columnLabel('people', 'unknown_col')).toBe('unknown_col');
  });

  it('changes: 列ごとの変更前・変更後に日本語の項目名をつけ、変わった列を先に、秘密は（非表示）のまま', () => {
    setFieldEncryptionKey(randomBytes(32));
    const email = encryptField('a@example.jp');
    const before = { id: 'p1', name: '佐藤 花子', department_id: 'd1', email_enc: email, phone_enc: encryptField('03-1111-2222'), updated_at: '2026-01-01' };
    const after = { id: 'p1', name: '佐藤 華子', department_id: 'd1', email_enc: encryptField('a@example.jp'), phone_enc: encryptField('03-9999-0000'), updated_at: '2026-01-02' };
    expect(describeChanges('people', before, after)).toEqual([
      { column: 'name', label: '氏名', before: '佐藤 花子', after: '佐藤 華子', changed: true },
      { column: 'phone_enc', label: '電話番号', before: '（非表示）', after: '（非表示）', changed: true },
      { column: 'id', label: 'ID', before: 'p1', after: 'p1', changed: false },
      { column: 'department_id', label: '所属', before: 'd1', after: 'd1', changed: false },
      // Re-encrypted with the same plaintext: not a change, and the ciphertext is never shown.
      { column: 'email_enc', label: 'メールアドレス', before: '（非表示）', after: '（非表示）', changed: false },
    ]);
    // An insert (no before image) and a delete (no after image): every column is a change.
    expect(describeChanges('accounts', null, { login_id: 'a@x', password_hash: '$argon2id$…', totp_secret_enc: null })).toEqual([
      { column: 'login_id', label: 'ログインID', before: null, after: 'a@x', changed: true },
      { column: 'password_hash', label: 'パスワード', before: null, after: '（非表示）', changed: true },
      { column: 'totp_secret_enc', label: '二要素認証の鍵', before: null, after: null, changed: true },
    ]);
    expect(describeChanges('departments', { name: '営業部', code: 'S' }, null).map((c) => [c.label, c.before, c.after])).toEqual([
      ['所属名', '営業部', null],
      ['所属コード', 'S', null],
    ]);
    // Events without row images (login, export …) have no changes.
    expect(describeChanges('accounts', null, null)).toEqual([]);
    expect(describeChanges('widgets', { custom_col: 1 }, { custom_col: 2 })).toEqual([{ column: 'custom_col', label: 'custom_col', before: 1, after: 2, changed: true }]);
  });
});
