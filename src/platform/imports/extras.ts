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
