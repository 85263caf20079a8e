import { and, eq } from 'drizzle-orm';
import { labelledLines, type SnapshotReader, snapshotNumber, snapshotRows, snapshotText } from '../approvals/snapshot-fields.ts';
import type { SnapshotField } from '../approvals/registry.ts';
import { departments } from '../org/org.tables.ts';
import type { ReviewDecision } from './reviews.schema.ts';
import { annualReviews } from './reviews.tables.ts';

// 毎年12月の見直し on the approval screen (issue 10): the year, the department, each item the
// 所属長 went through with their decision and note (J.3.1.1 留意事項, J.3.1.3), and the summary of
// the differences against last year that the review keeps. Shared by every subject (台帳, リスク分析).

const decisionLabels: Readonly<Record<ReviewDecision, string>> = Object.freeze({ pending: '未確認', confirmed: '変更なし', changed: '変更あり' });

type Named = { name?: unknown; category?: unknown };
const nameOf = (item: Named) => (typeof item.name === 'string' ? item.name : typeof item.category === 'string' ? item.category : null);
const listOf = (value: unknown): Named[] => (Array.isArray(value) ? value.filter((v): v is Named => typeof v === 'object' && v !== null) : []);

/** 昨年との違い from a stored diff (both subjects have added / removed / changed lists of named items). */
function diffLines(diff: unknown): [string, string | null][] {
  if (typeof diff !== 'object' || diff === null) return [];
  const stored = diff as Record<string, unknown>;
  const body = (stored.inventory ?? stored.risk) as Record<string, unknown> | undefined;
  if (!body) return [];
  const names = (key: string) => {
    const list = listOf(body[key])
      .map(nameOf)
      .filter((n): n is string => n !== null);
    return list.length > 0 ? list.join('、') : null;
  };
  const unchanged = Array.isArray(body.unchangedIds) ? body.unchangedIds.length : null;
  return [
    ['比較の対象', typeof stored.baselineLabel === 'string' ? stored.baselineLabel : null],
    ['追加', names('added')],
    ['削除', names('removed')],
    ['変更', names('changed')],
    ['変更なし', unchanged === null ? null : `${unchanged}件`],
  ];
}

/** A review's snapshot (reviews.service.ts reviewApprovalType) as labelled lines. */
export async function describeReviewSnapshot(data: Record<string, unknown>, reader: SnapshotReader): Promise<SnapshotField[]> {
  const [review] = await reader.tx
    .select({ items: annualReviews.items, departmentName: departments.name })
    .from(annualReviews)
    .innerJoin(departments, eq(departments.id, annualReviews.departmentId))
    .where(and(eq(annualReviews.organizationId, reader.organizationId), eq(annualReviews.id, reader.recordId)));
  const labels = new Map((review?.items ?? []).map((i) => [i.subjectId, i.label]));
  const year = snapshotNumber(data, 'year');
  const items = snapshotRows(data, 'items');
  const fields: SnapshotField[] = [
    { key: 'year', label: '見直しの年', value: year === null ? null : `${year}年` },
    { key: 'department', label: '所属', value: review?.departmentName ?? null },
    { key: 'diff', label: '昨年との違い', value: labelledLines(diffLines(data.diff)) },
  ];
  for (const [index, item] of items.entries()) {
    const subjectId = snapshotText(item, 'subjectId');
    const decision = snapshotText(item, 'decision');
    fields.push({
      key: `item.${subjectId ?? index}`,
      label: (subjectId && labels.get(subjectId)) || `項目${index + 1}`,
      value: labelledLines([
        ['判断', decision && decision in decisionLabels ? decisionLabels[decision as ReviewDecision] : null],
        ['備考', snapshotText(item, 'note')],
        ['変更の申請', snapshotText(item, 'requestId') ? 'あり' : null],
      ]),
    });
  }
  return fields;
}
