import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import { createNoticeBody } from '../../../../src/modules/notices/notices.schema.ts';
import { noticeKindLabels, noticeKinds } from '../../../../src/modules/notices/notices.labels.ts';
import { type NoticeCondition, noticeConditionLabels, noticeItems } from '../../../../src/rules/data/requiredItems.ts';
import { checkRelatedInfoNotice, relatedConsentParties, relatedConsentPartyLabels, relatedInfoNoticeItems } from '../../../../src/rules/notices/relatedInfoNotice.ts';
import { checkNoticeItems } from '../../../../src/rules/requiredItems/checkers.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { type NoticeDetail, noticeKeys, pathOf } from './api.ts';

type FormIn = z.input<typeof createNoticeBody>;
type FormOut = z.output<typeof createNoticeBody>;
const FIELDS = ['kind', 'relatedParty', 'title', 'body', 'ticked', 'conditions'];
const conditionNames = Object.keys(noticeConditionLabels) as NoticeCondition[];

/**
 * 通知文の作成・編集 (J.8.5 1, J.8.8.4 1): the kind (chosen when the notice is made), the title, the
 * text, the items ticked as present and the answers to the conditional items, with the check of the
 * kind previewed (the server's own checker: J.8.5 1 a)〜h), or J.8.8.4 1 提供先 1)〜6) / 提供元 1)〜7)
 * as chosen on the template). Editing a published text opens the next draft.
 */
export function NoticeEditorModal({ notice, onClose }: { notice?: NoticeDetail; onClose: (id?: string) => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const latest = notice?.versions[0];
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(createNoticeBody),
    defaultValues: {
      kind: notice?.kind ?? 'acquisition',
      relatedParty: notice?.relatedParty ?? null,
      title: notice?.title ?? '',
      body: latest?.body ?? '',
      ticked: latest?.ticked ?? [],
      conditions: latest?.conditions ?? {},
    },
  });
  const leave = useFormLeaveGuard(form);
  const values = useWatch({ control: form.control });
  const related = values.kind === 'related_info';
  const party = values.relatedParty ?? null;
  const items = related ? (party ? relatedInfoNoticeItems(party) : []) : noticeItems;
  const check = related
    ? party
      ? checkRelatedInfoNotice({ party, ticked: values.ticked ?? [], text: values.body ?? '' })
      : null
    : checkNoticeItems({ ticked: values.ticked ?? [], text: values.body ?? '', conditions: (values.conditions ?? {}) as Record<string, boolean> });
  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      const { kind: _kind, ...draft } = input;
      const saved = notice
        ? await api.put<NoticeDetail>(pathOf(noticesContract.saveDraft, { id: notice.id }), notice.kind === 'related_info' ? draft : { ...draft, relatedParty: undefined })
        : await api.post<NoticeDetail>(pathOf(noticesContract.create), input);
      leave.release();
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
        <Field control={form.control} name="kind" label="通知文の種類" required>
          {(field) => (
            <Radio.Group
              id={field.id}
              value={field.value}
              disabled={Boolean(notice)}
              onChange={(e) => {
                field.onChange(e.target.value);
                form.setValue('ticked', []);
              }}
              options={noticeKinds.map((k) => ({ value: k, label: noticeKindLabels[k] }))}
              data-testid="notice-kind"
            />
          )}
        </Field>
        {related ? (
          <Field control={form.control} name="relatedParty" label="同意を取得する主体（J.8.8.4 1）" required>
            {(field) => (
              <Radio.Group
                id={field.id}
                value={field.value ?? undefined}
                onChange={(e) => {
                  field.onChange(e.target.value);
                  form.setValue('ticked', []);
                }}
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                options={relatedConsentParties.map((p) => ({ value: p, label: relatedConsentPartyLabels[p] }))}
                data-testid="notice-party"
              />
            )}
          </Field>
        ) : null}
        <Field control={form.control} name="title" label="名称" required>
          {(field) => <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} count={{ max: 200 }} />}
        </Field>
        <Field control={form.control} name="body" label="本文">
          {(field) => (
            <Input.TextArea id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} rows={8} count={{ max: 20_000 }} />
          )}
        </Field>
        {related
          ? null
          : conditionNames.map((name) => (
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
        <Field control={form.control} name="ticked" label={related ? '記載した事項（J.8.8.4 1）' : '記載した事項（J.8.5 1）'}>
          {(field) => (
            <div id={field.id}>
              <Checkbox.Group value={field.value ?? []} onChange={field.onChange} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                {items.map((i) => (
                  <Checkbox key={i.code} value={i.code}>{`${i.clause} ${i.text}`}</Checkbox>
                ))}
              </Checkbox.Group>
            </div>
          )}
        </Field>
        {check === null ? (
          <Alert type="info" showIcon title="同意を取得する主体を選ぶと、J.8.8.4 1 の通知又は明示する事項を示します" />
        ) : check.missing.length > 0 ? (
          <Alert
            type="info"
            showIcon
            title={`公開には、あと${check.missing.length}件の事項が必要です`}
            description={check.missing.map((i) => `${i.clause} ${i.text}`).join('、')}
            data-testid="notice-missing"
          />
        ) : (
          <Alert type="success" showIcon title={related ? 'J.8.8.4 1 の通知又は明示する事項は揃っています' : 'J.8.5 1 の必要通知事項は揃っています'} />
        )}
      </FormLayout>
    </Modal>
  );
}
