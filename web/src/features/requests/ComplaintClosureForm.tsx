import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Descriptions, Input, Select, Typography } from 'antd';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { requestsContract } from '../../../../src/modules/requests/requests.contract.ts';
import { requestFieldLabels as L } from '../../../../src/modules/requests/requests.labels.ts';
import { closeComplaintBody } from '../../../../src/modules/requests/requests.schema.ts';
import { api } from '../../api/client.ts';
import { useDepartments } from '../../api/queries.ts';
import { DateInput, Field, FormLayout } from '../../components/form.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { pathOf, type RequestDetail } from './api.ts';
import { useSubmit } from './RequestForms.tsx';

type CloseIn = z.input<typeof closeComplaintBody>;
type CloseOut = z.output<typeof closeComplaintBody>;

/**
 * 苦情・相談の完了 (J.11.1 d), Okazaki 第22条): 原因・対応 and 完了日; optionally a 是正処置 (J.7.1 g) 3))
 * for the department chosen — required when the box is ticked. The action links back to this
 * complaint without copying the complainant or the content.
 */
export function ComplaintClosureForm({ detail }: { detail: RequestDetail }) {
  const format = useDateFormat();
  const departments = useDepartments();
  const form = useForm<CloseIn, unknown, CloseOut>({
    resolver: zodResolver(closeComplaintBody),
    defaultValues: { closedOn: '', causeAndAction: detail.causeAndAction ?? '', openCorrective: false, correctiveDepartmentId: null, correctiveTitle: '' },
  });
  const openCorrective = useWatch({ control: form.control, name: 'openCorrective' });
  const { run, alert } = useSubmit(form, ['closedOn', 'causeAndAction', 'openCorrective', 'correctiveDepartmentId', 'correctiveTitle']);
  const onSubmit = form.handleSubmit((values) => run(() => api.post(pathOf(requestsContract.closeComplaint, { id: detail.id }), values)).then(() => undefined));
  if (detail.status === 'answered' || detail.status === 'withdrawn')
    return (
      <Descriptions size="small" column={1} data-testid="complaint-closed">
        <Descriptions.Item label={L.closedOn}>{detail.repliedOn ? format(detail.repliedOn) : '—'}</Descriptions.Item>
        <Descriptions.Item label={L.causeAndAction}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{detail.causeAndAction ?? ''}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="是正処置">
          {detail.correctiveActionId ? (
            <Link to={`/corrective-actions/${detail.correctiveActionId}`} data-testid="complaint-corrective-link">
              是正処置を開く
            </Link>
          ) : (
            'なし'
          )}
        </Descriptions.Item>
      </Descriptions>
    );
  if (!detail.abilities.manage) return <Typography.Paragraph>{detail.causeAndAction ?? '原因・対応はまだ記録されていません。'}</Typography.Paragraph>;
  return (
    <FormLayout id="complaint-closure" onSubmit={onSubmit}>
      {alert}
      <Field control={form.control} name="causeAndAction" label={L.causeAndAction} required>
        {(field) => <Input.TextArea id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} rows={4} />}
      </Field>
      <Field control={form.control} name="closedOn" label={L.closedOn} required>
        {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
      </Field>
      <Field control={form.control} name="openCorrective" label="是正処置（J.7.1 g) 3)）">
        {(field) => (
          <Checkbox id={field.id} checked={field.value ?? false} onChange={(e) => field.onChange(e.target.checked)} data-testid="complaint-open-corrective">
            この苦情から是正処置を起票する（申出者・苦情の内容は写しません）
          </Checkbox>
        )}
      </Field>
      {openCorrective ? (
        <>
          <Field control={form.control} name="correctiveDepartmentId" label={L.correctiveDepartment} required>
            {(field) => (
              <Select
                id={field.id}
                value={field.value ?? undefined}
                onChange={field.onChange}
                status={field.status}
                placeholder="所属を選択"
                loading={departments.isPending}
                options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                data-testid="complaint-corrective-department"
              />
            )}
          </Field>
          <Field control={form.control} name="correctiveTitle" label={L.correctiveTitle}>
            {(field) => (
              <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} placeholder="苦情・相談への是正処置" />
            )}
          </Field>
        </>
      ) : null}
      <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting} data-testid="complaint-close">
        完了として記録
      </Button>
    </FormLayout>
  );
}
