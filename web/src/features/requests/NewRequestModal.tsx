import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { requestsContract } from '../../../../src/modules/requests/requests.contract.ts';
import {
  agentKindLabels,
  agentKinds,
  principalFieldLabels as P,
  replyToLabels,
  replyTos,
  requestFieldLabels as L,
  requestChannelLabels,
  requestChannels,
  requestKindLabels,
  requestKinds,
} from '../../../../src/modules/requests/requests.labels.ts';
import { createRequestBody } from '../../../../src/modules/requests/requests.schema.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, DateInput, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { pathOf, type RequestDetail, requestKeys } from './api.ts';

type FormIn = z.input<typeof createRequestBody>;
type FormOut = z.output<typeof createRequestBody>;
const FIELDS = [
  'receivedOn',
  'channel',
  'kind',
  'requesterName',
  'requesterAddress',
  'requesterContact',
  'agentKind',
  'agentName',
  'agentAddress',
  'agentContact',
  'replyTo',
  'content',
] as const;

/** 苦情・相談等受付処理票 (J.10.2, J.11.1): the office records a request received at the counter, by mail or phone. */
export function NewRequestModal({ onClose }: { onClose: (id?: string) => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(createRequestBody),
    defaultValues: {
      receivedOn: '',
      channel: 'counter',
      kind: 'disclosure',
      requesterName: '',
      requesterAddress: '',
      requesterContact: '',
      agentKind: 'none',
      agentName: '',
      agentAddress: '',
      agentContact: '',
      content: '',
    },
  });
  const leave = useFormLeaveGuard(form);
  const agentKind = form.watch('agentKind');
  const withAgent = !!agentKind && agentKind !== 'none';
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const row = await api.post<RequestDetail>(pathOf(requestsContract.create), values);
      // The saved request opens next: that navigation is not a loss.
      leave.release();
      message.success('受付処理票を作成しました');
      await queryClient.invalidateQueries({ queryKey: requestKeys.all });
      onClose(row.id);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });
  const text = (name: 'requesterName' | 'requesterAddress' | 'requesterContact' | 'agentName' | 'agentAddress' | 'agentContact', label: string, required = false) => (
    <Field control={form.control} name={name} label={label} required={required}>
      {(field) => <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
    </Field>
  );
  return (
    <Modal
      open
      title="苦情・相談等受付処理票の作成"
      onCancel={() => leave.confirmClose(onClose)}
      okText="受け付ける"
      cancelText="キャンセル"
      okButtonProps={{ htmlType: 'submit', form: 'new-request', loading: form.formState.isSubmitting }}
      destroyOnHidden
      width={680}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormLayout id="new-request" onSubmit={onSubmit}>
        <Field control={form.control} name="kind" label={L.kind} required>
          {(field) => <Select id={field.id} value={field.value} onChange={field.onChange} options={requestKinds.map((k) => ({ value: k, label: requestKindLabels[k] }))} />}
        </Field>
        <Field control={form.control} name="receivedOn" label={L.receivedOn} required>
          {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
        </Field>
        <Field control={form.control} name="channel" label={L.channel} required>
          {(field) => <Select id={field.id} value={field.value} onChange={field.onChange} options={requestChannels.map((c) => ({ value: c, label: requestChannelLabels[c] }))} />}
        </Field>
        {/* J.10.2 h): with an agent, 氏名・住所・連絡先 are 本人's; the agent's own are asked apart. */}
        {text('requesterName', withAgent ? P.requesterName : L.requesterName, true)}
        {text('requesterAddress', withAgent ? P.requesterAddress : L.requesterAddress)}
        {text('requesterContact', withAgent ? P.requesterContact : L.requesterContact)}
        <Field control={form.control} name="agentKind" label={L.agentKind}>
          {(field) => <Select id={field.id} value={field.value} onChange={field.onChange} options={agentKinds.map((a) => ({ value: a, label: agentKindLabels[a] }))} />}
        </Field>
        {withAgent ? (
          <>
            {text('agentName', L.agentName)}
            {text('agentAddress', L.agentAddress)}
            {text('agentContact', L.agentContact)}
            <Field control={form.control} name="replyTo" label={L.replyTo}>
              {(field) => <Select id={field.id} value={field.value ?? 'agent'} onChange={field.onChange} options={replyTos.map((r) => ({ value: r, label: replyToLabels[r] }))} />}
            </Field>
          </>
        ) : null}
        <Field control={form.control} name="content" label={L.content} required>
          {(field) => <Input.TextArea id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} rows={4} />}
        </Field>
      </FormLayout>
    </Modal>
  );
}
