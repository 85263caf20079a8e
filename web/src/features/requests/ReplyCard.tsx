import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { requestsContract } from '../../../../src/modules/requests/requests.contract.ts';
import { requestFieldLabels as L, replyMethodLabels, replyMethods } from '../../../../src/modules/requests/requests.labels.ts';
import { replySentBody } from '../../../../src/modules/requests/requests.schema.ts';
import { api, download } from '../../api/client.ts';
import { applyServerErrors, DateInput, errorMessage, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { pathOf, type RequestDetail, requestKeys } from './api.ts';

type SentIn = z.input<typeof replySentBody>;
type SentOut = z.output<typeof replySentBody>;

/**
 * 回答 (J.10.4 c)): the decision goes to the 個人情報保護管理者 for approval; once approved, the
 * reply is recorded as sent (回答日・回答方法). The server refuses 回答済み before approval.
 */
export function ReplyCard({ detail }: { detail: RequestDetail }) {
  const t = useT();
  const format = useDateFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [approvalId, setApprovalId] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SentIn, unknown, SentOut>({
    resolver: zodResolver(replySentBody),
    defaultValues: { repliedOn: '', replyMethod: replyMethods.find((m) => replyMethodLabels[m] === detail.replyMethod) ?? 'mail' },
  });
  const leave = useFormLeaveGuard(form);
  const submit = async () => {
    setSubmitError(null);
    try {
      const res = await api.post<{ approvalRequestId: string }>(pathOf(requestsContract.submitReply, { id: detail.id }));
      setApprovalId(res.approvalRequestId);
      message.success('回答の承認を申請しました');
      await queryClient.invalidateQueries({ queryKey: requestKeys.all });
    } catch (error) {
      setSubmitError(errorMessage(error, t));
    }
  };
  const onSent = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.post(pathOf(requestsContract.markReplied, { id: detail.id }), values);
      leave.saved();
      message.success('回答済みとして記録しました');
      await queryClient.invalidateQueries({ queryKey: requestKeys.all });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['repliedOn', 'replyMethod']));
    }
  });
  const manage = detail.abilities.manage;
  // 回答書・決定通知書: 「案」 until the 個人情報保護管理者 approves the decision (J.10.4 c)).
  const final = detail.status === 'approved' || detail.status === 'answered';
  const letter = (extension: 'pdf' | 'docx') => {
    const route = extension === 'pdf' ? requestsContract.replyLetterPdf : requestsContract.replyLetterDocx;
    download(pathOf(route, { id: detail.id }), `回答書_${detail.number}.${extension}`).catch((error: unknown) => message.error(errorMessage(error, t)));
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="reply-card">
      {detail.decision && manage ? (
        <Space wrap>
          <Button onClick={() => letter('pdf')} data-testid="reply-letter-pdf">
            {final ? '回答書（PDF）' : '回答書の案（PDF）'}
          </Button>
          <Button onClick={() => letter('docx')} data-testid="reply-letter-docx">
            {final ? '回答書（Word）' : '回答書の案（Word）'}
          </Button>
        </Space>
      ) : null}
      {submitError ? <Alert type="error" showIcon title={submitError} /> : null}
      {detail.status === 'awaiting_decision' && detail.decision ? (
        <>
          <Typography.Paragraph>決定を記録しました。回答する前に個人情報保護管理者の承認を受けてください。</Typography.Paragraph>
          {manage ? (
            <Button type="primary" onClick={submit} data-testid="reply-submit">
              回答の承認を申請
            </Button>
          ) : null}
        </>
      ) : null}
      {detail.status === 'awaiting_approval' ? (
        <Typography.Paragraph data-testid="reply-awaiting">
          個人情報保護管理者の承認待ちです。承認されるまで回答済みにはできません。
          {approvalId ? <Link to={`/approvals/${approvalId}`}>承認依頼を開く</Link> : <Link to="/approvals">承認の一覧を開く</Link>}
        </Typography.Paragraph>
      ) : null}
      {detail.status === 'approved' && manage ? (
        <FormLayout id="reply-sent" onSubmit={onSent}>
          {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
          <Typography.Paragraph>個人情報保護管理者が決定を承認しました。回答を送付したら記録してください。</Typography.Paragraph>
          <Field control={form.control} name="repliedOn" label={L.repliedOn} required>
            {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
          </Field>
          <Field control={form.control} name="replyMethod" label={L.replyMethod} required>
            {(field) => <Select id={field.id} value={field.value} onChange={field.onChange} options={replyMethods.map((m) => ({ value: m, label: replyMethodLabels[m] }))} />}
          </Field>
          <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting} data-testid="reply-sent">
            回答済みとして記録
          </Button>
        </FormLayout>
      ) : null}
      {detail.status === 'answered' ? (
        <Typography.Paragraph>
          {detail.repliedOn ? `${format(detail.repliedOn)} に` : ''}
          {detail.replyMethod ?? ''}で回答しました。
        </Typography.Paragraph>
      ) : null}
      {!detail.decision && detail.status !== 'answered' ? <Typography.Paragraph>決定を記録すると、回答の承認を申請できます。</Typography.Paragraph> : null}
    </Space>
  );
}
