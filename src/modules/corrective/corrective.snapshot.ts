import { and, eq } from 'drizzle-orm';
import { displayDate, type SnapshotReader, snapshotText } from '../../platform/approvals/snapshot-fields.ts';
import type { SnapshotField } from '../../platform/approvals/registry.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { type CorrectiveSource, correctiveSourceLabels } from './corrective.labels.ts';

// 是正処置実施記録 on the approval screen (issue 10), in the words of the 様式 and of J.7.1 h):
// the plan (h) 3) 処置計画) for its approval, and with it the result and the effectiveness review
// (h) 5)・6)) for the result's. The labels are the form's (corrective.schema.ts).

async function departmentName(reader: SnapshotReader, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await reader.tx
    .select({ name: departments.name })
    .from(departments)
    .where(and(eq(departments.organizationId, reader.organizationId), eq(departments.id, id)));
  return row?.name ?? null;
}

const sourceLabel = (source: string | null) => (source && source in correctiveSourceLabels ? correctiveSourceLabels[source as CorrectiveSource].ja : null);

/** 処置計画 (J.7.1 h) 1)–3)): the nonconformity, its cause, similar cases and the plan. */
export async function describeCorrectivePlanSnapshot(data: Record<string, unknown>, reader: SnapshotReader): Promise<SnapshotField[]> {
  return [
    { key: 'number', label: '管理番号', value: snapshotText(data, 'number') },
    { key: 'title', label: '件名', value: snapshotText(data, 'title') },
    { key: 'sourceType', label: '発見の契機', value: sourceLabel(snapshotText(data, 'sourceType')) },
    { key: 'sourceRef', label: '契機の参照番号', value: snapshotText(data, 'sourceRef') },
    { key: 'department', label: '当該所属', value: await departmentName(reader, snapshotText(data, 'departmentId')) },
    { key: 'content', label: '不適合の内容', value: snapshotText(data, 'content') },
    { key: 'correction', label: '修正・結果への対処', value: snapshotText(data, 'correction') },
    { key: 'rootCause', label: '根本原因', value: snapshotText(data, 'rootCause') },
    { key: 'similarCases', label: '類似の不適合の有無・発生の可能性', value: snapshotText(data, 'similarCases') },
    { key: 'plan', label: '処置計画', value: snapshotText(data, 'plan') },
    { key: 'dueOn', label: '実施期限', value: displayDate(snapshotText(data, 'dueOn')) },
  ];
}

/** 処置結果・有効性 (J.7.1 h) 5)・6)): the plan, then what was done and the effectiveness review. */
export async function describeCorrectiveResultSnapshot(data: Record<string, unknown>, reader: SnapshotReader): Promise<SnapshotField[]> {
  const effective = data.effective;
  return [
    ...(await describeCorrectivePlanSnapshot(data, reader)),
    { key: 'implementation', label: '処置の実施内容', value: snapshotText(data, 'implementation') },
    { key: 'implementedOn', label: '実施日', value: displayDate(snapshotText(data, 'implementedOn')) },
    { key: 'effectivenessReview', label: '有効性のレビュー（効果確認）', value: snapshotText(data, 'effectivenessReview') },
    { key: 'effective', label: '有効性の判定', value: effective === true ? '有効' : effective === false ? '有効でない' : null },
    { key: 'effectivenessReviewedOn', label: '有効性のレビュー日', value: displayDate(snapshotText(data, 'effectivenessReviewedOn')) },
  ];
}
