import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import { consentChannelLabels, consentChannels } from '../../../../src/modules/notices/notices.labels.ts';
import { recordConsentBody, withdrawConsentBody } from '../../../../src/modules/notices/notices.schema.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, DateInput, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { type NoticeDetail, noticeKeys, pathOf } from './api.ts';

type RecordIn = z.input<typeof recordConsentBody>;
type RecordOut = z.output<typeof recordConsentBody>;
type WithdrawIn = z.input<typeof withdrawConsentBody>;
type WithdrawOut = z.output<typeof withdrawConsentBody>;
const channelOptions = consentChannels.map((c) => ({ value: c, label: consentChannelLabels[c] }));

/** 同意記録の登録 (J.8.5 1): against a published version only. */
export function RecordConsentModal({ notice, onClose }: { notice: NoticeDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const published = notice.versions.filter((v) => v.status === 'published');
  const form = useForm<RecordIn, unknown, RecordOut>({
    resolver: zodResolver(recordConsentBody),
    defaultValues: { versionId: published[0]?.id ?? '', subject: '', channel: 'paper', consentedOn: '' },
  });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      await api.post(pathOf(noticesContract.recordConsent, { id: notice.id }), input);
      leave.release();
      message.success('同意を記録しました');
      await queryClient.invalidateQueries({ queryKey: noticeKeys.consents(notice.id) });
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['versionId', 'subject', 'channel', 'consentedOn']));
    }
  });
  return (
    <Modal
      open
      title="同意の記録"
      onCancel={() => leave.confirmClose(onClose)}
      okText="記録する"
      cancelText="キャンセル"
      okButtonProps={{ htmlType: 'submit', form: 'consent-record', loading: form.formState.isSubmitting }}
      destroyOnHidden
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormLayout id="consent-record" onSubmit={onSubmit}>
        <Field control={form.control} name="versionId" label="同意した通知文の版" required>
          {(field) => (
            <Select
              id={field.id}
              value={field.value || undefined}
              onChange={field.onChange}
              status={field.status}
              options={published.map((v) => ({ value: v.id, label: `第${v.versionNo}版` }))}
            />
          )}
        </Field>
        <Field control={form.control} name="subject" label="本人（氏名又は識別子）" required>
          {(field) => <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
        </Field>
        <Field control={form.control} name="channel" label="同意の取得方法" required>
          {(field) => <Select id={field.id} value={field.value} onChange={field.onChange} status={field.status} options={channelOptions} />}
        </Field>
        <Field control={form.control} name="consentedOn" label="同意日" required>
          {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
        </Field>
      </FormLayout>
    </Modal>
  );
}

/** 同意の撤回: the date and the channel. */
export function WithdrawConsentModal({ noticeId, consentId, onClose }: { noticeId: string; consentId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<WithdrawIn, unknown, WithdrawOut>({ resolver: zodResolver(withdrawConsentBody), defaultValues: { withdrawnOn: '', channel: 'paper' } });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      await api.post(pathOf(noticesContract.withdrawConsent, { id: consentId }), input);
      leave.release();
      message.success('撤回を記録しました');
      await queryClient.invalidateQueries({ queryKey: noticeKeys.consents(noticeId) });
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['withdrawnOn', 'channel']));
    }
  });
  return (
    <Modal
      open
      title="同意の撤回"
      onCancel={() => leave.confirmClose(onClose)}
      okText="記録する"
      cancelText="キャンセル"
      okButtonProps={{ htmlType: 'submit', form: 'consent-withdraw', loading: form.formState.isSubmitting }}
      destroyOnHidden
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormLayout id="consent-withdraw" onSubmit={onSubmit}>
        <Field control={form.control} name="withdrawnOn" label="撤回日" required>
          {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
        </Field>
        <Field control={form.control} name="channel" label="撤回の方法" required>
          {(field) => <Select id={field.id} value={field.value} onChange={field.onChange} status={field.status} options={channelOptions} />}
        </Field>
      </FormLayout>
    </Modal>
  );
}
