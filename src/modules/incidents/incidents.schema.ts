import { z } from 'zod';
import { dateTimeRefusalMessage } from '../../domain/timeInput.ts';
import { incidentEventKinds, incidentFactsSchema } from '../../rules/incidentDuties.ts';
import { countField, enumField, idField, optionalDate, optionalId, optionalText, pageQuery, requiredText } from '../../platform/validation/fields.ts';
import { dutyStatuses, enquirerKinds, enquiryChannels, incidentPhases, incidentStatuses } from './incidents.labels.ts';

// Request schemas of the incident module (M4). Every message is Japanese and names the field;
// the facts use the engine's own schema (`incidentFactsSchema`), the same one the web form uses.

/**
 * A date and time (ISO 8601 with offset, e.g. `2026-03-02T09:30:00+09:00`). It stays a string
 * (so the web form and the API share the schema); services turn it into a Date with {@link toInstant}.
 * The web's date-and-time field sends its parts as typed while they do not read (「25時」): the
 * refusal then names the part and quotes it (domain/timeInput.ts).
 */
export const dateTimeField = (label: string) => z.iso.datetime({ offset: true, error: (issue) => dateTimeRefusalMessage(label, issue.input) });

export const optionalDateTime = (label: string) =>
  z
    .union([dateTimeField(label), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

/** The instant of a validated date-time string (null stays null). */
export function toInstant(value: string): Date;
export function toInstant(value: string | null): Date | null;
export function toInstant(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

export const incidentIdParams = z.object({ id: idField('事案') });
export const recordIdParams = z.object({ id: idField('記録') });

/**
 * 事故等の報告 (anyone with an account, at once — facts may be unknown; Toshima 4-8-11 (1) 注).
 * Only a title and what happened are required; the rest defaults to "now", "today" and the
 * reporter's department.
 */
export const reportIncidentBody = z.object({
  title: requiredText('件名（何が起きたか）', 100),
  summary: requiredText('状況（分かっていること）', 4000),
  discoveredAt: optionalDateTime('発見日時'),
  knownOn: optionalDate('知った日'),
  departmentId: optionalId('発生部署'),
  events: z
    .array(enumField('事象', incidentEventKinds), { error: '事象は一覧から選んでください' })
    .max(incidentEventKinds.length, {
      error: (issue) => `事象は${incidentEventKinds.length}件以内で指定してください（${Array.isArray(issue.input) ? issue.input.length : 0}件指定されています）`,
    })
    .optional(),
});

const narrativeBody = z.object({
  when: optionalText('いつ', 1000),
  where: optionalText('どこで', 1000),
  who: optionalText('誰が', 1000),
  what: optionalText('何を', 2000),
  why: optionalText('なぜ', 2000),
  how: optionalText('どうした', 2000),
});

const detailsBody = z.object({
  cause: optionalText('原因', 4000),
  secondaryDamage: optionalText('二次被害又はそのおそれの有無及びその内容', 4000),
  individualResponse: optionalText('本人への対応の実施状況', 4000),
  publicationStatus: optionalText('公表の実施状況', 4000),
  recurrencePrevention: optionalText('再発防止のための措置', 4000),
  otherNotes: optionalText('その他参考となる事項', 4000),
});

/** 件数（人数）: empty is unknown (null); a negative or fractional count is refused quoting what was typed, never saved as 0 (issue 10). */
const personsField = countField('件数（人数）')
  .nullish()
  .transform((v) => v ?? null);

/** One affected register of personal information (free text until M1; see AffectedRecord). */
export const affectedRecordBody = z.object({
  inventoryEntryId: optionalId('個人情報管理台帳の項目'),
  name: requiredText('個人情報の名称', 200),
  items: optionalText('項目', 1000),
  persons: personsField,
  medium: optionalText('媒体', 200),
});

/** Changes to an incident's record (every field optional; only those sent change). */
export const updateIncidentBody = z.object({
  title: requiredText('件名', 100).optional(),
  departmentId: optionalId('発生部署').optional(),
  discoveredAt: dateTimeField('発見日時').optional(),
  phase: enumField('対応段階', incidentPhases).optional(),
  reportSummary: requiredText('状況', 4000).optional(),
  narrative: narrativeBody.optional(),
  details: detailsBody.optional(),
  affectedRecords: z
    .array(affectedRecordBody, { error: '影響を受けた個人情報は一覧で入力してください' })
    .max(50, { error: (issue) => `影響を受けた個人情報は50件以内で指定してください（${Array.isArray(issue.input) ? issue.input.length : 0}件指定されています）` })
    .optional(),
});

/**
 * The facts (SPEC §5.1). `profile` and `privacyMark` are the organization's own and are set from
 * the organization record whatever the request says (the form shows them read-only).
 */
export const incidentFactsBody = z.object({ facts: incidentFactsSchema });

/** 義務の対応状況: done needs the date; "not required" needs the reason. */
export const dutyUpdateBody = z
  .object({
    status: enumField('対応状況', dutyStatuses),
    doneOn: optionalDate('対応日'),
    doneByPersonId: optionalId('対応者'),
    referenceNumber: optionalText('受付番号・報告番号', 100),
    note: optionalText('備考', 2000),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'done' && !v.doneOn) ctx.addIssue({ code: 'custom', path: ['doneOn'], message: '対応済みにするときは対応日を入力してください' });
    if (v.status === 'not_required' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '対応不要とするときは、その理由を備考に入力してください' });
  });

export const timelineBody = z.object({
  phase: enumField('対応段階', incidentPhases),
  occurredAt: dateTimeField('日時'),
  action: requiredText('対応内容', 4000),
  actorName: optionalText('担当者', 100),
});

export const meetingBody = z.object({
  heldAt: dateTimeField('開催日時'),
  place: optionalText('場所', 200),
  attendees: requiredText('出席者', 1000),
  minutes: requiredText('議事', 8000),
  decisions: optionalText('決定事項', 4000),
});

export const enquiryBody = z.object({
  receivedAt: dateTimeField('受付日時'),
  channel: enumField('受付方法', enquiryChannels),
  enquirerKind: enumField('問い合わせ者の区分', enquirerKinds),
  enquirerName: optionalText('問い合わせ者の氏名', 200),
  enquirerContact: optionalText('問い合わせ者の連絡先', 200),
  content: requiredText('問い合わせ・クレームの内容', 4000),
  response: optionalText('回答内容', 4000),
  respondedAt: optionalDateTime('回答日時'),
});

export const incidentListQuery = pageQuery.extend({
  status: z.union([enumField('状態', incidentStatuses), z.literal('open')]).optional(),
  q: optionalText('検索語', 100),
});

/** 是正処置の起票 from the incident's cause (J.4.4.2 z)). */
export const openCorrectiveBody = z.object({
  title: optionalText('件名', 100),
  departmentId: optionalId('当該所属'),
});
