// Presents audit rows for the access-log review screen (SPEC §3, Toshima 4-8-6 (3)): a short
// Japanese sentence per event, the changed columns of an update, and before/after images with
// secrets removed. No I/O (encrypted columns are compared with the field key in memory).

import type { z } from 'zod';
import { decryptField } from '../config/fieldCrypto.ts';
import { installedModules } from '../moduleKit/registry.ts';
import type { auditLogItemResponse, auditLogPageResponse, auditVerifyResponse } from './audit.contract.ts';
import type { AuditLogPage, AuditLogRow } from './auditLog.service.ts';
import type { VerifyResult } from './verifyChain.ts';

/** Japanese names of the audited record types (table names and event entity types). */
export const entityLabels: Record<string, string> = {
  organizations: '組織',
  departments: '所属',
  people: '従業者',
  role_assignments: '役割の割当て',
  accounts: 'アカウント',
  sessions: 'セッション',
  approval_chains: '承認経路',
  approval_requests: '承認依頼',
  approval_actions: '承認・差戻し',
  approval_delegations: '承認の代理',
  role_requests: '役割の申請',
  tasks: 'タスク',
  calendar_items: 'PMSカレンダー',
  notifications: '通知',
  reminder_deliveries: 'リマインド送信',
  audit_log: '監査証跡',
  bulk_access: '大量アクセス',
  import_memory: '取込の対応付けの記憶',
  attachments: '添付ファイル',
  attachment_contents: '添付ファイルの内容',
};

/** Japanese names of the operations. */
export const actionLabels: Record<string, string> = {
  insert: '追加',
  update: '更新',
  delete: '削除',
  login: 'ログイン',
  login_failed: 'ログイン失敗',
  logout: 'ログアウト',
  session_expired: 'セッションの自動終了',
  read: '閲覧',
  export: '出力',
  import: '取込',
  approve: '承認',
  return: '差戻し',
  alert: '警告',
  verify: '検証',
};

/** Column names as the screens name them; per-table overrides first. */
const columnLabels: Record<string, string> = {
  name: '名称',
  name_kana: '氏名（カナ）',
  employee_number: '従業者番号',
  employment_type: '雇用区分',
  department_id: '所属',
  joined_on: '入社日',
  left_on: '退職日',
  email_enc: 'メールアドレス',
  phone_enc: '電話番号',
  parent_id: '上位所属',
  code: 'コード',
  sort_order: '表示順',
  role: '役割',
  person_id: '従業者',
  starts_on: '開始日',
  ends_on: '終了日',
  note: '備考',
  login_id: 'ログインID',
  password_hash: 'パスワード',
  previous_password_hash: '以前のパスワード',
  password_changed_at: 'パスワード変更日時',
  totp_secret_enc: '二要素認証の鍵',
  totp_enabled: '二要素認証',
  totp_last_step: '最後に受け付けた確認コードの時間帯',
  failed_login_count: 'ログイン失敗回数',
  locked_until: 'ロック期限',
  disabled_at: '無効化日時',
  locale: '表示言語',
  last_login_at: '最終ログイン日時',
  address: '所在地',
  representative: '代表者',
  profile: '組織区分',
  privacy_mark_number: 'プライバシーマーク登録番号',
  privacy_mark_valid_from: 'プライバシーマーク有効期間（開始）',
  privacy_mark_valid_to: 'プライバシーマーク有効期間（終了）',
  settings: '設定',
  status: '状態',
  title: '件名',
  due_on: '期限',
  owner_role: '担当の役割',
  owner_person_id: '担当者',
  completed_at: '完了日時',
  evidence: '証跡',
  comment: 'コメント',
  delegate_person_id: '代理者',
  id: 'ID',
  organization_id: '組織',
  created_at: '作成日時',
  updated_at: '更新日時',
  account_id: 'アカウント',
  description: '内容',
  reason: '理由',
  record_type: '記録の種類',
  record_id: '記録',
  record_snapshot: '申請時の記録内容',
  steps: '承認ステップ',
  step: '承認ステップ',
  current_step: '現在の承認ステップ',
  action: '操作',
  submitted_at: '申請日時',
  submitted_by_account_id: '申請者（アカウント）',
  submitted_by_person_id: '申請者',
  decided_at: '決定日時',
  previous_request_id: '以前の申請',
  request_id: '承認依頼',
  actor_person_id: '承認者',
  actor_account_id: '操作者（アカウント）',
  on_behalf_of_person_id: '代理元',
  from_person_id: '委任者',
  to_person_id: '代理者',
  created_by_account_id: '作成者（アカウント）',
  requested_by_person_id: '申請者',
  requested_by_account_id: '申請者（アカウント）',
  role_assignment_id: '役割の割当て',
  calendar_item_id: 'PMS年間計画の項目',
  source_type: '発生元',
  source_id: '発生元ID',
  generation_key: '生成キー',
  completed_by_account_id: '完了者（アカウント）',
  evidence_url: '証跡のリンク',
  evidence_note: '証跡のメモ',
  clause: '根拠（条項）',
  quote: '引用',
  recurrence: '周期',
  month: '月',
  day_of_month: '期限日',
  per_department: '所属ごと',
  active: '有効',
  kind: '種類',
  body: '本文',
  link: 'リンク',
  urgent: '至急',
};
const columnLabelsByEntity: Record<string, Record<string, string>> = {
  people: { name: '氏名' },
  departments: { name: '所属名', code: '所属コード' },
  attachments: {
    owner_type: '添付先の記録の種類',
    owner_id: '添付先の記録',
    kind: '種別',
    file_name: 'ファイル名',
    content_type: 'ファイルの形式',
    size: '大きさ（バイト）',
    sha256: 'SHA-256',
    encrypted: '暗号化',
    note: '備考',
    uploaded_by_account_id: '添付したアカウント',
    uploaded_by_name: '添付した人',
    deleted_at: '削除日時',
    deleted_by_name: '削除した人',
    deleted_reason: '削除の理由',
  },
  import_memory: { register: '取込の対象', scope: '列・項目', written: 'ファイルの見出し・値', key: '照合用の文字列', target: '対応付け先', updated_by_person_id: '更新者' },
};

/** The Japanese name of an audited table: the platform's own, or the module's that owns it (its manifest's `auditLabels`). */
export function entityLabel(entityType: string): string {
  if (Object.hasOwn(entityLabels, entityType)) return entityLabels[entityType] ?? entityType;
  for (const m of installedModules()) {
    const label = m.auditLabels?.entities[entityType];
    if (label) return label;
  }
  return entityType;
}

export function columnLabel(entityType: string, column: string): string {
  const own = columnLabelsByEntity[entityType]?.[column];
  if (own) return own;
  for (const m of installedModules()) {
    const label = m.auditLabels?.columns?.[entityType]?.[column];
    if (label) return label;
  }
  return columnLabels[column] ?? column;
}

/** Bookkeeping columns that change on every write and say nothing to a reviewer. */
const ignoredColumns = new Set(['updated_at']);

/**
 * Columns never shown: password hashes, TOTP secrets and session tokens, and the ciphertext of
 * encrypted personal data (SPEC §9). The review still shows THAT they changed.
 */
export function isHiddenColumn(column: string): boolean {
  return /(^|_)(password|hash|secret|token)(_|$)/.test(column) || column.endsWith('_enc');
}

const HIDDEN = '（非表示）';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The row image with hidden columns masked. */
export function redactImage(image: unknown): unknown {
  if (!isObject(image)) return image ?? null;
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, isHiddenColumn(k) && v !== null ? HIDDEN : v]));
}

/**
 * Whether two stored values of an encrypted column hold the same plaintext. Each write
 * encrypts with a fresh IV, so the ciphertext changes on every save even when the value does
 * not; only the plaintext tells. A value that cannot be decrypted counts as changed.
 */
function sameEncrypted(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  try {
    return decryptField(a) === decryptField(b);
  } catch {
    return false;
  }
}

/** Columns whose value differs between the before and after images of an update. */
export function changedColumns(before: unknown, after: unknown): string[] {
  if (!isObject(before) || !isObject(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => {
    if (ignoredColumns.has(k) || JSON.stringify(before[k]) === JSON.stringify(after[k])) return false;
    return !(k.endsWith('_enc') && sameEncrypted(before[k], after[k]));
  });
}

/** One column of an audit row's before/after images, labelled for the review screen. */
export type AuditChange = {
  column: string;
  /** The column's Japanese name (the column itself when it has none). */
  label: string;
  /** The value before (null for an insert), secrets shown as （非表示）. */
  before: unknown;
  /** The value after (null for a delete), secrets shown as （非表示）. */
  after: unknown;
  /** Whether the value differs (always true for the columns of an insert or a delete). */
  changed: boolean;
};

/**
 * The before/after of an audit row column by column, with Japanese labels, for the review
 * screen (the web cannot import this file: it reads the field key). Changed columns come
 * first; `updated_at` is left out (it changes on every write and says nothing). Secrets stay
 * masked, and an encrypted column whose plaintext did not change is not marked changed.
 */
export function describeChanges(entityType: string, before: unknown, after: unknown): AuditChange[] {
  if (!isObject(before) && !isObject(after)) return [];
  const b = isObject(before) ? before : null;
  const a = isObject(after) ? after : null;
  const changed = new Set(b && a ? changedColumns(b, a) : Object.keys(b ?? a ?? {}));
  const maskedBefore = redactImage(b) as Json | null;
  const maskedAfter = redactImage(a) as Json | null;
  const columns = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((c) => !ignoredColumns.has(c));
  const rows = columns.map((column) => ({
    column,
    label: columnLabel(entityType, column),
    before: maskedBefore?.[column] ?? null,
    after: maskedAfter?.[column] ?? null,
    changed: changed.has(column),
  }));
  // A stable sort: changed columns first, each group in the image's column order.
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

const loginFailureReasons: Record<string, string> = {
  unknown_login: '登録のないログインID',
  bad_password: 'パスワードの誤り',
  locked: 'ロック中',
  disabled: '無効なアカウント',
  left: '退職済み',
  bad_totp: '確認コードの誤り',
};

/** A record's own name, when its image has one (従業者「佐藤 花子」). */
function recordName(image: unknown): string | null {
  if (!isObject(image)) return null;
  for (const key of ['name', 'title', 'login_id']) {
    const v = image[key];
    if (typeof v === 'string' && v) return v.length > 40 ? `${v.slice(0, 40)}…` : v;
  }
  return null;
}

export type AuditRowForSummary = { action: string; entityType: string; before: unknown; after: unknown; meta: unknown; rowCount: number };

/**
 * A short Japanese description of one event, e.g. `従業者「佐藤 花子」を更新（氏名・所属）`,
 * `従業者を出力（30件）`, `ログイン失敗（パスワードの誤り）`.
 */
export function summarize(row: AuditRowForSummary): string {
  const entity = entityLabel(row.entityType);
  const meta = isObject(row.meta) ? row.meta : {};
  const named = (image: unknown) => {
    const name = recordName(image);
    return name ? `${entity}「${name}」` : entity;
  };
  switch (row.action) {
    case 'insert':
      return `${named(row.after)}を追加`;
    case 'delete':
      return `${named(row.before)}を削除`;
    case 'update': {
      const columns = changedColumns(row.before, row.after).map((c) => columnLabel(row.entityType, c));
      return `${named(row.after)}を更新${columns.length ? `（${columns.join('・')}）` : ''}`;
    }
    case 'login':
      return 'ログイン';
    case 'logout':
      return 'ログアウト';
    case 'session_expired':
      return '操作がなかったためセッションを終了';
    case 'login_failed': {
      const reason = typeof meta.reason === 'string' ? (loginFailureReasons[meta.reason] ?? meta.reason) : null;
      return `ログイン失敗${reason ? `（${reason}）` : ''}`;
    }
    case 'read':
    case 'export':
    case 'import': {
      const verb = actionLabels[row.action];
      const n = row.rowCount || (typeof meta.rows === 'number' ? meta.rows : 0);
      return `${entity}を${verb}${n ? `（${n.toLocaleString('ja-JP')}件）` : ''}`;
    }
    case 'alert': {
      const rows = typeof meta.rows === 'number' ? meta.rows : null;
      const threshold = typeof meta.threshold === 'number' ? meta.threshold : null;
      return `${entity}の警告${rows !== null ? `（${rows}件${threshold !== null ? `／しきい値 ${threshold}件` : ''}）` : ''}`;
    }
    case 'verify':
      return `${entity}の検証${meta.ok === false ? '（改ざんを検出）' : meta.ok === true ? '（正常）' : ''}`;
    default:
      return `${entity}を${actionLabels[row.action] ?? row.action}`;
  }
}

/** One event as the review screen shows it: a Japanese sentence, the labelled diff, secrets masked. */
export type AuditLogItem = z.output<typeof auditLogItemResponse>;

export function presentAuditLogItem(row: AuditLogRow): AuditLogItem {
  return {
    id: row.id,
    chainSeq: row.chainSeq,
    at: row.createdAt.toISOString(),
    actorAccountId: row.actorAccountId,
    actorName: row.actorName ?? (row.actorAccountId ? null : 'システム'),
    action: row.action,
    entityType: row.entityType,
    entityLabel: entityLabel(row.entityType),
    entityId: row.entityId,
    rowCount: row.rowCount,
    summary: summarize(row),
    changedColumns: row.action === 'update' ? changedColumns(row.before, row.after) : [],
    changes: describeChanges(row.entityType, row.before, row.after),
    before: redactImage(row.before),
    after: redactImage(row.after),
    meta: row.meta ?? null,
  };
}

export function presentAuditLogPage(page: AuditLogPage): z.output<typeof auditLogPageResponse> {
  return { items: page.items.map(presentAuditLogItem), total: page.total, page: page.page, pageSize: page.pageSize, nextCursor: page.nextCursor, snapshot: page.snapshot };
}

/** The verification of the organization's chain: where it first breaks, if anywhere. */
export function presentVerifyResult(r: VerifyResult): z.output<typeof auditVerifyResponse> {
  return { ok: r.ok, rows: r.rows, chains: r.chains, firstBreak: r.firstBreak ? { ...r.firstBreak } : null };
}
