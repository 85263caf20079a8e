import { type AcquisitionMethod, acquisitionMethodLabels, type SensitiveExceptionLetter, sensitiveExceptionLetters } from '../../rules/inventoryRules.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { readCount, readDateCell, readList, readMedium } from '../../rules/ledgerValues/index.ts';
import type { EntryContent, EntryContentInput } from './inventory.schema.ts';
import { cellText, normalizeLabel } from './read-ledger-sheet.ts';

// 台帳の取込, step 2: the values of a ledger's cells as people write them — ○／×, 令和8年3月31日,
// 「約1,200件」, 「書面同意」, 「例外 a: 理由」 — read into the 台帳's fields, or the reason they cannot be.

/** A cell listing several values (、 , ; ・ / or one per line; なし・－ give none): src/rules/ledgerValues readList. */
export const splitList = (text: string) => readList(text, 'items');

const TRUE_WORDS = new Set(['○', '〇', '◯', '●', '有', 'あり', '有り', 'はい', '該当', '該当あり', 'yes', 'y', 'true', '1', '✓', '✔']);
const FALSE_WORDS = new Set(['', '×', '✕', '無', 'なし', '無し', 'いいえ', '非該当', '該当なし', 'no', 'n', 'false', '0', '-', '－', '―', 'ー']);

export function parseFlag(value: CellOutput): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = normalizeLabel(cellText(value));
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return undefined;
}

/**
 * 利用期限・保管期限: an Excel date or serial, a written date (2026/3/31, 令和8年3月31日, R8.3.31),
 * or a description (業務終了まで); なし or blank is neither. A date that does not exist is refused.
 */
export function parseTerm(value: CellOutput, label: string): { date: string | null; description: string | null } | { error: string } {
  const read = readDateCell(value, label, { allowText: true });
  if (read === null) return { date: null, description: null };
  if ('error' in read) return read;
  return 'date' in read ? { date: read.date, description: null } : { date: null, description: read.text };
}

/** 件数（概数でも可）: 1200, 「約1,200件」, 「3万名」, 「100〜200」 (src/rules/ledgerValues readCount). */
export function parseCount(value: CellOutput): { value: number; approximate: boolean } | null | { error: string } {
  return readCount(value, '件数');
}

const methodWords: [RegExp, AcquisitionMethod][] = [
  [/直接書面以外|口頭|電話|対面/, 'direct_other'],
  [/直接書面|書面|web|ウェブ|フォーム|申込書|申込/, 'direct_written'],
  [/委託/, 'entrusted'],
  [/共同利用/, 'joint_use'],
  [/第三者/, 'from_third_party'],
];

/**
 * 取得方法: each listed way read by its words (書面・口頭・委託・共同利用・第三者), or by the value
 * mapping the client chose for a way the file writes its own way (`mapped`). Every way that is
 * neither is returned in `unknown`, so a dry run can list it for mapping.
 */
export function parseMethods(
  text: string,
  mapped: (token: string) => AcquisitionMethod | undefined = () => undefined,
): { methods: AcquisitionMethod[] } | { error: string; unknown: string[] } {
  const methods: AcquisitionMethod[] = [];
  const unknown: string[] = [];
  for (const token of splitList(text)) {
    const folded = token.normalize('NFKC').toLowerCase();
    const method = methodWords.find(([pattern]) => pattern.test(folded))?.[1] ?? mapped(token);
    if (!method) unknown.push(token);
    else if (!methods.includes(method)) methods.push(method);
  }
  if (unknown.length > 0)
    return { error: `取得方法「${unknown.join('、')}」は使えません（${Object.values(acquisitionMethodLabels).join('・')}）。既存の取得方法に対応付けることもできます`, unknown };
  return { methods };
}

export function parseSensitiveBasis(text: string): EntryContentInput['sensitiveBasis'] | { error: string } {
  const folded = text.normalize('NFKC');
  if (!folded) return null;
  if (/同意/.test(folded) && !/例外/.test(folded)) return { kind: 'written_consent', noticeRef: null };
  const m = /(?:例外|J\.?8\.?3\s*2?)\s*([a-k])\)?\s*[:：]?\s*(.*)$/i.exec(folded);
  const letter = m?.[1]?.toLowerCase();
  if (letter && (sensitiveExceptionLetters as readonly string[]).includes(letter)) {
    return { kind: 'exception', letter: letter as SensitiveExceptionLetter, reason: m?.[2]?.trim() || null };
  }
  return { error: `要配慮個人情報の取得根拠「${text}」は「書面同意」または「例外 a: 理由」（J.8.3 2 a〜k）の形で入力してください` };
}

export function parseProcessed(text: string): EntryContent['processedKind'] | { error: string } {
  const folded = normalizeLabel(text);
  if (!folded || FALSE_WORDS.has(folded)) return 'none';
  if (folded.includes('仮名')) return 'pseudonymized';
  if (folded.includes('匿名')) return 'anonymized';
  if (folded.includes('個人関連')) return 'personal_related';
  return { error: `「${text}」は 仮名加工情報・匿名加工情報・個人関連情報・該当なし のいずれかで入力してください` };
}

/** 保管媒体: 紙・電子・紙と電子 (src/rules/ledgerValues readMedium). */
export function parseMedia(value: CellOutput): 'paper' | 'electronic' | 'both' | null | { error: string } {
  return readMedium(value, '保管媒体');
}
