import { defineModule } from '../../platform/modules/manifest.ts';
import { seedDemoInventory } from './inventory.demo.ts';
import { runInventoryDisposalCheck } from './inventory.jobs.ts';
import { inventoryRequestApprovalTypes } from './inventory.requests.ts';
import { inventoryReviewApprovalType } from './inventory.review.ts';
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
  tables,
  routes: inventoryRoutes,
  jobs: [
    // 利用期限・保管期限 passed → a disposal task per entry (idempotent).
    { name: 'inventory-disposal', schedule: '20 0 * * *', run: async (deps) => void (await runInventoryDisposalCheck(deps)) },
  ],
  approvalTypes: [...inventoryRequestApprovalTypes, inventoryReviewApprovalType],
  demo: (tx, { organizationId, today }) => seedDemoInventory(tx, organizationId, today),
});
