/**
 * The reporting procedure that 個人情報保護法第26条 and 番号法第29条の4 share: a 速報 and a 確報 to the
 * 個人情報保護委員会, a 本人通知, the 委託先 relief by notifying the 委託元, and the 公表の検討. Only
 * the clauses, the sentences and the duty kinds differ; {@link StatutoryReport} names them.
 */
import type { IncidentBasisId, IncidentExclusionId, IncidentTextId, IncidentTriggerId } from '../../data/incidentRules.ts';
import { addStatutoryDays } from '../../deadlines.ts';
import type { IncidentContext, TriggerHit } from '../context.ts';
import type { DutyKind } from '../facts.ts';
import type { DutyContribution, IncidentExclusion } from '../result.ts';
import { type DutyAssessment, triggerIds } from './regime.ts';

/** What one statute calls each step of the shared procedure. */
export type StatutoryReport = {
  /** Sentence naming the 報告対象事態 (`{triggers}{possible}{items}`). */
  readonly situation: IncidentTextId;
  /** The 不正の目的 situation that lengthens the 確報 period to 60 days. */
  readonly improperPurposeTrigger: IncidentTriggerId;
  /** Sentence saying the 確報 period is 60 days. */
  readonly finalSixty: IncidentTextId;
  readonly preliminary: { readonly kind: DutyKind; readonly basis: IncidentBasisId };
  readonly final: { readonly kind: DutyKind; readonly basis: IncidentBasisId };
  readonly notice: { readonly basis: IncidentBasisId; readonly text: IncidentTextId };
  /** Basis of the 委託先's notice to the 委託元 (the ただし書). */
  readonly contractorNoticeBasis: IncidentBasisId;
  /** The relief exclusion and what it relieves (Japanese, inserted into `contractorRelieved`). */
  readonly relief: { readonly exclusion: IncidentExclusionId; readonly what: string };
};

/**
 * The duties of a statute whose 報告対象事態 are `hits` (non-empty). A 委託先 that notified the
 * 委託元 in time is relieved of the 速報・確報 and the 本人通知 (they become the 委託元's); until
 * then both its own duties and the notice to the 委託元 are shown.
 */
export function statutoryReportDuties(ctx: IncidentContext, hits: readonly TriggerHit[], report: StatutoryReport): DutyAssessment {
  const { rules, countedFrom, relief, entrustment, text, basis } = ctx;
  const situation = text(report.situation, { triggers: ctx.quote(hits), possible: ctx.possible, items: ctx.items(hits) });
  const improper = hits.some((hit) => hit.id === report.improperPurposeTrigger);
  const days = improper ? rules.days.finalImproperPurpose : rules.days.final;
  const due = addStatutoryDays(countedFrom, days);
  const triggers = triggerIds(hits);
  const duties: DutyContribution[] = [];
  const exclusions: IncidentExclusion[] = [];
  if (relief.status !== 'none') {
    duties.push({
      kind: 'principal_report',
      basis: basis(report.contractorNoticeBasis),
      reason: ctx.reliefNoticeReason(),
      timing: 'promptly',
      due: null,
      targetRange: relief.window,
      triggers,
      fulfilledAt: relief.notifiedAt,
    });
  }
  if (relief.status === 'relieved') {
    exclusions.push({
      id: report.relief.exclusion,
      ...rules.exclusions[report.relief.exclusion],
      reason: text('contractorRelieved', { notifiedAt: relief.notifiedAt ?? '', to: relief.window.to, what: report.relief.what }),
      removes: [report.preliminary.kind, report.final.kind, 'individual_notice'],
    });
  } else {
    duties.push(
      {
        kind: report.preliminary.kind,
        basis: basis(report.preliminary.basis),
        reason: situation + ctx.preliminaryReason(),
        timing: 'promptly',
        due: null,
        targetRange: ctx.preliminaryWindow,
        triggers,
      },
      {
        kind: report.final.kind,
        basis: basis(report.final.basis),
        reason: situation + text('finalTiming', { start: countedFrom, days, due }) + (improper ? text(report.finalSixty) : ''),
        timing: 'by_date',
        due,
        targetRange: null,
        triggers,
      },
      {
        kind: 'individual_notice',
        basis: basis(report.notice.basis),
        reason: text(report.notice.text),
        timing: 'promptly',
        due: null,
        targetRange: null,
        triggers,
      },
    );
  }
  // 通則編3-5-2: publishing the facts and the remedy is advisable for any 報告対象事態.
  duties.push({
    kind: 'publication_consideration',
    basis: basis('appiPublication'),
    // 「望ましい」: the guidelines advise it, the statute does not require it.
    authority: 'guidance',
    reason: text('publicationAppi') + (entrustment === 'contractor' ? text('publicationEntrusted') : ''),
    timing: 'promptly',
    due: null,
    targetRange: null,
    triggers,
  });
  return { duties, exclusions, notes: [] };
}
