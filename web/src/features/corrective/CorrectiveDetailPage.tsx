import { ArrowLeftOutlined, FilePdfOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Input, Radio, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { correctiveContract } from '../../../../src/modules/corrective/corrective.contract.ts';
import { updateCorrectiveBody } from '../../../../src/modules/corrective/corrective.schema.ts';
import { ApiError, api, download } from '../../api/client.ts';
import { applyServerErrors, DateInput, errorMessage, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useIncidentT } from '../incidents/messages.ts';
import { ApprovalSteps, useDateFormat } from '../incidents/parts.tsx';
import { type CorrectiveDetail, correctiveKeys, pathOf, useCorrective } from './api.ts';

type FormIn = z.input<typeof updateCorrectiveBody>;
type FormOut = z.output<typeof updateCorrectiveBody>;

const planKeys = ['title', 'content', 'correction', 'rootCause', 'similarCases', 'plan', 'dueOn'] as const;
const implementationKeys = ['implementation', 'implementedOn'] as const;
const reviewKeys = ['effectivenessReview', 'effective', 'effectivenessReviewedOn'] as const;
const FIELDS = [...planKeys, ...implementationKeys, ...reviewKeys] as const;

function pick(values: FormOut, keys: readonly (keyof FormOut)[]): Partial<FormOut> {
  return Object.fromEntries(keys.map((k) => [k, values[k]]));
}

function CorrectiveForm({ detail }: { detail: CorrectiveDetail }) {
  const t = useIncidentT();
  const tc = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  // The server decides which sections the caller may change now (J.7.1 h) 2)・4)・6)).
  const planEditable = detail.abilities.editPlan;
  const implementationEditable = detail.abilities.recordImplementation;
  const reviewEditable = detail.abilities.reviewEffectiveness;
  const form = useForm<FormIn, unknown, FormOut>({
    // No maxLength or min on the inputs: antd cut pasted text to the limit and turned −5 into 0 without a word.
    // The shared schema refuses them under the field, naming the limit, and what was typed stays (issue 10).
    resolver: zodResolver(updateCorrectiveBody),
    defaultValues: {
      title: detail.title,
      content: detail.content,
      correction: detail.correction ?? '',
      rootCause: detail.rootCause ?? '',
      similarCases: detail.similarCases ?? '',
      plan: detail.plan ?? '',
      dueOn: detail.dueOn,
      implementation: detail.implementation ?? '',
      implementedOn: detail.implementedOn,
      effectivenessReview: detail.effectivenessReview ?? '',
      effective: detail.effective,
      effectivenessReviewedOn: detail.effectivenessReviewedOn,
    },
  });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    // Send only the sections the actor may change (the server refuses the rest).
    const body = {
      ...(planEditable ? pick(values, planKeys) : {}),
      ...(implementationEditable ? pick(values, implementationKeys) : {}),
      ...(reviewEditable ? pick(values, reviewKeys) : {}),
    };
    try {
      await api.patch(pathOf(correctiveContract.update, { id: detail.id }), body);
      leave.saved();
      message.success(tc('common.saved'));
      await queryClient.invalidateQueries({ queryKey: correctiveKeys.all });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });
  const text = (name: (typeof FIELDS)[number] & keyof FormIn, labelText: string, enabled: boolean, rows = 3) => (
    <Field control={form.control} name={name} label={labelText}>
      {(field) => (
        <Input.TextArea
          id={field.id}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          status={field.status}
          rows={rows}
          disabled={!enabled}
          data-testid={`ca-${name}`}
        />
      )}
    </Field>
  );
  const date = (name: 'dueOn' | 'implementedOn' | 'effectivenessReviewedOn', labelText: string, enabled: boolean) => (
    <Field control={form.control} name={name} label={labelText}>
      {(field) => (
        <DateInput
          id={field.id}
          value={typeof field.value === 'string' ? field.value : null}
          onChange={field.onChange}
          onBlur={field.onBlur}
          status={field.status}
          disabled={!enabled}
        />
      )}
    </Field>
  );
  return (
    <FormLayout id="corrective" onSubmit={onSubmit}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('ca.planApproval')}>
            <ApprovalSteps approval={detail.planApproval} emptyText={t('out.noApproval')} />
            <div style={{ marginTop: 12 }}>
              <Field control={form.control} name="title" label={t('ca.subject')}>
                {(field) => <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} disabled={!planEditable} />}
              </Field>
              {text('content', t('ca.content'), planEditable)}
              {text('correction', t('ca.correction'), planEditable)}
              {text('rootCause', t('ca.rootCause'), planEditable)}
              {text('similarCases', t('ca.similar'), planEditable)}
              {text('plan', t('ca.plan'), planEditable, 4)}
              {date('dueOn', t('ca.due'), planEditable)}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('ca.resultApproval')}>
            <ApprovalSteps approval={detail.resultApproval} emptyText={t('out.noApproval')} />
            <div style={{ marginTop: 12 }}>
              {text('implementation', t('ca.implementation'), implementationEditable, 4)}
              {date('implementedOn', t('ca.implementedOn'), implementationEditable)}
              {text('effectivenessReview', t('ca.review'), reviewEditable, 4)}
              <Field control={form.control} name="effective" label={t('ca.effective')}>
                {(field) => (
                  <Radio.Group
                    value={field.value}
                    onChange={(e) => field.onChange(e.target.value)}
                    disabled={!reviewEditable}
                    options={[
                      { value: true, label: t('ca.effectiveYes') },
                      { value: false, label: t('ca.effectiveNo') },
                    ]}
                  />
                )}
              </Field>
              {date('effectivenessReviewedOn', t('ca.reviewedOn'), reviewEditable)}
              {detail.effectivenessReviewedByName ? <Typography.Text type="secondary">{detail.effectivenessReviewedByName}</Typography.Text> : null}
            </div>
          </Card>
        </Col>
      </Row>
      {detail.abilities.edit ? (
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} style={{ marginTop: 16 }} loading={form.formState.isSubmitting} data-testid="ca-save">
          {tc('common.save')}
        </Button>
      ) : null}
    </FormLayout>
  );
}

/** 是正処置の画面 (M10, J.7.1 h)). */
export default function CorrectiveDetailPage() {
  const { id = '' } = useParams();
  const t = useIncidentT();
  const tc = useT();
  const navigate = useNavigate();
  const format = useDateFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useCorrective(id);
  const submit = useMutation({
    mutationFn: (what: 'plan' | 'result') => api.post(pathOf(what === 'plan' ? correctiveContract.submitPlan : correctiveContract.submitResult, { id })),
    onSuccess: () => {
      message.success(t('ca.submitted'));
      void queryClient.invalidateQueries({ queryKey: correctiveKeys.all });
    },
    onError: (error) => message.error(errorMessage(error, tc)),
  });
  if (query.isPending) return <Spin />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <Result status="404" title="404" subTitle={query.error.message} />;
    return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  }
  const d = query.data;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <Typography.Text code style={{ fontSize: 16 }}>
              {d.number}
            </Typography.Text>
            <span>{d.title}</span>
          </Space>
        }
        lead={<Tag color={d.status === 'closed' ? 'default' : 'gold'}>{d.statusLabel}</Tag>}
        extra={
          <>
            <Button
              icon={<FilePdfOutlined />}
              onClick={() =>
                download(pathOf(correctiveContract.recordPdf, { id: d.id }), `是正処置実施記録_${d.number}.pdf`).catch((error: unknown) => message.error(errorMessage(error, tc)))
              }
            >
              {t('ca.pdf')}
            </Button>
            {d.abilities.submitPlan ? (
              <Button type="primary" icon={<SendOutlined />} onClick={() => submit.mutate('plan')} loading={submit.isPending} data-testid="ca-submit-plan">
                {t('ca.submitPlan')}
              </Button>
            ) : null}
            {d.abilities.submitResult ? (
              <Button type="primary" icon={<SendOutlined />} onClick={() => submit.mutate('result')} loading={submit.isPending} data-testid="ca-submit-result">
                {t('ca.submitResult')}
              </Button>
            ) : null}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/corrective-actions')}>
              {t('ca.title')}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('ca.flow')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('ca.source')}>{`${d.sourceLabel}（${d.sourceBasis}）${d.sourceRef ? ` ${d.sourceRef}` : ''}`}</Descriptions.Item>
          <Descriptions.Item label={t('ca.department')}>{d.departmentName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('ca.reporter')}>{`${d.reportedByName} ${formatDateTime(d.reportedAt)}`}</Descriptions.Item>
          {d.incident ? (
            <Descriptions.Item label={t('ca.incident')}>
              <Typography.Link onClick={() => navigate(`/incidents/${d.incident?.id}`)}>{`${d.incident.number} ${d.incident.title}`}</Typography.Link>
            </Descriptions.Item>
          ) : null}
          {d.complaint ? (
            // Only for those who may see the complaint (requests.read); others read 苦情・相談 and its 受付番号 above.
            <Descriptions.Item label={t('ca.complaint')}>
              <Typography.Link onClick={() => navigate(`/requests/${d.complaint?.id}`)} data-testid="corrective-complaint-link">
                {d.complaint.number}
              </Typography.Link>
            </Descriptions.Item>
          ) : null}
          {d.contractorInspection ? (
            // 「実地検査 YYYY-MM-DD 委託先名」: sent only to those who may see the 委託先 register (issue 13, #11-6).
            <Descriptions.Item label={t('ca.inspection')}>
              <Typography.Link onClick={() => navigate(`/contractors/${d.contractorInspection?.contractorId}`)} data-testid="ca-inspection-link">
                {d.contractorInspection.label}
              </Typography.Link>
            </Descriptions.Item>
          ) : null}
          {d.dueOn ? <Descriptions.Item label={t('ca.due')}>{format(d.dueOn)}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <CorrectiveForm key={`${d.id}:${d.status}`} detail={d} />
    </>
  );
}
