import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  deriveIncidentRuleSet,
  getIncidentRuleSet,
  incidentRuleSetFor,
  incidentRuleSets,
  latestIncidentRulesVersion,
  UnknownIncidentRulesVersionError,
} from './data/incidentRules.ts';
import { addCalendarDays, isNonWorkingDay, nthDay } from './deadlines.ts';
import {
  type Duty,
  type DutyKind,
  dutyKinds,
  evaluateIncidentDuties,
  type IncidentDutiesResult,
  type IncidentEventKind,
  type IncidentFacts,
  incidentEventKinds,
  incidentFactsSchema,
} from './incidentDuties.ts';

/** Facts factory: a private business (no P-mark) that learned of a leak on Monday 2026-01-05. */
function buildFacts(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return { profile: 'private', knownOn: '2026-01-05', events: ['leak'], persons: 1, ...overrides };
}

function evaluate(overrides: Partial<IncidentFacts> = {}): IncidentDutiesResult {
  return evaluateIncidentDuties(buildFacts(overrides));
}

function kinds(result: IncidentDutiesResult): DutyKind[] {
  return result.duties.map((duty) => duty.kind);
}

function duty(result: IncidentDutiesResult, kind: DutyKind): Duty {
  const found = result.duties.find((d) => d.kind === kind);
  if (!found) throw new Error(`duty ${kind} not found; got ${kinds(result).join(', ')}`);
  return found;
}

const ppcKinds: DutyKind[] = ['ppc_preliminary', 'ppc_final', 'individual_notice', 'publication_consideration'];

describe('漏えい等に当たるか（通則編3-5-1）', () => {
  it('第三者に閲覧されないうちに全てを回収した場合は「漏えい」に該当しない（通則編3-5-1-1）', () => {
    const result = evaluate({ sensitive: true, recoveredBeforeViewed: true });
    expect(result.isIncident).toBe(false);
    expect(result.duties).toEqual([]);
    expect(result.notIncidentReasons.join()).toContain('第三者に閲覧されないうちに全てを回収');
  });

  it('紛失した書類も閲覧されないうちに回収できれば漏えいに該当しない（通則編3-5-1-1）', () => {
    const result = evaluate({ events: ['loss'], sensitive: true, recoveredBeforeViewed: true });
    expect(result.isIncident).toBe(false);
    expect(result.duties).toEqual([]);
  });

  it('自らの意図に基づき第三者に提供する場合は「漏えい」に該当しない（提供の問題、法第27条）', () => {
    const result = evaluate({ sensitive: true, intentionalProvision: true });
    expect(result.isIncident).toBe(false);
    expect(result.duties).toEqual([]);
    expect(result.notIncidentReasons.join()).toContain('法第27条');
  });

  it('合理的な理由により個人データを削除する場合は「滅失」に該当しない（通則編3-5-1-2）', () => {
    const result = evaluate({ events: ['destruction'], sensitive: true, rationalDeletion: true });
    expect(result.isIncident).toBe(false);
    expect(result.notIncidentReasons.join()).toContain('合理的な理由による削除');
  });

  it('同じ内容のデータが他に保管されている場合は「滅失」「毀損」に該当しない（通則編3-5-1-2・3-5-1-3）', () => {
    for (const event of ['destruction', 'damage', 'tampering'] as const) {
      const result = evaluate({ events: [event], sensitive: true, persons: 5000, identicalCopyExists: true });
      expect(result.isIncident).toBe(false);
      expect(result.duties).toEqual([]);
    }
  });

  it('紛失は複製があっても第三者に閲覧されたおそれがある限り漏えい（のおそれ）として扱う', () => {
    const result = evaluate({ events: ['loss'], sensitive: true, identicalCopyExists: true });
    expect(result.isIncident).toBe(true);
    expect(kinds(result)).toContain('ppc_final');
    expect(result.notIncidentReasons.join()).toContain('紛失');
  });

  it('改ざんは「毀損」として漏えい等に当たる（通則編3-5-1-3）', () => {
    const result = evaluate({ events: ['tampering'], improperPurpose: true });
    expect(result.isIncident).toBe(true);
    expect(kinds(result)).toEqual(expect.arrayContaining(['ppc_preliminary', 'ppc_final']));
  });

  it('不正取得・目的外利用・不正利用・開示等の拒否・正確性の未確保は法第26条の「漏えい等」に当たらない', () => {
    const events: IncidentEventKind[] = ['improper_acquisition', 'purpose_violation', 'misuse', 'request_refusal', 'inaccuracy'];
    const result = evaluate({ events, sensitive: true, persons: 5000 });
    expect(result.isIncident).toBe(false);
    expect(result.duties).toEqual([]);
    expect(result.notIncidentReasons.join()).toContain('個人情報保護法第26条の「漏えい等」');
  });

  it('事象が選択されていなければ「事故に当たらない」とは言わず、不足している事実（事象）を挙げる（通則編3-5-1、PA01 J.4.4.2 e)）', () => {
    for (const facts of [{ events: [] }, { events: undefined }, { events: [], privacyMark: true }, { events: [], profile: 'public' as const }]) {
      const result = evaluate(facts);
      expect(result.duties).toEqual([]);
      expect(result.notIncidentReasons, JSON.stringify(facts)).toEqual([]);
      expect(result.missingFacts.map((m) => m.field)).toEqual(['events']);
      expect(result.missingFacts[0]?.label).toBe('事象（何が起きたか）');
      expect(result.missingFacts[0]?.reason).toContain('通則編3-5-1');
      expect(result.missingFacts[0]?.reason).toContain('J.4.4.2');
    }
  });

  it('事実が揃い義務がないとき（除外で漏えい等に当たらない）は不足なしで「当たらない」と言える（通則編3-5-1-1）', () => {
    const result = evaluate({ recoveredBeforeViewed: true });
    expect(result.isIncident).toBe(false);
    expect(result.missingFacts).toEqual([]);
    expect(result.notIncidentReasons.join()).toContain('第三者に閲覧されないうちに全てを回収');
  });

  it('漏えい等の一部だけが除外される場合は残りの事象で判定する', () => {
    const result = evaluate({ events: ['leak', 'destruction'], rationalDeletion: true, sensitive: true });
    expect(result.isIncident).toBe(true);
    expect(kinds(result)).toContain('ppc_final');
    expect(result.notIncidentReasons).toHaveLength(1);
  });
});

describe('個人情報取扱事業者：法第26条・規則第7条の報告対象事態', () => {
  it('要配慮個人情報が含まれる漏えい等は1名でも報告対象（規則第7条1号）', () => {
    const result = evaluate({ sensitive: true, persons: 1 });
    expect(kinds(result)).toEqual(ppcKinds);
    expect(result.triggers.map((t) => t.id)).toEqual(['appi_r7_1_sensitive']);
    expect(duty(result, 'ppc_final').basis).toContain('規則第8条第2項');
    expect(duty(result, 'ppc_final').reason).toContain('規則第7条第1号');
  });

  it('不正に利用されることにより財産的被害が生じるおそれがある漏えい等は1名でも報告対象（規則第7条2号）', () => {
    const result = evaluate({ financialDamageRisk: true, persons: 1 });
    expect(kinds(result)).toEqual(ppcKinds);
    expect(result.triggers.map((t) => t.id)).toEqual(['appi_r7_2_financial']);
    expect(duty(result, 'ppc_final').due).toBe('2026-02-03');
  });

  it('不正の目的をもって行われたおそれがある漏えい等は報告対象で、確報は60日以内（規則第7条3号・第8条2項）', () => {
    const result = evaluate({ improperPurpose: true, persons: 1 });
    expect(kinds(result)).toEqual(ppcKinds);
    expect(duty(result, 'ppc_final').due).toBe('2026-03-05');
    expect(duty(result, 'ppc_final').reason).toContain('60日');
  });

  it('不正の目的が他の事態と重なっても確報は60日以内（規則第8条2項括弧書）', () => {
    const result = evaluate({ improperPurpose: true, sensitive: true, persons: 5000 });
    expect(duty(result, 'ppc_final').due).toBe('2026-03-05');
    expect(duty(result, 'ppc_final').triggers).toEqual(['appi_r7_1_sensitive', 'appi_r7_3_improper_purpose', 'appi_r7_4_over_threshold']);
  });

  it('令和6年4月1日から、取得しようとしている個人情報（個人データとして取り扱う予定）も不正の目的なら報告対象（規則第7条3号）', () => {
    const result = evaluate({ plannedPersonalData: true, improperPurpose: true, persons: 3 });
    expect(kinds(result)).toEqual(ppcKinds);
    expect(result.triggers[0]?.label).toContain('取得しようとしている個人情報');
    expect(result.triggers[0]?.basis).toContain('令和6年4月1日施行');
  });

  it('取得途中の個人情報は不正の目的がなければ第3号に当たらない旨を注記する', () => {
    const result = evaluate({ plannedPersonalData: true, persons: 3 });
    expect(result.duties).toEqual([]);
    expect(result.notes.join()).toContain('不正の目的をもって行われたおそれがある場合（規則第7条第3号）に限られます');
  });

  it('本人の数が1,000人を超える漏えい等は報告対象、1,000人ちょうどは対象外（規則第7条4号）', () => {
    expect(kinds(evaluate({ persons: 1001 }))).toEqual(ppcKinds);
    expect(evaluate({ persons: 1001 }).triggers.map((t) => t.id)).toEqual(['appi_r7_4_over_threshold']);
    const atThreshold = evaluate({ persons: 1000 });
    expect(atThreshold.isIncident).toBe(true);
    expect(atThreshold.duties).toEqual([]);
  });

  it('概数の本人の数（約1,200人）も1,000人を超えれば報告対象で、理由は概数であることを言う（規則第7条第4号）', () => {
    const result = evaluate({ persons: 1200, personsApproximate: true });
    expect(kinds(result)).toEqual(ppcKinds);
    expect(duty(result, 'ppc_preliminary').reason).toContain('約1200人・概数');
    expect(result.notes.join()).not.toContain('確定していません');
  });

  it('1,000人に近い概数（約1,000人）は義務を足し引きせず、超えるかどうか不確かだと注記し見込み最大数へ導く（規則第7条第4号）', () => {
    const near = evaluate({ persons: 1000, personsApproximate: true });
    expect(near.duties).toEqual([]);
    const caution = near.notes.find((n) => n.includes('概数'));
    expect(caution).toContain('約1,000人');
    expect(caution).toContain('1,000人を超えるかどうかが確定していません');
    expect(caution).toContain('施行規則第7条第4号');
    expect(caution).toContain('本人の数の見込み最大数');
    // 約900 is within a tenth below; 約800 is not near, and an exact 1,000 is not uncertain.
    expect(evaluate({ persons: 900, personsApproximate: true }).notes.join()).toContain('確定していません');
    expect(evaluate({ persons: 800, personsApproximate: true }).notes.join()).not.toContain('確定していません');
    expect(evaluate({ persons: 1000 }).notes.join()).not.toContain('確定していません');
    // A 見込み最大数 over the threshold answers the question: the duty, and no caution.
    const mayExceed = evaluate({ persons: 1000, personsApproximate: true, personsMayExceed: 1500 });
    expect(kinds(mayExceed)).toEqual(ppcKinds);
    expect(mayExceed.notes.join()).not.toContain('確定していません');
  });

  it('行政機関等（100人、規則第43条第4号）と特定個人情報（100人、報告規則第2条第4号）でも約100人は不確かと注記する', () => {
    expect(evaluate({ profile: 'public', persons: 100, personsApproximate: true }).notes.join()).toContain(
      '100人を超えるかどうかが確定していません（個人情報保護法第68条第1項、同法施行規則第43条第4号）',
    );
    expect(evaluate({ myNumber: true, persons: 95, personsApproximate: true }).notes.join()).toContain('報告等に関する規則第2条第4号');
  });

  it('本人の数が不確定でも1,000人を超えるおそれがあれば報告対象（「1,000人を超えるおそれ」）', () => {
    const result = evaluate({ persons: null, personsMayExceed: 1500 });
    expect(kinds(result)).toEqual(ppcKinds);
    expect(duty(result, 'ppc_preliminary').reason).toContain('最大1500人に及ぶおそれ');
  });

  it('本人の数も見込みも未入力の漏えい等は、本人の数を不足している事実に挙げる（規則第7条第4号: 1,000人超）', () => {
    const result = evaluate({ persons: null });
    expect(result.duties).toEqual([]);
    expect(result.missingFacts).toEqual([{ field: 'persons', label: '本人の数', reason: expect.stringContaining('1,000人を超える') }]);
    expect(result.missingFacts[0]?.reason).toContain('施行規則第7条第4号');
    // The messages name the field in Japanese, never by its key.
    expect(result.missingFacts.map((m) => m.label + m.reason).join()).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('行政機関等は100人（規則第43条第4号）、特定個人情報は100人（番号法の報告規則第2条第4号）を示す', () => {
    const publicBody = evaluate({ profile: 'public', persons: null });
    expect(publicBody.missingFacts[0]?.reason).toContain('100人を超える');
    expect(publicBody.missingFacts[0]?.reason).toContain('施行規則第43条第4号');
    const myNumber = evaluate({ myNumber: true, persons: null });
    expect(myNumber.missingFacts[0]?.reason).toContain('規則第2条第4号');
  });

  it('見込みの最大数か、漏えい等に当たらない事実があれば本人の数は不足に挙げない（規則第7条第4号、通則編3-5-1-1）', () => {
    expect(evaluate({ persons: null, personsMayExceed: 500 }).missingFacts).toEqual([]);
    expect(evaluate({ persons: null, recoveredBeforeViewed: true }).missingFacts).toEqual([]);
    expect(evaluate({ persons: 0 }).missingFacts).toEqual([]);
  });

  it('報告対象事態のいずれにも当たらない漏えい（999人・要配慮等なし）は報告不要', () => {
    const result = evaluate({ persons: 999 });
    expect(result.isIncident).toBe(true);
    expect(result.duties).toEqual([]);
  });

  it('発生したおそれ（おそれの段階）でも報告対象（規則第7条各号「発生したおそれがある事態」）', () => {
    const result = evaluate({ possibleOnly: true, sensitive: true });
    expect(kinds(result)).toEqual(ppcKinds);
    expect(duty(result, 'ppc_preliminary').reason).toContain('発生したおそれを含む');
  });

  it('速報は知った後速やかに、目安は知った日を1日目として3〜5日目（規則第8条1項・通則編3-5-3-3）', () => {
    const prelim = duty(evaluate({ sensitive: true }), 'ppc_preliminary');
    expect(prelim.timing).toBe('promptly');
    expect(prelim.due).toBeNull();
    expect(prelim.targetRange).toEqual({ from: '2026-01-07', to: '2026-01-09' });
    expect(prelim.basis).toContain('規則第8条第1項');
  });

  it('確報は知った日を1日目として30日以内、末日が土日・祝日・年末年始なら翌開庁日（規則第8条2項）', () => {
    // day 30 from 2025-11-30 is Mon 2025-12-29 (年末) → 2026-01-05
    const final = duty(evaluate({ knownOn: '2025-11-30', sensitive: true }), 'ppc_final');
    expect(final.timing).toBe('by_date');
    expect(final.due).toBe('2026-01-05');
    expect(final.targetRange).toBeNull();
  });

  it('本人への通知は報告対象事態で速やかに行う（法第26条2項・規則第10条）', () => {
    const notice = duty(evaluate({ sensitive: true }), 'individual_notice');
    expect(notice.timing).toBe('promptly');
    expect(notice.basis).toContain('規則第10条');
    expect(notice.reason).toContain('代替措置');
  });

  it('報告対象事態では二次被害防止等の観点から公表を検討する（通則編3-5-2）', () => {
    expect(duty(evaluate({ sensitive: true }), 'publication_consideration').basis).toContain('3-5-2');
  });

  it('報告対象事態では本人が利用停止等を請求できる旨を示す（法第35条5項）', () => {
    expect(evaluate({ sensitive: true }).notes.join()).toContain('法第35条第5項');
    expect(evaluate({ persons: 3 }).notes.join()).not.toContain('法第35条第5項');
  });
});

describe('報告対象事態からの除外', () => {
  it('高度な暗号化等の措置が講じられ鍵が漏えいしていなければ報告対象外で、理由を示す（規則第7条1号括弧書）', () => {
    const result = evaluate({ sensitive: true, persons: 5000, highLevelEncryption: true });
    expect(result.isIncident).toBe(true);
    expect(result.duties).toEqual([]);
    expect(result.exclusions.map((e) => e.id)).toEqual(['appi_encryption']);
    expect(result.exclusions[0]?.removes).toEqual(['ppc_preliminary', 'ppc_final', 'individual_notice']);
    expect(result.exclusions[0]?.reason).toContain('要配慮個人情報');
  });

  it('仮名加工情報である個人データには法第26条を適用しない（法第41条9項）', () => {
    const result = evaluate({ sensitive: true, pseudonymized: true });
    expect(result.duties).toEqual([]);
    expect(result.exclusions.map((e) => e.id)).toEqual(['appi_pseudonymized']);
    expect(result.exclusions[0]?.basis).toContain('第41条第9項');
  });

  it('報告対象事態に当たらなければ除外の説明も出さない', () => {
    expect(evaluate({ persons: 3, highLevelEncryption: true }).exclusions).toEqual([]);
  });
});

describe('委託（法第26条1項ただし書・規則第9条・通則編3-5-3-5）', () => {
  it('委託先が速やかに委託元へ通知すれば、自らの委員会への報告と本人通知は免除される', () => {
    const result = evaluate({ sensitive: true, entrustment: 'contractor', principalNotifiedAt: '2026-01-07' });
    expect(kinds(result)).toEqual(['principal_report', 'publication_consideration']);
    const report = duty(result, 'principal_report');
    expect(report.fulfilledAt).toBe('2026-01-07');
    expect(report.basis).toContain('規則第9条');
    expect(result.exclusions.map((e) => e.id)).toEqual(['appi_contractor_relief']);
    expect(result.exclusions[0]?.removes).toEqual(['ppc_preliminary', 'ppc_final', 'individual_notice']);
    expect(duty(result, 'publication_consideration').reason).toContain('委託元の指示');
  });

  it('委託先が未通知なら委託元への通知を速やかに（3〜5日目目安）求め、通知までは自らの報告義務も残す', () => {
    const result = evaluate({ sensitive: true, entrustment: 'contractor' });
    expect(kinds(result)).toEqual(['ppc_preliminary', 'ppc_final', 'principal_report', 'individual_notice', 'publication_consideration']);
    const report = duty(result, 'principal_report');
    expect(report.timing).toBe('promptly');
    expect(report.due).toBeNull();
    expect(report.targetRange).toEqual({ from: '2026-01-07', to: '2026-01-09' });
    expect(report.reason).toContain('免除されます');
  });

  it('委託元への通知が「速やかに」の目安を過ぎた場合は免除を前提としない', () => {
    const result = evaluate({ sensitive: true, entrustment: 'contractor', principalNotifiedAt: '2026-01-20' });
    expect(kinds(result)).toContain('ppc_final');
    expect(result.exclusions).toEqual([]);
    expect(duty(result, 'principal_report').reason).toContain('目安（2026/01/09まで）を過ぎている');
  });

  it('委託元は遅くとも委託先から通知を受けた時点で「知った」ものとして起算する（通則編3-5-3-5）', () => {
    const result = evaluate({
      sensitive: true,
      entrustment: 'principal',
      knownOn: '2026-01-09',
      principalNotifiedAt: '2026-01-05',
    });
    expect(result.countedFrom).toBe('2026-01-05');
    expect(duty(result, 'ppc_final').due).toBe('2026-02-03');
    expect(result.notes.join()).toContain('委託先から通知を受けた日');
  });

  it('報告対象事態に当たらない受託データは、法令上の委託元通知義務はなく契約の確認を促す', () => {
    const result = evaluate({ entrustment: 'contractor', persons: 3 });
    expect(result.duties).toEqual([]);
    expect(result.notes.join()).toContain('委託契約の定め');
  });
});

describe('特定個人情報：番号法第29条の4・特定個人情報漏えい等報告規則第2条', () => {
  const mnKinds: DutyKind[] = ['mynumber_preliminary', 'mynumber_final', 'individual_notice', 'publication_consideration'];

  it('情報提供ネットワークシステム等で管理される特定個人情報の漏えい等は報告対象（規則第2条1号）', () => {
    const result = evaluate({ myNumber: true, myNumberSystem: true });
    expect(kinds(result)).toEqual(mnKinds);
    expect(result.triggers.map((t) => t.id)).toEqual(['mynumber_r2_1_system']);
    expect(duty(result, 'mynumber_final').due).toBe('2026-02-03');
  });

  it('不正の目的をもって行われたおそれがある特定個人情報の漏えい等は報告対象で、確報は60日以内（規則第2条2号）', () => {
    const result = evaluate({ myNumber: true, improperPurpose: true });
    expect(kinds(result)).toEqual(expect.arrayContaining(mnKinds));
    expect(duty(result, 'mynumber_final').due).toBe('2026-03-05');
  });

  it('不正の目的をもって特定個人情報が利用・提供された事態も報告対象（規則第2条2号）', () => {
    const result = evaluate({ myNumber: true, events: ['purpose_violation'], improperPurpose: true });
    expect(result.isIncident).toBe(true);
    expect(kinds(result)).toEqual(mnKinds);
    expect(result.notIncidentReasons.join()).toContain('番号法第9条・第19条');
  });

  it('特定個人情報ファイルの特定個人情報が電磁的方法により不特定多数に閲覧されるおそれは報告対象（規則第2条3号）', () => {
    const result = evaluate({ myNumber: true, viewableByUnspecifiedMany: true });
    expect(result.triggers.map((t) => t.id)).toEqual(['mynumber_r2_3_unspecified_many']);
    expect(kinds(result)).toEqual(mnKinds);
  });

  it('特定個人情報に係る本人の数が100人を超えると報告対象、100人ちょうどは対象外（規則第2条4号）', () => {
    expect(kinds(evaluate({ myNumber: true, persons: 101 }))).toEqual(mnKinds);
    expect(evaluate({ myNumber: true, persons: 100 }).duties).toEqual([]);
  });

  it('番号法第9条・第19条に反する利用・提供でも本人の数が100人を超えれば報告対象（規則第2条4号）', () => {
    const result = evaluate({ myNumber: true, events: ['misuse'], persons: 150 });
    expect(kinds(result)).toEqual(mnKinds);
  });

  it('特定個人情報でも高度な暗号化等の措置があれば漏えい等は報告対象外', () => {
    const result = evaluate({ myNumber: true, myNumberSystem: true, highLevelEncryption: true });
    expect(result.duties).toEqual([]);
    expect(result.exclusions.map((e) => e.id)).toEqual(['mynumber_encryption']);
  });

  it('暗号化は番号法に反する不正な利用・提供を除外しない', () => {
    const result = evaluate({ myNumber: true, events: ['leak', 'misuse'], improperPurpose: true, highLevelEncryption: true });
    expect(kinds(result)).toContain('mynumber_final');
    expect(result.exclusions.find((e) => e.id === 'mynumber_encryption')?.removes).toEqual([]);
  });

  it('特定個人情報は個人データでもあるため、法第26条の報告と番号法の報告の双方を判定する', () => {
    const result = evaluate({ myNumber: true, improperPurpose: true });
    expect(kinds(result)).toEqual(['ppc_preliminary', 'ppc_final', 'mynumber_preliminary', 'mynumber_final', 'individual_notice', 'publication_consideration']);
    expect(duty(result, 'individual_notice').basis).toContain('番号法第29条の4第2項');
    expect(result.notes.join()).toContain('双方を判定');
  });

  it('特定個人情報でも委託元へ速やかに通知した委託先は報告・本人通知を免除される（番号法第29条の4第1項ただし書）', () => {
    const result = evaluate({ myNumber: true, myNumberSystem: true, entrustment: 'contractor', principalNotifiedAt: '2026-01-05' });
    expect(kinds(result)).toEqual(['principal_report', 'publication_consideration']);
    expect(result.exclusions.map((e) => e.id)).toEqual(['mynumber_contractor_relief']);
  });
});

describe('行政機関等：法第68条・規則第43条', () => {
  const publicFacts = (overrides: Partial<IncidentFacts>) => evaluate({ profile: 'public', ...overrides });
  const publicKinds: DutyKind[] = ['public_body_report', 'individual_notice', 'publication_consideration'];

  it('要配慮個人情報が含まれる保有個人情報の漏えい等は報告対象（規則第43条1号）', () => {
    const result = publicFacts({ sensitive: true });
    expect(kinds(result)).toEqual(publicKinds);
    expect(result.triggers.map((t) => t.id)).toEqual(['public_r43_1_sensitive']);
  });

  it('財産的被害が生じるおそれがある保有個人情報の漏えい等は報告対象（規則第43条2号）', () => {
    expect(kinds(publicFacts({ financialDamageRisk: true }))).toEqual(publicKinds);
  });

  it('不正の目的をもって行われたおそれがある漏えい等は報告対象で、確報は60日以内（規則第43条3号）', () => {
    const report = duty(publicFacts({ improperPurpose: true }), 'public_body_report');
    expect(report.due).toBe('2026-03-05');
    expect(report.reason).toContain('60日');
  });

  it('行政機関等は本人の数が100人を超える漏えい等で報告対象、100人は対象外（規則第43条4号）', () => {
    expect(kinds(publicFacts({ persons: 101 }))).toEqual(publicKinds);
    expect(kinds(publicFacts({ persons: 100 }))).toEqual(['publication_consideration']);
  });

  it('地方公共団体の機関は条例要配慮個人情報が含まれる漏えい等で報告対象（規則第43条5号）', () => {
    const result = publicFacts({ ordinanceSensitive: true });
    expect(result.triggers.map((t) => t.id)).toEqual(['public_r43_5_ordinance_sensitive']);
    expect(kinds(result)).toEqual(publicKinds);
  });

  it('行政機関等の報告は速報の目安（targetRange）と確報の期限（due）を1件で示す（規則第44条）', () => {
    const report = duty(publicFacts({ sensitive: true }), 'public_body_report');
    expect(report.targetRange).toEqual({ from: '2026-01-07', to: '2026-01-09' });
    expect(report.due).toBe('2026-02-03');
    expect(report.reason).toContain('速報は速やかに');
  });

  it('行政機関等の本人通知には不開示情報を含む場合等の例外がある（法第68条2項ただし書）', () => {
    expect(duty(publicFacts({ sensitive: true }), 'individual_notice').reason).toContain('法第78条第1項');
  });

  it('行政機関等は委員会への報告を要しない事案でも公表等を検討する（4-8-11(7)）', () => {
    const result = publicFacts({ persons: 3 });
    expect(kinds(result)).toEqual(['publication_consideration']);
    expect(duty(result, 'publication_consideration').basis).toContain('4-8-11(7)');
    expect(result.notes.join()).toContain('4-8-11(1)');
  });

  it('行政機関等でも高度な暗号化等の措置があれば報告対象外（規則第43条1号括弧書）', () => {
    const result = publicFacts({ sensitive: true, highLevelEncryption: true });
    expect(kinds(result)).toEqual(['publication_consideration']);
    expect(result.exclusions.map((e) => e.id)).toEqual(['public_encryption']);
  });

  it('行政機関等には個人情報取扱事業者の1,000人基準・委託先免除を適用しない', () => {
    const result = publicFacts({ persons: 500, entrustment: 'contractor' });
    expect(kinds(result)).not.toContain('ppc_final');
    expect(kinds(result)).not.toContain('principal_report');
  });
});

describe('何が義務を定めるか（法令・規格・契約・ガイドライン）: ホームが「法令上の報告等」に数えるのは法令だけ', () => {
  it('個人情報保護委員会への速報・確報は法令（法第26条第1項）、公表は通則編3-5-2「望ましい」だけならガイドライン', () => {
    const result = evaluate({ sensitive: true });
    expect(duty(result, 'ppc_preliminary').authority).toBe('law');
    expect(duty(result, 'ppc_final').authority).toBe('law');
    expect(duty(result, 'individual_notice').authority).toBe('law');
    expect(duty(result, 'publication_consideration').authority).toBe('guidance');
  });

  it('審査機関への報告は規格（PA01 J.4.4.2）、公表は J.4.4.2 3 b)「遅滞なく公表する」が加わって規格', () => {
    const result = evaluate({ sensitive: true, privacyMark: true });
    expect(duty(result, 'jipdec_final').authority).toBe('standard');
    expect(duty(result, 'publication_consideration').authority).toBe('standard');
    expect(duty(result, 'ppc_final').authority).toBe('law');
  });

  it('自治体との委託契約だけが求める委託元への報告は契約（豊島区 個人情報特記事項 第16条第2項）', () => {
    const result = evaluate({ events: ['loss'], persons: 1, municipalContract: true, entrustment: 'contractor' });
    expect(duty(result, 'principal_report').authority).toBe('contract');
  });

  it('行政機関等の公表の検討は指針 4-8-11(7)（ガイドライン）、法第68条の報告は法令', () => {
    const result = evaluateIncidentDuties({ profile: 'public', knownOn: '2026-01-05', events: ['leak'], persons: 1, sensitive: true });
    expect(duty(result, 'public_body_report').authority).toBe('law');
    expect(duty(result, 'publication_consideration').authority).toBe('guidance');
  });
});

describe('プライバシーマーク：PA01 J.4.4.2', () => {
  const pmark = (overrides: Partial<IncidentFacts>) => evaluate({ privacyMark: true, ...overrides });

  it('「事故等」は本人1名分でも、発覚日から30日以内に審査機関へ確報する（J.4.4.2《確報》）', () => {
    const result = pmark({ persons: 1 });
    expect(result.isIncident).toBe(true);
    expect(kinds(result)).toEqual(['jipdec_final', 'individual_notice', 'publication_consideration']);
    expect(duty(result, 'jipdec_final').due).toBe('2026-02-03');
  });

  it.each([
    ['紛失', 'loss'],
    ['滅失・毀損', 'damage'],
    ['改ざん', 'tampering'],
    ['正確性の未確保', 'inaccuracy'],
    ['不正・不適正取得', 'improper_acquisition'],
    ['目的外利用・提供', 'purpose_violation'],
    ['不正利用', 'misuse'],
    ['開示等の求め等の拒否', 'request_refusal'],
  ] as const)('「%s」も事故等として確報の対象（J.4.4.2 e)）', (_label, event) => {
    const result = pmark({ events: [event] });
    expect(result.isIncident).toBe(true);
    expect(kinds(result)).toContain('jipdec_final');
  });

  it('不正の目的をもって行われたおそれがある事故等は確報60日以内（本項3)又は5)）', () => {
    const result = pmark({ events: ['purpose_violation'], improperPurpose: true });
    expect(duty(result, 'jipdec_final').due).toBe('2026-03-05');
  });

  it('個人情報保護委員会への報告対象となる事態（本項1)～4)）は発覚日から3～5日以内に速報する', () => {
    const result = pmark({ sensitive: true });
    const prelim = duty(result, 'jipdec_preliminary');
    expect(prelim.targetRange).toEqual({ from: '2026-01-07', to: '2026-01-09' });
    expect(prelim.triggers).toEqual(['pmark_accident', 'appi_r7_1_sensitive']);
  });

  it('特定個人情報の報告対象事態（本項5)～8)）も速報の対象', () => {
    const prelim = duty(pmark({ myNumber: true, viewableByUnspecifiedMany: true }), 'jipdec_preliminary');
    expect(prelim.triggers).toContain('mynumber_r2_3_unspecified_many');
  });

  it('報告対象事態に当たらない事故等は速報不要、確報のみ', () => {
    expect(kinds(pmark({ persons: 10 }))).not.toContain('jipdec_preliminary');
  });

  it('緊急事態が発生した個人情報の内容を本人に速やかに通知し、事実関係等を遅滞なく公表する（J.4.4.2 3 a)・b)）', () => {
    const result = pmark({ persons: 2 });
    expect(duty(result, 'individual_notice').basis).toContain('J.4.4.2 3 a)');
    expect(duty(result, 'publication_consideration').basis).toContain('J.4.4.2 3 b)');
  });

  it('受託した個人情報の事故等は利害関係者である委託元へ直ちに報告する（J.4.4.2 3 c)）', () => {
    const result = pmark({ entrustment: 'contractor', persons: 2 });
    const report = duty(result, 'principal_report');
    expect(report.timing).toBe('immediately');
    expect(report.due).toBe('2026-01-05');
    expect(duty(result, 'individual_notice').reason).toContain('委託元の指示');
  });

  it('委託元への通知で委員会への報告が免除されても、審査機関への速報・確報は必要', () => {
    const result = pmark({ sensitive: true, entrustment: 'contractor', principalNotifiedAt: '2026-01-06' });
    expect(kinds(result)).toEqual(['jipdec_preliminary', 'jipdec_final', 'principal_report', 'individual_notice', 'publication_consideration']);
    expect(duty(result, 'jipdec_preliminary').reason).toContain('免除される場合でも');
  });

  it('閲覧前に回収した漏えいも、回収までのおそれがあるため事故等（⑨おそれ）として確報する', () => {
    const result = pmark({ recoveredBeforeViewed: true });
    expect(result.isIncident).toBe(true);
    expect(kinds(result)).toContain('jipdec_final');
    expect(kinds(result)).not.toContain('jipdec_preliminary');
    expect(result.notIncidentReasons.join()).toContain('⑨おそれ');
  });

  it('審査機関への確報期限は行政機関の休日で延ばさない（発覚日から30日、保守的な扱い）', () => {
    // day 30 from 2026-01-02 is Saturday 2026-01-31
    const result = pmark({ knownOn: '2026-01-02', sensitive: true });
    expect(duty(result, 'jipdec_final').due).toBe('2026-01-31');
    expect(duty(result, 'ppc_final').due).toBe('2026-02-02');
  });
});

describe('自治体からの受託：豊島区 個人情報特記事項 第16条（第15条）・岡崎市規程 第20条', () => {
  const manager = (overrides: Partial<IncidentFacts>) => evaluate({ profile: 'designated_manager', ...overrides });

  it('漏えい等の事故は帰責の有無に関わらず直ちに委託元へ報告する（豊島区特記事項第16条2項・岡崎市規程第20条）', () => {
    const result = manager({ persons: 1 });
    const report = duty(result, 'principal_report');
    expect(report.timing).toBe('immediately');
    expect(report.due).toBe('2026-01-05');
    expect(report.reason).toContain('内容、件数、事故の発生場所、発生状況等');
    expect(report.basis).toContain('第16条第2項');
    expect(report.basis).toContain('岡崎市');
  });

  it('事故のおそれの段階でも直ちに報告する（第16条2項「又はそのおそれのある場合」）', () => {
    const result = manager({ possibleOnly: true });
    expect(duty(result, 'principal_report').reason).toContain('発生したおそれを含む');
  });

  it('目的外利用など漏えい等以外の事故も委託元へ報告する', () => {
    const result = manager({ events: ['purpose_violation'] });
    expect(result.isIncident).toBe(true);
    expect(kinds(result)).toContain('principal_report');
  });

  it('委託元への通知で委員会への報告は免除されても、本人通知は委託元・受託者の双方の義務（特記事項第16条注②）', () => {
    const result = manager({ sensitive: true, principalNotifiedAt: '2026-01-05' });
    expect(kinds(result)).toEqual(['principal_report', 'individual_notice', 'publication_consideration']);
    expect(duty(result, 'individual_notice').basis).toContain('注②');
    expect(duty(result, 'principal_report').fulfilledAt).toBe('2026-01-05');
    expect(result.exclusions.map((e) => e.id)).toEqual(['appi_contractor_relief']);
  });

  it('公表は委託元と協議し、その指示に従う（特記事項第16条4項・岡崎市規程第20条）', () => {
    expect(duty(manager({}), 'publication_consideration').basis).toContain('第16条第4項');
  });

  it('閲覧前に回収した誤送付も、自治体との契約上は事故として直ちに報告する', () => {
    const result = manager({ recoveredBeforeViewed: true });
    expect(kinds(result)).toEqual(['principal_report', 'publication_consideration']);
  });

  it('指定管理者でも自らのデータ（municipalContract: false）は委託元への報告対象外', () => {
    const result = manager({ municipalContract: false, persons: 3 });
    expect(kinds(result)).not.toContain('principal_report');
  });

  it('個人情報取扱事業者でも自治体との委託契約（municipalContract）の受託業務なら直ちに報告する', () => {
    const result = evaluate({ municipalContract: true, persons: 3 });
    expect(duty(result, 'principal_report').timing).toBe('immediately');
  });

  it('条例要配慮個人情報は委託元の自治体で報告対象となり得る旨を伝える（規則第43条5号）', () => {
    expect(manager({ ordinanceSensitive: true }).notes.join()).toContain('規則第43条第5号');
  });
});

describe('ルールの版', () => {
  it('結果には適用したルールの版（appi-2024-04）を含める', () => {
    expect(evaluate().rulesVersion).toBe('appi-2024-04');
    expect(latestIncidentRulesVersion).toBe('appi-2024-04');
    expect(evaluateIncidentDuties(buildFacts(), 'appi-2024-04').rulesVersion).toBe('appi-2024-04');
  });

  it('未知の版を指定すると利用可能な版を示すエラーにする', () => {
    expect(() => evaluateIncidentDuties(buildFacts(), 'appi-1999-01')).toThrow(UnknownIncidentRulesVersionError);
    expect(() => getIncidentRuleSet('nope')).toThrow('未知のルールバージョンです: "nope"（利用可能: appi-2024-04）');
  });

  it('施行日より前の知った日には、当時の規則で判定し直す必要がある旨を注記する', () => {
    const result = evaluate({ knownOn: '2023-06-01', sensitive: true });
    expect(result.rulesVersion).toBe('appi-2024-04');
    expect(result.notes.join()).toContain('施行日（2024/04/01）より前');
  });

  it('新しい版は既存の版を書き換えずに派生して追加できる', () => {
    const base = getIncidentRuleSet('appi-2024-04');
    const before = JSON.stringify(base);
    const next = deriveIncidentRuleSet(base, {
      id: 'test-next',
      effectiveFrom: '2030-01-01',
      thresholds: { privatePersons: 500 },
    });
    expect(next.thresholds).toEqual({ privatePersons: 500, publicPersons: 100, myNumberPersons: 100 });
    expect(JSON.stringify(base)).toBe(before);
    expect(Object.isFrozen(base.thresholds)).toBe(true);
    expect(Object.isFrozen(next.text)).toBe(true);
  });

  it('知った日に施行されている版を選び、最古の版より前なら最古の版を使う', () => {
    expect(incidentRuleSetFor('2026-01-05').id).toBe('appi-2024-04');
    expect(incidentRuleSetFor('2024-04-01').id).toBe('appi-2024-04');
    expect(incidentRuleSetFor('2020-01-01').id).toBe(incidentRuleSets[0]?.id);
  });

  it('版のデータは全ての義務の種類にラベルと提出先を持つ', () => {
    for (const set of incidentRuleSets) {
      for (const kind of dutyKinds) {
        expect(set.duties[kind].label).not.toBe('');
        expect(set.duties[kind].recipient).not.toBe('');
      }
    }
  });
});

describe('事実の検証（zod スキーマ）', () => {
  const issues = (input: unknown) => {
    const parsed = incidentFactsSchema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('必須項目（profile・knownOn）が欠けていれば日本語の項目名だけを挙げたエラーにする（issue 10: 内部の項目名を見せない）', () => {
    expect(issues({})).toEqual(['profile: 組織の区分を選択してください', 'knownOn: 知った日を入力してください']);
  });

  it('不明な項目（綴り誤り）を拒否する', () => {
    expect(issues({ profile: 'private', knownOn: '2026-01-05', sensitiv: true }).join()).toContain('不明な項目です: sensitiv');
  });

  it('実在しない日付・範囲外の人数・誤った型を拒否する', () => {
    const found = issues({ profile: 'private', knownOn: '2026-02-30', persons: -1, sensitive: 'yes', events: ['leak', 'spill'] });
    expect(found).toEqual([
      'knownOn: 知った日に存在しない日付が指定されています（2026-02-30）',
      'events.1: 事象の値が正しくありません',
      'sensitive: 要配慮個人情報は「はい」か「いいえ」で指定してください',
      'persons: 本人の数は0以上で入力してください（入力値: -1）',
    ]);
  });

  it('知った日は画面の表示形式（2026/11/28）と和暦（令和8年11月28日・R8.11.28）も同じ日として読む', () => {
    for (const typed of ['2026/11/28', '令和8年11月28日', 'R8.11.28', '2026-11-28']) {
      const parsed = incidentFactsSchema.safeParse({ profile: 'private', knownOn: typed });
      expect(parsed.success && parsed.data.knownOn).toBe('2026-11-28');
    }
    expect(issues({ profile: 'private', knownOn: '平成31年5月1日' })[0]).toMatch(/^knownOn: 知った日の元号と年が合いません（平成31年5月1日）/);
  });

  it('委託先の委託元への通知日は知った日以降、委託関係がなければ指定できない', () => {
    expect(issues(buildFacts({ entrustment: 'contractor', principalNotifiedAt: '2026-01-04' })).join()).toContain('委託元への通知日は知った日以降の日付で入力してください');
    expect(issues(buildFacts({ entrustment: 'none', principalNotifiedAt: '2026-01-06' })).join()).toContain(
      '委託関係が「受託したデータ（当社が委託先）」又は「委託したデータ（当社が委託元）」のとき',
    );
  });

  it('祝日データで期限を計算できない知った日は拒否する', () => {
    expect(issues(buildFacts({ knownOn: '2099-01-01' })).join()).toContain('祝日データで期限を計算できる範囲');
  });

  it('evaluateIncidentDuties は不正な事実で ZodError を投げる', () => {
    expect(() => evaluateIncidentDuties({ profile: 'private', knownOn: 'yesterday' })).toThrow(ZodError);
  });
});

describe('判定結果の性質（fast-check）', () => {
  const factsArb: fc.Arbitrary<IncidentFacts> = fc.record(
    {
      profile: fc.constantFrom('private', 'public', 'designated_manager'),
      privacyMark: fc.boolean(),
      knownOn: fc.integer({ min: 0, max: 9000 }).map((n) => addCalendarDays('2024-04-01', n)),
      events: fc.uniqueArray(fc.constantFrom(...incidentEventKinds), { maxLength: 4 }),
      possibleOnly: fc.boolean(),
      recoveredBeforeViewed: fc.boolean(),
      intentionalProvision: fc.boolean(),
      rationalDeletion: fc.boolean(),
      identicalCopyExists: fc.boolean(),
      sensitive: fc.boolean(),
      ordinanceSensitive: fc.boolean(),
      financialDamageRisk: fc.boolean(),
      improperPurpose: fc.boolean(),
      plannedPersonalData: fc.boolean(),
      myNumber: fc.boolean(),
      myNumberSystem: fc.boolean(),
      viewableByUnspecifiedMany: fc.boolean(),
      pseudonymized: fc.boolean(),
      highLevelEncryption: fc.boolean(),
      persons: fc.option(fc.integer({ min: 0, max: 5000 })),
      personsMayExceed: fc.option(fc.integer({ min: 0, max: 5000 })),
      entrustment: fc.constantFrom('none', 'contractor', 'principal'),
      municipalContract: fc.boolean(),
    },
    { requiredKeys: ['profile', 'knownOn'] },
  );
  const withNotice: fc.Arbitrary<IncidentFacts> = fc
    .tuple(factsArb, fc.option(fc.integer({ min: 0, max: 20 })))
    .map(([facts, offset]) =>
      offset === null || facts.entrustment === undefined || facts.entrustment === 'none' ? facts : { ...facts, principalNotifiedAt: addCalendarDays(facts.knownOn, offset) },
    );

  it('どの事実でも、義務は種類ごとに1件・表示順で、期限の形は timing と一致する', () => {
    fc.assert(
      fc.property(withNotice, (facts) => {
        const result = evaluateIncidentDuties(facts);
        const order = result.duties.map((d) => dutyKinds.indexOf(d.kind));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(new Set(order).size).toBe(order.length);
        if (!result.isIncident) expect(result.duties).toEqual([]);
        for (const d of result.duties) {
          expect(d.label).not.toBe('');
          expect(d.basis).not.toBe('');
          expect(d.reason).not.toBe('');
          expect(d.reason).not.toMatch(/\{\w+\}/);
          if (d.timing === 'by_date') expect(d.due).not.toBeNull();
          if (d.timing === 'immediately') expect(d.due).toBe(result.countedFrom);
          if (d.timing === 'promptly') expect(d.due).toBeNull();
          if (d.due !== null) expect(d.due >= result.countedFrom).toBe(true);
          if (d.targetRange) expect(d.targetRange.from <= d.targetRange.to).toBe(true);
          if (d.kind === 'ppc_final' || d.kind === 'mynumber_final' || d.kind === 'public_body_report') {
            expect(isNonWorkingDay(d.due ?? '')).toBe(false);
          }
        }
      }),
    );
  });

  it('報告対象を広げる事実（要配慮・財産的被害・不正の目的・人数増・Pマーク）を加えても義務は減らない', () => {
    const widen = fc.constantFrom<(facts: IncidentFacts) => IncidentFacts>(
      (facts) => ({ ...facts, sensitive: true }),
      (facts) => ({ ...facts, financialDamageRisk: true }),
      (facts) => ({ ...facts, improperPurpose: true }),
      (facts) => ({ ...facts, myNumberSystem: true }),
      (facts) => ({ ...facts, viewableByUnspecifiedMany: true }),
      (facts) => ({ ...facts, privacyMark: true }),
      (facts) => ({ ...facts, persons: (facts.persons ?? 0) + 1000 }),
    );
    fc.assert(
      fc.property(withNotice, widen, (facts, change) => {
        const before = kinds(evaluateIncidentDuties(facts));
        const after = kinds(evaluateIncidentDuties(change(facts)));
        for (const kind of before) expect(after).toContain(kind);
      }),
    );
  });

  it('同じ事実と版からは常に同じ結果になる（時計に依存しない）', () => {
    fc.assert(
      fc.property(withNotice, (facts) => {
        expect(evaluateIncidentDuties(facts)).toEqual(evaluateIncidentDuties(structuredClone(facts)));
      }),
      { numRuns: 50 },
    );
  });

  it('確報の期限は、不正の目的がなければ知った日から30日目以後の最初の開庁日', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9000 }), (n) => {
        const knownOn = addCalendarDays('2024-04-01', n);
        const due = duty(evaluate({ knownOn, sensitive: true }), 'ppc_final').due ?? '';
        expect(due >= nthDay(knownOn, 30)).toBe(true);
        expect(isNonWorkingDay(due)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
