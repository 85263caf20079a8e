import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Space, Table, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { requestsContract } from '../../../../src/modules/requests/requests.contract.ts';
import { requestFieldLabels as L } from '../../../../src/modules/requests/requests.labels.ts';
import { updateRequestBody } from '../../../../src/modules/requests/requests.schema.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api } from '../../api/client.ts';
import { Field, FormLayout } from '../../components/form.tsx';
import { QueryError } from '../../components/page.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { pathOf, type RequestDetail, requestKeys } from './api.ts';
import { useSubmit } from './RequestForms.tsx';

type ProvisionRecords = ResponseOf<typeof requestsContract.provisionRecords>;

const subjectForm = z.object({ recordSubject: updateRequestBody.shape.recordSubject.unwrap() });
type SubjectIn = z.input<typeof subjectForm>;
type SubjectOut = z.output<typeof subjectForm>;

/**
 * 第三者提供記録の開示 (法第33条第5項): the 第三者提供記録・確認記録 about the requester, looked up by the
 * person as the records name them (記録上の本人の表記, else the requester's name), for the decision.
 * The reply letter lists the same records.
 */
export function ProvisionRecordsCard({ detail }: { detail: RequestDetail }) {
  const format = useDateFormat();
  const records = useQuery({
    queryKey: [...requestKeys.detail(detail.id), 'provision-records', detail.recordSubject],
    queryFn: () => api.get<ProvisionRecords>(pathOf(requestsContract.provisionRecords, { id: detail.id })),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="provision-records">
      <RecordSubjectForm detail={detail} />
      {records.isError ? <QueryError error={records.error} onRetry={() => records.refetch()} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={records.isPending}
        pagination={false}
        locale={{ emptyText: '該当する第三者提供記録・確認記録はありません' }}
        dataSource={records.data?.items ?? []}
        columns={[
          { title: '記録の種類', dataIndex: 'kindLabel' },
          { title: '作成日', dataIndex: 'recordedOn', render: (v: string) => format(v) },
          { title: '提供・受領の年月日', dataIndex: 'providedOn', render: (v: string | null) => (v ? format(v) : '') },
          { title: '相手方', dataIndex: 'counterpartyName' },
          { title: '本人を特定するに足りる事項', dataIndex: 'subject' },
          { title: '個人データの項目', dataIndex: 'dataItems' },
        ]}
      />
    </Space>
  );
}

/**
 * 記録上の本人の表記 (会員番号など): the requester as the 第三者提供記録 name them; the records of a
 * 第三者提供記録の開示 and of a 外国にある第三者への提供に係る情報提供の求め are looked up by it.
 */
export function RecordSubjectForm({ detail }: { detail: RequestDetail }) {
  const form = useForm<SubjectIn, unknown, SubjectOut>({ resolver: zodResolver(subjectForm), defaultValues: { recordSubject: detail.recordSubject ?? '' } });
  const { run, alert } = useSubmit(form, ['recordSubject']);
  const onSubmit = form.handleSubmit((values) => run(() => api.patch(pathOf(requestsContract.update, { id: detail.id }), values)).then(() => undefined));
  const open = detail.abilities.manage && detail.status !== 'answered' && detail.status !== 'withdrawn';
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        記録上の本人の表記（会員番号など）を記録すると、その表記で記録を探します。未記録のときは請求者の氏名で探します。
      </Typography.Paragraph>
      {open ? (
        <FormLayout id="record-subject" onSubmit={onSubmit}>
          {alert}
          <Field control={form.control} name="recordSubject" label={L.recordSubject}>
            {(field) => <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} placeholder="例: 会員番号 A-0001" />}
          </Field>
          <Button htmlType="submit" loading={form.formState.isSubmitting}>
            表記を記録して探す
          </Button>
        </FormLayout>
      ) : null}
    </>
  );
}
