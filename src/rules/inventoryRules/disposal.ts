/**
 * 利用期限・保管期限 → 廃棄・消去タスク (SPEC M1; J.9.1 2, J.9.2 b) 3) ⑤・6), J.9.4 3 h)).
 * Re-exported by `../inventoryRules.ts`.
 */
import { disposalGrounds, electronicDisposal, entrustedDisposal, paperDisposal } from '../data/inventoryDuties.ts';
import { addCalendarDays, type IsoDate, isIsoDate } from '../deadlines.ts';
import { filled, type InventoryEntry } from './entry.ts';

/** Why an entry is due for disposal. */
export type DisposalReason = {
  kind: 'use_period_ended' | 'retention_period_ended';
  label: string;
  /** The 期限 (last day) that has passed. */
  date: IsoDate;
  clause: string;
  quote: string;
};

/** A disposal task (廃棄・消去タスク) derived from an entry whose period has passed. */
export type DisposalDue = {
  entryId: string;
  entryName: string;
  reasons: DisposalReason[];
  /** The day the task became due: the day after the earliest passed 期限. */
  dueSince: IsoDate;
  /** 保管期限 when it lies in the future (only 利用期限 has passed): keep until then, or erase now. */
  keepUntil: IsoDate | null;
  task: {
    kind: 'disposal';
    title: string;
    ownerRole: 'department_head';
    /** Methods PA01 allows for the entry's media (J.9.2 b) 6)), plus 委託先 return/erasure. */
    methods: { text: string; clause: string }[];
  };
};

/**
 * 利用期限・保管期限 → 廃棄タスク (SPEC M1). A 期限 is the last day: it has *passed* when `today` is
 * later than it. Returns null when nothing has passed, the entry was already disposed of
 * (`disposedAt`), or the 期限 is only described in words (「退職後5年」) without a date.
 *
 * - 保管期限 passed: erase/dispose (J.9.2 b) 3) ⑤ 「個人情報管理台帳に定められた保管期間に従って保管する」).
 * - Only 利用期限 passed: the data is no longer needed for its purpose — erase, or keep until 保管期限
 *   if there is one (J.9.1 2 「個人データの管理（利用する必要がなくなった場合の消去を含む。）」).
 *
 * @param today the current date, `YYYY-MM-DD` (the engine has no clock).
 */
export function disposalDue(entry: Partial<InventoryEntry> & { id: string }, today: IsoDate): DisposalDue | null {
  if (!isIsoDate(today)) throw new RangeError(`today は YYYY-MM-DD 形式の実在する日付で指定してください: "${today}"`);
  if ((entry.disposedAt ?? null) !== null) return null;
  const reasons: DisposalReason[] = [];
  const useDate = entry.useUntil?.date ?? null;
  const retainDate = entry.retainUntil?.date ?? null;
  if (useDate !== null && today > useDate) {
    reasons.push(reason('use_period_ended', useDate));
  }
  if (retainDate !== null && today > retainDate) {
    reasons.push(reason('retention_period_ended', retainDate));
  }
  // ISO dates sort as strings; the earliest passed 期限 starts the task.
  const earliest = reasons.map((reason) => reason.date).sort()[0];
  if (earliest === undefined) return null;
  const media = entry.storageMethod?.media;
  const methods = [
    ...(media === 'electronic' ? [] : [paperDisposal]),
    ...(media === 'paper' ? [] : [electronicDisposal]),
    ...((entry.entrustedTo ?? []).length > 0 ? [entrustedDisposal] : []),
  ];
  const retentionPassed = reasons.some((reason) => reason.kind === 'retention_period_ended');
  const name = filled(entry.name) ? (entry.name ?? '') : entry.id;
  return {
    entryId: entry.id,
    entryName: name,
    reasons,
    dueSince: addCalendarDays(earliest, 1),
    keepUntil: !retentionPassed && retainDate !== null ? retainDate : null,
    task: {
      kind: 'disposal',
      title: retentionPassed ? `保管期限経過による消去・廃棄（${name}）` : `利用期限経過に伴う消去・廃棄の検討（${name}）`,
      ownerRole: 'department_head',
      methods,
    },
  };
}

function reason(kind: DisposalReason['kind'], date: IsoDate): DisposalReason {
  const ground = disposalGrounds[kind];
  return { kind, label: ground.label, date, clause: ground.clause, quote: ground.quote };
}
