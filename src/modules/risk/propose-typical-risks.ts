import { and, eq } from 'drizzle-orm';
import { getRiskCriteria } from '../../rules/data/riskCriteria.ts';
import { latestTypicalRisksVersion } from '../../rules/data/typicalRisks.ts';
import { type ProposedRisk, proposeTypicalRisks } from '../../rules/riskAssessment.ts';
import type { Tx } from '../../platform/db/connection.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { entryContents, namesFor, toEngineEntry } from '../inventory/inventory.exports.ts';
import { audienceOf, getAssessmentRow } from './risk.queries.ts';
import { riskAssessmentEntries } from './risk.tables.ts';

/** A typical risk proposed for the 類型, with the entries it was proposed for. */
export type MergedProposal = ProposedRisk & { entryNames: string[] };

/**
 * The typical risks for the 類型 (SPEC M2: nobody starts from a blank sheet): the engine's
 * proposals for each entry, merged by typical risk, in phase order, under the versions the
 * analysis records (J.3.1.3 1 b)).
 */
export async function proposalsFor(tx: Tx, actor: Actor, id: string) {
  const row = await getAssessmentRow(tx, actor.organizationId, id);
  const audience = await audienceOf(tx, actor.organizationId);
  const links = await tx
    .select({ entryId: riskAssessmentEntries.entryId })
    .from(riskAssessmentEntries)
    .where(and(eq(riskAssessmentEntries.organizationId, actor.organizationId), eq(riskAssessmentEntries.assessmentId, id)));
  const entries = await entryContents(
    tx,
    actor.organizationId,
    links.map((l) => l.entryId),
  );
  const names = await namesFor(
    tx,
    actor.organizationId,
    entries.map((e) => e.data),
  );
  const merged = new Map<string, MergedProposal>();
  const notes = new Set<string>();
  let version = latestTypicalRisksVersion;
  for (const entry of entries) {
    const proposal = proposeTypicalRisks(toEngineEntry(entry.id, entry.revision, entry.data, names.of(entry.data)), {
      typicalRisksVersion: row.typicalRisksVersion ?? latestTypicalRisksVersion,
      criteria: row.criteriaVersion,
      audience,
    });
    version = proposal.typicalRisksVersion;
    for (const n of proposal.notes) notes.add(n);
    for (const p of proposal.proposals) {
      const seen = merged.get(p.typicalRiskId);
      if (seen) {
        seen.entryNames.push(entry.name);
        for (const b of p.matchedBecause) if (!seen.matchedBecause.includes(b)) seen.matchedBecause.push(b);
      } else merged.set(p.typicalRiskId, { ...p, matchedBecause: [...p.matchedBecause], entryNames: [entry.name] });
    }
  }
  const criteria = getRiskCriteria(row.criteriaVersion);
  const phaseOrder = new Map(criteria.phases.map((p, i) => [p.id, i]));
  const proposals = [...merged.values()].sort((a, b) => (phaseOrder.get(a.phase) ?? 0) - (phaseOrder.get(b.phase) ?? 0));
  return { typicalRisksVersion: version, criteriaVersion: row.criteriaVersion, proposals, notes: [...notes] };
}
