import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { seedDemoPortal } from './portal.demo.ts';
import { portalRoutes } from './portal.routes.ts';
import * as tables from './portal.tables.ts';

/** 公開窓口 (issue #14 M5, J.10.3): the organization's public page with its 公表事項 and the request form. */
export const portalModule = defineModule({
  name: 'portal',
  label: '公開窓口',
  permissions: {
    // J.10.3: the 個人情報保護管理者 publishes the 公表事項 (pms_manager holds every permission).
    'portal.manage': { label: '公開窓口の設定・公表事項', grantedTo: [] },
  },
  auditLabels: {
    entities: { portal_settings: '公開窓口の設定', portal_receipts: 'Web受付の控え', portal_consent_links: '同意の撤回用URL' },
    columns: {
      portal_settings: { slug: '公開ページのURL', published: '公開', facts: '公表事項の設定', consent_notice_ids: '同意を受け付ける通知文' },
      portal_receipts: { request_id: '請求', token_hash: '確認用URLの鍵（ハッシュ）' },
      portal_consent_links: { consent_id: '同意記録', token_hash: '撤回用URLの鍵（ハッシュ）' },
    },
  },
  tables,
  routes: portalRoutes,
  demo: (tx, { organizationId, now }) => seedDemoPortal(tx, organizationId, now),
});
