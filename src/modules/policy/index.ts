import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { POLICY_ACKNOWLEDGEMENT_TASK, runPolicyAcknowledgementTasks } from './policy.acknowledgements.ts';
import { policyVersionApprovalType } from './policy.approval.ts';
import { seedDemoPolicy } from './policy.demo.ts';
import { policyRoutes } from './policy.routes.ts';
import * as tables from './policy.tables.ts';

/** 個人情報保護方針 (J.2.2): 内部向け・外部向け, versioned, approved by トップマネジメント, the 外部向け one public. */
export const policyModule = defineModule({
  name: 'policy',
  label: '個人情報保護方針',
  permissions: {
    // The 個人情報保護管理者 drafts the policy; トップマネジメント approves it (J.2.2 1). pms_manager holds every permission.
    'policy.manage': { label: '個人情報保護方針の作成・承認申請', grantedTo: [] },
    // J.2.2 3 周知: who has confirmed which version — the 運用記録 the 個人情報保護管理者 and トップマネジメント keep.
    'policy.acknowledgements': { label: '個人情報保護方針の周知状況の閲覧・出力', grantedTo: ['top_management'] },
  },
  auditLabels: {
    entities: { policy_versions: '個人情報保護方針の版', policy_acknowledgements: '個人情報保護方針の確認（周知）' },
    columns: {
      policy_versions: {
        kind: '方針の種類',
        version_no: '版',
        status: '状態',
        body: '本文',
        ticked: '記載した事項',
        top_management_name: 'トップマネジメントの氏名',
        established_on: '制定年月日',
        last_revised_on: '最終改正年月日',
        published_at: '公開日時',
      },
      policy_acknowledgements: { version_id: '個人情報保護方針の版', person_id: '確認した従業者', account_id: 'アカウント', acknowledged_at: '確認日時' },
    },
  },
  tables,
  routes: policyRoutes,
  approvalTypes: [policyVersionApprovalType],
  // J.2.2 3 周知: account holders added after a version was published get its confirmation task (idempotent).
  jobs: [{ name: 'policy-acknowledgement-tasks', schedule: '35 0 * * *', run: async (deps) => void (await runPolicyAcknowledgementTasks(deps)) }],
  tasks: [{ sourceType: POLICY_ACKNOWLEDGEMENT_TASK, label: '個人情報保護方針の確認', link: () => '/policy' }],
  demo: (tx, { organizationId, now, today }) => seedDemoPolicy(tx, organizationId, now, today),
});
