import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Input, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { incidentsContract } from '../../../../src/modules/incidents/incidents.contract.ts';
import { incidentPhaseLabels, incidentPhases, narrativeKeys, narrativeLabels, reportDetailKeys, reportDetailLabels } from '../../../../src/modules/incidents/incidents.labels.ts';
import { updateIncidentBody } from '../../../../src/modules/incidents/incidents.schema.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, Field, FormLayout, NumberInput } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { DepartmentSelect } from '../../components/pickers.tsx';
import { useT } from '../../i18n/index.tsx';
import { AffectedEntryPicker, type PickedEntry } from './AffectedEntryPicker.tsx';
import { type IncidentDetail, incidentKeys, pathOf } from './api.ts';
import { useIncidentT, useLocalized } from './messages.ts';
import { DateTimeInput } from './parts.tsx';

type FormIn = z.input<typeof updateIncidentBody>;
type FormOut = z.output<typeof updateIncidentBody>;
const FIELDS = ['title', 'departmentId', 'discoveredAt', 'phase', 'reportSummary', 'narrative', 'details', 'affectedRecords'] as const;

/** 事案の記録: subject, department, 発見日時, step, the initial report, 5W1H, report items 4–9 and the affected 個人情報. */
export function RecordPanel({ incident, readOnly }: { incident: IncidentDetail; readOnly: boolean }) {
  const t = useIncidentT();
  const tc = useT();
  const label = useLocalized();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    // No maxLength or min on the inputs: antd cut pasted text to the limit and turned −5 into 0 without a word.
    // The shared schema refuses them under the field, naming the limit, and what was typed stays (issue 10).
    resolver: zodResolver(updateIncidentBody),
    defaultValues: {
      title: incident.title,
      departmentId: incident.departmentId,
      discoveredAt: incident.discoveredAt,
      phase: incident.phase,
      reportSummary: incident.reportSummary,
      narrative: incident.narrative,
      details: incident.details,
      affectedRecords: incident.affectedRecords,
    },
  });
  const affected = useFieldArray({ control: form.control, name: 'affectedRecords' });
  // Picking a 台帳 entry links the row and fills only its empty fields: what the person typed stays,
  // and the message says which fields came from the 台帳 and which were kept.
  const pickEntry = (index: number, entry: PickedEntry) => {
    const row = form.getValues(`affectedRecords.${index}`);
    form.setValue(`affectedRecords.${index}.inventoryEntryId`, entry.id, { shouldDirty: true });
    const filled: string[] = [];
    const kept: string[] = [];
    const fields = [
      ['name', entry.name, t('record.affectedName')],
      ['items', entry.items, t('record.affectedItems')],
      ['persons', entry.persons, t('record.affectedPersons')],
      ['medium', entry.medium, t('record.affectedMedium')],
    ] as const;
    for (const [key, value, fieldLabel] of fields) {
      const current = row?.[key];
      if (value === null) continue;
      if (current === null || current === undefined || current === '') {
        form.setValue(`affectedRecords.${index}.${key}`, value as never, { shouldDirty: true });
        filled.push(fieldLabel);
      } else if (String(current) !== String(value)) kept.push(fieldLabel);
    }
    message.info(
      [
        t('record.entryLinked', { name: entry.name }),
        filled.length > 0 ? t('record.entryFilled', { fields: filled.join('・') }) : '',
        kept.length > 0 ? t('record.entryKept', { fields: kept.join('・') }) : '',
      ]
        .filter(Boolean)
        .join(''),
    );
  };
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.patch(pathOf(incidentsContract.update, { id: incident.id }), values);
      leave.saved();
      message.success(tc('common.saved'));
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });
  return (
    <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormLayout id="incident-record" onSubmit={onSubmit}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('record.general')}>
              <Field control={form.control} name="title" label={t('record.title')} required>
                {(field) => <Input {...field} value={field.value ?? ''} />}
              </Field>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Field control={form.control} name="departmentId" label={t('record.department')}>
                    {(field) => <DepartmentSelect id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
                  </Field>
                </Col>
                <Col xs={24} md={12}>
                  <Field control={form.control} name="phase" label={t('record.phase')}>
                    {(field) => (
                      <Select
                        id={field.id}
                        value={field.value}
                        onChange={field.onChange}
                        options={incidentPhases.map((p) => ({ value: p, label: label(incidentPhaseLabels[p]) }))}
                        disabled={readOnly}
                      />
                    )}
                  </Field>
                </Col>
              </Row>
              {/* The report took "now" as 発見日時 (ReportIncidentPage); the actual time of discovery is corrected here. */}
              <Field control={form.control} name="discoveredAt" label={t('record.discoveredAt')}>
                {(field) => <DateTimeInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
              </Field>
              <Field control={form.control} name="reportSummary" label={t('record.summary')}>
                {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={4} />}
              </Field>
            </Card>
            <Card size="small" title={t('record.narrative')} style={{ marginTop: 16 }}>
              {narrativeKeys.map((k) => (
                <Field key={k} control={form.control} name={`narrative.${k}`} label={label(narrativeLabels[k])}>
                  {(field) => <Input.TextArea {...field} value={field.value ?? ''} autoSize={{ minRows: 1, maxRows: 4 }} />}
                </Field>
              ))}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('record.details')}>
              {reportDetailKeys.map((k) => (
                <Field key={k} control={form.control} name={`details.${k}`} label={`${reportDetailLabels[k].item}. ${label(reportDetailLabels[k])}`}>
                  {(field) => <Input.TextArea {...field} value={field.value ?? ''} autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`detail-${k}`} />}
                </Field>
              ))}
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('record.affected')} extra={<Typography.Text type="secondary">{t('record.affectedHint')}</Typography.Text>}>
              {affected.fields.map((row, index) => (
                <Row gutter={8} key={row.id} align="top">
                  <Col xs={24} style={{ marginBottom: 4 }}>
                    <AffectedEntryPicker
                      entryId={form.watch(`affectedRecords.${index}.inventoryEntryId`) ?? null}
                      entryName={form.watch(`affectedRecords.${index}.name`) ?? ''}
                      disabled={readOnly}
                      onPick={(entry) => pickEntry(index, entry)}
                      onUnlink={() => form.setValue(`affectedRecords.${index}.inventoryEntryId`, null, { shouldDirty: true })}
                    />
                  </Col>
                  <Col xs={24} md={6}>
                    <Field control={form.control} name={`affectedRecords.${index}.name`} label={t('record.affectedName')} required>
                      {(field) => <Input {...field} value={field.value ?? ''} />}
                    </Field>
                  </Col>
                  <Col xs={24} md={8}>
                    <Field control={form.control} name={`affectedRecords.${index}.items`} label={t('record.affectedItems')}>
                      {(field) => <Input {...field} value={field.value ?? ''} />}
                    </Field>
                  </Col>
                  <Col xs={12} md={3}>
                    <Field control={form.control} name={`affectedRecords.${index}.persons`} label={t('record.affectedPersons')}>
                      {(field) => (
                        <NumberInput
                          id={field.id}
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          status={field.status}
                          label={t('record.affectedPersons')}
                          unit="人"
                          style={{ width: '100%' }}
                          data-testid={`affected-${index}-persons`}
                        />
                      )}
                    </Field>
                  </Col>
                  <Col xs={10} md={5}>
                    <Field control={form.control} name={`affectedRecords.${index}.medium`} label={t('record.affectedMedium')}>
                      {(field) => <Input {...field} value={field.value ?? ''} />}
                    </Field>
                  </Col>
                  <Col xs={2} md={2} style={{ paddingTop: 30 }}>
                    {readOnly ? null : <Button icon={<DeleteOutlined />} onClick={() => affected.remove(index)} aria-label={t('record.affectedRemove', { n: index + 1 })} />}
                  </Col>
                </Row>
              ))}
              {readOnly ? null : (
                <Button icon={<PlusOutlined />} onClick={() => affected.append({ inventoryEntryId: null, name: '', items: null, persons: null, medium: null })}>
                  {t('record.addAffected')}
                </Button>
              )}
            </Card>
          </Col>
        </Row>
        {readOnly ? null : (
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={form.formState.isSubmitting} data-testid="record-save">
              {tc('common.save')}
            </Button>
          </Space>
        )}
      </FormLayout>
    </fieldset>
  );
}
