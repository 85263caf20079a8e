/**
 * 個人情報保護法 for 個人情報取扱事業者 (private businesses and 指定管理者): 法第26条 (漏えい等の報告・
 * 本人通知), 規則第7条 (報告対象事態), 第8条 (速報・確報), 第9条 (委託先から委託元への通知),
 * 第10条 (本人通知).
 */
import type { IncidentContext, TriggerHit } from '../context.ts';
import type { DutyKind } from '../facts.ts';
import type { IncidentExclusion } from '../result.ts';
import { matched, noDuties, type Regime } from './regime.ts';
import { type StatutoryReport, statutoryReportDuties } from './statutoryReport.ts';

const appiReport: StatutoryReport = {
  situation: 'appiSituation',
  // 規則第8条第2項: 60 days for a 第7条第3号 situation.
  improperPurposeTrigger: 'appi_r7_3_improper_purpose',
  finalSixty: 'finalSixtyAppi',
  preliminary: { kind: 'ppc_preliminary', basis: 'appiPreliminary' },
  final: { kind: 'ppc_final', basis: 'appiFinal' },
  notice: { basis: 'appiNotice', text: 'noticeAppi' },
  // 法第26条第1項ただし書, 規則第9条.
  contractorNoticeBasis: 'appiContractorNotice',
  relief: { exclusion: 'appi_contractor_relief', what: '個人情報保護委員会への報告及び本人への通知' },
};

/** 法第26条 (private and designated_manager). */
export const appiRegime: Regime = {
  key: 'appi',
  authority: 'law',
  label: '個人情報保護法（個人情報取扱事業者）',
  applies: (ctx) => !ctx.isPublic,
  isIncident: (ctx) => ctx.isLeak,

  // 規則第7条第1号〜第4号.
  triggers(ctx: IncidentContext) {
    const { facts: f, rules, text } = ctx;
    if (!ctx.isLeak) return matched();
    const hits: TriggerHit[] = [];
    const exclusions: IncidentExclusion[] = [];
    const notes: string[] = [];
    if (f.sensitive) hits.push({ id: 'appi_r7_1_sensitive', item: 1, detail: '' });
    if (f.financialDamageRisk) hits.push({ id: 'appi_r7_2_financial', item: 2, detail: '' });
    // 第3号 covers, since 2024-04-01, personal information being obtained as personal data.
    if (f.improperPurpose) hits.push({ id: 'appi_r7_3_improper_purpose', item: 3, detail: '' });
    const over = ctx.overThreshold(rules.thresholds.privatePersons);
    if (over !== null) hits.push({ id: 'appi_r7_4_over_threshold', item: 4, detail: over });
    const uncertain = over === null ? ctx.uncertainCount(rules.thresholds.privatePersons, rules.triggers.appi_r7_4_over_threshold.basis) : null;
    if (uncertain !== null) notes.push(uncertain);

    if (f.plannedPersonalData && !rules.flags.improperPurposeCoversPlannedPersonalData) notes.push(text('notePlannedNotCovered'));
    else if (f.plannedPersonalData && !f.improperPurpose) notes.push(text('notePlannedWithoutImproperPurpose'));

    const removed: DutyKind[] = ['ppc_preliminary', 'ppc_final', 'individual_notice'];
    const wouldBe = hits.length > 0 ? `（該当し得た事態：${ctx.quote(hits)}）` : '';
    if (hits.length > 0 && f.highLevelEncryption) {
      // 規則第7条第1号括弧書 applies to the whole article (「以下この条…において同じ」).
      exclusions.push({
        id: 'appi_encryption',
        ...rules.exclusions.appi_encryption,
        reason: `高度な暗号化その他の個人の権利利益を保護するために必要な措置が講じられ、復号鍵も漏えいしていないため、報告対象事態から除かれます${wouldBe}。鍵の漏えい等が判明した場合は再評価してください。`,
        removes: removed,
      });
    }
    if (hits.length > 0 && f.pseudonymized) {
      // 法第41条第9項: 第26条 does not apply to 仮名加工情報.
      exclusions.push({
        id: 'appi_pseudonymized',
        ...rules.exclusions.appi_pseudonymized,
        reason: `仮名加工情報である個人データには法第26条（漏えい等の報告・本人通知）が適用されません${wouldBe}。`,
        removes: removed,
      });
    }
    const kept = hits.length > 0 && !f.highLevelEncryption && !f.pseudonymized ? hits : [];
    return { hits: kept, exclusions, notes };
  },

  duties(ctx, hits) {
    if (hits.length > 0) {
      const report = statutoryReportDuties(ctx, hits, appiReport);
      // 法第35条第5項: the 本人 may demand 利用停止等 once a 第26条第1項本文 situation has occurred.
      return { ...report, notes: [...report.notes, ctx.text('noteStopUse')] };
    }
    if (ctx.isLeak && ctx.entrustment === 'contractor' && !ctx.facts.privacyMark && !ctx.municipal) {
      return noDuties([ctx.text('noteContractorNonReportable')]);
    }
    return noDuties();
  },
};
