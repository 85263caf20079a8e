import { normalizeLabel } from '../../domain/text.ts';

// 取込時の追加情報 (issue #12, unmapped columns kept): the columns of an imported file that no field
// of the register took — 備考, a risk column, the organization's own 管理番号 — are kept on the
// record as heading/value pairs, as written, shown on its page and written back by its export
// (one cell, 「見出し: 値」 per line), which the import reads back into the same pairs. Pure.

/** The heading of the block on the record's page and of its column in the export. */
export const EXTRAS_HEADING = '取込時の追加情報';

/** One kept column: the file's heading and the cell as written. */
export type ImportExtra = { heading: string; value: string };

/** A column that only numbers the rows (No.・番号・連番・通し番号・項番・#): not worth keeping. */
export function isRowNumberHeading(heading: string): boolean {
  return /^(?:no\.?|№|番号|連番|通し番号|通番|項番|#|行番号)$/.test(normalizeLabel(heading));
}

/**
 * The unmapped columns to keep: those the client named (`keep`), else every one except a row-number
 * column, the block's own column (read back by {@link parseExtras}) and the `derived` columns the
 * register's export adds (its state: 版, 最終更新 …, which the record has already).
 */
export function keptColumns(unmapped: readonly string[], derived: readonly string[], keep?: readonly string[] | null): string[] {
  const own = normalizeLabel(EXTRAS_HEADING);
  if (keep) return unmapped.filter((h) => keep.includes(h) && normalizeLabel(h) !== own);
  const skip = new Set(derived.map(normalizeLabel));
  return unmapped.filter((h) => !isRowNumberHeading(h) && !skip.has(normalizeLabel(h)) && normalizeLabel(h) !== own);
}

/**
 * One record's block: the pairs read back from the block's own column (`ownCell`, Mamori's export),
 * then each kept column's non-empty cell as written — the one reading every register uses.
 */
export function extrasOfRow(ownCell: string | null, kept: readonly { heading: string; value: string }[]): ImportExtra[] {
  const extras = ownCell ? parseExtras(ownCell) : [];
  for (const k of kept) if (k.value.trim() !== '') extras.push({ heading: k.heading, value: k.value });
  return extras;
}

/** Whether `heading` is the block's own column (read back, never kept as one pair). */
export const isExtrasHeading = (heading: string) => normalizeLabel(heading) === normalizeLabel(EXTRAS_HEADING);

/** The block as one cell of an export: 「見出し: 値」 per line. */
export function formatExtras(extras: readonly ImportExtra[] | null | undefined): string {
  return (extras ?? []).map((e) => `${e.heading}: ${e.value}`).join('\n');
}

/**
 * A cell written by {@link formatExtras} read back: each line 「見出し: 値」 (or 「見出し：値」) starts a
 * pair; a line without one continues the value before it (a value of several lines).
 */
export function parseExtras(text: string): ImportExtra[] {
  const extras: ImportExtra[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^([^:：\n]{1,100})[:：]\s?(.*)$/.exec(line);
    const last = extras[extras.length - 1];
    if (m?.[1] && m[1].trim() !== '') extras.push({ heading: m[1].trim(), value: m[2] ?? '' });
    else if (last) last.value = `${last.value}\n${line}`;
    else if (line.trim() !== '') extras.push({ heading: EXTRAS_HEADING, value: line });
  }
  return extras;
}

/**
 * What an import stores beside the form's fields: 備考 (undefined when the file has no 備考 column)
 * and 取込時の追加情報 (undefined when the file has no kept column; an empty list clears it) — only
 * those the file has, so that an update keeps the others.
 */
export function importedNotes(note: string | null | undefined, extras: ImportExtra[] | undefined): { note?: string | null; importExtras?: ImportExtra[] | null } {
  return { ...(note !== undefined ? { note } : {}), ...(extras !== undefined ? { importExtras: extras.length > 0 ? extras : null } : {}) };
}
