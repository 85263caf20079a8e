import { ArrowLeftOutlined, FilePdfOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Input, Radio, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { correctiveContract } from '../../../../src/modules/corrective/corrective.contract.ts';
import { updateCorrectiveBody } from '../../../../src/modules/corrective/corrective.schema.ts';
import { api, download } from '../../api/client.ts';
import { applyServerErrors, DateInput, errorMessage, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { useAbility } from '../../session/session.tsx';
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

type Submission = 'plan' | 'result';

/**
 * One 是正処置 with its form (keyed by id and status, so an approval resets what is shown). 「処置計画を申請」
 * and 「処置結果を申請」 save what is on the screen first, as the other screens that ask for an approval do
 * (委託先審査表, 評価基準): a person who typed the root cause and pressed 申請 is never told it is missing
 * (walk finding 2). A refused save stops the submission with the errors under the fields.
 */
function CorrectiveRecord({ detail: d }: { detail: CorrectiveDetail }) {
  const t = useIncidentT();
  const tc = useT();
  const navigate = useNavigate();
  const format = useDateFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const readsRegister = useAbility('corrective.read');
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState<Submission | null>(null);
  // The server decides which sections the caller may change now (J.7.1 h) 2)・4)・6)).
  const planEditable = d.abilities.editPlan;
  const implementationEditable = d.abilities.recordImplementation;
  const reviewEditable = d.abilities.reviewEffectiveness;
  const form = useForm<FormIn, unknown, FormOut>({
    // No maxLength or min on the inputs: antd cut pasted text to the limit and turned −5 into 0 without a word.
    // The shared schema refuses them under the field, naming the limit, and what was typed stays (issue 10).
    resolver: zodResolver(updateCorrectiveBody),
    defaultValues: {
      title: d.title,
      content: d.content,
      correction: d.correction ?? '',
      rootCause: d.rootCause ?? '',
      similarCases: d.similarCases ?? '',
      plan: d.plan ?? '',
      dueOn: d.dueOn,
      implementation: d.implementation ?? '',
      implementedOn: d.implementedOn,
      effectivenessReview: d.effectivenessReview ?? '',
      effective: d.effective,
      effectivenessReviewedOn: d.effectivenessReviewedOn,
    },
  });
  const leave = useFormLeaveGuard(form);

  /** Saves the sections the actor may change (the server refuses the rest); false when refused, with the errors shown. */
  const save = async (): Promise<boolean> => {
    setFormError(null);
    let saved = false;
    await form.handleSubmit(async (values) => {
      const body = {
        ...(planEditable ? pick(values, planKeys) : {}),
        ...(implementationEditable ? pick(values, implementationKeys) : {}),
        ...(reviewEditable ? pick(values, reviewKeys) : {}),
      };
      try {
        await api.patch(pathOf(correctiveContract.update, { id: d.id }), body);
        leave.saved();
        saved = true;
      } catch (error) {
        setFormError(applyServerErrors(error, form.setError, FIELDS));
      }
    })();
    return saved;
  };

  const onSave = async (e?: React.BaseSyntheticEvent) => {
    e?.preventDefault();
    if (!(await save())) return;
    message.success(tc('common.saved'));
    await queryClient.invalidateQueries({ queryKey: correctiveKeys.all });
  };

  const submit = async (what: Submission) => {
    setSubmitting(what);
    try {
      // What is typed is saved first; the server checks the record as saved (J.7.1 h) 3)・5)).
      if (form.formState.isDirty && !(await save())) return;
      await api.post(pathOf(what === 'plan' ? correctiveContract.submitPlan : correctiveContract.submitResult, { id: d.id }));
      message.success(t('ca.submitted'));
      await queryClient.invalidateQueries({ queryKey: correctiveKeys.all });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
      message.error(errorMessage(error, tc));
    } finally {
      setSubmitting(null);
    }
  };

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
              <Button
                type="primary"
                icon={<SendOutlined />}
                onClick={() => void submit('plan')}
                loading={submitting === 'plan'}
                disabled={submitting !== null}
                data-testid="ca-submit-plan"
              >
                {t('ca.submitPlan')}
              </Button>
            ) : null}
            {d.abilities.submitResult ? (
              <Button
                type="primary"
                icon={<SendOutlined />}
                onClick={() => void submit('result')}
                loading={submitting === 'result'}
                disabled={submitting !== null}
                data-testid="ca-submit-result"
              >
                {t('ca.submitResult')}
              </Button>
            ) : null}
            {/* The register is for holders of corrective.read; the 発見者 and the complaint desk read this record only. */}
            {readsRegister ? (
              <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/corrective-actions')}>
                {t('ca.title')}
              </Button>
            ) : null}
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
      <FormLayout id="corrective" onSubmit={onSave}>
        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="ca-form-error" /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('ca.planApproval')}>
              <ApprovalSteps approval={d.planApproval} emptyText={t('out.noApproval')} />
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
              <ApprovalSteps approval={d.resultApproval} emptyText={t('out.noApproval')} />
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
                {d.effectivenessReviewedByName ? <Typography.Text type="secondary">{d.effectivenessReviewedByName}</Typography.Text> : null}
              </div>
            </Card>
          </Col>
        </Row>
        {d.abilities.edit ? (
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} style={{ marginTop: 16 }} loading={form.formState.isSubmitting} data-testid="ca-save">
            {tc('common.save')}
          </Button>
        ) : null}
      </FormLayout>
    </>
  );
}

/** 是正処置の画面 (M10, J.7.1 h)). A refusal or a missing record shows the shared page with the way home. */
export default function CorrectiveDetailPage() {
  const { id = '' } = useParams();
  const query = useCorrective(id);
  if (query.isPending) return <Spin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return <CorrectiveRecord key={`${query.data.id}:${query.data.status}`} detail={query.data} />;
}
