import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Input, Modal, Popconfirm, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { approvalsContract } from '../../../../src/platform/approvals/approvals.contract.ts';
import { type PmsRole, pmsRoles, roleLabels } from '../../../../src/domain/roles.ts';
import { defaultAlternateRoles } from '../../../../src/rules/data/approvalChains.ts';
import { useOrganization } from '../../api/queries.ts';
import { applyServerErrors, bound, DateInput, errorMessage, Field, FormLayout, WarekiHint } from '../../components/form.tsx';
import { QueryError } from '../../components/page.tsx';
import { PersonSelect } from '../../components/pickers.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useI18n, useLabels, useT } from '../../i18n/index.tsx';
import { formatDate, todayInJapan } from '../../lib/dates.ts';
import { useAbility, useSession } from '../../session/session.tsx';
import {
  type ApprovalChain,
  type ApprovalDelegation,
  approvalKeys,
  createApprovalDelegation,
  deleteApprovalDelegation,
  saveApprovalChain,
  useApprovalChains,
  useApprovalDelegations,
} from './api.ts';
import { useApprovalT } from './messages.ts';

const MAX_STEPS = 6;

const chainBody = approvalsContract.saveChain.body;
const delegationBody = approvalsContract.createDelegation.body;

type ChainIn = z.input<typeof chainBody>;
type ChainOut = z.output<typeof chainBody>;
type StepIn = ChainIn['steps'][number];

/** Whether a role is held per department (所属長 …): its steps default to the request's department. */
const perDepartment = (role: PmsRole | undefined) => (role ? roleLabels[role].perDepartment === true : false);

/** A presented step as form values (the label only when it is not the role's own name; the 代行者 as set: absent = default, null = none). */
function toFormStep(step: ApprovalChain['steps'][number]): StepIn {
  const role = step.role;
  const alternateRole = step.alternateSetting === 'default' ? undefined : step.alternateSetting === 'none' ? null : step.alternateRole;
  return { role, label: step.label === roleLabels[role].ja ? '' : step.label, sameDepartment: step.sameDepartment, alternateRole };
}

/** The 代行者 select's values: the role's default, none, or a role. */
const ALTERNATE_DEFAULT = '__default';
const ALTERNATE_NONE = '__none';

/**
 * The body to save: `sameDepartment` only where it departs from the role's nature, and no empty
 * label, so an unchanged chain stays equal to the default (and is not shown as 変更あり).
 */
function toBody(values: ChainOut): ChainIn {
  return {
    steps: values.steps.map((s) => ({
      role: s.role,
      ...(s.label ? { label: s.label } : {}),
      ...(s.sameDepartment !== undefined && s.sameDepartment !== perDepartment(s.role) ? { sameDepartment: s.sameDepartment } : {}),
      ...(s.alternateRole !== undefined ? { alternateRole: s.alternateRole } : {}),
    })),
  };
}

function ChainForm({ chain, onClose }: { chain: ApprovalChain; onClose: () => void }) {
  const t = useApprovalT();
  const common = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const organization = useOrganization();
  const isPublic = organization.data?.profile === 'public';
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ChainIn, unknown, ChainOut>({ resolver: zodResolver(chainBody), defaultValues: { steps: chain.steps.map(toFormStep) } });
  const steps = useFieldArray({ control: form.control, name: 'steps' });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await saveApprovalChain(chain.recordType, toBody(values));
      leave.release();
      message.success(common('common.saved'));
      await queryClient.invalidateQueries({ queryKey: approvalKeys.chains });
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['steps']));
    }
  });
  const stepsError = form.formState.errors.steps?.message ?? form.formState.errors.steps?.root?.message;
  return (
    <Modal
      open
      title={t('chains.editTitle', { label: chain.label })}
      onCancel={() => leave.confirmClose(onClose)}
      okText={common('common.save')}
      cancelText={common('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'chain-form', loading: form.formState.isSubmitting }}
      destroyOnHidden
      width={820}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      {stepsError ? <Alert type="error" showIcon title={stepsError} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('chains.defaultSteps', { steps: chain.defaultSteps.map((s) => s.label).join(' → ') })}
      </Typography.Paragraph>
      <FormLayout id="chain-form" onSubmit={onSubmit}>
        {steps.fields.map((item, index) => (
          <Card
            key={item.id}
            size="small"
            style={{ marginBottom: 8 }}
            title={t('approval.stepNo', { n: index + 1 })}
            extra={
              <Space size={0}>
                <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => steps.move(index, index - 1)} aria-label={t('chains.moveUp')} />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={index === steps.fields.length - 1}
                  onClick={() => steps.move(index, index + 1)}
                  aria-label={t('chains.moveDown')}
                />
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={steps.fields.length === 1}
                  onClick={() => steps.remove(index)}
                  aria-label={t('chains.removeStep')}
                />
              </Space>
            }
            data-testid={`chain-step-${index}`}
          >
            <Row gutter={12} align="top">
              <Col xs={24} md={9}>
                <Field control={form.control} name={`steps.${index}.role`} label={t('chains.stepRole')} required>
                  {(field) => (
                    <Select
                      id={field.id}
                      value={field.value}
                      onChange={(role: PmsRole) => {
                        field.onChange(role);
                        // A department-bound role (所属長 …) approves for the request's own department by default.
                        form.setValue(`steps.${index}.sameDepartment`, perDepartment(role));
                      }}
                      onBlur={field.onBlur}
                      status={field.status}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={pmsRoles.filter((r) => isPublic || !roleLabels[r].publicOnly).map((r) => ({ value: r, label: labels.role(r) }))}
                    />
                  )}
                </Field>
              </Col>
              <Col xs={24} md={8}>
                <Field control={form.control} name={`steps.${index}.label`} label={t('chains.stepLabel')} extra={t('chains.stepLabelHint')}>
                  {(field) => <Input {...field} value={field.value ?? ''} count={{ max: 100 }} />}
                </Field>
              </Col>
              <Col xs={24} md={7} style={{ paddingTop: 34 }}>
                <Field control={form.control} name={`steps.${index}.sameDepartment`} label={null}>
                  {(field) => (
                    <Checkbox id={field.id} checked={field.value ?? false} onChange={(e) => field.onChange(e.target.checked)}>
                      {t('chains.sameDepartment')}
                    </Checkbox>
                  )}
                </Field>
              </Col>
              <Col xs={24} md={17}>
                <Field control={form.control} name={`steps.${index}.alternateRole`} label={t('chains.alternate')} extra={t('chains.alternateHint')}>
                  {(field) => {
                    const role = form.watch(`steps.${index}.role`);
                    const fallback = role ? defaultAlternateRoles[role]?.role : undefined;
                    return (
                      <Select
                        id={field.id}
                        value={field.value === undefined ? ALTERNATE_DEFAULT : field.value === null ? ALTERNATE_NONE : field.value}
                        onChange={(v: string) => field.onChange(v === ALTERNATE_DEFAULT ? undefined : v === ALTERNATE_NONE ? null : (v as PmsRole))}
                        onBlur={field.onBlur}
                        status={field.status}
                        showSearch={{ optionFilterProp: 'label' }}
                        data-testid={`chain-step-${index}-alternate`}
                        options={[
                          {
                            value: ALTERNATE_DEFAULT,
                            label: fallback ? t('chains.alternateDefault', { label: labels.role(fallback) }) : t('chains.alternateDefaultNone'),
                          },
                          { value: ALTERNATE_NONE, label: t('chains.alternateNone') },
                          ...pmsRoles.filter((r) => r !== role && (isPublic || !roleLabels[r].publicOnly)).map((r) => ({ value: r, label: labels.role(r) })),
                        ]}
                      />
                    );
                  }}
                </Field>
              </Col>
            </Row>
          </Card>
        ))}
        <Space style={{ marginTop: 4 }}>
          <Button
            icon={<PlusOutlined />}
            disabled={steps.fields.length >= MAX_STEPS}
            onClick={() => steps.append({ role: 'pms_manager', label: '', sameDepartment: false })}
            data-testid="chain-add-step"
          >
            {t('chains.addStep')}
          </Button>
          <Button onClick={() => steps.replace(chain.defaultSteps.map(toFormStep))}>{t('chains.reset')}</Button>
          {steps.fields.length >= MAX_STEPS ? <Typography.Text type="secondary">{t('chains.maxSteps')}</Typography.Text> : null}
        </Space>
      </FormLayout>
    </Modal>
  );
}

/** 設定 › 承認経路: each record type's chain, changed by the approvals administrator (approvals.configure). */
export function ApprovalChainsSettings() {
  const t = useApprovalT();
  const chains = useApprovalChains();
  const [editing, setEditing] = useState<ApprovalChain | null>(null);
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('chains.lead')}</Typography.Paragraph>
      {chains.isError ? <QueryError error={chains.error} onRetry={() => chains.refetch()} /> : null}
      <Table<ApprovalChain>
        size="small"
        rowKey="recordType"
        loading={chains.isPending}
        dataSource={chains.data ?? []}
        pagination={false}
        columns={[
          { title: t('chains.recordType'), dataIndex: 'label', width: 240 },
          {
            title: t('chains.steps'),
            key: 'steps',
            render: (_v, chain) => (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space size={4} wrap>
                  {chain.steps.map((s) => (
                    <span key={s.index}>
                      {s.index > 0 ? <span style={{ color: '#8c8c8c', marginInlineEnd: 4 }}>→</span> : null}
                      <Tag color={s.sameDepartment ? 'geekblue' : 'blue'}>{s.label}</Tag>
                      {s.alternateLabel ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('chains.alternateTag', { label: s.alternateLabel })}
                        </Typography.Text>
                      ) : null}
                    </span>
                  ))}
                </Space>
                {chain.problems.length > 0 ? (
                  // Issue 10: a possible submitter this chain leaves with nobody to approve (saving it as is is refused).
                  <Alert
                    type="warning"
                    showIcon
                    title={t('chains.problems')}
                    description={
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {chain.problems.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    }
                    data-testid={`chain-problems-${chain.recordType}`}
                  />
                ) : null}
              </Space>
            ),
          },
          { title: t('chains.basis'), dataIndex: 'basis', width: 160, render: (v: string | null) => v ?? '' },
          { title: '', dataIndex: 'customized', width: 90, render: (v: boolean) => (v ? <Tag color="orange">{t('chains.customized')}</Tag> : <Tag>{t('chains.default')}</Tag>) },
          {
            title: '',
            key: 'edit',
            width: 90,
            render: (_v, chain) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(chain)} data-testid={`chain-edit-${chain.recordType}`}>
                {t('chains.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing ? <ChainForm chain={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

type DelegationIn = z.input<typeof delegationBody>;
type DelegationOut = z.output<typeof delegationBody>;

function DelegationForm({ onClose }: { onClose: () => void }) {
  const t = useApprovalT();
  const common = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const forAnyone = useAbility('approvals.configure');
  const [formError, setFormError] = useState<string | null>(null);
  const today = todayInJapan();
  const form = useForm<DelegationIn, unknown, DelegationOut>({
    resolver: zodResolver(delegationBody),
    defaultValues: { fromPersonId: null, toPersonId: '', startsOn: today, endsOn: today, reason: '' },
  });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await createApprovalDelegation(values);
      leave.release();
      message.success(t('delegations.created'));
      await queryClient.invalidateQueries({ queryKey: approvalKeys.delegations });
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['fromPersonId', 'toPersonId', 'startsOn', 'endsOn', 'reason']));
    }
  });
  return (
    <Modal
      open
      title={t('delegations.addTitle')}
      onCancel={() => leave.confirmClose(onClose)}
      okText={common('common.save')}
      cancelText={common('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'delegation-form', loading: form.formState.isSubmitting }}
      destroyOnHidden
      width={560}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormLayout id="delegation-form" onSubmit={onSubmit}>
        {forAnyone ? (
          <Field control={form.control} name="fromPersonId" label={t('delegations.from')} extra={t('delegations.fromHint')}>
            {(field) => <PersonSelect {...bound(field)} allowClear />}
          </Field>
        ) : null}
        <Field control={form.control} name="toPersonId" label={t('delegations.to')} required>
          {(field) => <PersonSelect id={field.id} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} status={field.status} />}
        </Field>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Field control={form.control} name="startsOn" label={t('delegations.startsOn')} required extra={<WarekiHint value={form.watch('startsOn')} />}>
            {(field) => <DateInput id={field.id} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} status={field.status} />}
          </Field>
          <Field control={form.control} name="endsOn" label={t('delegations.endsOn')} required extra={<WarekiHint value={form.watch('endsOn')} />}>
            {(field) => <DateInput id={field.id} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} status={field.status} />}
          </Field>
        </Space>
        <Field control={form.control} name="reason" label={t('delegations.reason')}>
          {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={2} count={{ max: 400 }} />}
        </Field>
      </FormLayout>
    </Modal>
  );
}

/** 設定 › 代理承認: the delegations the signed-in person is party to (all of them for the approvals administrator). */
export function DelegationsSettings() {
  const t = useApprovalT();
  const common = useT();
  const { calendar } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const delegations = useApprovalDelegations();
  const [adding, setAdding] = useState(false);
  const today = todayInJapan();
  const remove = async (d: ApprovalDelegation) => {
    try {
      await deleteApprovalDelegation(d.id);
      message.success(common('common.deleted'));
      await queryClient.invalidateQueries({ queryKey: approvalKeys.delegations });
    } catch (error) {
      message.error(errorMessage(error, common));
    }
  };
  const state = (d: ApprovalDelegation) => (d.active ? 'active' : d.startsOn > today ? 'planned' : 'ended');
  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, alignItems: 'flex-start', marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('delegations.lead')}
        </Typography.Paragraph>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="delegation-add">
          {t('delegations.add')}
        </Button>
      </div>
      {delegations.isError ? <QueryError error={delegations.error} onRetry={() => delegations.refetch()} /> : null}
      {delegations.isPending ? (
        <Skeleton active />
      ) : (
        <Table<ApprovalDelegation>
          size="small"
          rowKey="id"
          dataSource={delegations.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delegations.empty')} /> }}
          columns={[
            {
              title: t('delegations.from'),
              dataIndex: 'fromName',
              width: 150,
              render: (v: string, d) => (d.fromPersonId === session?.account.personId ? <strong>{v}</strong> : v),
            },
            { title: t('delegations.to'), dataIndex: 'toName', width: 150, render: (v: string, d) => (d.toPersonId === session?.account.personId ? <strong>{v}</strong> : v) },
            { title: t('delegations.period'), key: 'period', width: 240, render: (_v, d) => `${formatDate(d.startsOn, calendar)} 〜 ${formatDate(d.endsOn, calendar)}` },
            { title: t('delegations.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
            {
              title: t('delegations.state'),
              key: 'state',
              width: 90,
              render: (_v, d) => {
                const s = state(d);
                return <Tag color={s === 'active' ? 'green' : s === 'planned' ? 'blue' : 'default'}>{t(`delegations.state.${s}`)}</Tag>;
              },
            },
            {
              title: '',
              key: 'delete',
              width: 60,
              render: (_v, d) =>
                d.canDelete ? (
                  <Popconfirm
                    title={t('delegations.deleteConfirm')}
                    okText={common('common.delete')}
                    cancelText={common('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(d)}
                  >
                    <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={common('common.delete')} />
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}
      {adding ? <DelegationForm onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
