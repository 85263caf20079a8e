import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, daysBetween, isNonWorkingDay } from '../deadlines.ts';
import { evaluateRequestDeadline, type RequestDeadlineFacts } from './index.ts';

// Properties of the deadline engine over random facts (issue #14): receipts 2020–2040, 補正 of up
// to 40 days starting within 60 days of receipt.
const day = fc.integer({ min: 0, max: 365 * 20 }).map((n) => addCalendarDays('2020-01-01', n));
const correction = fc.record({ after: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 0, max: 40 }) });
const profileKind = fc.constantFrom(
  ...(['disclosure', 'correction', 'suspension', 'third_party_stop', 'provision_record_disclosure'] as const).map((kind) => ({ profile: 'public' as const, kind })),
  ...(['purpose_notice', 'disclosure', 'correction'] as const).map((kind) => ({ profile: 'private' as const, kind })),
  { profile: 'designated_manager' as const, kind: 'suspension' as const },
);

const factsArbitrary = fc
  .record({ receivedOn: day, pk: profileKind, corrections: fc.array(correction, { maxLength: 3 }), extended: fc.boolean(), periodDays: fc.integer({ min: 1, max: 30 }) })
  .map(({ receivedOn, pk, corrections, extended, periodDays }): RequestDeadlineFacts => {
    const isPublic = pk.profile === 'public';
    return {
      ...pk,
      receivedOn,
      correctionPeriods: corrections.map(({ after, length }) => {
        const askedOn = addCalendarDays(receivedOn, after);
        return { askedOn, completedOn: addCalendarDays(askedOn, length) };
      }),
      ...(isPublic ? { extended, periodDays } : { targetDays: periodDays }),
    };
  });

const dues = (facts: RequestDeadlineFacts) => {
  const result = evaluateRequestDeadline(facts);
  return [result.decisionDue, result.extendedDue, result.specialPartDue].filter((due): due is string => due !== null);
};

describe('期限の性質（fast-check）', () => {
  it('補正は期限を早めない（第83条第1項ただし書: 補正に要した日数は算入しない）', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const withCorrections = evaluateRequestDeadline(facts);
        const without = evaluateRequestDeadline({ ...facts, correctionPeriods: [] });
        expect(withCorrections.decisionDue >= without.decisionDue).toBe(true);
        if (without.extendedDue !== null) expect((withCorrections.extendedDue ?? '') >= without.extendedDue).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('補正を一つ足しても期限は早まらない（補正の期間が増えるほど期限は同じか後ろ）', () => {
    fc.assert(
      fc.property(factsArbitrary, correction, (facts, extra) => {
        const askedOn = addCalendarDays(facts.receivedOn, extra.after);
        const more = { ...facts, correctionPeriods: [...(facts.correctionPeriods ?? []), { askedOn, completedOn: addCalendarDays(askedOn, extra.length) }] };
        expect(evaluateRequestDeadline(more).decisionDue >= evaluateRequestDeadline(facts).decisionDue).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('期限は行政機関の休日（土日・祝日・振替休日・12月29日〜1月3日）にならない', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        for (const due of dues(facts)) expect(isNonWorkingDay(due)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('延長後の期限は決定の期限以降、特例の相当の部分の期限も決定の期限以降で、どちらも休日ではない', () => {
    fc.assert(
      fc.property(day, fc.boolean(), (receivedOn, special) => {
        const result = evaluateRequestDeadline({ profile: 'public', kind: 'disclosure', receivedOn, ...(special ? { specialProvision: true } : { extended: true }) });
        const later = special ? result.specialPartDue : result.extendedDue;
        expect(later).not.toBeNull();
        expect((later ?? '') >= result.decisionDue).toBe(true);
        expect(isNonWorkingDay(later ?? '')).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('期限は「期間の日数 + 算入しない補正の日数」日後の日か、そこから続く休日の直後（最長でも 12 日以内）', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const result = evaluateRequestDeadline({ ...facts, extended: false });
        const days = (facts.profile === 'public' && facts.kind !== 'purpose_notice' ? facts.periodDays : facts.targetDays) ?? 0;
        const lastDay = addCalendarDays(facts.receivedOn, days + result.excludedDays);
        const shift = daysBetween(lastDay, result.decisionDue);
        expect(shift).toBeGreaterThanOrEqual(0);
        expect(shift).toBeLessThanOrEqual(12);
        for (let i = 0; i < shift; i++) expect(isNonWorkingDay(addCalendarDays(lastDay, i))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
