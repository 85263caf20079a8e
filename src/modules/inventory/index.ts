import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { seedDemoInventory } from './inventory.demo.ts';
import { runInventoryDisposalCheck } from './inventory.jobs.ts';
import { inventoryRequestApprovalTypes } from './inventory.requests.ts';
import { inventoryReviewApprovalType } from './inventory.review.ts';
import { inventoryImport } from './inventory.import.ts';
import { inventoryRoutes } from './inventory.routes.ts';
import * as tables from './inventory.tables.ts';

/** The roles that read the 台帳 and its リスク分析 (SPEC §9). */
export const inventoryReaders = [
  'security_manager',
  'top_management',
  'audit_manager',
  'public_audit_manager',
  'auditor',
  'department_head',
  'protection_manager',
  'handling_manager',
  'info_manager',
  'mynumber_manager',
] as const;

/** M1 個人情報管理台帳 (J.3.1.1, J.8.6). */
export const inventoryModule = defineModule({
  name: 'inventory',
  label: 'M1 個人情報管理台帳',
  permissions: {
    'inventory.read': { label: '台帳の閲覧', grantedTo: inventoryReaders },
    // 個人情報管理者・特定個人情報等事務取扱責任者 keep their department's 台帳.
    'inventory.request': { label: '台帳の申請', grantedTo: ['department_head', 'protection_manager', 'handling_manager', 'info_manager', 'mynumber_manager'] },
    'inventory.manage': { label: '台帳の管理', grantedTo: [] },
  },
  auditLabels: {
    entities: {
      inventory_entries: '個人情報管理台帳',
      inventory_requests: '台帳の申請',
      inventory_entry_history: '台帳の履歴',
      annual_reviews: '毎年の見直し',
    },
    columns: {
      inventory_entries: {
        name: '個人情報の名称',
        revision: '版',
        data: '記載内容',
        storage_media: '媒体',
        sensitive: '要配慮個人情報',
        my_number: '特定個人情報',
        retained_personal_data: '保有個人データ',
        entrusted: '委託',
        third_party_provision: '第三者提供',
        overseas: '外国にある第三者への提供',
        processed_kind: '加工の種類',
        record_count: '件数',
        use_until_date: '利用期限',
        retain_until_date: '保管期限',
        disposed_at: '廃棄日時',
        risk_status: 'リスク分析の状況',
        access_holder_ids: 'アクセス権者',
        import_extras: '取込時の追加情報',
        search_text: '検索用の文字列',
      },
      inventory_requests: {
        entry_id: '台帳の項目',
        review_id: '見直し',
        kind: '申請の種類',
        proposed: '申請内容',
        reason: '申請の理由',
        notice_draft: '通知事項（文案）',
        base_revision: '元の版',
      },
      inventory_entry_history: { entry_id: '台帳の項目', revision: '版', data: '記載内容', changes: '変更点', summary: '要約', import_id: '取込' },
      annual_reviews: {
        subject: '見直しの対象',
        year: '年',
        items: '項目ごとの確認',
        baseline: '前年の内容',
        snapshot: '今年の内容',
        diff: '前年との差分',
        started_by_person_id: '開始した人',
      },
    },
  },
  tables,
  routes: inventoryRoutes,
  // 台帳の取込 on the one import pipeline (/api/imports/inventory, issue #12).
  imports: [inventoryImport],
  jobs: [
    // 利用期限・保管期限 passed → a disposal task per entry (idempotent).
    { name: 'inventory-disposal', schedule: '20 0 * * *', run: async (deps) => void (await runInventoryDisposalCheck(deps)) },
  ],
  approvalTypes: [...inventoryRequestApprovalTypes, inventoryReviewApprovalType],
  tasks: [
    // 利用期限・保管期限の到来: the entry's screen, where it is disposed of (J.3.1.1, 廃棄).
    { sourceType: 'inventory_disposal', label: '台帳の廃棄', link: (id) => `/inventory/entries/${id}` },
  ],
  calendarItems: [{ code: 'inventory_review', link: '/inventory/reviews' }],
  demo: (tx, { organizationId, today }) => seedDemoInventory(tx, organizationId, today),
});
