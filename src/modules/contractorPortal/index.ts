import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { seedDemoContractorPortal } from './contractorPortal.demo.ts';
import { portalReportAttachmentOwner } from './contractorPortal.reports.certificate.ts';
import { seedDemoPortalReports } from './contractorPortal.reports.demo.ts';
import { contractorPortalReportsRoutes } from './contractorPortal.reports.routes.ts';
import * as reportTables from './contractorPortal.reports.tables.ts';
import { contractorPortalRoutes } from './contractorPortal.routes.ts';
import { exchangeDeadlines } from './exchange-deadlines.ts';
import { EXCHANGE_OVERDUE_TASK, runExchangeReminders } from './exchange-reminders.ts';
import { exchangeAttachmentOwner, profileAttachmentOwner } from './questionnaire.attachments.ts';
import { contractorQuestionnaireRoutes } from './questionnaire.routes.ts';
import * as tables from './contractorPortal.tables.ts';
import * as profileTables from './contractorProfile.tables.ts';
import * as noticeTables from './criteriaNotices.tables.ts';

/** 委託先ポータル (issue #13, SPEC M7): the 委託元 and its 委託先 — two organizations — exchange reports in one place. */
export const contractorPortalModule = defineModule({
  name: 'contractorPortal',
  label: '委託先ポータル',
  permissions: {
    // 委託元: who keeps the 委託先 register invites and asks (J.9.4: the 委託元's supervision).
    'contractorPortal.manage': { label: '委託先ポータル（委託元）: 招待・依頼・確認', grantedTo: ['protection_manager'] },
    // 委託先: answering for one's own organization (its PMS manager holds every permission).
    'contractorPortal.respond': { label: '委託先ポータル（委託先）: 招待を受ける・回答', grantedTo: [] },
  },
  auditLabels: {
    entities: {
      contractor_portal_links: '委託先ポータルの接続',
      contractor_portal_exchanges: '委託先への依頼',
      contractor_portal_profiles: '委託先のプロフィール',
      contractor_portal_profile_shares: 'プロフィールの共有',
      contractor_portal_reports: '委託先からの報告',
      contractor_portal_criteria_notices: '評価基準の改定のお知らせ',
    },
    columns: {
      contractor_portal_links: {
        contractor_id: '委託先',
        counterparty_organization_id: '委託先の組織',
        invited_email_enc: '招待したメールアドレス',
        invitation_token_hash: '招待のコード（ハッシュ）',
        invitation_expires_at: '招待の有効期限',
        invited_by_person_id: '招待した人',
        accepted_at: '招待を受けた日時',
        status: '状態',
      },
      contractor_portal_exchanges: {
        counterparty_organization_id: '委託先の組織',
        link_id: '接続',
        kind: '種類',
        title: '件名',
        due_on: '提出期限',
        status: '状態',
        requested_by_person_id: '依頼した人',
        answers: '回答',
        answered_by_name: '回答者',
        answered_at: '回答日時',
        review_note: '確認のコメント',
        reviewed_at: '確認日時',
        reviewed_by_person_id: '確認した人',
        criteria: '調査票の評価項目',
        questionnaire_answers: '調査票の回答',
        files: '添付した資料',
      },
      contractor_portal_profiles: {
        questionnaire_answers: '調査票の回答',
        certificates: '認証（プライバシーマーク・ISMS）',
        security_measures: '安全管理措置',
        updated_by_name: '更新した人',
      },
      contractor_portal_profile_shares: {
        counterparty_organization_id: '共有先の委託元',
        link_id: '接続',
        sections: '共有する項目',
        shared_at: '共有した日時',
      },
      contractor_portal_criteria_notices: {
        counterparty_organization_id: '委託先の組織',
        link_id: '接続',
        criteria_version: '評価基準の版（識別子）',
        version_no: '版',
        name: '評価基準の名称',
        items: '評価項目',
        published_at: '知らせた日時',
      },
      contractor_portal_reports: {
        counterparty_organization_id: '委託先の組織',
        link_id: '接続',
        number: '受付番号',
        kind: '種類',
        title: '件名',
        status: '状態',
        details_enc: '報告の内容',
        reported_by_name: '報告者',
        reported_by_account_id: '報告したアカウント',
        reported_at: '報告日時',
        incident_id: '事故等の記録',
        subcontract_request_id: '再委託承認申請',
        confirmed_at: '確認日時',
        confirmed_by_person_id: '確認した人',
        confirm_note: '確認のコメント',
      },
    },
  },
  tables: { ...tables, ...profileTables, ...reportTables, ...noticeTables },
  routes: (app, deps) => {
    contractorPortalRoutes(app, deps);
    contractorQuestionnaireRoutes(app, deps);
    contractorPortalReportsRoutes(app, deps);
  },
  attachmentOwners: [profileAttachmentOwner, exchangeAttachmentOwner, portalReportAttachmentOwner],
  jobs: [
    // 提出期限の7日前・前日に委託先へ、期限超過で委託元へ (idempotent: dedupe and generation keys).
    { name: 'contractor-exchange-reminders', schedule: '40 7 * * *', run: async (deps) => void (await runExchangeReminders(deps)) },
  ],
  // 遵守報告書（調査票）の未提出 (J.9.4 委託先の監督; 特記事項 第11条): the 委託元's task, closed by the answer.
  tasks: [{ sourceType: EXCHANGE_OVERDUE_TASK, label: '遵守報告書（調査票）の未提出', link: (id) => `/contractor-exchanges/${id}` }],
  deadlines: (tx, actor, today) => exchangeDeadlines(tx, actor, today),
  demo: async (tx, context) => {
    await seedDemoContractorPortal(tx, context);
    await seedDemoPortalReports(tx, context);
  },
});
