/**
 * プライバシーマーク (JIS Q 15001:2023 A.13, PA01 J.4.4.2): every 事故等 — including the おそれ and
 * events the law does not call 漏えい等 — is reported to the 審査機関 through the プライバシーマーク
 * 推進センター, and handled with 本人通知, 公表 and a report to the 委託元 (利害関係者).
 */
import type { IncidentTriggerId } from '../../data/incidentRules.ts';
import { addStatutoryDays, nthDay, targetWindow } from '../../deadlines.ts';
import type { IncidentContext, TriggerHit } from '../context.ts';
import type { DutyContribution } from '../result.ts';
import { matched, noDuties, type Regime, type RegimeKey, triggerIds } from './regime.ts';

/** The statutory regimes whose 報告対象事態 are PA01 J.4.4.2 本項1)～8) (the 速報 cases). */
const lawRegimes: readonly RegimeKey[] = ['appi', 'my_number', 'public_body'];

/** PA01 J.4.4.2 (P-mark holders). */
export const privacyMarkRegime: Regime = {
  key: 'privacy_mark',
  authority: 'standard',
  label: 'プライバシーマーク（JIS Q 15001・PA01 J.4.4.2）',
  applies: (ctx) => ctx.facts.privacyMark === true,
  isIncident: (ctx) => ctx.accidentEvents.length > 0,

  // PA01 J.4.4.2 e) ①〜⑨: one 事故等 trigger for any such event.
  triggers(ctx: IncidentContext) {
    return matched(ctx.accidentEvents.length > 0 ? [{ id: 'pmark_accident', item: 0, detail: '' }] : []);
  },

  duties(ctx, hits, earlier) {
    if (hits.length === 0) return noDuties();
    const { facts: f, rules, countedFrom, entrustment, relief, text, basis } = ctx;
    const accident: IncidentTriggerId[] = ['pmark_accident'];
    const lawHits: TriggerHit[] = lawRegimes.flatMap((key) => earlier.get(key) ?? []);
    const duties: DutyContribution[] = [];
    // 確報: every 事故等, even one person; 60 days for 本項3) or 5) (不正の目的).
    const days = f.improperPurpose ? rules.days.jipdecFinalImproperPurpose : rules.days.jipdecFinal;
    const due = rules.flags.jipdecFinalMovesToWorkingDay ? addStatutoryDays(countedFrom, days) : nthDay(countedFrom, days);
    duties.push({
      kind: 'jipdec_final',
      basis: basis('pmarkFinal'),
      reason:
        text('pmarkFinal', { events: ctx.eventNames(ctx.accidentEvents), possible: ctx.possible, start: countedFrom, days, due }) +
        (f.improperPurpose ? text('pmarkFinalSixty') : ''),
      timing: 'by_date',
      due,
      targetRange: null,
      triggers: accident,
    });
    // 速報: the PPC-type situations 本項1)～8), whether or not the 委託先 relief removed our own
    // PPC report (the relief changes who reports, not the type of situation).
    if (lawHits.length > 0) {
      const window = targetWindow(countedFrom, rules.days.jipdecPreliminaryTarget.from, rules.days.jipdecPreliminaryTarget.to);
      duties.push({
        kind: 'jipdec_preliminary',
        basis: basis('pmarkPreliminary'),
        reason:
          text('pmarkPreliminary', { triggers: ctx.quote(lawHits), from: window.from, to: window.to }) + (relief.status === 'relieved' ? text('pmarkPreliminaryRelieved') : ''),
        timing: 'promptly',
        due: null,
        targetRange: window,
        triggers: ['pmark_accident', ...triggerIds(lawHits)],
      });
    }
    // J.4.4.2 3 a)・s).
    duties.push({
      kind: 'individual_notice',
      basis: basis('pmarkNotice'),
      reason: text('noticePmark') + (entrustment === 'contractor' ? text('noticeEntrusted') : ''),
      timing: 'promptly',
      due: null,
      targetRange: null,
      triggers: accident,
    });
    // J.4.4.2 3 b)・t).
    duties.push({
      kind: 'publication_consideration',
      basis: basis('pmarkPublication'),
      reason: text('publicationPmark') + (entrustment === 'contractor' ? text('publicationEntrusted') : ''),
      timing: 'promptly',
      due: null,
      targetRange: null,
      triggers: accident,
    });
    if (entrustment === 'contractor') {
      // J.4.4.2 3 c)・q) 4): the 委託元 is a 利害関係者 to report to 直ちに.
      duties.push({
        kind: 'principal_report',
        basis: basis('pmarkStakeholder'),
        reason: text('pmarkStakeholder', { start: countedFrom }),
        timing: 'immediately',
        due: countedFrom,
        targetRange: null,
        triggers: accident,
        fulfilledAt: ctx.notifiedAt,
      });
    }
    return { duties, exclusions: [], notes: [] };
  },
};
