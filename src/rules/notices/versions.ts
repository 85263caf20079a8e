import { diffLines as diffTextLines } from 'diff';
import { missingItemLabel, type RequiredItem, type RequiredItemsResult } from '../requiredItems/requiredItems.ts';

/**
 * Versioned texts of M6 (issue 14): 取得時の通知・同意文書 (J.8.5), 個人情報保護方針 (J.2.2) and
 * 公表事項 (J.10.3). A published version is immutable — a consent points to the exact text the
 * person saw (J.8.5 1 「書面によって本人の同意を得る」) — so editing a published text opens a new
 * draft; publication is refused while the checker finds a required item missing. Pure: the
 * service applies the plan, the web shows the same blockers and diff.
 */

export type VersionStatus = 'draft' | 'published';

/** A version as the rules see it. */
export type VersionSummary = { versionNo: number; status: VersionStatus };

/** What an edit does: change the open draft in place, or open draft `versionNo` after the published one. */
export type EditPlan = { kind: 'update_draft'; versionNo: number } | { kind: 'new_draft'; versionNo: number };

/** How an edit lands: on the latest draft if there is one, otherwise on a new draft numbered after the latest version. */
export function planEdit(versions: readonly VersionSummary[]): EditPlan {
  const latest = versions.reduce<VersionSummary | null>((a, v) => (a && a.versionNo >= v.versionNo ? a : v), null);
  if (latest?.status === 'draft') return { kind: 'update_draft', versionNo: latest.versionNo };
  return { kind: 'new_draft', versionNo: (latest?.versionNo ?? 0) + 1 };
}

/**
 * Why a version cannot be published, as Japanese messages naming each missing item with its
 * clause (「J.8.5 1 c) 利用目的 が記載されていません」); empty when it can be.
 */
export function publicationBlockers(status: VersionStatus, check: RequiredItemsResult<RequiredItem>): string[] {
  if (status === 'published') return ['この版は公開済みです。変更するには新しい版を作成してください'];
  return check.missing.map((item) => `${missingItemLabel(item)} が記載されていません`);
}

/** One line of a diff between two versions' texts. */
export type DiffLine = { op: 'same' | 'added' | 'removed'; text: string };

/**
 * A line diff of two versions' texts (版の比較), by jsdiff's `diffLines`: lines only in the old
 * text are `removed`, lines only in the new one `added`, in reading order (a changed line is its
 * old line removed, then its new line added). A reader compares the lines as typed, so a CRLF and
 * a missing newline after the last line are not changes.
 */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  return diffTextLines(oldText, newText, { stripTrailingCr: true, ignoreNewlineAtEof: true }).flatMap((part) => {
    const op: DiffLine['op'] = part.added ? 'added' : part.removed ? 'removed' : 'same';
    // A part is one or more whole lines, each ending with "\n" but perhaps the text's last.
    return part.value
      .replace(/\n$/, '')
      .split('\n')
      .map((text) => ({ op, text }));
  });
}
