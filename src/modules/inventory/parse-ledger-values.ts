import {
  type AcquisitionMethod,
  acquisitionMethodLabels,
  type ExemptionClause,
  exemptionClauseLists,
  exemptionClauses,
  type SensitiveExceptionLetter,
  type SpecialCategoryId,
  sensitiveExceptionLetters,
  specialCategories,
} from '../../rules/inventoryRules.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { quoteCell, readCount, readDateCell, readList, readMedium } from '../../rules/ledgerValues/index.ts';
import { overseasBasisLabels } from './inventory.labels.ts';
import type { EntryContent, EntryContentInput } from './inventory.schema.ts';
import { normalizeLabel } from '../../domain/text.ts';
import { cellText } from '../../rules/ledgerValues/index.ts';

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
  if ('date' in read) return { date: read.date, description: null };
  // 「2031-03-31 退職後5年」: a date, a space, then words — both kept, as the export writes a term
  // holding both (issue #12 round trip). Only when the first word alone is a whole date.
  const both = /^(\S+)\s+(\S[\s\S]*)$/.exec(read.text);
  const first = both ? readDateCell(both[1] as string, label) : null;
  if (both && first && 'date' in first) return { date: first.date, description: both[2] as string };
  return { date: null, description: read.text };
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
  if (/同意/.test(folded) && !/例外/.test(folded)) {
    // 「書面同意（健康情報の取扱いに関する同意書）」: the consent document named in brackets (the export writes it so).
    const named = /^書面(?:による)?同意\s*[(（](.+)[)）]$/.exec(text.trim());
    return { kind: 'written_consent', noticeRef: named?.[1]?.trim() || null };
  }
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

/** 外国にある第三者への提供の根拠 (J.8.8.1 1): its letter, as the export writes it (「a) 本人の同意」) or alone. */
export function parseOverseasBasis(text: string): 'a' | 'b' | 'c' | null | { error: string } {
  const folded = normalizeLabel(text).toLowerCase();
  if (!folded || FALSE_WORDS.has(folded)) return null;
  const m = /^(?:j\.?8\.?8\.?1\s*1?\s*)?([abc])(?:[)）]|$|\s)/.exec(folded);
  if (m?.[1]) return m[1] as 'a' | 'b' | 'c';
  return { error: `外国にある第三者への提供の根拠「${text}」は ${Object.values(overseasBasisLabels).join('・')} のいずれかで入力してください（J.8.8.1 1）` };
}

const categoryByLabel = new Map<string, SpecialCategoryId>(specialCategories.flatMap((c) => [[normalizeLabel(c.label), c.id] as const, [c.id, c.id] as const]));

/**
 * 特に配慮を要する記述の分類: one per line, as the export writes them (a label may itself hold 、:
 * 「勤労者の団結権、団体交渉及びその他団体行動の行為」); a line that is not one label is read as a
 * list of labels. An unknown label is an error naming it.
 */
export function parseSpecialCategories(text: string): SpecialCategoryId[] | { error: string } {
  const found: SpecialCategoryId[] = [];
  const unknown: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const whole = categoryByLabel.get(normalizeLabel(line));
    const tokens = whole ? [line] : readList(line, 'names');
    for (const token of tokens) {
      const id = categoryByLabel.get(normalizeLabel(token));
      if (id) {
        if (!found.includes(id)) found.push(id);
      } else unknown.push(token);
    }
  }
  if (unknown.length > 0) return { error: `特に配慮を要する記述の分類「${unknown.join('、')}」は分類の一覧にありません（J.8.3）` };
  return found;
}

type Exemption = { clause: ExemptionClause; letter: string; subItem?: '1' | '2' | '3' | '4' | null; reason: string | null };

/** One 例外の記録 as a line of the export: 「J.8.4 d) 1: 理由」 (the 限定 1〜4 only for J.8.4 d). */
export function formatExemption(e: Exemption): string {
  return `${e.clause} ${e.letter})${e.subItem ? ` ${e.subItem}` : ''}${e.reason ? `: ${e.reason}` : ''}`;
}

const EXEMPTION_LINE = /^(J\.8\.(?:8\.3|4|5|7|8))\s*([a-z]+)\)?\s*([1-4])?\s*(?:[:：]|$)/;

/**
 * 通知・同意等の例外: one 「J.8.4 d) 1: 理由」 per line ({@link formatExemption}); a line that does
 * not start with a clause continues the reason above it (a reason may span lines). The letter is
 * checked against the clause's list by the entry's schema.
 */
export function parseExemptions(text: string): Exemption[] | { error: string } {
  const out: Exemption[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = EXEMPTION_LINE.exec(line.normalize('NFKC').trim());
    if (m && (exemptionClauses as readonly string[]).includes(m[1] as string)) {
      const clause = m[1] as ExemptionClause;
      const letter = (m[2] as string).toLowerCase();
      if (!exemptionClauseLists[clause].some((item) => item.letter === letter))
        return { error: `通知・同意等の例外「${line.trim()}」: ${clause} に ${letter}) はありません（${exemptionClauseLists[clause].map((i) => i.letter).join('・')}）` };
      // The reason as typed (not folded): what follows the clause's first colon.
      const colon = line.search(/[:：]/);
      const reason =
        colon < 0
          ? ''
          : line
              .slice(colon + 1)
              .replace(/^\s/, '')
              .trimEnd();
      out.push({ clause, letter, subItem: (m[3] as Exemption['subItem']) ?? null, reason: reason || null });
    } else {
      const last = out.at(-1);
      if (!last) {
        if (!line.trim()) continue;
        return { error: `通知・同意等の例外「${line.trim()}」は「J.8.4 d) 1: 理由」の形（条項・号・理由）で1行に1件入力してください` };
      }
      last.reason = `${last.reason ?? ''}\n${line}`;
    }
  }
  return out;
}

/** 「会員規約の通知文 第2版」: a notice's 名称 and its version. */
const NOTICE_VERSION = /^(.+?)\s*第\s*([0-9０-９]+)\s*版$/;

/**
 * 通知文（公開済みの版）: one 「名称 第N版」 per line (or 、-separated), each a published version of
 * the organization's notices (名称 compared as {@link normalizeLabel} folds it). A line in another
 * form, a version that does not exist or is not published, is an error quoting it — never dropped.
 */
export function parseNoticeVersions(text: string, published: readonly { id: string; title: string; versionNo: number }[]): { ids: string[] } | { error: string } {
  const ids: string[] = [];
  for (const line of readList(text, 'names')) {
    const m = NOTICE_VERSION.exec(line);
    if (!m?.[1] || !m[2]) return { error: `通知文「${quoteCell(line)}」は「名称 第N版」の形で入力してください（例: 会員登録の通知文 第2版）` };
    const versionNo = Number(m[2].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
    const found = published.find((v) => v.versionNo === versionNo && normalizeLabel(v.title) === normalizeLabel(m[1] ?? ''));
    if (!found) return { error: `通知文「${quoteCell(line)}」は公開済みの版にありません。通知・同意の画面で名称と版を確かめてください` };
    if (!ids.includes(found.id)) ids.push(found.id);
  }
  return { ids };
}
