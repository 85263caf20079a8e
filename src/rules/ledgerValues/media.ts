import { type CellRefusal, type LedgerCell, cellText, isNoneCell, quoteCell } from './cell.ts';

// 台帳の値の読み取り: 保管媒体（紙・電子）— from its own column (紙, 電子, 紙・電子, 両方 …), or written
// inside 保管方法 (「紙媒体で施錠キャビネット」「電子データ（ファイルサーバ）」), as ledgers without a
// medium column do. Pure.

export type StorageMedium = 'paper' | 'electronic' | 'both';

const PAPER = /紙|書類|書面|帳票|ファイル綴|簿冊|バインダー/;
const ELECTRONIC = /電子|データ|電磁|pc|パソコン|サーバ|システム|クラウド|dvd|cd-?r|usb|ハードディスク|hdd|nas|db|データベース/i;

/** The medium a text names, or null when it names none. */
function mediumIn(text: string): StorageMedium | null {
  const folded = text.normalize('NFKC');
  if (/両方|両者|併用/.test(folded)) return 'both';
  const paper = PAPER.test(folded);
  const electronic = ELECTRONIC.test(folded);
  if (paper && electronic) return 'both';
  if (paper) return 'paper';
  if (electronic) return 'electronic';
  return null;
}

/**
 * Reads a 保管媒体 cell: 紙 → paper, 電子・データ・サーバ … → electronic, both or 両方 → both; blank or
 * なし → null; anything else refused quoting the cell.
 */
export function readMedium(value: LedgerCell, label = '保管媒体'): StorageMedium | null | CellRefusal {
  if (isNoneCell(value)) return null;
  return mediumIn(cellText(value)) ?? { error: `${label}「${quoteCell(value)}」は 紙・電子・紙と電子 のいずれかで入力してください` };
}

/**
 * The medium written inside a 保管方法 text (「紙媒体で施錠保管」 → paper), or null when the text
 * names none. Only words that name a medium count (紙, 電子, データ, サーバ …); a ledger that names
 * neither is left without a medium rather than guessed.
 */
export function mediumWithin(text: string | null): StorageMedium | null {
  return text ? mediumIn(text) : null;
}
