import { PdfReport } from '../../platform/exports/pdf.ts';
import type { PdfHeader } from '../../platform/exports/pdfHeader.ts';
import { correctiveSourceLabels, correctiveStatusLabels } from './corrective.labels.ts';
import type { CorrectiveDetail } from './corrective.queries.ts';

// 是正処置実施記録 (J.7.1 h), SPEC §3 Exports): the record with the stamps of the plan approval
// (h) 3)) and of the result approval (h) 5)・6), J.7.1 3).

const dash = (value: string | null | undefined) => (value?.trim() ? value : '（未記入）');

function stampsOf(approval: CorrectiveDetail['planApproval']) {
  const current = approval.current;
  const steps = current?.steps ?? [
    { index: 0, label: '個人情報保護管理者' },
    { index: 1, label: 'トップマネジメント' },
  ];
  return steps.map((step) => {
    const stamp = current?.status === 'superseded' ? undefined : current?.stamps.filter((s) => s.step === step.index && s.action === 'approve').at(-1);
    return { label: step.label, name: stamp?.actorName ?? null, at: stamp?.at ?? null };
  });
}

function sourceReference(d: CorrectiveDetail): string {
  if (d.incident) return `　参照：${d.incident.number}`;
  if (d.contractorInspection) return `　参照：${d.contractorInspection.label}`;
  return d.action.sourceRef ? `　参照：${d.action.sourceRef}` : '';
}

export async function renderCorrectiveRecordPdf(d: CorrectiveDetail, header: PdfHeader, printedAt: Date): Promise<Buffer> {
  const a = d.action;
  const pdf = new PdfReport({ title: '是正処置実施記録', ...header, printedAt, subject: `${a.number} ${a.title}` });
  pdf.keyValues([
    ['管理番号', a.number],
    ['件名', a.title],
    ['状態', correctiveStatusLabels[a.status].ja],
    // The incident's number only for those who may see it (d.incident; issue #11 finding 6).
    ['発見の契機', `${correctiveSourceLabels[a.sourceType].ja}（${correctiveSourceLabels[a.sourceType].basis}）${sourceReference(d)}`],
    ['当該所属', d.departmentName],
    ['発見者・記録日', `${d.reporterName}　${pdf.date(a.reportedAt)}`],
  ]);
  pdf.heading('処置計画（J.7.1 h) 1)〜3)）');
  pdf.stampBox(stampsOf(d.planApproval));
  pdf.keyValues([
    ['不適合の内容', a.content],
    ['修正・結果への対処（J.7.1 1 a)）', dash(a.correction)],
    ['根本原因（1 b) 2)）', dash(a.rootCause)],
    ['類似の不適合（1 b) 3)）', dash(a.similarCases)],
    ['処置計画（1 c)）', dash(a.plan)],
    ['実施期限', a.dueOn ? pdf.date(a.dueOn) : '（未記入）'],
  ]);
  pdf.heading('処置結果・有効性のレビュー（J.7.1 h) 4)〜6)）');
  pdf.stampBox(stampsOf(d.resultApproval));
  pdf.keyValues([
    ['処置の実施内容', dash(a.implementation)],
    ['実施日', a.implementedOn ? pdf.date(a.implementedOn) : '（未記入）'],
    ['有効性のレビュー（効果確認）', dash(a.effectivenessReview)],
    ['判定', a.effective === null ? '（未記入）' : a.effective ? '有効' : '有効でない（追加の処置が必要）'],
    ['レビュー実施者・日', d.reviewerName ? `${d.reviewerName}　${a.effectivenessReviewedOn ? pdf.date(a.effectivenessReviewedOn) : ''}` : null],
  ]);
  return pdf.toBuffer();
}
