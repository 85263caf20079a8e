import { eq } from 'drizzle-orm';
import { organizationFacts } from '../../domain/incidentFacts.ts';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { evaluateIncidentDuties, type IncidentFacts } from '../../rules/incidentDuties.ts';
import { type DutySyncResult, syncIncidentDuties } from './incidentDuties.sync.ts';
import { responding } from './incident-writes.ts';
import { assertEditable } from './incidents.policy.ts';
import { findVisibleIncident, loadOrganization, type IncidentRow } from './incidents.queries.ts';
import { incidents } from './incidents.tables.ts';

/**
 * 事実の更新 → 義務の再判定 (SPEC §5.1): the facts are validated by the engine's schema, the
 * organization's profile and Privacy-Mark status are taken from the organization (not from the
 * request), the rules in force on the 知った日 are applied and their version stored, and the
 * stored duties follow the new result — a duty that appears notifies the PMS manager.
 */
export async function updateIncidentFacts(tx: Tx, actor: Actor, id: string, input: IncidentFacts, clock: Clock): Promise<{ incident: IncidentRow } & DutySyncResult> {
  const incident = await findVisibleIncident(tx, actor, id, { forUpdate: true });
  assertEditable(incident);
  if (input.knownOn > clock.today) throw invalid('facts.knownOn', '知った日に未来の日付は指定できません');
  const org = await loadOrganization(tx, actor.organizationId);
  const facts: IncidentFacts = { ...input, ...organizationFacts(org, input.knownOn) };
  const evaluation = evaluateIncidentDuties(facts);
  const [row] = await tx
    .update(incidents)
    .set({
      facts,
      knownOn: facts.knownOn,
      rulesVersion: evaluation.rulesVersion,
      evaluation,
      isIncident: evaluation.isIncident,
      factsRevision: incident.factsRevision + 1,
      factsUpdatedAt: clock.now,
      ...responding(incident),
      updatedAt: clock.now,
    })
    .where(eq(incidents.id, incident.id))
    .returning();
  if (!row) throw notFound('事案');
  const changes = await syncIncidentDuties(tx, row, evaluation, clock, { notify: true, previous: { facts: incident.facts, evaluation: incident.evaluation } });
  return { incident: row, ...changes };
}
