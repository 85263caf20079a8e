import { EditOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Empty, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { incidentsContract } from '../../../../src/modules/incidents/incidents.contract.ts';
import { dutyStatuses, dutyStatusLabels } from '../../../../src/modules/incidents/incidents.labels.ts';
import { dutyUpdateBody } from '../../../../src/modules/incidents/incidents.schema.ts';
import { incidentRulesVersionLabel } from '../../../../src/rules/incidentDuties.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, DateInput, Field, FormLayout } from '../../components/form.tsx';
import { PersonSelect } from '../../components/pickers.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { todayInJapan } from '../../lib/dates.ts';
import { type IncidentDetail, type IncidentDuty, incidentKeys, pathOf } from './api.ts';
import { useIncidentT, useLocalized } from './messages.ts';
import { CountdownTag, DutyBlock, DutyStatusTag, MissingFactsAlert, useDateFormat } from './parts.tsx';

type FormIn = z.input<typeof dutyUpdateBody>;
type FormOut = z.output<typeof dutyUpdateBody>;
const FIELDS = ['status', 'doneOn', 'doneByPersonId', 'referenceNumber', 'note'] as const;

function DutyStatusModal({ duty, onClose }: { duty: IncidentDuty; onClose: () => void }) {
  const t = useIncidentT();
  const label = useLocalized();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    // No maxLength or min on the inputs: antd cut pasted text to the limit and turned −5 into 0 without a word.
    // The shared schema refuses them under the field, naming the limit, and what was typed stays (issue 10).
    resolver: zodResolver(dutyUpdateBody),
    defaultValues: {
      status: duty.status === 'open' ? 'done' : duty.status,
      doneOn: duty.doneOn ?? todayInJapan(),
      doneByPersonId: duty.doneByPersonId,
      referenceNumber: duty.referenceNumber ?? '',
      note: duty.note ?? '',
    },
  });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.put(pathOf(incidentsContract.updateDuty, { id: duty.id }), values);
      leave.release();
      message.success(t('duty.edit'));
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });
  return (
    <Modal
      open
      title={`${t('duty.edit')}: ${duty.label}`}
      onCancel={() => leave.confirmClose(onClose)}
      okText="OK"
      okButtonProps={{ htmlType: 'submit', form: 'duty-status', loading: form.formState.isSubmitting }}
      destroyOnHidden
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormLayout id="duty-status" onSubmit={onSubmit}>
        <Field control={form.control} name="status" label={t('duty.status')} required>
          {(field) => (
            <Radio.Group
              value={field.value}
              onChange={(e) => field.onChange(e.target.value)}
              options={dutyStatuses.map((s) => ({ value: s, label: label(dutyStatusLabels[s]) }))}
            />
          )}
        </Field>
        <Field control={form.control} name="doneOn" label={t('duty.doneOn')}>
          {(field) => (
            <DateInput id={field.id} value={typeof field.value === 'string' ? field.value : null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />
          )}
        </Field>
        <Field control={form.control} name="doneByPersonId" label={t('duty.doneBy')}>
          {(field) => (
            <PersonSelect
              id={field.id}
              value={field.value ?? null}
              onChange={field.onChange}
              onBlur={field.onBlur}
              status={field.status}
              allowClear
              known={duty.doneByPersonId && duty.doneByName ? [{ value: duty.doneByPersonId, label: duty.doneByName }] : []}
            />
          )}
        </Field>
        <Field control={form.control} name="referenceNumber" label={t('duty.reference')}>
          {(field) => <Input {...field} value={field.value ?? ''} />}
        </Field>
        <Field control={form.control} name="note" label={t('duty.note')}>
          {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={3} />}
        </Field>
      </FormLayout>
    </Modal>
  );
}

/** The fixed duties (saved evaluation) with countdown and status; removed duties folded away. */
export function DutiesPanel({ incident, readOnly }: { incident: IncidentDetail; readOnly: boolean }) {
  const t = useIncidentT();
  const format = useDateFormat();
  const [editing, setEditing] = useState<IncidentDuty | null>(null);
  const active = incident.duties.filter((d) => d.active);
  const removed = incident.duties.filter((d) => !d.active);
  const missing = incident.evaluation.missingFacts;
  const status = (d: IncidentDuty) => (
    <Space size={4} wrap>
      <DutyStatusTag status={d.status} />
      <CountdownTag daysLeft={d.daysLeft} done={d.status !== 'open'} hideUndated />
      {d.doneOn ? <Typography.Text type="secondary">{format(d.doneOn)}</Typography.Text> : null}
      {d.doneByName ? <Typography.Text type="secondary">{d.doneByName}</Typography.Text> : null}
      {d.referenceNumber ? <Typography.Text code>{d.referenceNumber}</Typography.Text> : null}
      {!readOnly ? (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(d)} data-testid={`duty-edit-${d.kind}`}>
          {t('duty.edit')}
        </Button>
      ) : null}
    </Space>
  );
  return (
    <Card
      title={t('duty.stored')}
      size="small"
      data-testid="stored-duties"
      extra={<Typography.Text type="secondary">{`${t('detail.rulesVersion')}: ${incidentRulesVersionLabel(incident.rulesVersion)}`}</Typography.Text>}
    >
      {/* 事実の不足 (issue #10): no duty is not "no duty" while the facts it depends on are missing. */}
      <MissingFactsAlert missing={missing} hasDuties={active.length > 0} />
      {active.length === 0 ? (
        missing.length > 0 ? null : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={incident.evaluation.isIncident ? t('preview.noDuties') : t('preview.notIncident')} data-testid="no-duties" />
        )
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {active.map((d) => (
            <DutyBlock key={d.id} duty={d} testId={`stored-${d.kind}`} extra={status(d)} />
          ))}
        </Space>
      )}
      {removed.length > 0 ? (
        <Collapse
          ghost
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'removed',
              label: `${t('duty.removed')}（${removed.length}）`,
              children: (
                <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="removed-duties">
                  {removed.map((d) => (
                    <DutyBlock key={d.id} duty={d} testId={`removed-${d.kind}`} extra={<DutyStatusTag status={d.status} />} />
                  ))}
                </Space>
              ),
            },
          ]}
        />
      ) : null}
      {editing ? <DutyStatusModal duty={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
