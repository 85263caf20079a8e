import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { lawsContract } from '../../../../src/modules/laws/laws.contract.ts';
import { lawFieldLabels as L, lawKindLabels, lawKinds, lawStatusLabels, lawStatuses } from '../../../../src/modules/laws/laws.labels.ts';
import { lawBody } from '../../../../src/modules/laws/laws.schema.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, DateInput, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { type Law, lawKeys, pathOf } from './api.ts';
import { lt } from './messages.ts';

type FormIn = z.input<typeof lawBody>;
type FormOut = z.output<typeof lawBody>;
const FIELDS = Object.keys(L);

function initialValues(law: Law | null): FormIn {
  return {
    name: law?.name ?? '',
    kind: law?.kind ?? ('' as FormIn['kind']),
    issuer: law?.issuer ?? '',
    number: law?.number ?? '',
    lastAmendedOn: law?.lastAmendedOn ?? null,
    url: law?.url ?? '',
    application: law?.application ?? '',
    status: law?.status ?? 'active',
    identifiedOn: law?.identifiedOn ?? null,
    note: law?.note ?? '',
  };
}

/**
 * 法令規範の登録・変更 (J.1.3 a), validated with the server's own schema: dates typed as people
 * write them (和暦 too) and read exactly, the URL http/https only, every error under its field.
 */
export function LawFormModal({ law, onClose }: { law: Law | null; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(lawBody), defaultValues: initialValues(law) });
  const leave = useFormLeaveGuard(form);

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      setSaving(true);
      try {
        if (law) await api.put(pathOf(lawsContract.update, { id: law.id }), values);
        else await api.post(pathOf(lawsContract.create), values);
        leave.release();
        message.success(lt('saved'));
        await queryClient.invalidateQueries({ queryKey: lawKeys.all });
        onClose();
      } catch (error) {
        setFormError(applyServerErrors(error, form.setError, FIELDS) ?? lt('errors'));
      } finally {
        setSaving(false);
      }
    },
    () => setFormError(lt('errors')),
  );

  const text = (name: 'name' | 'issuer' | 'number' | 'url', required = false) => (
    <Field control={form.control} name={name} label={L[name]} required={required}>
      {(field) => <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} data-testid={`law-${name}`} />}
    </Field>
  );
  const area = (name: 'application' | 'note') => (
    <Field control={form.control} name={name} label={L[name]}>
      {(field) => (
        <Input.TextArea
          id={field.id}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          status={field.status}
          autoSize={{ minRows: 2 }}
          data-testid={`law-${name}`}
        />
      )}
    </Field>
  );
  const date = (name: 'lastAmendedOn' | 'identifiedOn') => (
    <Field control={form.control} name={name} label={L[name]}>
      {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
    </Field>
  );

  return (
    <Modal
      open
      width={720}
      title={law ? lt('editTitle') : lt('newTitle')}
      onCancel={() => leave.confirmClose(onClose)}
      okText={lt('save')}
      cancelText={lt('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'law', loading: saving, ...({ 'data-testid': 'law-save' } as object) }}
      destroyOnHidden
    >
      {law?.approval ? <Typography.Paragraph type="secondary">{lt('editHint')}</Typography.Paragraph> : null}
      <FormLayout id="law" onSubmit={onSubmit}>
        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
        {text('name', true)}
        <Field control={form.control} name="kind" label={L.kind} required>
          {(field) => (
            <Select
              id={field.id}
              value={field.value || undefined}
              onChange={field.onChange}
              onBlur={field.onBlur}
              status={field.status}
              options={lawKinds.map((k) => ({ value: k, label: lawKindLabels[k] }))}
              data-testid="law-kind"
            />
          )}
        </Field>
        {text('issuer')}
        {text('number')}
        {date('lastAmendedOn')}
        {text('url')}
        {area('application')}
        <Field control={form.control} name="status" label={L.status}>
          {(field) => (
            <Radio.Group
              id={field.id}
              value={field.value}
              onChange={(e) => field.onChange(e.target.value)}
              options={lawStatuses.map((s) => ({ value: s, label: lawStatusLabels[s] }))}
            />
          )}
        </Field>
        {date('identifiedOn')}
        {area('note')}
      </FormLayout>
    </Modal>
  );
}
