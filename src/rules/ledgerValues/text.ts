import { type LedgerCell, cellText, isNoneCell } from './cell.ts';

// 台帳の値の読み取り: free text and list cells. Pure.

/** A text field: the cell's text, or null when it is blank or a "none" placeholder (なし・－ …). */
export function readText(value: LedgerCell): string | null {
  return isNoneCell(value) ? null : cellText(value);
}

/**
 * How a list cell is cut into items. `items` (個人情報の項目, 記録項目): also at ・ and /, which
 * ledgers use between item names (氏名・住所・電話番号). `names` (委託先, 提供先の外国, 文面): only at
 * line breaks, 、 , ; — a company name may itself contain ・ (「エヌ・ティ・ティ」).
 */
export type ListKind = 'items' | 'names';

const SEPARATORS: Record<ListKind, RegExp> = {
  items: /[\n、,，;；・／/]/,
  names: /[\n、,，;；]/,
};

/** Bullets at the start of a line in a multi-line cell: ・ ● ■ ◆ - ① 1. (1) 1) ア. */
const BULLET = /^(?:[・●○■□◆◇▪▫\-－‐*＊]|[①-⑳]|[(（]?\d{1,2}[)）.．、]|[ア-ン][.．、)）])\s*/;

/**
 * A list cell as items: split on line breaks and the separators of its {@link ListKind}, each
 * item trimmed and stripped of a leading bullet; a cell (or an item) meaning "none" gives nothing.
 *
 * @example readList('・氏名\n・住所', 'items') // ['氏名', '住所']
 * @example readList('なし', 'names') // []
 */
export function readList(value: LedgerCell, kind: ListKind): string[] {
  if (isNoneCell(value)) return [];
  const items: string[] = [];
  for (const line of cellText(value).split(/\r?\n/)) {
    const unbulleted = line.trim().replace(BULLET, '');
    for (const part of unbulleted.split(SEPARATORS[kind])) {
      const item = part.trim().replace(BULLET, '').trim();
      if (item && !isNoneCell(item) && !items.includes(item)) items.push(item);
    }
  }
  return items;
}
