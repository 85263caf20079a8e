/**
 * The typical risks and countermeasures proposed for an inventory entry (SPEC M2: nobody starts
 * from a blank sheet), from the versioned set in `../data/typicalRisks.ts`. Re-exported by
 * `../riskAssessment.ts`.
 */
import { latestRiskCriteriaVersion, phaseLabel, type RiskCriteria, type RiskPhaseId, type RiskThreatId, resolveRiskCriteria, threatLabel } from '../data/riskCriteria.ts';
import { getTypicalRiskSet, latestTypicalRisksVersion, type TypicalCountermeasure, type TypicalRiskCondition } from '../data/typicalRisks.ts';
import type { RuleAudience } from '../data/seedSources.ts';
import { acquisitionMethodLabels, type InventoryEntry, isTreatedAsSensitive } from '../inventoryRules.ts';

/** A typical risk proposed for an inventory entry, ready to be copied into the 対策表. */
export type ProposedRisk = {
  typicalRiskId: string;
  inventoryEntryId: string;
  phase: RiskPhaseId;
  phaseLabel: string;
  threat: RiskThreatId;
  threatLabel: string;
  /** J.3.1.4 留意事項: cannot be left as 残留リスク. */
  improperHandling: boolean;
  risk: string;
  countermeasures: TypicalCountermeasure[];
  /** Why it applies (Japanese), e.g. 「媒体: 紙」「委託あり」; empty for risks that apply to every entry. */
  matchedBecause: string[];
};

/** Output of {@link proposeTypicalRisks}. */
export type TypicalRiskProposal = {
  typicalRisksVersion: string;
  criteriaVersion: string;
  proposals: ProposedRisk[];
  /** Caveats, e.g. the medium is unknown so both paper and electronic risks are proposed. */
  notes: string[];
};

/** The entry attributes typical risks filter on. */
type EntryTraits = {
  paper: boolean;
  electronic: boolean;
  mediaKnown: boolean;
  entrusts: boolean;
  sensitive: boolean;
  overseas: boolean;
  myNumber: boolean;
  thirdPartyProvision: boolean;
  retainedPersonalData: boolean;
  methods: ReadonlySet<string>;
};

function traitsOf(entry: Partial<InventoryEntry>): EntryTraits {
  const media = entry.storageMethod?.media;
  return {
    // Unknown medium: propose both, so nothing is missed (noted in the result).
    paper: media === undefined || media === 'paper' || media === 'both',
    electronic: media === undefined || media === 'electronic' || media === 'both',
    mediaKnown: media !== undefined,
    entrusts: (entry.entrustedTo ?? []).some((id) => id.trim() !== ''),
    sensitive: isTreatedAsSensitive(entry),
    overseas: (entry.overseasCountries ?? []).some((country) => country.trim() !== ''),
    myNumber: entry.myNumber === true,
    thirdPartyProvision: entry.thirdPartyProvision === true,
    retainedPersonalData: entry.retainedPersonalData === true,
    methods: new Set(entry.acquisitionMethods ?? []),
  };
}

/** Reasons the condition holds, or null when it does not. */
function matchCondition(when: TypicalRiskCondition, traits: EntryTraits): string[] | null {
  const because: string[] = [];
  if (when.media === 'paper') {
    if (!traits.paper) return null;
    because.push('媒体: 紙');
  }
  if (when.media === 'electronic') {
    if (!traits.electronic) return null;
    because.push('媒体: 電子');
  }
  const flags: [keyof TypicalRiskCondition & keyof EntryTraits, string][] = [
    ['entrusts', '委託あり'],
    ['sensitive', '要配慮個人情報'],
    ['overseas', '外国にある第三者への提供'],
    ['myNumber', '特定個人情報'],
    ['thirdPartyProvision', '第三者提供'],
    ['retainedPersonalData', '保有個人データ'],
  ];
  for (const [key, label] of flags) {
    if (when[key] !== true) continue;
    if (!traits[key]) return null;
    because.push(label);
  }
  if (when.acquisitionMethods !== undefined) {
    const hit = when.acquisitionMethods.filter((method) => traits.methods.has(method));
    if (hit.length === 0) return null;
    because.push(`取得方法: ${hit.map((method) => acquisitionMethodLabels[method]).join('・')}`);
  }
  return because;
}

/**
 * The typical risks and countermeasures that fit an inventory entry (SPEC M2: nobody starts from
 * a blank sheet), filtered by its attributes — medium (紙/電子), 委託, 要配慮, 外国, 特定個人情報,
 * 第三者提供, 保有個人データ, 取得方法 — and ordered by phase (取得・入力 → 消去・廃棄), then threat
 * (criteria order), then the set's own order. Phases or threats the criteria version lacks are
 * left out. Adding an attribute never removes a proposal.
 *
 * @param entry the inventory entry (only `id` is needed; missing attributes count as absent,
 *   except an unknown medium, which proposes both paper and electronic risks).
 */
export function proposeTypicalRisks(
  entry: Partial<InventoryEntry> & { id: string },
  options: { typicalRisksVersion?: string; criteria?: string | RiskCriteria; audience?: RuleAudience } = {},
): TypicalRiskProposal {
  const set = getTypicalRiskSet(options.typicalRisksVersion ?? latestTypicalRisksVersion);
  const criteria = resolveRiskCriteria(options.criteria ?? latestRiskCriteriaVersion);
  const traits = traitsOf(entry);
  const phaseOrder = new Map(criteria.phases.map((phase, index) => [phase.id, index]));
  const threatOrder = new Map(criteria.threats.map((threat, index) => [threat.id, index]));
  const proposals: { proposal: ProposedRisk; index: number }[] = [];
  set.risks.forEach((typical, index) => {
    if (!phaseOrder.has(typical.phase) || !threatOrder.has(typical.threat)) return;
    const because = matchCondition(typical.when, traits);
    if (because === null) return;
    proposals.push({
      index,
      proposal: {
        typicalRiskId: typical.id,
        inventoryEntryId: entry.id,
        phase: typical.phase,
        phaseLabel: phaseLabel(criteria, typical.phase),
        threat: typical.threat,
        threatLabel: threatLabel(criteria, typical.threat),
        improperHandling: criteria.threats.find((threat) => threat.id === typical.threat)?.improperHandling ?? false,
        risk: typical.risk,
        // A company's countermeasures cite PA01 and its own rules: 世田谷区's manuals are not its
        // regulations (issue 10), so their refs are left for the company to fill (J.3.1.3 h)).
        countermeasures: typical.countermeasures.map((measure) => ({
          ...measure,
          refs: measure.refs.filter((ref) => options.audience !== 'company' || ref.source === 'PA01'),
        })),
        matchedBecause: because,
      },
    });
  });
  proposals.sort(
    (a, b) =>
      (phaseOrder.get(a.proposal.phase) ?? 0) - (phaseOrder.get(b.proposal.phase) ?? 0) ||
      (threatOrder.get(a.proposal.threat) ?? 0) - (threatOrder.get(b.proposal.threat) ?? 0) ||
      a.index - b.index,
  );
  const notes = traits.mediaKnown ? [] : ['保管方法の媒体（紙／電子）が未入力のため、紙と電子の両方のリスクを提示しています。'];
  return { typicalRisksVersion: set.id, criteriaVersion: criteria.id, proposals: proposals.map((item) => item.proposal), notes };
}
