/**
 * 番号法 for 特定個人情報 (My Number): 番号法第29条の4 (漏えい等の報告・本人通知) and 特定個人情報の
 * 漏えい等に関する報告等に関する規則 第2条 (報告対象事態) and 第3条 (速報・確報). Applies to
 * private and public bodies alike; it is judged alongside 法第26条 / 法第68条, not instead of them.
 */
import type { IncidentContext, TriggerHit } from '../context.ts';
import { matched, noDuties, type Regime } from './regime.ts';
import { type StatutoryReport, statutoryReportDuties } from './statutoryReport.ts';

const myNumberReport: StatutoryReport = {
  situation: 'mynumberSituation',
  // 規則第3条第2項: 60 days for a 第2条第2号 situation.
  improperPurposeTrigger: 'mynumber_r2_2_improper_purpose',
  finalSixty: 'finalSixtyMyNumber',
  preliminary: { kind: 'mynumber_preliminary', basis: 'mynumberPreliminary' },
  final: { kind: 'mynumber_final', basis: 'mynumberFinal' },
  notice: { basis: 'mynumberNotice', text: 'noticeMyNumber' },
  // 番号法第29条の4第1項ただし書.
  contractorNoticeBasis: 'mynumberContractorNotice',
  relief: { exclusion: 'mynumber_contractor_relief', what: '特定個人情報の漏えい等の報告及び本人への通知' },
};

/** 番号法第29条の4. */
export const myNumberRegime: Regime = {
  key: 'my_number',
  authority: 'law',
  label: '番号法（特定個人情報）',
  applies: (ctx) => ctx.facts.myNumber === true,
  isIncident: (ctx) => ctx.isLeak || ctx.myNumberUse,

  // 特定個人情報漏えい等報告規則 第2条第1号〜第4号: 漏えい等, and for 第2号・第4号 also a use or
  // provision against 番号法第9条・第19条.
  triggers(ctx: IncidentContext) {
    const { facts: f, rules, isLeak, myNumberUse } = ctx;
    if (!isLeak && !myNumberUse) return matched();
    const hits: TriggerHit[] = [];
    if (f.myNumberSystem && isLeak) hits.push({ id: 'mynumber_r2_1_system', item: 1, detail: '' });
    if (f.improperPurpose) hits.push({ id: 'mynumber_r2_2_improper_purpose', item: 2, detail: '' });
    if (f.viewableByUnspecifiedMany && isLeak) hits.push({ id: 'mynumber_r2_3_unspecified_many', item: 3, detail: '' });
    const over = ctx.overThreshold(rules.thresholds.myNumberPersons);
    if (over !== null) hits.push({ id: 'mynumber_r2_4_over_threshold', item: 4, detail: over });
    const uncertain = over === null ? ctx.uncertainCount(rules.thresholds.myNumberPersons, rules.triggers.mynumber_r2_4_over_threshold.basis) : null;
    const notes = uncertain === null ? [] : [uncertain];

    if (hits.length === 0 || !f.highLevelEncryption) return { ...matched(hits), notes };
    // Encryption protects the data from being read; it does not undo a use or provision
    // against 番号法第9条・第19条, so only the 漏えい等 part is excluded when both occurred.
    const kept = myNumberUse ? hits.filter((hit) => hit.id === 'mynumber_r2_2_improper_purpose' || hit.id === 'mynumber_r2_4_over_threshold') : [];
    return {
      hits: kept,
      exclusions: [
        {
          id: 'mynumber_encryption',
          ...rules.exclusions.mynumber_encryption,
          reason: `高度な暗号化等の措置が講じられ、復号鍵も漏えいしていないため、特定個人情報の漏えい等は報告対象事態から除かれます（該当し得た事態：${ctx.quote(hits)}）。${
            kept.length > 0 ? '番号法に反する利用・提供は暗号化では除外されないため、その分は引き続き判定します。' : ''
          }`,
          removes: kept.length > 0 ? [] : ['mynumber_preliminary', 'mynumber_final', 'individual_notice'],
        },
      ],
      notes,
    };
  },

  duties(ctx, hits, earlier) {
    if (hits.length === 0) return noDuties();
    const report = statutoryReportDuties(ctx, hits, myNumberReport);
    // 特定個人情報 is also 個人情報: both reports are due when both sets of situations are met.
    const alsoAppi = (earlier.get('appi') ?? []).length > 0;
    return { ...report, notes: alsoAppi ? [...report.notes, ctx.text('noteAppiAndMyNumber')] : report.notes };
  },
};
