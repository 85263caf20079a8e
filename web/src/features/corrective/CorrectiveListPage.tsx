import { PlusOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { correctiveContract } from '../../../../src/modules/corrective/corrective.contract.ts';
import { correctiveSourceLabels, correctiveSources } from '../../../../src/modules/corrective/corrective.labels.ts';
import { createCorrectiveBody } from '../../../../src/modules/corrective/corrective.schema.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, Field, FormLayout } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { DepartmentSelect } from '../../components/pickers.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useT } from '../../i18n/index.tsx';
import { useIncidentT, useLocalized } from '../incidents/messages.ts';
import { useDateFormat } from '../incidents/parts.tsx';
import { type CorrectiveListItem, type CorrectiveRecord, correctiveKeys, pathOf, useCorrectiveList } from './api.ts';

type FormIn = z.input<typeof createCorrectiveBody>;
type FormOut = z.output<typeof createCorrectiveBody>;
const FIELDS = ['sourceType', 'sourceRef', 'departmentId', 'title', 'content', 'correction'] as const;

/** 不適合の記録 (J.7.1 h) 1)): the finder writes what they found. */
export function RecordNonconformityModal({ onClose }: { onClose: (id?: string) => void }) {
  const t = useIncidentT();
  const tc = useT();
  const label = useLocalized();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    // No maxLength or min on the inputs: antd cut pasted text to the limit and turned −5 into 0 without a word.
    // The shared schema refuses them under the field, naming the limit, and what was typed stays (issue 10).
    resolver: zodResolver(createCorrectiveBody),
    defaultValues: { sourceType: 'check', sourceRef: '', departmentId: null, title: '', content: '', correction: '' },
  });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const row = await api.post<CorrectiveRecord>(pathOf(correctiveContract.create), values);
      // The saved record opens next: that navigation is not a loss.
      leave.release();
      message.success(tc('common.saved'));
      await queryClient.invalidateQueries({ queryKey: correctiveKeys.all });
      onClose(row.id);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });
  return (
    <Modal
      open
      title={t('ca.add')}
      onCancel={() => leave.confirmClose(onClose)}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'nonconformity', loading: form.formState.isSubmitting }}
      destroyOnHidden
      width={640}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormLayout id="nonconformity" onSubmit={onSubmit}>
        <Field control={form.control} name="sourceType" label={t('ca.source')} required>
          {(field) => (
            <Select
              id={field.id}
              value={field.value}
              onChange={field.onChange}
              options={correctiveSources.map((s) => ({ value: s, label: `${label(correctiveSourceLabels[s])}（${correctiveSourceLabels[s].basis}）` }))}
            />
          )}
        </Field>
        <Field control={form.control} name="sourceRef" label={t('ca.sourceRef')}>
          {(field) => <Input {...field} value={field.value ?? ''} />}
        </Field>
        <Field control={form.control} name="departmentId" label={t('ca.department')}>
          {(field) => <DepartmentSelect id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
        </Field>
        <Field control={form.control} name="title" label={t('ca.subject')} required>
          {(field) => <Input {...field} value={field.value ?? ''} />}
        </Field>
        <Field control={form.control} name="content" label={t('ca.content')} required>
          {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={4} />}
        </Field>
        <Field control={form.control} name="correction" label={t('ca.correction')}>
          {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={3} />}
        </Field>
      </FormLayout>
    </Modal>
  );
}

function CorrectiveList() {
  const t = useIncidentT();
  const label = useLocalized();
  const format = useDateFormat();
  const navigate = useNavigate();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [source, setSource] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const filters = { status: status === 'open' ? 'open' : undefined, sourceType: source, page, pageSize: 20 };
  const list = useCorrectiveList(filters);
  return (
    <>
      <PageHeader
        title={t('ca.title')}
        lead={t('ca.lead')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="ca-add">
            {t('ca.add')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('ca.flow')}</Typography.Paragraph>
      <Card
        extra={
          <>
            <Select
              allowClear
              placeholder={t('ca.source')}
              aria-label={t('ca.source')}
              value={source}
              onChange={(v) => setSource(v)}
              style={{ width: 200, marginRight: 8 }}
              options={correctiveSources.map((s) => ({ value: s, label: label(correctiveSourceLabels[s]) }))}
            />
            <Segmented
              value={status}
              onChange={(v) => {
                setStatus(v as 'open' | 'all');
                setPage(1);
              }}
              options={[
                { value: 'open', label: t('list.filterOpen') },
                { value: 'all', label: t('list.filterAll') },
              ]}
            />
          </>
        }
      >
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<CorrectiveListItem>
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }}
          onRow={(row) => ({ onClick: () => navigate(`/corrective-actions/${row.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('ca.number'), dataIndex: 'number', width: 130, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('ca.subject'), dataIndex: 'title' },
            {
              title: t('ca.source'),
              dataIndex: 'sourceType',
              width: 160,
              render: (v: CorrectiveListItem['sourceType'], row) => `${label(correctiveSourceLabels[v])}${row.sourceRef ? ` ${row.sourceRef}` : ''}`,
            },
            { title: t('ca.department'), dataIndex: 'departmentName', width: 120 },
            { title: t('ca.status'), dataIndex: 'statusLabel', width: 160, render: (v: string, row) => <Tag color={row.status === 'closed' ? 'default' : 'gold'}>{v}</Tag> },
            {
              title: t('ca.due'),
              dataIndex: 'dueOn',
              width: 120,
              render: (v: string | null, row) => (v ? <span style={{ color: row.overdue ? '#cf1322' : undefined }}>{format(v)}</span> : ''),
            },
          ]}
        />
      </Card>
      {adding ? (
        <RecordNonconformityModal
          onClose={(id) => {
            setAdding(false);
            if (id) navigate(`/corrective-actions/${id}`);
          }}
        />
      ) : null}
    </>
  );
}

/** 不適合・是正処置の一覧 (M10). */
export default function CorrectiveListPage() {
  return (
    <RequirePermission permission="corrective.read">
      <CorrectiveList />
    </RequirePermission>
  );
}
