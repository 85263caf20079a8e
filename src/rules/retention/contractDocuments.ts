/**
 * Retention of a 委託先's contract documents (契約書・特記事項・覚書・秘密保持誓約書), SPEC §5.3
 * "Contracts for the data's holding period". Pure: no clock, no I/O.
 *
 * J.9.4 5 (個人情報保護規程 PA01): 「委託契約書は当該個人データの保有期間にわたって保存する。」 — the
 * 書面 of the 委託 are kept at least as long as the entrusted personal data is held. Here: until the latest of the contract's end (契約終了日) and the 保管期限 of every 台帳
 * entry the contractor is entrusted with (an entry already disposed of counts up to its disposal
 * day). While the contract has no end date, or an entry's 保管期限 is not a date (「取引終了後5年」),
 * the day cannot be known yet: the documents are kept and no disposal falls due.
 */
import { addCalendarDays, type IsoDate } from '../deadlines.ts';

/** The clause the retention rests on. */
export const CONTRACT_DOCUMENT_RETENTION_BASIS = 'J.9.4 5「委託契約書は当該個人データの保有期間にわたって保存する。」';

/** A 台帳 entry the contractor is entrusted with, as its holding period is known. */
export type EntrustedEntryHolding = {
  name: string;
  /** 保管期限 as a date (null: written as a period, e.g. 「取引終了後5年」, or not filled in). */
  retainUntilDate: IsoDate | null;
  /** 保管期限 as written, when it is not a date. */
  retainUntilText?: string | null;
  /** The day the entry was disposed of (廃棄日), when it has been: its holding ended then. */
  disposedOn?: IsoDate | null;
};

export type ContractDocumentRetentionFacts = {
  /** 契約終了日 (null: not set / 自動更新で終わりがない). */
  contractEndsOn: IsoDate | null;
  entries: readonly EntrustedEntryHolding[];
};

export type ContractDocumentRetention =
  | {
      known: true;
      /** 保存期限: kept up to and including this day. */
      retainUntil: IsoDate;
      /** The day the disposal falls due: the day after {@link retainUntil}. */
      disposalDueOn: IsoDate;
      basis: string;
      reason: string;
    }
  | {
      known: false;
      retainUntil: null;
      disposalDueOn: null;
      /** What has to be decided before the day can be known. */
      pendingOn: '台帳の保管期限' | '契約終了日';
      basis: string;
      reason: string;
    };

/** 2026-11-28 → 2026年11月28日. */
export function japaneseDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/**
 * The 保存期限 of a 委託先's contract documents and why.
 * @example contractDocumentRetention({ contractEndsOn: '2027-03-31', entries: [{ name: '顧客名簿', retainUntilDate: '2030-03-31' }] }).retainUntil // '2030-03-31'
 */
export function contractDocumentRetention(facts: ContractDocumentRetentionFacts): ContractDocumentRetention {
  const unknown = (pendingOn: '台帳の保管期限' | '契約終了日', reason: string): ContractDocumentRetention => ({
    known: false,
    retainUntil: null,
    disposalDueOn: null,
    pendingOn,
    basis: CONTRACT_DOCUMENT_RETENTION_BASIS,
    reason,
  });
  const open = facts.entries.filter((e) => !e.disposedOn && !e.retainUntilDate);
  if (open.length > 0) {
    const names = open.map((e) => `「${e.name}」${e.retainUntilText?.trim() ? `（保管期限: ${e.retainUntilText.trim()}）` : '（保管期限: 未記入）'}`).join('、');
    return unknown(
      '台帳の保管期限',
      `保存期限は台帳の保管期限が決まるまで未定です。委託している個人情報 ${names} の保管期限が日付で決まっていないため、個人データの保有期間にわたって契約書等を保存します。`,
    );
  }
  if (!facts.contractEndsOn) return unknown('契約終了日', '保存期限は契約終了日が決まるまで未定です。契約が続く間は契約書等を保存します。');

  // Each candidate: the day it ends and what it is, latest wins (the earlier one listed on a tie).
  const candidates: { on: IsoDate; what: string }[] = [{ on: facts.contractEndsOn, what: `契約終了日（${japaneseDate(facts.contractEndsOn)}）` }];
  for (const e of facts.entries) {
    if (e.disposedOn) candidates.push({ on: e.disposedOn, what: `台帳「${e.name}」の廃棄日（${japaneseDate(e.disposedOn)}）` });
    else if (e.retainUntilDate) candidates.push({ on: e.retainUntilDate, what: `台帳「${e.name}」の保管期限（${japaneseDate(e.retainUntilDate)}）` });
  }
  let latest = candidates[0] as { on: IsoDate; what: string };
  for (const c of candidates) if (c.on > latest.on) latest = c;
  const retainUntil = latest.on;
  const disposalDueOn = addCalendarDays(retainUntil, 1);
  const scope =
    facts.entries.length === 0 ? '委託している個人情報（台帳の項目）が登録されていないため、契約終了日' : `契約終了日と委託している個人情報の保管期限のうち最も遅い${latest.what}`;
  const reason =
    facts.entries.length === 0
      ? `${scope}（${japaneseDate(retainUntil)}）まで保存し、${japaneseDate(disposalDueOn)}以降に廃棄できます。`
      : `${scope}まで保存し、${japaneseDate(disposalDueOn)}以降に廃棄できます。`;
  return { known: true, retainUntil, disposalDueOn, basis: CONTRACT_DOCUMENT_RETENTION_BASIS, reason };
}

/** Whether a contract document may be disposed of (removed) on `today`: only once its 保存期限 has passed. */
export function contractDocumentRemovable(retention: ContractDocumentRetention, today: IsoDate): boolean {
  return retention.known && today > retention.retainUntil;
}
