import { describe, expect, it } from 'vitest';
import { getIncidentRuleSet } from '../../data/incidentRules.ts';
import { incidentContext } from '../context.ts';
import { type Facts, type IncidentFacts, incidentFactsSchema } from '../facts.ts';
import { incidentRegimes } from './index.ts';

function contextOf(overrides: Partial<IncidentFacts> = {}) {
  const facts: Facts = incidentFactsSchema.parse({ profile: 'private', knownOn: '2026-01-05', events: ['leak'], persons: 1, ...overrides });
  return incidentContext(facts, getIncidentRuleSet('appi-2024-04'));
}

function applying(overrides: Partial<IncidentFacts> = {}): string[] {
  const ctx = contextOf(overrides);
  return incidentRegimes.filter((regime) => regime.applies(ctx)).map((regime) => regime.key);
}

describe('報告等の義務の法令・規格（regimes）', () => {
  it('法令（法第26条・番号法・法第68条）を先に、P マーク・委託契約を後に評価する（後者は前者の報告対象事態を使う）', () => {
    expect(incidentRegimes.map((regime) => regime.key)).toEqual(['appi', 'my_number', 'public_body', 'privacy_mark', 'municipal_contract']);
  });

  it('組織の区分・P マーク・特定個人情報で適用される法令・規格が決まる', () => {
    expect(applying()).toEqual(['appi']);
    expect(applying({ profile: 'public', myNumber: true })).toEqual(['my_number', 'public_body']);
    expect(applying({ profile: 'designated_manager', privacyMark: true })).toEqual(['appi', 'privacy_mark', 'municipal_contract']);
    expect(applying({ profile: 'public', municipalContract: true })).toEqual(['public_body']);
  });

  it('高度な暗号化は法第26条の報告対象事態を除き、除外の理由を返す（規則第7条第1号括弧書）', () => {
    const appi = incidentRegimes[0];
    if (!appi) throw new Error('no regime');
    const assessed = appi.triggers(contextOf({ sensitive: true, highLevelEncryption: true }));
    expect(assessed.hits).toEqual([]);
    expect(assessed.exclusions.map((exclusion) => exclusion.id)).toEqual(['appi_encryption']);
  });
});
