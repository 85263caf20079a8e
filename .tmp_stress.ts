import fc from 'fast-check';
import { evaluateIncidentDuties, incidentEventKinds, dutyKinds, type IncidentFacts } from './src/rules/incidentDuties.ts';
import { addCalendarDays, isNonWorkingDay } from './src/rules/deadlines.ts';
const arb = fc.record({
  profile: fc.constantFrom('private', 'public', 'designated_manager'),
  privacyMark: fc.boolean(), knownAt: fc.integer({ min: -20000, max: 9600 }).map((n) => addCalendarDays('2024-04-01', n)),
  events: fc.array(fc.constantFrom(...incidentEventKinds), { maxLength: 6 }),
  possibleOnly: fc.boolean(), recoveredBeforeViewed: fc.boolean(), intentionalProvision: fc.boolean(), rationalDeletion: fc.boolean(),
  identicalCopyExists: fc.boolean(), sensitive: fc.boolean(), ordinanceSensitive: fc.boolean(), financialDamageRisk: fc.boolean(),
  improperPurpose: fc.boolean(), plannedPersonalData: fc.boolean(), myNumber: fc.boolean(), myNumberSystem: fc.boolean(),
  viewableByUnspecifiedMany: fc.boolean(), pseudonymized: fc.boolean(), highLevelEncryption: fc.boolean(),
  persons: fc.option(fc.integer({ min: 0, max: 5000 })), personsMayExceed: fc.option(fc.integer({ min: 0, max: 5000 })),
  entrustment: fc.constantFrom('none', 'contractor', 'principal'), municipalContract: fc.boolean(),
  off: fc.option(fc.integer({min:-5,max:30})),
}, { requiredKeys: ['profile', 'knownAt'] });
let n = 0;
fc.assert(fc.property(arb, ({ off, ...f }) => {
  const facts: IncidentFacts = { ...f };
  if (off != null && f.entrustment && f.entrustment !== 'none') {
    const d = addCalendarDays(f.knownAt, f.entrustment === 'contractor' ? Math.abs(off) : off);
    if (d >= '1970-01-01') facts.principalNotifiedAt = d;
  }
  const r = evaluateIncidentDuties(facts); n++;
  if (!r.isIncident && r.duties.length) throw new Error('duties w/o incident');
  for (const d of r.duties) {
    if (/\{\w+\}/.test(d.reason)) throw new Error('placeholder');
    if (d.timing === 'by_date' && (d.due === null)) throw new Error('by_date null');
    if (['ppc_final','mynumber_final','public_body_report'].includes(d.kind) && isNonWorkingDay(d.due!)) throw new Error('nonworking');
  }
  if (new Set(r.duties.map(d=>d.kind)).size !== r.duties.length) throw new Error('dup');
  JSON.stringify(r);
}), { numRuns: 20000 });
console.log('ok', n, dutyKinds.length);
