import { displayDate, labelledLines, snapshotRows, snapshotText } from '../../platform/approvals/snapshot-fields.ts';
import type { SnapshotField } from '../../platform/approvals/registry.ts';
import { type DutyStatus, dutyStatusLabels } from './incidents.labels.ts';

// 緊急事態・事故等の終結 on the approval screen (issue 10). J.4.4.2: top management confirm the
// response is complete — so they read each 報告等の義務 with what was done about it. The snapshot
// holds no personal data (close-incident.ts), and neither do these lines.

const statusLabel = (status: string | null) => (status && status in dutyStatusLabels ? dutyStatusLabels[status as DutyStatus].ja : null);

/**
 * The closure's snapshot (close-incident.ts) as labelled lines: 受付番号, 件名, 知った日, then one
 * line per 報告等の義務 — its state, the day it was done, the 受付番号 of the report and its deadline —
 * keyed by the duty's kind so a second submission shows what changed.
 */
export function describeIncidentClosureSnapshot(data: Record<string, unknown>): SnapshotField[] {
  const duties = snapshotRows(data, 'duties');
  const fields: SnapshotField[] = [
    { key: 'number', label: '受付番号', value: snapshotText(data, 'number') },
    { key: 'title', label: '件名', value: snapshotText(data, 'title') },
    { key: 'knownOn', label: '事故等を知った日', value: displayDate(snapshotText(data, 'knownOn')) },
    { key: 'dutyCount', label: '報告等の義務', value: duties.length > 0 ? `${duties.length}件` : '報告等の義務はありません' },
  ];
  for (const [index, duty] of duties.entries()) {
    fields.push({
      key: `duty.${snapshotText(duty, 'kind') ?? index}`,
      label: snapshotText(duty, 'label') ?? `報告等の義務${index + 1}`,
      value: labelledLines([
        ['状態', statusLabel(snapshotText(duty, 'status'))],
        ['対応日', displayDate(snapshotText(duty, 'doneOn'))],
        ['受付番号等', snapshotText(duty, 'referenceNumber')],
        ['期限', displayDate(snapshotText(duty, 'due'))],
      ]),
    });
  }
  return fields;
}
