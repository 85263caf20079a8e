import type { RiskCriteria } from '../../rules/data/riskCriteria.ts';
import type { RuleAudience } from '../../rules/data/seedSources.ts';
import { type RiskRecord, type RiskViolation, validateRiskRecord } from '../../rules/riskAssessment.ts';
import type { RiskRecordInput } from './risk.schema.ts';

// A row of the 対策表 as the engine reads it, and the engine's findings as the API reports them
// (the form's field path, the clause in the message). Pure.

/** The stored or sent row the engine needs. */
export type RecordFields = Pick<
  RiskRecordInput,
  'phase' | 'threat' | 'risk' | 'ownerPersonId' | 'likelihood' | 'impact' | 'countermeasures' | 'residualDescription' | 'residualMeasure' | 'residualMonitoringDate'
>;

/** The engine's row (リスク所有者 by name) from what is stored or sent. */
export function toRiskRecord(r: RecordFields, criteriaVersion: string, owners: ReadonlyMap<string, string>): RiskRecord {
  const hasResidual = !!(r.residualDescription || r.residualMeasure || r.residualMonitoringDate);
  return {
    phase: r.phase,
    threat: r.threat,
    risk: r.risk,
    owner: r.ownerPersonId ? (owners.get(r.ownerPersonId) ?? '') : '',
    likelihood: r.likelihood,
    impact: r.impact,
    criteriaVersion,
    countermeasures: r.countermeasures.map((c) => ({ text: c.text, refs: c.refs })),
    residual: hasResidual
      ? {
          ...(r.residualDescription ? { description: r.residualDescription } : {}),
          ...(r.residualMeasure ? { measure: r.residualMeasure } : {}),
          monitoringDate: r.residualMonitoringDate ?? null,
        }
      : null,
  };
}

/** Engine field → the form's field (the API keeps the residual risk flat, the owner by id). */
function apiField(field: string): string {
  if (field === 'owner') return 'ownerPersonId';
  if (field === 'residual.measure') return 'residualMeasure';
  if (field === 'residual.monitoringDate') return 'residualMonitoringDate';
  if (field === 'residual') return 'residualDescription';
  return field.replace(/^countermeasures\[(\d+)\]\.refs$/, 'countermeasures.$1.refs');
}

/** A violation as the API reports it: the form's field path, and the clause in the message. */
export type RecordViolation = RiskViolation & { path: string; text: string };

function withClause(v: RiskViolation): string {
  return v.message.includes(v.clause) ? v.message : `${v.message}（${v.clause}）`;
}

/** The engine's findings on one row (J.3.1.3, J.3.1.4), with the form's paths, citing the organization's own sources. */
export function recordViolations(record: RiskRecord, criteria: string | RiskCriteria, audience?: RuleAudience): RecordViolation[] {
  return validateRiskRecord(record, criteria, { audience }).map((v) => ({ ...v, path: apiField(v.field), text: withClause(v) }));
}

/**
 * What even a draft row must get right: a phase, a threat and levels of the criteria's scale
 * (J.3.1.3 1 b): the score is computed under the criteria version when the row is stored). Every
 * other finding — no owner, no countermeasure, no 残存リスク対応策 — is work still to do: the draft
 * keeps it, the row shows it, and submission refuses it (issue 10: save a draft with incomplete risks).
 */
export const blocksSaving: ReadonlySet<RiskViolation['code']> = new Set([
  'criteria_version_mismatch',
  'unknown_phase',
  'unknown_threat',
  'likelihood_out_of_scale',
  'impact_out_of_scale',
]);

/**
 * The error findings of the row at `index`, as 422 field errors under `records.<index>.`:
 * every one (`for: 'submit'`), or only those that stop a draft from being stored (`for: 'save'`).
 */
export function rowErrors(
  row: RecordFields,
  index: number,
  criteriaVersion: string,
  owners: ReadonlyMap<string, string>,
  options: { for: 'save' | 'submit'; audience?: RuleAudience } = { for: 'submit' },
): { path: string; message: string }[] {
  return recordViolations(toRiskRecord(row, criteriaVersion, owners), criteriaVersion, options.audience)
    .filter((v) => v.severity === 'error' && (options.for === 'submit' || blocksSaving.has(v.code)))
    .map((v) => ({ path: `records.${index}.${v.path}`, message: v.text }));
}
