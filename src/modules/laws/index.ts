import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { seedDemoLaws } from './laws.demo.ts';
import { lawsImport } from './laws.import.ts';
import { lawsRoutes } from './laws.routes.ts';
import * as tables from './laws.tables.ts';

/** 個人情報保護に関する法令規範一覧 (J.1.3): identified and approved by the 個人情報保護管理者, read by every 従業者, reviewed every December. */
export const lawsModule = defineModule({
  name: 'laws',
  label: '法令規範一覧',
  permissions: {
    // J.1.3 a): the 個人情報保護管理者 identifies and approves the 法令等 (pms_manager holds every permission).
    'laws.manage': { label: '法令規範一覧の登録・承認', grantedTo: [] },
  },
  auditLabels: {
    entities: { laws: '法令規範', law_reviews: '法令規範一覧の見直し', law_review_items: '法令規範の見直しの結果' },
    columns: {
      laws: {
        name: '名称',
        kind: '種別',
        issuer: '制定・所管',
        number: '番号',
        last_amended_on: '最終改正日',
        url: '参照先URL',
        application: '当組織への適用（関係する業務・台帳）',
        status: '状態',
        identified_on: '特定日',
        note: '備考',
        import_extras: '取込時の追加情報',
        approved_at: '承認日時',
        approved_by_person_id: '承認者',
        last_reviewed_on: '最終見直し日',
      },
      law_reviews: { year: '見直しの年', status: '状態', completed_on: '完了日', completed_by_person_id: '完了した者', note: '見直しの所見' },
      law_review_items: { review_id: '見直し', law_id: '法令規範', outcome: '見直しの結果', note: '改訂の内容・備考' },
    },
  },
  tables,
  routes: lawsRoutes,
  // 法令規範一覧の取込 on the one import pipeline (/api/imports/laws, issue #12).
  imports: [lawsImport],
  // J.1.3 c): the December 法令規範一覧の見直し opens this register.
  calendarItems: [{ code: 'legal_register_review', link: '/laws/reviews' }],
  demo: (tx, { organizationId, now, today }) => seedDemoLaws(tx, organizationId, now, today),
});
