import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import { api } from '../../api/client.ts';
import { FullPageSpin, PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type ProvisionRecord, type ProvisionRecordDetail, pathOf, useProvisionRecord } from './api.ts';
import { type FormIn, ProvisionRecordForm } from './ProvisionRecordForm.tsx';

/** The recorded 記録事項 as the form holds them (an empty text is 「」, an empty date too). */
function formValuesOf(r: ProvisionRecordDetail): FormIn {
  return {
    kind: r.kind,
    basis: r.basis,
    form: r.form,
    recordedOn: r.recordedOn,
    providedOn: r.providedOn ?? '',
    lastProvidedOn: r.lastProvidedOn ?? '',
    counterpartyKind: r.counterpartyKind,
    counterpartyName: r.counterpartyName ?? '',
    counterpartyAddress: r.counterpartyAddress ?? '',
    counterpartyRepresentative: r.counterpartyRepresentative ?? '',
    subject: r.subject ?? '',
    dataItems: r.dataItems ?? '',
    consentObtained: r.consentObtained,
    acquisitionHistory: r.acquisitionHistory ?? '',
    ppcPublished: r.ppcPublished,
    overseas: r.overseas,
    overseasBasis: r.overseasBasis,
    overseasCountry: r.overseasCountry ?? '',
    overseasInfo: r.overseasInfo ?? '',
    overseasInfoConfirmed: r.overseasInfoConfirmed,
    overseasMeasures: r.overseasMeasures ?? '',
    overseasSystemMethod: r.overseasSystemMethod ?? '',
    overseasEquivalentMeasures: r.overseasEquivalentMeasures ?? '',
    overseasForeignSystem: r.overseasForeignSystem ?? '',
    overseasObstacle: r.overseasObstacle,
    overseasObstacleSummary: r.overseasObstacleSummary ?? '',
    overseasObstacleAction: r.overseasObstacleAction ?? '',
    exemptionGround: r.exemptionGround,
    note: r.note ?? '',
  };
}

/**
 * 記録の修正: the record's own form, prefilled with what is recorded. Saving checks the whole record
 * again (the 記録事項 of 規則第20条第1項・第24条第1項・J.8.8.4 4) and computes its 保存期間 again; the
 * record's page shows what changed. A disposed record is not corrected (the server refuses it too).
 */
export default function ProvisionRecordEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const record = useProvisionRecord(id);
  const date = useDateFormat();
  if (record.isLoading) return <FullPageSpin />;
  if (record.error || !record.data) return <QueryError error={record.error} onRetry={() => record.refetch()} />;
  const r = record.data;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/notices/provision-records/${id}`)}>
      記録へ戻る
    </Button>
  );
  return (
    <RequirePermission permission="notices.records">
      <PageHeader title={`${r.kindLabel}の修正`} lead="誤って記録した記録事項を直します。直す前の内容と直した人・日時は記録の履歴に残ります。" extra={back} />
      {r.abilities.correct ? (
        <ProvisionRecordForm
          initial={formValuesOf(r)}
          save={(input) => api.patch<ProvisionRecord>(pathOf(noticesContract.correctProvisionRecord, { id }), input)}
          savedMessage="記録を修正しました"
          notice={
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="記録を作成した日・作成方法・最後に提供を行った（受けた）日を直すと、保存期間と廃棄の期日を計算し直します"
            />
          }
        />
      ) : (
        <Alert type="warning" showIcon title={r.disposedOn ? `この記録は${date(r.disposedOn)}に廃棄済みのため修正できません` : 'この記録を修正する権限がありません'} />
      )}
    </RequirePermission>
  );
}
