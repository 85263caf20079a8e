import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { seedDemoNotices } from './notices.demo.ts';
import { noticesRoutes } from './notices.routes.ts';
import { provisionRecordDisposalSource, runProvisionRecordDisposalCheck } from './provision-record-disposal.ts';
import * as tables from './notices.tables.ts';

/** M6 通知・同意 (J.8.5): 取得時の通知・同意文書 with versions and the J.8.5 1 a)〜h) check. */
export const noticesModule = defineModule({
  name: 'notices',
  label: 'M6 通知・同意・方針',
  permissions: {
    // The 個人情報保護管理者 approves the 取得時の必要通知事項 (J.8.5 留意事項); pms_manager holds every permission.
    'notices.manage': { label: '通知文の作成・公開', grantedTo: [] },
    // 第三者提供記録・確認記録 (J.8.8.2・J.8.8.3) hold 本人を特定するに足りる事項: the 個人情報保護管理者 only by default.
    'notices.records': { label: '第三者提供記録・確認記録の閲覧・作成', grantedTo: [] },
  },
  auditLabels: {
    entities: { notice_templates: '通知文テンプレート', notice_versions: '通知文の版', notice_consents: '同意記録', provision_records: '第三者提供記録・確認記録' },
    columns: {
      notice_templates: { title: '名称', kind: '通知文の種類', related_party: '同意を取得する主体' },
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
      provision_records: {
        kind: '記録の種類',
        basis: '提供の根拠',
        form: '記録の作成方法',
        recorded_on: '記録を作成した日',
        provided_on: '提供の年月日',
        last_provided_on: '最後に提供を行った（受けた）日',
        counterparty_kind: '第三者の区分',
        counterparty_name: '第三者の氏名又は名称',
        counterparty_address: '第三者の住所',
        counterparty_representative: '代表者の氏名',
        subject_enc: '本人を特定するに足りる事項',
        data_items: '個人データの項目',
        consent_obtained: '本人の同意を得ている旨',
        acquisition_history: '第三者による取得の経緯',
        ppc_published: '公表されている旨',
        overseas: '外国にある第三者への提供',
        overseas_basis: '外国にある第三者への提供の根拠',
        overseas_country: '当該外国の名称',
        overseas_info_confirmed: '本人への情報の提供が行われていることの確認',
        overseas_info: 'あらかじめ本人に提供した情報',
        overseas_measures: '相当措置の継続的な実施を確保するために必要な措置',
        overseas_system_method: '当該第三者による体制の整備の方法（J.8.8.1 3 l) 1)）',
        overseas_equivalent_measures: '当該第三者が実施する相当措置の概要（J.8.8.1 3 l) 2)）',
        overseas_foreign_system: '当該外国の制度の有無及びその概要（J.8.8.1 3 l) 5)）',
        overseas_obstacle: '相当措置の実施に関する支障の有無（J.8.8.1 3 l) 6)）',
        overseas_obstacle_summary: '支障の概要（J.8.8.1 3 l) 6)）',
        overseas_obstacle_action: '支障に関して講ずる措置の概要（J.8.8.1 3 l) 7)）',
        exemption_ground: '記録を要しない場合の根拠',
        note: '備考',
        retain_until: '保存期間の末日',
        disposal_due_on: '廃棄の期日',
        retention_rules_version: '保存期間のルールの版',
        disposed_on: '廃棄した日',
      },
    },
  },
  tables,
  routes: noticesRoutes,
  jobs: [
    // 保存期間（規則第21条・第25条）が経過した提供記録・確認記録 → 廃棄タスク (idempotent).
    { name: 'provision-record-disposal', schedule: '25 0 * * *', run: async (deps) => void (await runProvisionRecordDisposalCheck(deps)) },
  ],
  tasks: [{ sourceType: provisionRecordDisposalSource, label: '提供記録・確認記録の廃棄', link: (id) => `/notices/provision-records/${id}` }],
  demo: (tx, { organizationId, now, today }) => seedDemoNotices(tx, organizationId, now, today),
});
