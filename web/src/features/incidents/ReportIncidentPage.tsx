import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Input, List, Result, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { incidentsContract } from '../../../../src/modules/incidents/incidents.contract.ts';
import { eventLabels } from '../../../../src/modules/incidents/incidents.labels.ts';
import { reportIncidentBody } from '../../../../src/modules/incidents/incidents.schema.ts';
import { incidentEventKinds } from '../../../../src/rules/incidentDuties.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, DateInput, Field, FormLayout } from '../../components/form.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { DepartmentSelect } from '../../components/pickers.tsx';
import { formatDateTime, todayInJapan } from '../../lib/dates.ts';
import { incidentKeys, pathOf, type ReportedIncident, useMyReports } from './api.ts';
import { useIncidentT, useLocalized } from './messages.ts';
import { IncidentStatusTag } from './parts.tsx';

/** The API schema without 発見日時 (the server takes "now"; the time of discovery goes into the record later). */
const reportForm = reportIncidentBody.omit({ discoveredAt: true });
type FormIn = z.input<typeof reportForm>;
type FormOut = z.output<typeof reportForm>;
const FIELDS = ['title', 'summary', 'knownOn', 'departmentId', 'events'] as const;

/**
 * 事故等の報告: one short form for every employee (Toshima 4-8-11 (1) 注: report before the facts
 * are confirmed). Only the subject and what is known are required.
 */
export default function ReportIncidentPage() {
  const t = useIncidentT();
  const label = useLocalized();
  const queryClient = useQueryClient();
  const mine = useMyReports();
  const [done, setDone] = useState<ReportedIncident | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    // No maxLength or min on the inputs: antd cut pasted text to the limit and turned −5 into 0 without a word.
    // The shared schema refuses them under the field, naming the limit, and what was typed stays (issue 10).
    resolver: zodResolver(reportForm),
    defaultValues: { title: '', summary: '', knownOn: todayInJapan(), departmentId: null, events: [] },
  });
  // A report half-typed is not lost by a click on the menu (the form resets once sent).
  useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await api.post<ReportedIncident>(pathOf(incidentsContract.report), values);
      setDone(created);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });

  return (
    <>
      <PageHeader title={t('report.title')} lead={t('report.lead')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card>
            {done ? (
              <Result
                status="success"
                title={<span data-testid="report-done">{t('report.done', { number: done.number })}</span>}
                subTitle={t('report.doneLead')}
                extra={
                  <Button type="primary" onClick={() => setDone(null)}>
                    {t('report.another')}
                  </Button>
                }
              />
            ) : (
              <>
                {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
                <FormLayout id="incident-report" onSubmit={onSubmit}>
                  <Field control={form.control} name="title" label={t('report.titleField')} required>
                    {(field) => <Input {...field} value={field.value ?? ''} placeholder={t('report.titlePlaceholder')} />}
                  </Field>
                  <Field control={form.control} name="summary" label={t('report.summary')} required>
                    {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={5} placeholder={t('report.summaryPlaceholder')} />}
                  </Field>
                  <Field control={form.control} name="events" label={t('report.events')}>
                    {(field) => (
                      <Checkbox.Group
                        value={field.value ?? []}
                        onChange={(v) => field.onChange(v)}
                        options={incidentEventKinds.map((k) => ({ value: k, label: label(eventLabels[k]) }))}
                        data-testid="report-events"
                      />
                    )}
                  </Field>
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Field control={form.control} name="knownOn" label={t('report.knownOn')}>
                        {(field) => (
                          <DateInput
                            id={field.id}
                            value={typeof field.value === 'string' ? field.value : null}
                            onChange={field.onChange}
                            onBlur={field.onBlur}
                            status={field.status}
                          />
                        )}
                      </Field>
                    </Col>
                    <Col xs={24} md={12}>
                      <Field control={form.control} name="departmentId" label={t('report.department')} extra={t('report.departmentHint')}>
                        {(field) => <DepartmentSelect id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
                      </Field>
                    </Col>
                  </Row>
                  <Button type="primary" danger htmlType="submit" size="large" loading={form.formState.isSubmitting} data-testid="report-submit">
                    {t('report.submit')}
                  </Button>
                </FormLayout>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('report.mine')}>
            <List
              size="small"
              loading={mine.isPending}
              dataSource={mine.data ?? []}
              renderItem={(r) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Space>
                      <Typography.Text code>{r.number}</Typography.Text>
                      <IncidentStatusTag status={r.status} />
                    </Space>
                    <Typography.Text>{r.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(r.reportedAt)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            <Link to="/incidents">{t('list.title')}</Link>
          </Card>
        </Col>
      </Row>
    </>
  );
}
