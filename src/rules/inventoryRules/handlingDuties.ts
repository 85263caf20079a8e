/**
 * The notice / consent / confirmation / record duties an inventory entry triggers by how it is
 * acquired (J.8.2–J.8.5, J.8.7 d), J.8.8.3) and used or provided (J.8.7, J.8.8, J.8.8.1, J.8.8.2).
 * The wording is data (`../data/inventoryDuties.ts`); this file decides which duty applies, and
 * whether a recorded exception exempts it. Re-exported by `../inventoryRules.ts`.
 */
import {
  type AcquisitionMethod,
  acquisitionMethodLabels,
  type ClauseItem,
  exemptionClauseLists,
  overseasProvisionBases,
  sensitiveConsentExceptions,
} from '../data/inventoryClauses.ts';
import {
  acquisitionDutyOrder,
  entrustedPurposeNoticeNote,
  type HandlingDutyId,
  type HandlingDutyTiming,
  handlingDutyTexts,
  overseasBasisMissingNote,
  overseasBasisProcedures,
  useDutyOrder,
} from '../data/inventoryDuties.ts';
import { isTreatedAsSensitive } from './checks.ts';
import { filled, type InventoryEntry, unique } from './entry.ts';

/** One duty (通知・明示・同意・確認・記録の義務) triggered by how the entry is acquired or used. */
export type HandlingDuty = {
  id: HandlingDutyId;
  label: string;
  clause: string;
  quote: string;
  timing: HandlingDutyTiming;
  /** What triggered it (Japanese), e.g. 「取得方法: 本人から直接書面（Webフォームを含む）」. */
  triggeredBy: string[];
  /** `exempted` when the entry records a valid exception (see `exemptedBy`). */
  status: 'required' | 'exempted';
  exemptedBy: { clause: string; letter: string; text: string; reason: string } | null;
  /** Items to tell the person (a)–h) etc.), when the clause lists them. */
  items: ClauseItem[];
  /** PA01's own procedure (申請書, 承認, 方法), when it gives one. */
  procedure: string | null;
  /** `seed` when the seed states the duty for this case; `interpretation` when Mamori reads it in. */
  certainty: 'seed' | 'interpretation';
  note: string | null;
};

/** A duty as a rule raises it: the catalogue wording, overridden where the entry decides. */
type DutyDraft = {
  id: HandlingDutyId;
  triggeredBy: string;
  /** Default `seed`. */
  certainty?: HandlingDuty['certainty'];
  procedure?: string | null;
  note?: string | null;
  /** An exception recorded elsewhere on the entry (J.8.3: `sensitiveBasis`). */
  presetExemption?: HandlingDuty['exemptedBy'];
};

function dutyCollector(entry: Partial<InventoryEntry>) {
  const duties = new Map<HandlingDutyId, HandlingDuty>();
  return {
    add(draft: DutyDraft): void {
      const certainty = draft.certainty ?? 'seed';
      const existing = duties.get(draft.id);
      if (existing) {
        if (!existing.triggeredBy.includes(draft.triggeredBy)) existing.triggeredBy.push(draft.triggeredBy);
        // A duty the seed states for one trigger is certain even if another trigger is a reading.
        if (certainty === 'seed') existing.certainty = 'seed';
        return;
      }
      const text = handlingDutyTexts[draft.id];
      const exemption =
        text.exemptionClause === null
          ? undefined
          : (entry.exemptions ?? []).find(
              (candidate) =>
                candidate.clause === text.exemptionClause && filled(candidate.reason) && exemptionClauseLists[candidate.clause].some((item) => item.letter === candidate.letter),
            );
      const item = exemption ? exemptionClauseLists[exemption.clause].find((candidate) => candidate.letter === exemption.letter) : undefined;
      const exemptedBy = draft.presetExemption ?? (exemption && item ? { clause: exemption.clause, letter: exemption.letter, text: item.text, reason: exemption.reason } : null);
      duties.set(draft.id, {
        id: draft.id,
        label: text.label,
        clause: text.clause,
        quote: text.quote,
        timing: text.timing,
        items: [...text.items],
        procedure: draft.procedure === undefined ? text.procedure : draft.procedure,
        certainty,
        note: draft.note === undefined ? text.note : draft.note,
        triggeredBy: [draft.triggeredBy],
        status: exemptedBy ? 'exempted' : 'required',
        exemptedBy,
      });
    },
    list(order: readonly HandlingDutyId[]): HandlingDuty[] {
      return order.flatMap((id) => {
        const duty = duties.get(id);
        return duty ? [duty] : [];
      });
    },
  };
}

/**
 * The notice / consent / confirmation duties an entry's 取得方法 and attributes trigger
 * (J.8.2, J.8.3, J.8.4, J.8.5, J.8.7 d), J.8.8.3), each with its clause, timing, the items to
 * tell the person, PA01's procedure, and — when the entry records a valid exception — status
 * `exempted` with the ground. Duties triggered by several methods appear once.
 *
 * - 本人から直接書面: J.8.5 — あらかじめ書面で a)–h) を明示し、書面で同意を得る (J.8.5 is
 *   「J.8.4のうち本人から直接書面によって取得する場合の措置」, so J.8.4 is not listed separately).
 * - 直接書面以外・第三者から: J.8.4 — 利用目的を公表済みでなければ速やかに通知又は公表.
 * - 第三者から・委託を受けて・共同利用: J.8.2 — 提供元・委託元・共同利用者の適正な取扱いを確認.
 * - 第三者から: J.8.8.3 — 確認を行い記録する (委託・共同利用は J.8.8.3 2 a)・c) で不要).
 * - 共同利用: J.8.7 2 d) 1)–5) をあらかじめ通知又は容易に知り得る状態に置き、契約で定める.
 * - 委託を受けて: J.8.4 is listed as `interpretation` — the seed gives no exception for it.
 * - 要配慮: J.8.3 1 (an exception goes in `sensitiveBasis`, checked by {@link checkSensitiveAcquisition}).
 */
export function acquisitionDuties(entry: Partial<InventoryEntry>): HandlingDuty[] {
  const duties = dutyCollector(entry);
  const methods = unique(entry.acquisitionMethods ?? []);
  const by = (method: AcquisitionMethod) => `取得方法: ${acquisitionMethodLabels[method]}`;

  if (isTreatedAsSensitive(entry)) {
    const basis = entry.sensitiveBasis ?? null;
    const exception = basis?.kind === 'exception' && filled(basis.reason) ? sensitiveConsentExceptions.find((item) => item.letter === basis.letter) : undefined;
    duties.add({
      id: 'j83_sensitive_written_consent',
      triggeredBy: '要配慮個人情報を含む',
      // J.8.3 2 a)–k): the exception is recorded in `sensitiveBasis`, with its reason.
      presetExemption: exception && basis?.kind === 'exception' ? { clause: 'J.8.3 2', letter: exception.letter, text: exception.text, reason: basis.reason } : null,
    });
  }

  for (const method of methods) {
    const triggeredBy = by(method);
    switch (method) {
      case 'direct_written':
        duties.add({ id: 'j85_written_notice_consent', triggeredBy });
        break;
      case 'direct_other':
        duties.add({ id: 'j84_purpose_notice', triggeredBy });
        break;
      case 'from_third_party':
        duties.add({ id: 'j84_purpose_notice', triggeredBy });
        duties.add({ id: 'j82_source_check', triggeredBy });
        duties.add({ id: 'j883_receipt_confirmation', triggeredBy });
        break;
      case 'entrusted':
        duties.add({ id: 'j82_source_check', triggeredBy });
        duties.add({ id: 'j84_purpose_notice', triggeredBy, certainty: 'interpretation', note: entrustedPurposeNoticeNote });
        break;
      case 'joint_use':
        duties.add({ id: 'j82_source_check', triggeredBy });
        duties.add({ id: 'j87d_joint_use_notice', triggeredBy });
        break;
    }
  }
  return duties.list(acquisitionDutyOrder);
}

/**
 * The use and provision duties an entry's attributes trigger: 本人への連絡・接触 (J.8.7 1),
 * 第三者提供 (J.8.8 1 and the record of J.8.8.2 1), 外国にある第三者への提供 (J.8.8.1 1). Recorded
 * exceptions (J.8.7 2, J.8.8 2) mark the duty `exempted`. For J.8.8.1 the recorded basis a)–c) is
 * shown in `note`; without one the duty stays `required`. Entrusting to a foreign contractor is
 * covered too: J.8.8.1 allows only J.8.8 f)–l) as exceptions, not c) 委託.
 */
export function useAndProvisionDuties(entry: Partial<InventoryEntry>): HandlingDuty[] {
  const duties = dutyCollector(entry);
  if (entry.contactsPersons === true) {
    duties.add({ id: 'j87_contact_consent', triggeredBy: '本人への連絡・接触に利用する' });
  }
  if (entry.thirdPartyProvision === true) {
    duties.add({ id: 'j88_provision_consent', triggeredBy: '第三者提供を行う' });
    duties.add({ id: 'j882_provision_record', triggeredBy: '第三者提供を行う' });
  }
  const countries = (entry.overseasCountries ?? []).filter((country) => country.trim() !== '');
  if (countries.length > 0) {
    const basis = entry.overseasBasis ?? null;
    const basisItem = overseasProvisionBases.find((item) => item.letter === basis);
    duties.add({
      id: 'j881_overseas_provision',
      triggeredBy: `提供先の外国: ${countries.join('、')}`,
      procedure: (basis === null ? undefined : overseasBasisProcedures[basis]) ?? null,
      note: basisItem ? `根拠として ${basisItem.letter}) が記録されています: ${basisItem.text}` : overseasBasisMissingNote,
    });
  }
  return duties.list(useDutyOrder);
}
