import type { Proposal, RiskRecordView } from './types.ts';

/** A row being edited (scores may still be unset). */
export type Draft = {
  key: string;
  id: string | null;
  phase: string;
  threat: string;
  risk: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  likelihood: number | null;
  impact: number | null;
  countermeasures: { text: string; refs: string[] }[];
  residualDescription: string;
  residualMeasure: string;
  residualMonitoringDate: string | null;
  typicalRiskId: string | null;
};

let seq = 0;
const newKey = () => `new-${++seq}`;

/** A typical risk's reference as shown and stored on a countermeasure (世田谷区 clauses carry their source). */
export function refLabel(r: { source: string; clause: string }): string {
  return `${r.source === 'PA01' ? '' : '世田谷区 '}${r.clause}`;
}

/** A stored row as an editable draft (one empty countermeasure when it has none). */
export function fromView(r: RiskRecordView): Draft {
  return {
    key: r.id,
    id: r.id,
    phase: r.phase,
    threat: r.threat,
    risk: r.risk,
    ownerPersonId: r.ownerPersonId,
    ownerName: r.ownerName,
    likelihood: r.likelihood,
    impact: r.impact,
    countermeasures: r.countermeasures.length ? r.countermeasures : [{ text: '', refs: [] }],
    residualDescription: r.residualDescription ?? '',
    residualMeasure: r.residualMeasure ?? '',
    residualMonitoringDate: r.residualMonitoringDate,
    typicalRiskId: r.typicalRiskId,
  };
}

/** A new row in a phase, owned by the current person, optionally prefilled from a typical risk. */
export function newDraft(phase: string, owner: { id: string; name: string } | null, from?: Proposal): Draft {
  return {
    key: newKey(),
    id: null,
    phase,
    threat: from?.threat ?? 'leak',
    risk: from?.risk ?? '',
    ownerPersonId: owner?.id ?? null,
    ownerName: owner?.name ?? null,
    likelihood: null,
    impact: null,
    countermeasures: from ? from.countermeasures.map((c) => ({ text: c.text, refs: c.refs.map(refLabel) })) : [{ text: '', refs: [] }],
    residualDescription: '',
    residualMeasure: '',
    residualMonitoringDate: null,
    typicalRiskId: from?.typicalRiskId ?? null,
  };
}

/** A draft as the PUT body's record (blank countermeasure rows dropped). */
export function toBody(d: Draft) {
  return {
    id: d.id,
    phase: d.phase,
    threat: d.threat,
    risk: d.risk,
    ownerPersonId: d.ownerPersonId,
    likelihood: d.likelihood,
    impact: d.impact,
    countermeasures: d.countermeasures.filter((c) => c.text.trim() !== '' || c.refs.length > 0),
    residualDescription: d.residualDescription,
    residualMeasure: d.residualMeasure,
    residualMonitoringDate: d.residualMonitoringDate,
    typicalRiskId: d.typicalRiskId,
  };
}

/** The rows grouped by phase, each with its position in the whole list (the server's `records.N` paths). */
export function groupByPhase(records: Draft[]): Map<string, { draft: Draft; index: number }[]> {
  const map = new Map<string, { draft: Draft; index: number }[]>();
  for (const [index, draft] of records.entries()) map.set(draft.phase, [...(map.get(draft.phase) ?? []), { draft, index }]);
  return map;
}
