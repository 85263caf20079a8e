/**
 * A 委託契約 with a 自治体 (指定管理者 and other 受託者): 豊島区 個人情報特記事項 第16条第2項 (資料A
 * ひな型では第15条) and 岡崎市営住宅指定管理者における個人情報保護規程 第20条. Any 事故, whoever is at
 * fault, is reported to the 委託元 at once and handled on its instructions.
 */
import type { IncidentContext } from '../context.ts';
import type { DutyContribution } from '../result.ts';
import { matched, noDuties, type Regime, triggerIds } from './regime.ts';

/** The 受託者's contract duties (not for a public body itself, whose own regime applies). */
export const municipalContractRegime: Regime = {
  key: 'municipal_contract',
  authority: 'contract',
  label: '自治体との委託契約（個人情報特記事項）',
  applies: (ctx) => ctx.municipal && !ctx.isPublic,
  isIncident: (ctx) => ctx.accidentEvents.length > 0,

  triggers(ctx: IncidentContext) {
    return matched(ctx.accidentEvents.length > 0 ? [{ id: 'municipal_accident', item: 0, detail: '' }] : []);
  },

  duties(ctx, hits, earlier) {
    if (hits.length === 0) return noDuties();
    const { facts: f, countedFrom, entrustment, text, basis } = ctx;
    const duties: DutyContribution[] = [];
    const notes: string[] = [];
    duties.push({
      kind: 'principal_report',
      basis: basis('municipalReport'),
      reason: text('municipalReport', { possible: ctx.possible, start: countedFrom }),
      timing: 'immediately',
      due: countedFrom,
      targetRange: null,
      triggers: ['municipal_accident'],
      fulfilledAt: entrustment === 'contractor' ? ctx.notifiedAt : null,
    });
    // 特記事項 注②: 本人通知 stays a duty of both parties, even when the PPC report is relieved.
    const statutoryHits = [...(earlier.get('appi') ?? []), ...(earlier.get('my_number') ?? [])];
    if (statutoryHits.length > 0) {
      duties.push({
        kind: 'individual_notice',
        basis: basis('municipalNotice'),
        reason: text('noticeMunicipal'),
        timing: 'promptly',
        due: null,
        targetRange: null,
        triggers: ['municipal_accident', ...triggerIds(statutoryHits)],
      });
    }
    // 特記事項 第16条第4項, 岡崎市規程 第20条: publication is the 委託元's call.
    duties.push({
      kind: 'publication_consideration',
      basis: basis('municipalPublication'),
      reason: text('publicationMunicipal'),
      timing: 'promptly',
      due: null,
      targetRange: null,
      triggers: ['municipal_accident'],
    });
    // 規則第43条第5号 is the 自治体's own 報告対象事態: tell the 委託元.
    if (f.ordinanceSensitive && ctx.isLeak) notes.push(text('noteOrdinanceSensitiveNotPublic'));
    return { duties, exclusions: [], notes };
  },
};
