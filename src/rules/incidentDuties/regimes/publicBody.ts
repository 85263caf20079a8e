/**
 * 個人情報保護法 for 行政機関等 (国の行政機関, 地方公共団体の機関, 独立行政法人等): 法第68条 (漏えい等の
 * 報告・本人通知), 規則第43条 (報告対象事態) and 第44条 (速報・確報), and the 行政機関等の保有する個人
 * 情報の適切な管理のための措置に関する指針 4-8-11 (internal escalation, 公表).
 */
import { addStatutoryDays } from '../../deadlines.ts';
import type { IncidentContext, TriggerHit } from '../context.ts';
import type { DutyContribution, IncidentExclusion } from '../result.ts';
import { matched, type Regime, triggerIds } from './regime.ts';

/** 法第68条 (profile `public`). */
export const publicBodyRegime: Regime = {
  key: 'public_body',
  authority: 'law',
  label: '個人情報保護法（行政機関等・地方公共団体の機関）',
  applies: (ctx) => ctx.isPublic,
  // 4-8-11: every 安全管理上の問題となる事案 is handled, not only the reportable ones.
  isIncident: (ctx) => ctx.accidentEvents.length > 0,

  // 規則第43条第1号〜第5号.
  triggers(ctx: IncidentContext) {
    const { facts: f, rules, text } = ctx;
    if (!ctx.isLeak) return matched();
    const hits: TriggerHit[] = [];
    const exclusions: IncidentExclusion[] = [];
    const notes: string[] = [];
    if (f.sensitive) hits.push({ id: 'public_r43_1_sensitive', item: 1, detail: '' });
    if (f.financialDamageRisk) hits.push({ id: 'public_r43_2_financial', item: 2, detail: '' });
    if (f.improperPurpose) hits.push({ id: 'public_r43_3_improper_purpose', item: 3, detail: '' });
    const over = ctx.overThreshold(rules.thresholds.publicPersons);
    if (over !== null) hits.push({ id: 'public_r43_4_over_threshold', item: 4, detail: over });
    const uncertain = over === null ? ctx.uncertainCount(rules.thresholds.publicPersons, rules.triggers.public_r43_4_over_threshold.basis) : null;
    if (uncertain !== null) notes.push(uncertain);
    // 第5号 applies to 地方公共団体の機関・地方独立行政法人 only; the flag itself says so.
    if (f.ordinanceSensitive) hits.push({ id: 'public_r43_5_ordinance_sensitive', item: 5, detail: '' });
    let kept = hits;
    if (hits.length > 0 && f.highLevelEncryption) {
      // 規則第43条第1号括弧書.
      exclusions.push({
        id: 'public_encryption',
        ...rules.exclusions.public_encryption,
        reason: `高度な暗号化等の措置が講じられ、復号鍵も漏えいしていないため、報告対象事態から除かれます（該当し得た事態：${ctx.quote(hits)}）。`,
        removes: ['public_body_report', 'individual_notice'],
      });
      kept = [];
    }
    if (hits.length > 0 && f.pseudonymized) notes.push(text('notePublicPseudonymized'));
    return { hits: kept, exclusions, notes };
  },

  duties(ctx, hits) {
    const { rules, countedFrom, preliminaryWindow, text, basis } = ctx;
    const duties: DutyContribution[] = [];
    const notes: string[] = [];
    if (hits.length > 0) {
      const situation = text('publicSituation', { triggers: ctx.quote(hits), possible: ctx.possible, items: ctx.items(hits) });
      const improper = hits.some((hit) => hit.id === 'public_r43_3_improper_purpose');
      const days = improper ? rules.days.finalImproperPurpose : rules.days.final;
      const due = addStatutoryDays(countedFrom, days);
      // One duty carries both steps: targetRange = 速報の目安, due = 確報の期限 (documented).
      duties.push({
        kind: 'public_body_report',
        basis: basis('publicReport'),
        reason:
          situation +
          text('publicBodyTiming', { from: preliminaryWindow.from, to: preliminaryWindow.to, start: countedFrom, days, due }) +
          (improper ? text('finalSixtyPublic') : ''),
        timing: 'by_date',
        due,
        targetRange: preliminaryWindow,
        triggers: triggerIds(hits),
      });
      // 法第68条第2項.
      duties.push({
        kind: 'individual_notice',
        basis: basis('publicNotice'),
        reason: text('noticePublic'),
        timing: 'promptly',
        due: null,
        targetRange: null,
        triggers: triggerIds(hits),
      });
    }
    if (ctx.accidentEvents.length > 0) {
      // 4-8-11(7): consider publication even when no 法第68条 report is due.
      duties.push({
        kind: 'publication_consideration',
        basis: basis('publicPublication'),
        // The 指針 (a guideline for 行政機関等), not the statute.
        authority: 'guidance',
        reason: text('publicationPublic'),
        timing: 'promptly',
        due: null,
        targetRange: null,
        triggers: triggerIds(hits),
      });
      // 4-8-11(1)〜(4): 職員 → 保護管理者 → 総括保護管理者 → 行政機関の長等.
      notes.push(text('notePublicEscalation'));
    }
    return { duties, exclusions: [], notes };
  },
};
