import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import { disposeProvisionRecordBody, recordFurtherProvisionBody } from '../../../../src/modules/notices/provision-records.schema.ts';
import { overseasBasisLabels } from '../../../../src/rules/data/provisionRecordItems.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, DateInput, Field, FormLayout } from '../../components/form.tsx';
import { FullPageSpin, PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useDateFormat } from '../incidents/parts.tsx';
import { noticeKeys, type ProvisionRecordDetail, pathOf, useProvisionRecord } from './api.ts';
import { counterpartyKindLabels, fieldLabels, historyValueText } from './labels.ts';

type DisposeIn = z.input<typeof disposeProvisionRecordBody>;
type DisposeOut = z.output<typeof disposeProvisionRecordBody>;
type ProvisionIn = z.input<typeof recordFurtherProvisionBody>;
type ProvisionOut = z.output<typeof recordFurtherProvisionBody>;

/** 提供の追加 (一括・契約書等の記録): moves 最後に提供を行った（受けた）日 and the 保存期間. */
function FurtherProvisionForm({ id, label }: { id: string; label: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ProvisionIn, unknown, ProvisionOut>({ resolver: zodResolver(recordFurtherProvisionBody), defaultValues: { providedOn: '' } });
  useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.post(pathOf(noticesContract.recordFurtherProvision, { id }), values);
      message.success('提供を記録し、保存期間を計算し直しました');
      form.reset({ providedOn: '' });
      await queryClient.invalidateQueries({ queryKey: noticeKeys.all });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['providedOn']));
    }
  });
  return (
    <FormLayout id="provision-record-further" onSubmit={onSubmit}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <Field control={form.control} name="providedOn" label={label}>
        {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
      </Field>
      <Button htmlType="submit" loading={form.formState.isSubmitting} style={{ marginBottom: 16 }}>
        提供を追加する
      </Button>
    </FormLayout>
  );
}

type HistoryItem = ProvisionRecordDetail['history'][number];

/**
 * 記録の履歴 (from the audit trail): when the record was made, and each later write — a correction,
 * a further provision, the disposal — with who made it and every 記録事項 before → after.
 */
function RecordHistory({ record }: { record: ProvisionRecordDetail }) {
  const date = useDateFormat();
  const L: Readonly<Record<string, string>> = fieldLabels(record.kind);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>記録の履歴</h2>} size="small" style={{ marginTop: 16 }} data-testid="pr-history">
      <Table<HistoryItem>
        size="small"
        rowKey={(h) => `${h.at}-${h.action}`}
        pagination={false}
        dataSource={record.history}
        columns={[
          { title: '日時', dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
          { title: '操作', dataIndex: 'actionLabel', width: 110 },
          { title: '操作した人', dataIndex: 'actorName', width: 140, render: (name: string | null) => name ?? 'システム' },
          {
            title: '変更した記録事項（前 → 後）',
            render: (_: unknown, h) =>
              h.changes.length === 0 ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {h.changes.map((c) => (
                    <li key={c.field}>
                      {`${L[c.field] ?? c.label}: `}
                      <del>{historyValueText(c.field, c.before, date)}</del>
                      {' → '}
                      <ins>{historyValueText(c.field, c.after, date)}</ins>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** One 第三者提供記録 / 確認記録 / 個人関連情報の確認記録: its 記録事項, its 保存期間 with the basis, and the 廃棄 once the period has ended. */
export default function ProvisionRecordDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const date = useDateFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const record = useProvisionRecord(id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<DisposeIn, unknown, DisposeOut>({ resolver: zodResolver(disposeProvisionRecordBody), defaultValues: { disposedOn: '' } });
  const leave = useFormLeaveGuard(form);
  const onDispose = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.post(pathOf(noticesContract.disposeProvisionRecord, { id }), values);
      leave.saved();
      message.success('廃棄を記録しました');
      await queryClient.invalidateQueries({ queryKey: noticeKeys.all });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['disposedOn']));
    }
  });
  if (record.isLoading) return <FullPageSpin />;
  if (record.error || !record.data) return <QueryError error={record.error} onRetry={() => record.refetch()} />;
  const r = record.data;
  const L = fieldLabels(r.kind);
  const counterparty =
    r.counterpartyKind === 'unspecified'
      ? counterpartyKindLabels.unspecified
      : [r.counterpartyName, r.counterpartyAddress, r.counterpartyRepresentative].filter(Boolean).join(' / ');
  return (
    <RequirePermission permission="notices.records">
      <PageHeader
        title={r.kindLabel}
        lead={`${r.basisLabel}・${r.formLabel}`}
        extra={
          <Space>
            {r.abilities.correct ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/notices/provision-records/${r.id}/edit`)} data-testid="pr-correct">
                修正する
              </Button>
            ) : null}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/notices/provision-records')}>
              一覧へ戻る
            </Button>
          </Space>
        }
      />
      <Card title="記録事項" size="small">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={L.recordedOn}>{date(r.recordedOn)}</Descriptions.Item>
          <Descriptions.Item label={L.providedOn}>{r.providedOn ? date(r.providedOn) : '—'}</Descriptions.Item>
          {r.lastProvidedOn ? <Descriptions.Item label={L.lastProvidedOn}>{date(r.lastProvidedOn)}</Descriptions.Item> : null}
          <Descriptions.Item label={r.kind === 'receipt' || r.kind === 'related_receipt' ? '提供元' : '提供先'}>{counterparty}</Descriptions.Item>
          {r.kind === 'receipt' ? <Descriptions.Item label={L.acquisitionHistory}>{r.acquisitionHistory ?? '—'}</Descriptions.Item> : null}
          {r.kind === 'related' ? null : <Descriptions.Item label={L.subject}>{r.subject ?? '—'}</Descriptions.Item>}
          <Descriptions.Item label={L.dataItems}>{r.dataItems ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={L.consentObtained}>
            {r.consentObtained ? (r.kind === 'related' ? '確認済み' : r.kind === 'related_receipt' ? '同意が得られている' : '同意を得ている') : '—'}
          </Descriptions.Item>
          {r.kind === 'receipt' && r.basis === 'opt_out' ? <Descriptions.Item label={L.ppcPublished}>{r.ppcPublished ? '確認済み' : '—'}</Descriptions.Item> : null}
          {r.overseas && r.kind === 'related_receipt' ? <Descriptions.Item label={L.overseas}>当組織（提供先）は外国にある個人情報取扱事業者</Descriptions.Item> : null}
          {r.overseas && r.kind !== 'related_receipt' ? (
            <Descriptions.Item label={L.overseas}>
              {[r.overseasCountry, r.overseasBasis ? overseasBasisLabels[r.overseasBasis] : null, r.overseasInfo].filter(Boolean).join(' / ')}
            </Descriptions.Item>
          ) : null}
          {(r.kind === 'related' || r.kind === 'related_receipt') && r.overseas ? (
            <Descriptions.Item label={L.overseasInfoConfirmed}>{r.overseasInfoConfirmed ? '確認済み' : '—'}</Descriptions.Item>
          ) : null}
          {r.overseasMeasures ? <Descriptions.Item label={L.overseasMeasures}>{r.overseasMeasures}</Descriptions.Item> : null}
          {r.overseasSystemMethod ? <Descriptions.Item label={L.overseasSystemMethod}>{r.overseasSystemMethod}</Descriptions.Item> : null}
          {r.overseasEquivalentMeasures ? <Descriptions.Item label={L.overseasEquivalentMeasures}>{r.overseasEquivalentMeasures}</Descriptions.Item> : null}
          {r.overseasForeignSystem ? <Descriptions.Item label={L.overseasForeignSystem}>{r.overseasForeignSystem}</Descriptions.Item> : null}
          {r.overseasObstacle !== null ? (
            <Descriptions.Item label={L.overseasObstacle}>{r.overseasObstacle ? `あり: ${r.overseasObstacleSummary ?? ''}` : 'なし'}</Descriptions.Item>
          ) : null}
          {r.overseasObstacleAction ? <Descriptions.Item label={L.overseasObstacleAction}>{r.overseasObstacleAction}</Descriptions.Item> : null}
          {r.note ? <Descriptions.Item label={L.note}>{r.note}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      {r.retention ? (
        <Card title="保存期間" size="small" style={{ marginTop: 16 }}>
          <Typography.Paragraph>
            {`${date(r.retention.retainUntil)}まで保存（${r.retention.years}年）`}
            {r.disposedOn ? `・${date(r.disposedOn)}に廃棄済み` : ''}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{r.retention.reason}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{`根拠: ${r.retention.basis}`}</Typography.Paragraph>
          {!r.disposedOn && r.form !== 'individual' ? (
            <FurtherProvisionForm id={r.id} label={r.kind === 'receipt' || r.kind === 'related_receipt' ? '新たに提供を受けた日' : '新たに提供した日'} />
          ) : null}
          {r.disposedOn ? null : (
            <FormLayout id="provision-record-dispose" onSubmit={onDispose}>
              {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
              <Field control={form.control} name="disposedOn" label="廃棄した日">
                {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
              </Field>
              <Button htmlType="submit" loading={form.formState.isSubmitting}>
                廃棄を記録する
              </Button>
            </FormLayout>
          )}
        </Card>
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title={`記録を要しない場合: ${r.exemptionLabel ?? ''}`}
          description="記録の作成義務がない提供として根拠を記録しています。法令上の保存期間はありません。"
        />
      )}
      <RecordHistory record={r} />
    </RequirePermission>
  );
}
