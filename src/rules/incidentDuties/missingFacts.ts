/**
 * 事実の不足: the facts the engine needs before "no duty" can be said. Without them an empty
 * result is not reassurance — nothing ticked is not the same as nothing happened (issue #10).
 * Each missing fact names the field in Japanese and the clause that makes it matter.
 */
import type { IncidentContext } from './context.ts';

/** Facts whose absence leaves the result open. */
export type MissingFactField = 'events' | 'persons';

/** A fact not yet given, with why the result depends on it (Japanese, citing the clause). */
export type MissingFact = { field: MissingFactField; label: string; reason: string };

/** Japanese names of the missing facts, as the facts form labels them. */
export const missingFactLabels: Record<MissingFactField, string> = {
  events: '事象（何が起きたか）',
  persons: '本人の数',
};

/**
 * The facts still missing:
 * - `events` — nothing chosen: whether it is a 漏えい等 (通則編3-5-1) or a 事故等 (PA01 J.4.4.2 e))
 *   cannot be decided at all;
 * - `persons` — a 漏えい等 with neither a count nor an estimate: the count alone makes it a
 *   報告対象事態 (規則第7条第4号: 1,000人超; 行政機関等 規則第43条第4号: 100人超; 特定個人情報
 *   規則第2条第4号: 100人超).
 */
export function missingIncidentFacts(ctx: IncidentContext): MissingFact[] {
  const { facts: f, rules } = ctx;
  const missing: MissingFact[] = [];
  if (ctx.events.length === 0) missing.push({ field: 'events', label: missingFactLabels.events, reason: ctx.text('missingEvents') });
  if (ctx.isLeak && f.persons == null && f.personsMayExceed == null) {
    const trigger = ctx.isPublic ? 'public_r43_4_over_threshold' : 'appi_r7_4_over_threshold';
    const threshold = ctx.isPublic ? rules.thresholds.publicPersons : rules.thresholds.privatePersons;
    let reason = ctx.text('missingPersons', { threshold: threshold.toLocaleString('ja-JP'), basis: rules.triggers[trigger].basis });
    if (f.myNumber) {
      reason += ctx.text('missingPersonsMyNumber', {
        threshold: rules.thresholds.myNumberPersons.toLocaleString('ja-JP'),
        basis: rules.triggers.mynumber_r2_4_over_threshold.basis,
      });
    }
    missing.push({ field: 'persons', label: missingFactLabels.persons, reason });
  }
  return missing;
}
