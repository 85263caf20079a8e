import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { type FieldValues, type UseFormReturn, useForm } from 'react-hook-form';
import { z } from 'zod';
import { useOrganization } from '../../api/queries.ts';
import { requestsContract } from '../../../../src/modules/requests/requests.contract.ts';
import { identityDocumentLabels, identityDocuments, requestFieldLabels as L, replyMethodLabels, replyMethods } from '../../../../src/modules/requests/requests.labels.ts';
import { addCorrectionBody, completeCorrectionBody, decisionBody, updateRequestBody } from '../../../../src/modules/requests/requests.schema.ts';
import {
  decisionGrounds,
  decisionScopeLabels,
  overseasInfoItemLabels,
  overseasInfoItemNos,
  type RequestProfile,
  staffCitation,
} from '../../../../src/rules/requestDecisions/index.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, DateInput, Field, FormLayout, NumberInput } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { pathOf, type RequestDetail, requestKeys } from './api.ts';

// The forms of the 受付処理票's detail page. Each validates with the server's own schema and shows
// the server's Japanese field errors under the field.

/** Submits, refreshes the request, and maps the server's field errors onto the form. */
export function useSubmit<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, fields: readonly string[]) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const leave = useFormLeaveGuard(form);
  const run = async (send: () => Promise<unknown>) => {
    setFormError(null);
    try {
      await send();
      leave.saved();
      message.success('保存しました');
      await queryClient.invalidateQueries({ queryKey: requestKeys.all });
      return true;
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, fields));
      return false;
    }
  };
  const alert = formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null;
  return { run, alert };
}

const identityForm = z.object({ identityCheck: updateRequestBody.shape.identityCheck.unwrap() });
type IdentityIn = z.input<typeof identityForm>;
type IdentityOut = z.output<typeof identityForm>;

/** 本人確認の記録 (J.10.2 h): which documents were seen; 個人番号・本籍 are only ever seen masked (h 2). */
export function IdentityCheckForm({ detail }: { detail: RequestDetail }) {
  const check = detail.identityCheck;
  const form = useForm<IdentityIn, unknown, IdentityOut>({
    resolver: zodResolver(identityForm),
    defaultValues: {
      identityCheck: {
        documents: check?.documents ?? [],
        checkedBy: check?.checkedBy ?? '',
        checkedOn: check?.checkedOn ?? '',
        sensitiveMasked: check?.sensitiveMasked ?? false,
        note: check?.note ?? '',
      },
    },
  });
  const { run, alert } = useSubmit(form, ['identityCheck.documents', 'identityCheck.checkedBy', 'identityCheck.checkedOn', 'identityCheck.sensitiveMasked', 'identityCheck.note']);
  const onSubmit = form.handleSubmit((values) => run(() => api.patch(pathOf(requestsContract.update, { id: detail.id }), values)).then(() => undefined));
  const disabled = !detail.abilities.manage;
  return (
    <FormLayout id="identity-check" onSubmit={onSubmit}>
      {alert}
      <Field control={form.control} name="identityCheck.documents" label="本人確認書類" required>
        {(field) => (
          <Checkbox.Group
            value={field.value ?? []}
            onChange={field.onChange}
            disabled={disabled}
            options={identityDocuments.map((d) => ({ value: d, label: identityDocumentLabels[d] }))}
          />
        )}
      </Field>
      <Field control={form.control} name="identityCheck.checkedBy" label="本人確認をした者" required>
        {(field) => <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} disabled={disabled} />}
      </Field>
      <Field control={form.control} name="identityCheck.checkedOn" label="本人確認をした日" required>
        {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} disabled={disabled} />}
      </Field>
      <Field control={form.control} name="identityCheck.sensitiveMasked" label="個人番号・本籍">
        {(field) => (
          <Checkbox id={field.id} checked={field.value === true} onChange={(e) => field.onChange(e.target.checked)} disabled={disabled}>
            個人番号・本籍が記載された書類はマスクした状態で確認した（番号・本籍は記録しない: J.10.2 h 2）
          </Checkbox>
        )}
      </Field>
      <Field control={form.control} name="identityCheck.note" label="本人確認の備考">
        {(field) => <Input.TextArea id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} rows={2} disabled={disabled} />}
      </Field>
      {disabled ? null : (
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting} data-testid="identity-save">
          本人確認を記録
        </Button>
      )}
    </FormLayout>
  );
}

type CorrectionIn = z.input<typeof addCorrectionBody>;
type CorrectionOut = z.output<typeof addCorrectionBody>;

/** 補正 (第77条第3項 / J.10.2): asking for one and recording when it was completed; its days are not counted. */
export function CorrectionsPanel({ detail }: { detail: RequestDetail }) {
  const form = useForm<CorrectionIn, unknown, CorrectionOut>({ resolver: zodResolver(addCorrectionBody), defaultValues: { askedOn: '', what: '' } });
  const { run, alert } = useSubmit(form, ['askedOn', 'what']);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await run(() => api.post(pathOf(requestsContract.addCorrection, { id: detail.id }), values))) form.reset({ askedOn: '', what: '' });
  });
  const open = detail.corrections.find((c) => c.completedOn === null);
  const format = useDateFormat();
  return (
    <>
      {detail.corrections.length === 0 ? <Typography.Paragraph>補正を求めていません</Typography.Paragraph> : null}
      <Table
        style={detail.corrections.length === 0 ? { display: 'none' } : undefined}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.corrections}
        columns={[
          { title: L.askedOn, dataIndex: 'askedOn', width: 130, render: (v: string) => format(v) },
          { title: L.correctionWhat, dataIndex: 'what' },
          { title: L.completedOn, dataIndex: 'completedOn', width: 130, render: (v: string | null) => (v ? format(v) : '補正中') },
          // 補正の回答 the requester sent through the public portal's follow-up link (issue #14).
          { title: '請求者の回答（Web）', dataIndex: 'answer', render: (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—') },
        ]}
      />
      {detail.abilities.manage && open ? <CompleteCorrectionForm correctionId={open.id} /> : null}
      {detail.abilities.manage && !open ? (
        <FormLayout id="add-correction" onSubmit={onSubmit}>
          {alert}
          <Field control={form.control} name="askedOn" label={L.askedOn} required>
            {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
          </Field>
          <Field control={form.control} name="what" label={L.correctionWhat} required>
            {(field) => <Input.TextArea id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} rows={2} />}
          </Field>
          <Button htmlType="submit" loading={form.formState.isSubmitting} data-testid="correction-add">
            補正を求める
          </Button>
        </FormLayout>
      ) : null}
    </>
  );
}

type CompleteIn = z.input<typeof completeCorrectionBody>;
type CompleteOut = z.output<typeof completeCorrectionBody>;

function CompleteCorrectionForm({ correctionId }: { correctionId: string }) {
  const form = useForm<CompleteIn, unknown, CompleteOut>({ resolver: zodResolver(completeCorrectionBody), defaultValues: { completedOn: '' } });
  const { run, alert } = useSubmit(form, ['completedOn']);
  const onSubmit = form.handleSubmit((values) => run(() => api.post(pathOf(requestsContract.completeCorrection, { id: correctionId }), values)).then(() => undefined));
  return (
    <FormLayout id="complete-correction" onSubmit={onSubmit}>
      {alert}
      <Field control={form.control} name="completedOn" label={L.completedOn} required>
        {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
      </Field>
      <Button htmlType="submit" loading={form.formState.isSubmitting} data-testid="correction-complete">
        補正の完了を記録
      </Button>
    </FormLayout>
  );
}

type DecisionIn = z.input<typeof decisionBody>;
type DecisionOut = z.output<typeof decisionBody>;

/** 決定 (J.10.4–J.10.7 / 法第78条等): 一部・拒否 cite the statutory grounds of the kind for the organization's profile. */
export function DecisionForm({ detail }: { detail: RequestDetail }) {
  const organization = useOrganization();
  const profile = (organization.data?.profile ?? 'private') as RequestProfile;
  const grounds = decisionGrounds(detail.kind, profile);
  const form = useForm<DecisionIn, unknown, DecisionOut>({
    resolver: zodResolver(decisionBody),
    defaultValues: {
      scope: detail.decision?.scope ?? 'full',
      groundCodes: detail.decision?.grounds.map((g) => g.code) ?? [],
      note: detail.decision?.note ?? '',
      // The detail shows the 回答方法 by its label; the form sends its code.
      replyMethod: replyMethods.find((m) => replyMethodLabels[m] === detail.replyMethod),
      repliedOn: detail.repliedOn ?? '',
      feeYen: detail.feeYen,
      withheldItems: detail.decision?.withheldItems ?? [],
    },
  });
  const scope = form.watch('scope');
  const overseas = detail.kind === 'overseas_info';
  // J.8.8.1 4: withholding any of the information is notified to the person with its reason.
  const withholding = overseas && scope !== 'full';
  const { run, alert } = useSubmit(form, ['scope', 'groundCodes', 'note', 'withheldItems', 'replyMethod', 'repliedOn', 'feeYen']);
  // 全部 cites no ground: grounds ticked before switching back to 全部 are not sent; items withheld only on 一部不提供.
  const onSubmit = form.handleSubmit((values) =>
    run(() =>
      api.put(pathOf(requestsContract.decide, { id: detail.id }), {
        ...values,
        groundCodes: values.scope === 'full' ? [] : values.groundCodes,
        withheldItems: overseas && values.scope === 'partial' ? values.withheldItems : [],
      }),
    ).then(() => undefined),
  );
  const disabled = !detail.abilities.manage;
  return (
    <FormLayout id="decision" onSubmit={onSubmit}>
      {alert}
      <Field control={form.control} name="scope" label={L.decisionScope} required>
        {(field) => (
          <Radio.Group id={field.id} value={field.value} onChange={(e) => field.onChange(e.target.value)} disabled={disabled}>
            <Radio value="full">{overseas ? decisionScopeLabels.overseas_info.full : '全部'}</Radio>
            <Radio value="partial">{overseas ? decisionScopeLabels.overseas_info.partial : '一部'}</Radio>
            <Radio value="refused">{overseas ? decisionScopeLabels.overseas_info.refused : '拒否'}</Radio>
          </Radio.Group>
        )}
      </Field>
      {scope !== 'full' ? (
        <Field control={form.control} name="groundCodes" label={L.decisionGrounds} required>
          {(field) => (
            <Checkbox.Group value={field.value ?? []} onChange={field.onChange} disabled={disabled} data-testid="decision-grounds">
              <Space direction="vertical">
                {grounds.map((g) => (
                  <Checkbox key={g.code} value={g.code}>
                    {staffCitation(g)}: {g.label}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          )}
        </Field>
      ) : null}
      {overseas && scope === 'partial' ? (
        <Field control={form.control} name="withheldItems" label={L.withheldItems} required>
          {(field) => (
            <Checkbox.Group value={field.value ?? []} onChange={field.onChange} disabled={disabled} data-testid="decision-withheld">
              <Space direction="vertical">
                {overseasInfoItemNos.map((no) => (
                  <Checkbox key={no} value={no}>
                    {overseasInfoItemLabels[no]}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          )}
        </Field>
      ) : null}
      <Field control={form.control} name="note" label={withholding ? '提供しない理由の説明（本人に通知します。J.8.8.1 4）' : L.decisionNote} required={withholding}>
        {(field) => <Input.TextArea id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} rows={3} disabled={disabled} />}
      </Field>
      <Field control={form.control} name="replyMethod" label={L.replyMethod}>
        {(field) => (
          <Select
            id={field.id}
            allowClear
            value={field.value}
            onChange={field.onChange}
            disabled={disabled}
            options={replyMethods.map((m) => ({ value: m, label: replyMethodLabels[m] }))}
          />
        )}
      </Field>
      <Field control={form.control} name="repliedOn" label={L.repliedOn}>
        {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} disabled={disabled} />}
      </Field>
      <Field control={form.control} name="feeYen" label={`${L.feeYen}（円）`}>
        {(field) => (
          <NumberInput
            id={field.id}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            status={field.status}
            disabled={disabled}
            label={L.feeYen}
            unit="円"
            max={1_000_000}
            style={{ width: 200 }}
            data-testid="decision-fee"
          />
        )}
      </Field>
      {disabled ? null : (
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting} data-testid="decision-save">
          決定を記録
        </Button>
      )}
    </FormLayout>
  );
}
