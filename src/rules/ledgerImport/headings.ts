// 見出しの対応付け (issue #12 stage 2): a column heading of an organization's own sheet matched to
// a register's field through a synonym dictionary, with a confidence. Pure.

/** One field of a register as the dictionary knows it: its key, Mamori's heading and the synonyms ledgers use. */
export type HeadingField<K extends string = string> = { key: K; label: string; synonyms: readonly string[] };

/**
 * How sure a match is: `exact` — the heading is the label or a synonym as written; `normalized` —
 * the same once width, spaces, marks (※＊), brackets' notes（…）and の are folded; `partial` — a
 * synonym is part of the heading (「管理部門名」 ⊃ 「管理部門」). Only exact and normalized matches
 * are applied without the user seeing them; a partial one is offered for confirmation.
 */
export type HeadingConfidence = 'exact' | 'normalized' | 'partial';

export const confidenceRank: Record<HeadingConfidence, number> = { exact: 3, normalized: 2, partial: 1 };

/** A heading width-folded, without spaces, marks, numbering or a bracketed note, and without の・及び. */
export function foldHeading(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（［[【〈<].*?[)）］\]】〉>]/g, '')
    .replace(/[\s*※＊:：・/／、,_\-－ー―]/g, '')
    .replace(/^(?:(?:\d{1,2}|[a-z])[.)．]|[①-⑳])/i, '')
    .replace(/の|及び|および|並びに|ならびに|等$|欄$/g, '')
    .toLowerCase();
}

/** A heading with only width and spaces folded (the "exact" comparison forgives those). */
const trimHeading = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export type HeadingMatch<K extends string = string> = { key: K; confidence: HeadingConfidence; synonym: string };

/** An index of a dictionary for {@link matchHeading} (build once per dictionary). */
export type HeadingIndex<K extends string = string> = {
  exact: Map<string, { key: K; synonym: string }>;
  normalized: Map<string, { key: K; synonym: string }>;
  partial: { folded: string; key: K; synonym: string }[];
};

/** Indexes a dictionary; the first field to claim a synonym keeps it. */
export function indexHeadings<K extends string>(fields: readonly HeadingField<K>[]): HeadingIndex<K> {
  const index: HeadingIndex<K> = { exact: new Map(), normalized: new Map(), partial: [] };
  for (const field of fields) {
    for (const synonym of [field.label, ...field.synonyms]) {
      const exact = trimHeading(synonym);
      if (!index.exact.has(exact)) index.exact.set(exact, { key: field.key, synonym });
      const folded = foldHeading(synonym);
      if (folded && !index.normalized.has(folded)) index.normalized.set(folded, { key: field.key, synonym });
      if ([...folded].length >= 2) index.partial.push({ folded, key: field.key, synonym });
    }
  }
  // The longest synonym inside a heading says most about it: 「アクセス権を有する者」 before 「者」-like stubs.
  index.partial.sort((a, b) => b.folded.length - a.folded.length);
  return index;
}

/**
 * The field a heading names, with a confidence, or null. Exact beats normalized beats partial; a
 * partial match takes the longest synonym inside the heading.
 *
 * @example matchHeading('個人情報の名称', index) // { key: 'name', confidence: 'exact', … }
 * @example matchHeading('管理部門名', index)     // { key: 'department', confidence: 'partial', … }
 */
export function matchHeading<K extends string>(heading: string, index: HeadingIndex<K>): HeadingMatch<K> | null {
  const exact = index.exact.get(trimHeading(heading));
  if (exact) return { ...exact, confidence: 'exact' };
  const folded = foldHeading(heading);
  if (!folded) return null;
  const normalized = index.normalized.get(folded);
  if (normalized) return { ...normalized, confidence: 'normalized' };
  const partial = index.partial.find((p) => folded.includes(p.folded));
  return partial ? { key: partial.key, synonym: partial.synonym, confidence: 'partial' } : null;
}

/** A column of a sheet: its number (1 = A) and heading text. */
export type HeadingColumn = { column: number; heading: string };

/** One column's mapping: the field it fills (null when none) and how sure the match is. */
export type ColumnMapping<K extends string = string> = HeadingColumn & { field: K | null; confidence: HeadingConfidence | null; synonym: string | null };

/**
 * Maps every column to at most one field and every field to at most one column: for each field
 * the column with the surest match wins (the leftmost on a tie); the other columns that named
 * the same field stay unmapped (shown to the user, never silently merged).
 */
export function mapColumns<K extends string>(columns: readonly HeadingColumn[], index: HeadingIndex<K>): ColumnMapping<K>[] {
  const matches = columns.map((c) => ({ column: c, match: c.heading ? matchHeading(c.heading, index) : null }));
  const winner = new Map<K, number>();
  matches.forEach(({ match }, i) => {
    if (!match) return;
    const current = winner.get(match.key);
    const currentMatch = current === undefined ? null : matches[current]?.match;
    if (!currentMatch || confidenceRank[match.confidence] > confidenceRank[currentMatch.confidence]) winner.set(match.key, i);
  });
  return matches.map(({ column, match }, i) =>
    match && winner.get(match.key) === i
      ? { ...column, field: match.key, confidence: match.confidence, synonym: match.synonym }
      : { ...column, field: null, confidence: null, synonym: null },
  );
}
