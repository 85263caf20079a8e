import type { RiskCriteria } from '../../rules/data/riskCriteria.ts';
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

/** The engine's findings on one row (J.3.1.3, J.3.1.4), with the form's paths. */
export function recordViolations(record: RiskRecord, criteria: string | RiskCriteria): RecordViolation[] {
  return validateRiskRecord(record, criteria).map((v) => ({ ...v, path: apiField(v.field), text: withClause(v) }));
}

/** The error findings of the row at `index`, as 422 field errors under `records.<index>.`. */
export function rowErrors(row: RecordFields, index: number, criteriaVersion: string, owners: ReadonlyMap<string, string>): { path: string; message: string }[] {
  return recordViolations(toRiskRecord(row, criteriaVersion, owners), criteriaVersion)
    .filter((v) => v.severity === 'error')
    .map((v) => ({ path: `records.${index}.${v.path}`, message: v.text }));
}
