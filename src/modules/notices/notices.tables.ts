import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, encryptedText, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import type { ExemptionGround, OverseasBasis, ProvisionBasis } from '../../rules/data/provisionRecordItems.ts';
import type { RelatedConsentParty } from '../../rules/notices/relatedInfoNotice.ts';
import type { VersionStatus } from '../../rules/notices/versions.ts';
import type { CounterpartyKind } from '../../rules/requiredItems/provisionRecordItems.ts';
import type { ProvisionRecordForm, ProvisionRecordKind } from '../../rules/retention/index.ts';
import type { ConsentChannel, NoticeKind } from './notices.labels.ts';

/**
 * 通知文テンプレート (M6, J.8.5 取得時の必要通知事項): the 取得時の通知・同意文書 an organization
 * shows a person before it acquires their personal information in writing. Its text lives in
 * versions (below); the template carries the title.
 */
export const noticeTemplates = pgTable(
  'notice_templates',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    /** 名称 (e.g. 「会員申込書の個人情報の取扱いについて」). */
    title: text('title').notNull(),
    /**
     * 通知文の種類: 取得時の通知・同意文書 (J.8.5 1 a)〜h)) or the 個人関連情報 consent notice (J.8.8.4 1);
     * the kind chooses the checker that decides publication.
     */
    kind: text('kind').$type<NoticeKind>().notNull().default('acquisition'),
    /** J.8.8.4 1: who obtains the consent, 提供先 (1)〜6)) or 提供元 (1)〜7)); set only for the 個人関連情報 kind. */
    relatedParty: text('related_party').$type<RelatedConsentParty>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('notice_templates_org_title_idx').on(t.organizationId, t.title)],
);

/**
 * 通知文の版: a published version is never changed (a consent points to the exact text the person
 * saw); an edit of a published text opens the next draft (rules/notices/versions.ts planEdit).
 */
export const noticeVersions = pgTable(
  'notice_versions',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => noticeTemplates.id),
    versionNo: integer('version_no').notNull(),
    status: text('status').$type<VersionStatus>().notNull().default('draft'),
    /** 本文. */
    body: text('body').notNull().default(''),
    /** Codes of the J.8.5 1 items ticked as present (rules/data/requiredItems.ts). */
    ticked: text('ticked').array().notNull().default([]),
    /** Answers to the conditional items (第三者提供・委託・開示等・容易に知覚できない方法). */
    conditions: jsonb('conditions').$type<Record<string, boolean>>().notNull().default({}),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('notice_versions_template_no_uq').on(t.templateId, t.versionNo), index('notice_versions_org_idx').on(t.organizationId)],
);

/**
 * 同意記録 (J.8.5 1 「書面によって本人の同意を得る」, i)〜j)): who consented (name or an
 * identifier, encrypted at rest), the exact published version they consented to, the channel
 * (紙 / Web / 口頭), the date, and a withdrawal (date and channel).
 */
export const noticeConsents = pgTable(
  'notice_consents',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => noticeTemplates.id),
    /** The published version consented to (never a draft). */
    versionId: uuid('version_id')
      .notNull()
      .references(() => noticeVersions.id),
    /** 本人（氏名又は識別子）: personal data, encrypted (SPEC §9). */
    subject: encryptedText('subject_enc').notNull(),
    channel: text('channel').$type<ConsentChannel>().notNull(),
    consentedOn: date('consented_on').notNull(),
    withdrawnOn: date('withdrawn_on'),
    withdrawalChannel: text('withdrawal_channel').$type<ConsentChannel>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('notice_consents_org_template_idx').on(t.organizationId, t.templateId)],
);

/**
 * 第三者提供記録 (法第29条, 規則第19〜21条, J.8.8.2) and 第三者提供を受ける際の確認記録 (法第30条,
 * 規則第22〜25条, J.8.8.3), one table told apart by `kind`. The 記録事項 (規則第20条第1項・第24条第1項)
 * are columns; the checker (rules/requiredItems/provisionRecordItems.ts) refuses a record that lacks
 * one. The retention (規則第21条・第25条, SPEC §5.3) is computed by rules/retention and stored with its
 * rule version; when it ends, the daily job opens a disposal task.
 */
export const provisionRecords = pgTable(
  'provision_records',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    kind: text('kind').$type<ProvisionRecordKind>().notNull(),
    basis: text('basis').$type<ProvisionBasis>().notNull(),
    /** 記録の作成方法 (個別 / 一括 / 契約書等による代替, 規則第19条・第23条). */
    form: text('form').$type<ProvisionRecordForm>().notNull(),
    /** 記録を作成した日. */
    recordedOn: date('recorded_on').notNull(),
    /** 提供した（提供を受けた）年月日. */
    providedOn: date('provided_on'),
    /** 最後に提供を行った（受けた）日 (一括・契約書等の保存期間の起算日). */
    lastProvidedOn: date('last_provided_on'),
    counterpartyKind: text('counterparty_kind').$type<CounterpartyKind>().notNull(),
    counterpartyName: text('counterparty_name'),
    counterpartyAddress: text('counterparty_address'),
    counterpartyRepresentative: text('counterparty_representative'),
    /** 本人を特定するに足りる事項: personal data, encrypted (SPEC §9). */
    subject: encryptedText('subject_enc'),
    dataItems: text('data_items'),
    consentObtained: boolean('consent_obtained').notNull().default(false),
    /** 第三者による当該個人データの取得の経緯 (確認記録, 法第30条第1項第2号). */
    acquisitionHistory: text('acquisition_history'),
    /** 法第27条第4項の規定により公表されている旨 (確認記録, オプトアウト). */
    ppcPublished: boolean('ppc_published').notNull().default(false),
    /** 外国にある第三者への提供 (J.8.8.1): the ground a/b/c, the country, the information given to the person (a)). */
    overseas: boolean('overseas').notNull().default(false),
    overseasBasis: text('overseas_basis').$type<OverseasBasis>(),
    overseasCountry: text('overseas_country'),
    overseasInfo: text('overseas_info'),
    /** 個人関連情報 (J.8.8.4 4 c) 後段・g) 後段): b)で本人に情報の提供が行われていることを確認した（されている）旨. */
    overseasInfoConfirmed: boolean('overseas_info_confirmed').notNull().default(false),
    /** 相当措置の継続的な実施を確保するために必要な措置 (J.8.8.1 3 j)・k), J.8.8.4 3): ground b) to a 外国にある第三者. */
    overseasMeasures: text('overseas_measures'),
    /**
     * J.8.8.1 3 l) 1)〜7) (ground b)): what the person may ask for. 3) is the j) part of
     * `overseasMeasures`, 4) is `overseasCountry`; the rest: 1) 体制の整備の方法, 2) 相当措置の概要,
     * 5) 当該外国の制度の有無及びその概要, 6) 支障の有無 (null: not recorded) and its 概要, 7) k) により講ずる措置の概要.
     */
    overseasSystemMethod: text('overseas_system_method'),
    overseasEquivalentMeasures: text('overseas_equivalent_measures'),
    overseasForeignSystem: text('overseas_foreign_system'),
    overseasObstacle: boolean('overseas_obstacle'),
    overseasObstacleSummary: text('overseas_obstacle_summary'),
    overseasObstacleAction: text('overseas_obstacle_action'),
    /** 記録を要しない場合の根拠 (J.8.8.2 2・J.8.8.3 2 a)〜j)); such an entry has no statutory retention. */
    exemptionGround: text('exemption_ground').$type<ExemptionGround>(),
    note: text('note'),
    /** 保存期間 (規則第21条・第25条); null for an exemption entry (no record duty, so no statutory period). */
    retainUntil: date('retain_until'),
    disposalDueOn: date('disposal_due_on'),
    retentionRulesVersion: text('retention_rules_version'),
    disposedOn: date('disposed_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('provision_records_org_kind_idx').on(t.organizationId, t.kind, t.recordedOn), index('provision_records_org_disposal_idx').on(t.organizationId, t.disposalDueOn)],
);
