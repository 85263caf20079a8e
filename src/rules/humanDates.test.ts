import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDeadline } from '../modules/incidents/duty-deadlines.ts';
import { addCalendarDays } from './deadlines.ts';
import { evaluateIncidentDuties, type IncidentFacts, incidentEventKinds, incidentRulesVersionLabel } from './incidentDuties.ts';
import { evaluateRequestDeadline, latestSupportedRequestDate, type RequestDeadlineFacts } from './requestDeadlines/index.ts';
import { provisionRecordForms, provisionRecordKinds, provisionRecordRetention } from './retention/provisionRecords.ts';

// Standards: "Japanese to the user, always" — the sentences the engines compose (理由・注記・根拠)
// are shown on screens and in notifications as they are, so their dates read 2026/12/06 as the
// screens show them, never the ISO form the machine fields (decisionDue, due, retainUntil) keep.
const iso = /\d{4}-\d{2}-\d{2}/;
const shown = /\d{4}\/\d{2}\/\d{2}/;

const day = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => addCalendarDays(from, n));

describe('エンジンが書く文章の日付は画面の表記（YYYY/MM/DD）で、ISO の形を含まない', () => {
  it('開示等の請求の期限（理由・根拠）: 期限の値そのものは ISO のまま', () => {
    const kinds = fc.constantFrom(
      ...(['disclosure', 'correction', 'suspension', 'third_party_stop', 'provision_record_disclosure', 'purpose_notice', 'overseas_info'] as const).map((kind) => ({
        profile: 'public' as const,
        kind,
      })),
      ...(['purpose_notice', 'disclosure', 'correction'] as const).map((kind) => ({ profile: 'private' as const, kind })),
      { profile: 'designated_manager' as const, kind: 'suspension' as const },
    );
    const facts = fc
      .record({
        receivedOn: day('2024-01-01', 700),
        pk: kinds,
        after: fc.integer({ min: 0, max: 20 }),
        length: fc.integer({ min: 0, max: 20 }),
        extended: fc.boolean(),
        special: fc.boolean(),
      })
      .map(({ receivedOn, pk, after, length, extended, special }): RequestDeadlineFacts => {
        const askedOn = addCalendarDays(receivedOn, after);
        const statutory = pk.profile === 'public' && !['purpose_notice', 'overseas_info'].includes(pk.kind);
        return {
          ...pk,
          receivedOn,
          correctionPeriods: [{ askedOn, completedOn: addCalendarDays(askedOn, length) }],
          ...(statutory ? (special && pk.kind === 'disclosure' ? { specialProvision: true } : { extended }) : {}),
        };
      });
    fc.assert(
      fc.property(facts, (f) => {
        const result = evaluateRequestDeadline(f);
        expect(result.reason).toMatch(shown);
        expect(result.reason).not.toMatch(iso);
        expect(result.basis).not.toMatch(iso);
        expect(result.decisionDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 300 },
    );
    expect(latestSupportedRequestDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('報告等の義務（理由・根拠・注記・事故に当たらない理由・不足している事実）: 期限の値そのものは ISO のまま', () => {
    const facts = fc
      .record({
        profile: fc.constantFrom('private', 'public', 'designated_manager'),
        privacyMark: fc.boolean(),
        knownOn: day('2023-10-01', 900),
        events: fc.subarray([...incidentEventKinds], { minLength: 0 }),
        possibleOnly: fc.boolean(),
        recoveredBeforeViewed: fc.boolean(),
        sensitive: fc.boolean(),
        improperPurpose: fc.boolean(),
        myNumber: fc.boolean(),
        persons: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
        entrustment: fc.constantFrom('none', 'contractor', 'principal'),
        notifiedAfter: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        municipalContract: fc.boolean(),
      })
      .map(
        ({ notifiedAfter, ...f }): IncidentFacts => ({
          ...f,
          principalNotifiedAt: notifiedAfter === null || f.entrustment === 'none' || f.profile === 'public' ? null : addCalendarDays(f.knownOn, notifiedAfter),
        }),
      );
    fc.assert(
      fc.property(facts, (f) => {
        const result = evaluateIncidentDuties(f);
        const texts = [
          ...result.duties.flatMap((d) => [d.reason, d.basis, d.label]),
          ...result.exclusions.flatMap((e) => [e.reason, e.basis]),
          ...result.missingFacts.flatMap((m) => [m.label, m.reason]),
          ...result.notes,
          ...result.notIncidentReasons,
        ];
        for (const text of texts) expect(text).not.toMatch(iso);
        for (const d of result.duties) {
          if (d.due) expect(d.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          // The countdown of a notification (「期限 …」「目安 …〜…」) reads the same way.
          expect(describeDeadline({ timing: d.timing, dueOn: d.due, targetFrom: d.targetRange?.from ?? null, targetTo: d.targetRange?.to ?? null })).not.toMatch(iso);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('知った日が規則の施行日より前の注記は、日付と規則の版を人の読む形で書く（appi-2024-04 のような内部の識別子を出さない）', () => {
    const result = evaluateIncidentDuties({ profile: 'private', knownOn: '2024-03-01', events: ['leak'], persons: 1 });
    expect(result.notes.join()).toContain('知った日（2024/03/01）は、適用したルール版 2024年4月1日施行の規則 の施行日（2024/04/01）より前です');
    expect(result.notes.join()).not.toContain('appi-2024-04');
    expect(incidentRulesVersionLabel(result.rulesVersion)).toBe('2024年4月1日施行の規則');
    expect(incidentRulesVersionLabel('appi-1999-01')).toBe('不明な版');
  });

  it('報告等の義務の期限の書き方（通知の「期限」「目安」）', () => {
    expect(describeDeadline({ timing: 'by_date', dueOn: '2027-01-04', targetFrom: null, targetTo: null })).toBe('期限 2027/01/04');
    expect(describeDeadline({ timing: 'promptly', dueOn: null, targetFrom: '2026-12-08', targetTo: '2026-12-10' })).toBe('速やかに（目安 2026/12/08〜2026/12/10）');
    expect(describeDeadline({ timing: 'by_date', dueOn: '2027-01-04', targetFrom: '2026-12-08', targetTo: '2026-12-10' })).toBe(
      '速報の目安 2026/12/08〜2026/12/10、確報の期限 2027/01/04',
    );
  });

  it('提供記録・確認記録の保存期間（理由）: 保存期間の末日そのものは ISO のまま', () => {
    const facts = fc.record({
      recordKind: fc.constantFrom(...provisionRecordKinds),
      form: fc.constantFrom(...provisionRecordForms),
      createdOn: day('2023-01-01', 1500),
      lastAfter: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(facts, ({ lastAfter, ...f }) => {
        const result = provisionRecordRetention({ ...f, lastProvidedOn: addCalendarDays(f.createdOn, lastAfter) });
        expect(result.reason).toMatch(shown);
        expect(result.reason).not.toMatch(iso);
        expect(result.basis).not.toMatch(iso);
        expect(result.retainUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 200 },
    );
  });
});
