// 台帳の値の読み取り (issue #12 stage 1): pure readers of the values Japanese ledgers write —
// counts, dates, "none" placeholders, lists, media — each returning the value or a Japanese
// refusal quoting the cell. Used by the 台帳 import; the other registers' imports use them too.

export { type CellRefusal, cellText, isNoneCell, isNoneText, type LedgerCell, QUOTE_MAX_CHARS, quoteCell } from './cell.ts';
export { type CountReading, MAX_COUNT, readCount } from './count.ts';
export { type DateCellReading, readDateCell, SERIAL_RANGE, serialToIso } from './date.ts';
export { mediumWithin, readMedium, type StorageMedium } from './media.ts';
export { type ListKind, readList, readText } from './text.ts';
