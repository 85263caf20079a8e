import type { Clock } from '../../domain/time.ts';
import { roleHoldersOn } from '../../platform/approvals/approvers.ts';
import { recordPersonalDataAccess } from '../../platform/audit/personalDataAccess.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { pdfHeaderOf } from '../../platform/exports/pdfHeader.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { DateStyle } from '../../platform/org/org.schema.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { decisionGrounds, letterCitation } from '../../rules/requestDecisions/grounds.ts';
import { decisionScopeLabels } from '../../rules/requestDecisions/kinds.ts';
import { decisionBasis, instructionOf, letterTitle, overseasInfoWording, reasonBasis } from './reply-letter.wording.ts';
import { overseasRecordsForRequest } from './request-overseas-records.ts';
import { provisionRecordKindLabels, provisionRecordsForRequest } from './request-provision-records.ts';
import { agentKindLabels, replyMethodLabels, requestKindLabels } from './requests.labels.ts';
import { findRequest, profileOf, type RequestRow } from './requests.queries.ts';

// 開示等の請求に対する回答書 / 決定通知書 (J.10.4–J.10.7, J.10.2 i; 法第82条・第93条・第101条 for the
// public profile): what the letter says, built once from the decision and printed as PDF and
// .docx alike. Before the 個人情報保護管理者 approves the decision (J.10.4 c)) the letter is a 「案」.

export type ReplyLetter = {
  /** 受付番号 (the file name; never the requester's name). */
  number: string;
  title: string;
  /** true until the decision is approved: the title and every page say 「案」. */
  draft: boolean;
  organizationName: string;
  dateStyle: DateStyle;
  /** 回答日 when recorded, else today (the draft's date). */
  letterDate: string;
  /** Who receives the letter (本人, or the 代理人 the request chose) and a note naming the other. */
  addressee: { name: string; address: string | null; note: string | null };
  /** The opening sentence, naming the request by 受付日, 種類 and 受付番号. */
  opening: string;
  /** Label/value lines: 受付番号, 受付日, 種類, 決定, 根拠, 回答方法, 手数料 … */
  lines: [string, string][];
  /** 一部・拒否: the statutory grounds, the law's article (letterCitation) and wording. */
  grounds: { clause: string; label: string }[];
  reasonBasis: string | null;
  /** The heading of the note: 「決定の内容」, or 「提供しない旨の通知及びその理由」 (J.8.8.1 4 for a 個人情報取扱事業者). */
  noteHeading: string;
  /** 決定の内容 as the staff wrote it (外国にある第三者 information withheld: the reason explained, J.8.8.1 4). */
  note: string | null;
  /** 第三者提供記録の開示: the records disclosed. */
  provisionRecords: { kindLabel: string; recordedOn: string; providedOn: string | null; counterpartyName: string | null; dataItems: string | null }[];
  /**
   * 外国にある第三者への提供に係る情報提供の求め (J.8.8.1 3 l)): per ground-b) provision, items 1)〜7) —
   * a withheld item (一部不提供) says so; nothing for 不提供.
   */
  overseasRecords: { heading: string; items: [string, string][] }[];
  instruction: string[];
  /** 差出人: the organization and its 個人情報保護管理者. */
  sender: { organizationName: string; pmsManagerName: string | null };
};

/**
 * The letter goes to whom the request chose (J.10.2; 回答の送付先): to the 代理人 at the agent's address,
 * naming 本人; or to 本人 at 本人's address, naming the agent who requested.
 */
function addresseeOf(row: Pick<RequestRow, 'requesterName' | 'requesterAddress' | 'agentKind' | 'agentName' | 'agentAddress' | 'replyTo'>): ReplyLetter['addressee'] {
  const agent = row.agentKind !== 'none' && row.agentName ? row.agentName : null;
  if (agent && row.agentKind !== 'none' && row.replyTo === 'agent')
    return { name: agent, address: row.agentAddress, note: `本人 ${row.requesterName} 様の${agentKindLabels[row.agentKind]}` };
  return { name: row.requesterName, address: row.requesterAddress, note: agent && row.agentKind !== 'none' ? `${agentKindLabels[row.agentKind]} ${agent} 様` : null };
}

/**
 * The reply letter of request `id`. Refused (409) for 苦情・相談 and before a decision. Reads the
 * requester's name and address (decrypted for the letter only) and records the read as an export
 * of personal data (SPEC §3, Toshima 4-8-6 (3)).
 */
export async function buildReplyLetter(tx: Tx, actor: Actor, id: string, clock: Clock): Promise<ReplyLetter> {
  const row = await findRequest(tx, actor.organizationId, id);
  if (row.kind === 'complaint') throw conflict('苦情・相談には回答書を作成できません（原因・対応を記録して完了してください）');
  if (!row.decisionScope) throw conflict('決定を記録してから回答書を作成してください');
  const kind = row.kind;
  const scope = row.decisionScope;
  const profile = await profileOf(tx, actor.organizationId);
  const header = await pdfHeaderOf(tx, actor.organizationId);
  const [manager] = await roleHoldersOn(tx, actor.organizationId, ['pms_manager'], clock.today);
  const records = await provisionRecordsForRequest(tx, actor, row, clock.now);
  const overseas = scope === 'refused' ? [] : await overseasRecordsForRequest(tx, actor, row, clock.now);
  const withheld = new Set(row.decisionWithheldItems);
  const withholding = kind === 'overseas_info' && scope !== 'full';
  await recordPersonalDataAccess(tx, actor, { action: 'export', entityType: 'requests', entityId: row.id, rowCount: 1, meta: { document: 'reply_letter' } }, clock.now);
  const byCode = new Map(decisionGrounds(kind, profile).map((g) => [g.code, g]));
  const grounds = row.decisionGroundCodes.flatMap((code) => {
    const g = byCode.get(code);
    // A letter to 本人 cites the law's article (法第33条第2項第1号), not the internal JIS clause.
    return g ? [{ clause: letterCitation(g), label: g.label }] : [];
  });
  const kindLabel = requestKindLabels[kind];
  const overseasWording = kind === 'overseas_info' ? overseasInfoWording(profile, header.organizationName) : null;
  const draft = row.status !== 'approved' && row.status !== 'answered';
  const lines: [string, string][] = [
    ['受付番号', row.number],
    ['受付日', row.receivedOn],
    ['請求の種類', kindLabel],
    ['決定', decisionScopeLabels[kind][scope]],
    ['決定の根拠', decisionBasis(kind, scope, profile)],
    ['回答方法', row.replyMethod ? replyMethodLabels[row.replyMethod] : '（未定）'],
    // J.10.2 i: 手数料（定めた場合に限り）.
    ['手数料', row.feeYen ? `${row.feeYen.toLocaleString('ja-JP')}円` : '無料'],
  ];
  // The 施行条例 that sets the period, when the deadline engine applied one (法第108条).
  if (row.deadline?.basis.includes('条例')) lines.push(['期間の根拠', row.deadline.basis]);
  return {
    number: row.number,
    title: letterTitle(kind, kindLabel, profile),
    draft,
    organizationName: header.organizationName,
    dateStyle: header.dateStyle,
    letterDate: row.repliedOn ?? clock.today,
    addressee: addresseeOf(row),
    opening:
      kind === 'overseas_info'
        ? `受付番号 ${row.number}（受付日 ${row.receivedOn}）の外国にある第三者への提供に係る情報提供の求めについて、次のとおり回答します。`
        : `受付番号 ${row.number}（受付日 ${row.receivedOn}）の${kindLabel}の請求について、次のとおり決定しましたので通知します。`,
    lines,
    grounds,
    // The 外国にある第三者 information's reason duty and heading per profile (overseasInfoWording).
    reasonBasis: grounds.length > 0 ? (overseasWording ? overseasWording.reasonBasis : reasonBasis(profile)) : null,
    // 全部又は一部について提供しない旨を通知し、その理由を説明する (J.8.8.1 4).
    noteHeading: withholding && overseasWording ? overseasWording.noteHeading : '決定の内容',
    note: row.decisionNote,
    provisionRecords: records.map((r) => ({
      kindLabel: provisionRecordKindLabels[r.kind],
      recordedOn: r.recordedOn,
      providedOn: r.providedOn,
      counterpartyName: r.counterpartyName,
      dataItems: r.dataItems,
    })),
    overseasRecords: overseas.map((r) => ({
      heading: `提供先 ${r.counterpartyName ?? '（名称の記録なし）'}（記録の作成日 ${r.recordedOn}${r.providedOn ? `、提供の年月日 ${r.providedOn}` : ''}、個人データの項目 ${r.dataItems ?? ''}）`,
      items: r.info.map((i): [string, string] => [
        i.label,
        withheld.has(i.no) ? '（この項目は提供しません。理由は「提供しない旨の通知及びその理由」のとおりです）' : (i.value ?? '（記録なし）'),
      ]),
    })),
    instruction: overseasWording ? overseasWording.instruction : instructionOf(profile, header.organizationName),
    sender: { organizationName: header.organizationName, pmsManagerName: manager?.name ?? null },
  };
}
