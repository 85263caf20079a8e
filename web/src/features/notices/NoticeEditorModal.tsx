import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import { createNoticeBody } from '../../../../src/modules/notices/notices.schema.ts';
import { type NoticeCondition, noticeConditionLabels, noticeItems } from '../../../../src/rules/data/requiredItems.ts';
import { checkNoticeItems } from '../../../../src/rules/requiredItems/checkers.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, Field, FormLayout } from '../../components/form.tsx';
import { type NoticeDetail, noticeKeys, pathOf } from './api.ts';

type FormIn = z.input<typeof createNoticeBody>;
type FormOut = z.output<typeof createNoticeBody>;
const FIELDS = ['title', 'body', 'ticked', 'conditions'];
const conditionNames = Object.keys(noticeConditionLabels) as NoticeCondition[];

/**
 * 通知文の作成・編集 (J.8.5 1): the title, the text, the items ticked as present and the answers to
 * the conditional items, with the J.8.5 1 a)〜h) check previewed (the server's own checker). Editing
 * a published text opens the next draft; the published version is never changed.
 */
export function NoticeEditorModal({ notice, onClose }: { notice?: NoticeDetail; onClose: (id?: string) => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const latest = notice?.versions[0];
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(createNoticeBody),
    defaultValues: { title: notice?.title ?? '', body: latest?.body ?? '', ticked: latest?.ticked ?? [], conditions: latest?.conditions ?? {} },
  });
  const values = useWatch({ control: form.control });
  const check = checkNoticeItems({ ticked: values.ticked ?? [], text: values.body ?? '', conditions: (values.conditions ?? {}) as Record<string, boolean> });
  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      const saved = notice
        ? await api.put<NoticeDetail>(pathOf(noticesContract.saveDraft, { id: notice.id }), input)
        : await api.post<NoticeDetail>(pathOf(noticesContract.create), input);
      message.success('下書きを保存しました');
      await queryClient.invalidateQueries({ queryKey: noticeKeys.all });
      onClose(saved.id);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });
  return (
    <Modal
      open
      title={notice ? '通知文の編集（下書き）' : '通知文の作成'}
      onCancel={() => onClose()}
      okText="下書きを保存"
      cancelText="キャンセル"
      okButtonProps={{ htmlType: 'submit', form: 'notice-editor', loading: form.formState.isSubmitting }}
      destroyOnHidden
      width={760}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormLayout id="notice-editor" onSubmit={onSubmit}>
        <Field control={form.control} name="title" label="名称" required>
          {(field) => <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
        </Field>
        <Field control={form.control} name="body" label="本文">
          {(field) => <Input.TextArea id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} rows={8} />}
        </Field>
        {conditionNames.map((name) => (
          <Field key={name} control={form.control} name={`conditions.${name}`} label={noticeConditionLabels[name]}>
            {(field) => (
              <Radio.Group
                id={field.id}
                value={field.value === undefined ? 'unanswered' : field.value ? 'yes' : 'no'}
                onChange={(e) => field.onChange(e.target.value === 'unanswered' ? undefined : e.target.value === 'yes')}
                options={[
                  { value: 'yes', label: 'はい' },
                  { value: 'no', label: 'いいえ' },
                  { value: 'unanswered', label: '未回答' },
                ]}
              />
            )}
          </Field>
        ))}
        <Field control={form.control} name="ticked" label="記載した事項（J.8.5 1）">
          {(field) => (
            <div id={field.id}>
              <Checkbox.Group value={field.value ?? []} onChange={field.onChange} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                {noticeItems.map((i) => (
                  <Checkbox key={i.code} value={i.code}>{`${i.clause} ${i.text}`}</Checkbox>
                ))}
              </Checkbox.Group>
            </div>
          )}
        </Field>
        {check.missing.length > 0 ? (
          <Alert
            type="info"
            showIcon
            title={`公開には、あと${check.missing.length}件の事項が必要です`}
            description={check.missing.map((i) => `${i.clause} ${i.text}`).join('、')}
          />
        ) : (
          <Alert type="success" showIcon title="J.8.5 1 の必要通知事項は揃っています" />
        )}
      </FormLayout>
    </Modal>
  );
}
