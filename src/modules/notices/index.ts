import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { seedDemoNotices } from './notices.demo.ts';
import { noticesRoutes } from './notices.routes.ts';
import * as tables from './notices.tables.ts';

/** M6 通知・同意 (J.8.5): 取得時の通知・同意文書 with versions and the J.8.5 1 a)〜h) check. */
export const noticesModule = defineModule({
  name: 'notices',
  label: 'M6 通知・同意・方針',
  permissions: {
    // The 個人情報保護管理者 approves the 取得時の必要通知事項 (J.8.5 留意事項); pms_manager holds every permission.
    'notices.manage': { label: '通知文の作成・公開', grantedTo: [] },
  },
  auditLabels: {
    entities: { notice_templates: '通知文テンプレート', notice_versions: '通知文の版', notice_consents: '同意記録' },
    columns: {
      notice_templates: { title: '名称' },
      notice_versions: {
        template_id: '通知文テンプレート',
        version_no: '版',
        status: '状態',
        body: '本文',
        ticked: '記載した事項',
        conditions: '条件',
        published_at: '公開日時',
      },
      notice_consents: {
        template_id: '通知文テンプレート',
        version_id: '同意した通知文の版',
        subject_enc: '本人（氏名又は識別子）',
        channel: '同意の取得方法',
        consented_on: '同意日',
        withdrawn_on: '撤回日',
        withdrawal_channel: '撤回の方法',
      },
    },
  },
  tables,
  routes: noticesRoutes,
  demo: (tx, { organizationId, now, today }) => seedDemoNotices(tx, organizationId, now, today),
});
