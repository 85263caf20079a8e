import { type AcquisitionMethod, acquisitionMethodLabels, type SensitiveExceptionLetter, sensitiveExceptionLetters } from '../../rules/inventoryRules.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import type { EntryContent, EntryContentInput } from './inventory.schema.ts';
import { cellText, normalizeLabel } from './read-ledger-sheet.ts';

// 台帳の取込, step 2: the values of a ledger's cells as people write them — ○／×, 令和8年3月31日,
// 「約1,200件」, 「書面同意」, 「例外 a: 理由」 — read into the 台帳's fields, or the reason they cannot be.

/** A cell listing several values (、 , ; ・ / or one per line). */
export const splitList = (text: string) =>
  text
    .split(/[、,，;；\n／/・]/)
    .map((s) => s.trim())
    .filter(Boolean);

const TRUE_WORDS = new Set(['○', '〇', '◯', '●', '有', 'あり', '有り', 'はい', '該当', '該当あり', 'yes', 'y', 'true', '1', '✓', '✔']);
const FALSE_WORDS = new Set(['', '×', '✕', '無', 'なし', '無し', 'いいえ', '非該当', '該当なし', 'no', 'n', 'false', '0', '-', '－', '―', 'ー']);

export function parseFlag(value: CellOutput): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = normalizeLabel(cellText(value));
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return undefined;
}

const isoDatePattern = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const warekiPattern = /^(令和|平成)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$/;

/** 利用期限・保管期限: an Excel date, a written date (2026/3/31, 令和8年3月31日), or a description. */
export function parseTerm(value: CellOutput): { date: string | null; description: string | null } | { error: string } {
  if (value === null) return { date: null, description: null };
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10), description: null };
  const text = cellText(value).normalize('NFKC');
  const iso = isoDatePattern.exec(text);
  const wareki = warekiPattern.exec(text);
  let date: string | null = null;
  if (iso) date = `${iso[1]}-${iso[2]?.padStart(2, '0')}-${iso[3]?.padStart(2, '0')}`;
  else if (wareki) {
    const n = wareki[2] === '元' ? 1 : Number(wareki[2]);
    const year = (wareki[1] === '令和' ? 2018 : 1988) + n;
    date = `${year}-${wareki[3]?.padStart(2, '0')}-${wareki[4]?.padStart(2, '0')}`;
  }
  if (date) {
    const d = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) return { error: `「${text}」は存在しない日付です` };
    return { date, description: null };
  }
  return { date: null, description: text };
}

/** 件数（概数でも可）: 1200, 「約1,200件」, 「1000程度」. */
export function parseCount(value: CellOutput): { value: number; approximate: boolean } | null | { error: string } {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? { value, approximate: false } : { error: `件数「${value}」は0以上の整数で入力してください` };
  const text = cellText(value).normalize('NFKC');
  const digits = /(\d[\d,]*)/.exec(text);
  if (!digits?.[1]) return { error: `件数「${text}」は数値で入力してください（概数でも可。例: 約1,000）` };
  const approximate = /約|概|程度|ほど|前後|以上|以下|~|〜|およそ|未満/.test(text);
  return { value: Number(digits[1].replaceAll(',', '')), approximate };
}

const methodWords: [RegExp, AcquisitionMethod][] = [
  [/直接書面以外|口頭|電話|対面/, 'direct_other'],
  [/直接書面|書面|web|ウェブ|フォーム|申込書|申込/, 'direct_written'],
  [/委託/, 'entrusted'],
  [/共同利用/, 'joint_use'],
  [/第三者/, 'from_third_party'],
];

export function parseMethods(text: string): { methods: AcquisitionMethod[] } | { error: string } {
  const methods: AcquisitionMethod[] = [];
  for (const token of splitList(text)) {
    const folded = token.normalize('NFKC').toLowerCase();
    const hit = methodWords.find(([pattern]) => pattern.test(folded));
    if (!hit) return { error: `取得方法「${token}」は使えません（${Object.values(acquisitionMethodLabels).join('・')}）` };
    if (!methods.includes(hit[1])) methods.push(hit[1]);
  }
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

export function parseMedia(text: string): 'paper' | 'electronic' | 'both' | null | { error: string } {
  const folded = text.normalize('NFKC');
  if (!folded) return null;
  const paper = /紙|書類|帳票|ファイル綴/.test(folded);
  const electronic = /電子|データ|電磁|pc|サーバ|システム|クラウド/i.test(folded);
  if (/両方|両者/.test(folded) || (paper && electronic)) return 'both';
  if (paper) return 'paper';
  if (electronic) return 'electronic';
  return { error: `保管媒体「${text}」は 紙・電子・紙と電子 のいずれかで入力してください` };
}
