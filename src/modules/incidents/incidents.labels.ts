/**
 * Vocabulary of the incident module (M4 緊急事態・事故等) shared by the server, the PDFs and the
 * web screens. Pure data: no I/O, safe to import from `web/`.
 */
import { countText } from '../../domain/numberInput.ts';

/**
 * Status of an incident record (事案の状態):
 * reported (報告受付: facts not yet reviewed) → responding (対応中) → closing (終結の承認待ち)
 * → closed (終結: approved by トップマネジメント, PA01 J.4.4.2「緊急事態対策会議を解散する」).
 */
export const incidentStatuses = ['reported', 'responding', 'closing', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const incidentStatusLabels: Record<IncidentStatus, { ja: string; en: string }> = {
  reported: { ja: '報告受付', en: 'Reported' },
  responding: { ja: '対応中', en: 'Responding' },
  closing: { ja: '終結の承認待ち', en: 'Closure pending' },
  closed: { ja: '終結', en: 'Closed' },
};

/**
 * The six steps of the leak response flow (世田谷区 個人情報漏えい時の対応フロー ①〜⑥, seeds/000;
 * PA01 J.4.4.2 一次対応 q)〜u) and 再発防止 y)〜z)). Timeline entries carry one of them.
 */
export const incidentPhases = ['discovery', 'initial_response', 'investigation', 'notification', 'secondary_prevention', 'recurrence_prevention'] as const;
export type IncidentPhase = (typeof incidentPhases)[number];

export const incidentPhaseLabels: Record<IncidentPhase, { ja: string; en: string; hint: string }> = {
  discovery: { ja: '発見・報告', en: 'Discovery & report', hint: '発見者から所属長・個人情報保護管理者へ報告（兆候を含む）' },
  initial_response: { ja: '初動対応', en: 'Initial response', hint: '被害の拡大・二次被害の防止のための応急措置、警察への届出、委託元への報告' },
  investigation: { ja: '調査', en: 'Investigation', hint: '5W1H（いつ・どこで・誰が・何を・なぜ・どうした）で調査し、対象の個人情報・規模・範囲を特定' },
  notification: { ja: '通知・報告・公表', en: 'Notice, reports & publication', hint: '本人への通知、個人情報保護委員会・審査機関・委託元への報告、公表' },
  secondary_prevention: { ja: '二次被害防止', en: 'Preventing secondary damage', hint: '被害の拡大防止と復旧のための措置' },
  recurrence_prevention: { ja: '再発防止', en: 'Preventing recurrence', hint: '原因の究明と再発防止策（不適合なら J.7.1 の是正処置）' },
};

/** Status of one duty (報告等の義務の対応状況). */
export const dutyStatuses = ['open', 'done', 'not_required'] as const;
export type DutyStatus = (typeof dutyStatuses)[number];

export const dutyStatusLabels: Record<DutyStatus, { ja: string; en: string }> = {
  open: { ja: '未対応', en: 'Open' },
  done: { ja: '対応済み', en: 'Done' },
  not_required: { ja: '対応不要（理由を記録）', en: 'Not required (reason recorded)' },
};

/** How an external enquiry reached us (外部からの問い合わせ、J.4.4.2 v)). */
export const enquiryChannels = ['phone', 'email', 'letter', 'visit', 'web', 'other'] as const;
export type EnquiryChannel = (typeof enquiryChannels)[number];

export const enquiryChannelLabels: Record<EnquiryChannel, { ja: string; en: string }> = {
  phone: { ja: '電話', en: 'Phone' },
  email: { ja: 'メール', en: 'E-mail' },
  letter: { ja: '書面', en: 'Letter' },
  visit: { ja: '来訪', en: 'Visit' },
  web: { ja: 'ウェブフォーム', en: 'Web form' },
  other: { ja: 'その他', en: 'Other' },
};

/** Who made the enquiry (J.4.4.2 v) 外部からの問い合わせ、クレーム; w) 対外連絡). */
export const enquirerKinds = ['individual', 'media', 'authority', 'principal', 'police', 'other'] as const;
export type EnquirerKind = (typeof enquirerKinds)[number];

export const enquirerKindLabels: Record<EnquirerKind, { ja: string; en: string }> = {
  individual: { ja: '本人・家族', en: 'Data subject / family' },
  media: { ja: '報道機関', en: 'Media' },
  authority: { ja: '監督官庁・自治体', en: 'Authority' },
  principal: { ja: '委託元・取引先', en: 'Principal / client' },
  police: { ja: '警察', en: 'Police' },
  other: { ja: 'その他', en: 'Other' },
};

/** 5W1H narrative (世田谷区フロー ③調査). */
export type IncidentNarrative = {
  when: string | null;
  where: string | null;
  who: string | null;
  what: string | null;
  why: string | null;
  how: string | null;
};

export const narrativeKeys = ['when', 'where', 'who', 'what', 'why', 'how'] as const satisfies readonly (keyof IncidentNarrative)[];

export const narrativeLabels: Record<keyof IncidentNarrative, { ja: string; en: string }> = {
  when: { ja: 'いつ', en: 'When' },
  where: { ja: 'どこで', en: 'Where' },
  who: { ja: '誰が', en: 'Who' },
  what: { ja: '何を', en: 'What' },
  why: { ja: 'なぜ', en: 'Why' },
  how: { ja: 'どうした', en: 'How' },
};

/**
 * The free-text items of the 漏えい等報告 (個人情報保護法施行規則第8条第1項 第4〜9号) and of the
 * 本人通知 (規則第10条: 第1・2・4・5・9号). Items 1–3 come from the narrative, the affected
 * records and the facts.
 */
export type IncidentReportDetails = {
  /** 第4号 原因. */
  cause: string | null;
  /** 第5号 二次被害又はそのおそれの有無及びその内容. */
  secondaryDamage: string | null;
  /** 第6号 本人への対応の実施状況. */
  individualResponse: string | null;
  /** 第7号 公表の実施状況. */
  publicationStatus: string | null;
  /** 第8号 再発防止のための措置（実施済みの措置と今後の措置）. */
  recurrencePrevention: string | null;
  /** 第9号 その他参考となる事項. */
  otherNotes: string | null;
};

export const reportDetailKeys = [
  'cause',
  'secondaryDamage',
  'individualResponse',
  'publicationStatus',
  'recurrencePrevention',
  'otherNotes',
] as const satisfies readonly (keyof IncidentReportDetails)[];

export const reportDetailLabels: Record<keyof IncidentReportDetails, { ja: string; en: string; item: number }> = {
  cause: { ja: '原因', en: 'Cause', item: 4 },
  secondaryDamage: { ja: '二次被害又はそのおそれの有無及びその内容', en: 'Secondary damage (risk) and its content', item: 5 },
  individualResponse: { ja: '本人への対応の実施状況', en: 'Response to the persons concerned', item: 6 },
  publicationStatus: { ja: '公表の実施状況', en: 'Publication', item: 7 },
  recurrencePrevention: { ja: '再発防止のための措置（実施済みの措置と今後の措置）', en: 'Measures against recurrence', item: 8 },
  otherNotes: { ja: 'その他参考となる事項', en: 'Other relevant matters', item: 9 },
};

/**
 * An affected register of personal information (影響を受けた個人情報). Until the inventory
 * module (M1 個人情報管理台帳) exists the entries are free text; `inventoryEntryId` is the
 * extension point: when M1 lands it will hold the id of the 台帳 entry, and `name`/`items`
 * will be filled from it (the free-text form stays for data not in the 台帳).
 */
export type AffectedRecord = {
  /** Id of the 個人情報管理台帳 entry (M1), or null while M1 is not in use. */
  inventoryEntryId: string | null;
  /** 個人情報の名称, e.g. 患者診療記録. */
  name: string;
  /** 項目, e.g. 氏名・生年月日・病名. */
  items: string | null;
  /** 件数（人数）; null when unknown. */
  persons: number | null;
  /** 媒体, e.g. USBメモリ・紙. */
  medium: string | null;
};

/** Japanese labels of the facts (SPEC §5.1 facts JSON), in the order the facts form asks them. */
export const factLabels = {
  profile: '組織の区分',
  privacyMark: 'プライバシーマーク付与事業者',
  knownOn: '知った日',
  events: '事象',
  possibleOnly: '発生したおそれのみ（未確定）',
  recoveredBeforeViewed: '第三者に閲覧されないうちに全て回収した',
  intentionalProvision: '自らの意図に基づく提供',
  rationalDeletion: '合理的な理由による削除',
  identicalCopyExists: '同じ内容のデータが他に保管されている',
  sensitive: '要配慮個人情報を含む',
  ordinanceSensitive: '条例要配慮個人情報を含む',
  financialDamageRisk: '財産的被害が生じるおそれ',
  improperPurpose: '不正の目的をもって行われたおそれ',
  plannedPersonalData: '個人データとして取り扱う予定の個人情報',
  myNumber: '特定個人情報（マイナンバー）を含む',
  myNumberSystem: '情報提供ネットワークシステム等で管理',
  viewableByUnspecifiedMany: '不特定多数に閲覧された（おそれ）',
  pseudonymized: '仮名加工情報',
  highLevelEncryption: '高度な暗号化等（復号鍵は漏えいしていない）',
  persons: '本人の数',
  personsApproximate: '本人の数は概数',
  personsMayExceed: '本人の数の見込み最大数',
  entrustment: '委託関係',
  principalNotifiedAt: '委託元への通知日（委託先から通知を受けた日）',
  municipalContract: '自治体との委託契約（特記事項）の対象',
} satisfies Record<string, string>;

export const eventLabels: Record<string, { ja: string; en: string }> = {
  leak: { ja: '漏えい', en: 'Leak' },
  loss: { ja: '紛失', en: 'Loss' },
  destruction: { ja: '滅失', en: 'Destruction' },
  damage: { ja: '毀損', en: 'Damage' },
  tampering: { ja: '改ざん', en: 'Tampering' },
  inaccuracy: { ja: '正確性の未確保', en: 'Inaccuracy' },
  improper_acquisition: { ja: '不正・不適正取得', en: 'Improper acquisition' },
  purpose_violation: { ja: '目的外利用・提供', en: 'Use beyond purpose' },
  misuse: { ja: '不正利用', en: 'Misuse' },
  request_refusal: { ja: '開示等の求め等の拒否', en: 'Refusal of a request' },
};

export const entrustmentLabels: Record<string, { ja: string; en: string }> = {
  none: { ja: '自社のデータ', en: 'Our own data' },
  contractor: { ja: '受託したデータ（当社が委託先）', en: 'Entrusted to us (we are the contractor)' },
  principal: { ja: '委託したデータ（当社が委託元）', en: 'We entrusted it (we are the principal)' },
};

/** Facts that are dates (`YYYY-MM-DD`). */
const dateFacts = new Set(['knownOn', 'principalNotifiedAt']);

/**
 * The facts as label → value lines (the PDFs and the approvals snapshot read these). A PDF passes
 * its date formatter so the dates follow the document's 日付の表記.
 */
export function describeFacts(facts: Record<string, unknown>, date: (iso: string) => string = (iso) => iso): [string, string][] {
  const lines: [string, string][] = [];
  for (const [key, label] of Object.entries(factLabels)) {
    const value = facts[key];
    if (value === undefined || value === null || value === false) continue;
    // 本人の数 says itself whether it is a 概数 (「約1,200人（概数）」): no line of its own.
    if (key === 'profile' || key === 'personsApproximate') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) lines.push([label, value.map((v) => eventLabels[String(v)]?.ja ?? String(v)).join('・')]);
    } else if (value === true) lines.push([label, '該当']);
    else if (key === 'entrustment') lines.push([label, entrustmentLabels[String(value)]?.ja ?? String(value)]);
    else if (key === 'persons' && typeof value === 'number') lines.push([label, countText(value, facts.personsApproximate === true)]);
    else if (typeof value === 'number') lines.push([label, `${value.toLocaleString('ja-JP')}人`]);
    else if (dateFacts.has(key) && typeof value === 'string') lines.push([label, date(value)]);
    else lines.push([label, String(value)]);
  }
  return lines;
}

/** Approval record type of the closure (終結: 個人情報保護管理者 → トップマネジメント, J.4.4.2). */
export const INCIDENT_CLOSURE = 'incident_closure';
