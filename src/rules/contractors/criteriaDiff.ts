import type { ContractorCriteriaSet, ContractorCriterion } from '../data/contractorCriteria.ts';

/**
 * 委託先の選定・評価基準の版の差分 (J.9.4 s) 「個人情報保護管理者は毎年 12 月に委託先の選定基準を
 * 見直し、「委託先審査表」に定める」): what changed between last year's criteria set and this one.
 * Items are matched by their code (評価項目の番号), never by position, so a reordered set shows no change
 * for an item whose wording stayed the same.
 */

/** 評価項目の追加 / 削除 / 文言の変更 / 他の項目を代替する扱いの変更 (調査票 1 プライバシーマークの扱い). */
export type CriteriaChangeKind = 'added' | 'removed' | 'reworded' | 'coverage';

export const criteriaChangeLabels: Readonly<Record<CriteriaChangeKind, string>> = Object.freeze({
  added: '評価項目の追加',
  removed: '評価項目の削除',
  reworded: '文言の変更',
  coverage: '他の項目を代替する扱いの変更',
});

export type CriteriaChange = {
  kind: CriteriaChangeKind;
  label: string;
  code: string;
  /** The item's wording in the earlier set (null when added). */
  previousText: string | null;
  /** The item's wording in the later set (null when removed). */
  currentText: string | null;
};

const covers = (item: ContractorCriterion) => item.coversOthers === true;

/**
 * The changes from `previous` to `current`, matched by code: the later set's items in its order
 * (added, reworded, coverage changed), then the items removed, in the earlier set's order. An item
 * whose wording differs only in surrounding spaces is not reworded (the editor trims them).
 *
 * @example
 * diffCriteria(setagayaQuestionnaire, { ...setagayaQuestionnaire, items: [...setagayaQuestionnaire.items, { code: '10', text: '…' }] })
 * // → [{ kind: 'added', label: '評価項目の追加', code: '10', previousText: null, currentText: '…' }]
 */
export function diffCriteria(previous: Pick<ContractorCriteriaSet, 'items'>, current: Pick<ContractorCriteriaSet, 'items'>): CriteriaChange[] {
  const before = new Map(previous.items.map((item) => [item.code, item]));
  const now = new Set(current.items.map((item) => item.code));
  const change = (kind: CriteriaChangeKind, code: string, previousText: string | null, currentText: string | null): CriteriaChange => ({
    kind,
    label: criteriaChangeLabels[kind],
    code,
    previousText,
    currentText,
  });
  const changes: CriteriaChange[] = [];
  for (const item of current.items) {
    const old = before.get(item.code);
    if (!old) changes.push(change('added', item.code, null, item.text));
    else {
      if (old.text.trim() !== item.text.trim()) changes.push(change('reworded', item.code, old.text, item.text));
      if (covers(old) !== covers(item)) changes.push(change('coverage', item.code, old.text, item.text));
    }
  }
  for (const item of previous.items) if (!now.has(item.code)) changes.push(change('removed', item.code, item.text, null));
  return changes;
}
