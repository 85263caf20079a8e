import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Input, Modal } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { policyContract } from '../../../../src/modules/policy/policy.contract.ts';
import { savePolicyDraftBody } from '../../../../src/modules/policy/policy.schema.ts';
import { checkPolicy, type PolicyKind, policyItems, policyKindLabels } from '../../../../src/rules/policy/policyChecker.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, DateInput, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { type PolicyVersion, pathOf, policyKeys } from './api.ts';

type FormIn = z.input<typeof savePolicyDraftBody>;
type FormOut = z.output<typeof savePolicyDraftBody>;
const FIELDS = ['body', 'ticked', 'topManagementName', 'establishedOn', 'lastRevisedOn'];
// f) and g) are fields of their own (氏名, 日付), never a tick.
const tickable = policyItems.filter((i) => i.code !== 'J.2.2-2-f' && i.code !== 'J.2.2-2-g');

/**
 * 個人情報保護方針の編集 (J.2.2 2): the text, the items declared present, f) トップマネジメントの氏名
 * and g) 制定年月日・最終改正年月日, with the J.2.2 2 a)〜h) check shown live (the server's own
 * checker). Editing a published version opens the next version's draft.
 */
export function PolicyEditorModal({ kind, latest, onClose }: { kind: PolicyKind; latest?: PolicyVersion; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(savePolicyDraftBody),
    defaultValues: {
      body: latest?.body ?? '',
      ticked: latest?.ticked ?? [],
      topManagementName: latest?.topManagementName ?? '',
      establishedOn: latest?.establishedOn ?? null,
      lastRevisedOn: latest?.lastRevisedOn ?? null,
    },
  });
  const leave = useFormLeaveGuard(form);
  const values = useWatch({ control: form.control });
  const versionNo = latest ? (latest.status === 'draft' ? latest.versionNo : latest.versionNo + 1) : 1;
  const check = checkPolicy({
    kind,
    ticked: values.ticked ?? [],
    text: values.body ?? '',
    topManagementName: values.topManagementName ?? null,
    establishedOn: values.establishedOn ?? null,
    lastRevisedOn: values.lastRevisedOn ?? null,
    versionNo,
  });
  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      await api.put<PolicyVersion>(pathOf(policyContract.saveDraft, { kind }), input);
      leave.release();
      message.success('下書きを保存しました');
      await queryClient.invalidateQueries({ queryKey: policyKeys.all });
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });
  return (
    <Modal
      open
      title={`${policyKindLabels[kind]} 第${versionNo}版の下書き`}
      onCancel={() => leave.confirmClose(onClose)}
      okText="下書きを保存"
      cancelText="キャンセル"
      okButtonProps={{ htmlType: 'submit', form: 'policy-editor', loading: form.formState.isSubmitting }}
      destroyOnHidden
      width={780}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormLayout id="policy-editor" onSubmit={onSubmit}>
        <Field control={form.control} name="body" label="本文">
          {(field) => (
            <Input.TextArea id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} rows={10} data-testid="policy-body" />
          )}
        </Field>
        <Field control={form.control} name="topManagementName" label="トップマネジメントの氏名（J.2.2 2 f)）">
          {(field) => <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} data-testid="policy-top" />}
        </Field>
        <Field control={form.control} name="establishedOn" label="制定年月日（J.2.2 2 g)）">
          {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
        </Field>
        <Field control={form.control} name="lastRevisedOn" label="最終改正年月日（J.2.2 2 g)、第2版から）">
          {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
        </Field>
        <Field control={form.control} name="ticked" label="記載した事項（J.2.2 2）">
          {(field) => (
            <div id={field.id}>
              <Checkbox.Group value={field.value ?? []} onChange={field.onChange} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                {tickable.map((i) => (
                  <Checkbox key={i.code} value={i.code} data-testid={`policy-item-${i.code}`}>{`${i.clause} ${i.text}`}</Checkbox>
                ))}
              </Checkbox.Group>
            </div>
          )}
        </Field>
        {check.missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="policy-missing"
            title={`承認申請には、あと${check.missing.length}件の事項が必要です`}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {check.missing.map((i) => (
                  <li key={i.code}>{`${i.clause} ${i.text}`}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert type="success" showIcon title="J.2.2 2 の記載事項は揃っています" data-testid="policy-complete" />
        )}
      </FormLayout>
    </Modal>
  );
}
