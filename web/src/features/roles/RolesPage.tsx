import { DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { type PmsRole, pmsRoles, roleLabels } from '../../../../src/domain/roles.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { orgContract } from '../../../../src/platform/org/org.contract.ts';
import { roleAssignmentBody } from '../../../../src/platform/org/org.schema.ts';
import { api } from '../../api/client.ts';
import { pathOf, queryKeys, useOrganization } from '../../api/queries.ts';
import { applyServerErrors, bound, DateInput, errorMessage, Field, FormLayout, WarekiHint } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { DepartmentSelect, PersonSelect } from '../../components/pickers.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useI18n, useLabels, useT } from '../../i18n/index.tsx';
import { formatDate, todayInJapan } from '../../lib/dates.ts';
import { useAbility } from '../../session/session.tsx';
import { OrgChart } from './OrgChart.tsx';

/** An assignment in the list, with the person's and the department's names (GET /api/role-assignments). */
type RoleAssignment = ResponseOf<typeof orgContract.roleAssignments>['items'][number];

type FormIn = z.input<typeof roleAssignmentBody>;
type FormOut = z.output<typeof roleAssignmentBody>;
const FIELDS = ['personId', 'role', 'departmentId', 'startsOn', 'endsOn', 'note'] as const;
/** Roles that always appear in the list, even unassigned (J.2.3.1 requires them). */
const KEY_ROLES: PmsRole[] = ['top_management', 'pms_manager', 'audit_manager'];

function RoleForm({ assignment, onClose }: { assignment: RoleAssignment | 'new'; onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const organization = useOrganization();
  const editing = assignment === 'new' ? null : assignment;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(roleAssignmentBody),
    defaultValues: {
      personId: editing?.personId ?? '',
      role: editing?.role,
      departmentId: editing?.departmentId ?? null,
      startsOn: editing?.startsOn ?? todayInJapan(),
      endsOn: editing?.endsOn ?? null,
      note: editing?.note ?? '',
    },
  });
  const leave = useFormLeaveGuard(form);
  const isPublic = organization.data?.profile === 'public';
  const role = form.watch('role');
  const perDepartment = role ? roleLabels[role as PmsRole]?.perDepartment : false;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (editing) await api.put<ResponseOf<typeof orgContract.updateRoleAssignment>>(pathOf(orgContract.updateRoleAssignment, { id: editing.id }), values);
      else await api.post<ResponseOf<typeof orgContract.createRoleAssignment>>(pathOf(orgContract.createRoleAssignment), values);
      leave.release();
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.roleAssignments });
      void queryClient.invalidateQueries({ queryKey: queryKeys.orgChart });
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
      onClose();
    } catch (error) {
      // e.g. 422 separation_of_duties on `role` (J.2.3.2 留意事項) lands under the role field.
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });
  return (
    <Modal
      open
      title={editing ? t('roles.edit') : t('roles.add')}
      onCancel={() => leave.confirmClose(onClose)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'role-form', loading: form.formState.isSubmitting }}
      destroyOnHidden
      width={600}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <FormLayout id="role-form" onSubmit={onSubmit}>
        <Field control={form.control} name="personId" label={t('roles.person')} required>
          {(field) => (
            <PersonSelect
              id={field.id}
              value={field.value}
              onChange={(v) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              status={field.status}
              known={editing ? [{ value: editing.personId, label: editing.personName }] : undefined}
            />
          )}
        </Field>
        <Field control={form.control} name="role" label={t('roles.role')} required extra={form.formState.errors.role ? undefined : t('roles.sodHint')}>
          {(field) => (
            <Select
              {...bound(field)}
              showSearch={{ optionFilterProp: 'label' }}
              options={pmsRoles.filter((r) => isPublic || !roleLabels[r].publicOnly).map((r) => ({ value: r, label: labels.role(r) }))}
            />
          )}
        </Field>
        <Field control={form.control} name="departmentId" label={t('roles.department')} required={perDepartment} extra={perDepartment ? t('roles.perDepartmentHint') : undefined}>
          {(field) => <DepartmentSelect {...bound(field)} />}
        </Field>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Field control={form.control} name="startsOn" label={t('roles.startsOn')} required extra={<WarekiHint value={form.watch('startsOn')} />}>
            {(field) => <DateInput id={field.id} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} status={field.status} />}
          </Field>
          <Field control={form.control} name="endsOn" label={t('roles.endsOn')} extra={<WarekiHint value={form.watch('endsOn')} />}>
            {(field) => <DateInput {...bound(field)} />}
          </Field>
        </Space>
        <Field control={form.control} name="note" label={t('roles.note')}>
          {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={2} count={{ max: 400 }} />}
        </Field>
      </FormLayout>
    </Modal>
  );
}

function EndModal({ assignment, onClose }: { assignment: RoleAssignment; onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [endsOn, setEndsOn] = useState<string | null>([todayInJapan(), assignment.startsOn].sort().at(-1) ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const body = { personId: assignment.personId, role: assignment.role, departmentId: assignment.departmentId, startsOn: assignment.startsOn, endsOn, note: assignment.note };
    const parsed = roleAssignmentBody.safeParse(body);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? null);
      return;
    }
    setBusy(true);
    try {
      await api.put<ResponseOf<typeof orgContract.updateRoleAssignment>>(pathOf(orgContract.updateRoleAssignment, { id: assignment.id }), parsed.data);
      message.success(t('roles.ended'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.roleAssignments });
      void queryClient.invalidateQueries({ queryKey: queryKeys.orgChart });
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
      onClose();
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('roles.endTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('roles.end')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: true }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('roles.endLead', { name: assignment.personName, role: labels.role(assignment.role) })}</Typography.Paragraph>
      <label htmlFor="end-date">{t('roles.endsOn')}</label>
      <DateInput id="end-date" value={endsOn} onChange={setEndsOn} status={error ? 'error' : undefined} />
      <div style={{ marginTop: 4 }}>
        <WarekiHint value={endsOn} />
      </div>
      {error ? <div style={{ color: '#ff4d4f', marginTop: 4 }}>{error}</div> : null}
    </Modal>
  );
}

function statusOf(a: RoleAssignment, today: string): 'current' | 'ended' | 'future' {
  if (a.startsOn > today) return 'future';
  if (a.endsOn && a.endsOn < today) return 'ended';
  return 'current';
}

function Assignments({ items, loading }: { items: RoleAssignment[]; loading: boolean }) {
  const t = useT();
  const labels = useLabels();
  const { calendar } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = useAbility('roles.manage');
  const [currentOnly, setCurrentOnly] = useState(true);
  const [editing, setEditing] = useState<RoleAssignment | 'new' | null>(null);
  const [ending, setEnding] = useState<RoleAssignment | null>(null);
  const today = todayInJapan();
  const visible = currentOnly ? items.filter((a) => statusOf(a, today) !== 'ended') : items;
  const groups = useMemo(
    () =>
      pmsRoles
        .map((role) => ({
          role,
          rows: visible.filter((a) => a.role === role).sort((a, b) => (a.departmentName ?? '').localeCompare(b.departmentName ?? '', 'ja') || a.startsOn.localeCompare(b.startsOn)),
        }))
        .filter((g) => g.rows.length > 0 || KEY_ROLES.includes(g.role)),
    [visible],
  );
  const remove = async (a: RoleAssignment) => {
    try {
      await api.delete<ResponseOf<typeof orgContract.deleteRoleAssignment>>(pathOf(orgContract.deleteRoleAssignment, { id: a.id }));
      message.success(t('common.deleted'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.roleAssignments });
      void queryClient.invalidateQueries({ queryKey: queryKeys.orgChart });
    } catch (e) {
      message.error(errorMessage(e, t));
    }
  };
  const statusTag = (a: RoleAssignment) => {
    const s = statusOf(a, today);
    return <Tag color={s === 'current' ? 'green' : s === 'future' ? 'blue' : 'default'}>{t(`roles.status.${s}`)}</Tag>;
  };
  return (
    <>
      <Space style={{ marginBottom: 12, display: 'flex', justifyContent: 'space-between' }}>
        <Space>
          <Switch checked={currentOnly} onChange={setCurrentOnly} id="roles-current-only" />
          <label htmlFor="roles-current-only">{t('roles.current')}</label>
        </Space>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="role-add">
            {t('roles.add')}
          </Button>
        ) : null}
      </Space>
      {loading ? <Card loading /> : null}
      {!loading && groups.length === 0 ? <Empty /> : null}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {groups.map((g) => (
          <Card
            key={g.role}
            size="small"
            title={
              <Space>
                {labels.role(g.role)}
                <Tag>{g.rows.length}</Tag>
              </Space>
            }
            data-testid={`role-group-${g.role}`}
          >
            {g.rows.length === 0 ? (
              <Typography.Text type="secondary">{t('roles.vacant')}</Typography.Text>
            ) : (
              <Table<RoleAssignment>
                size="small"
                rowKey="id"
                tableLayout="fixed"
                pagination={false}
                dataSource={g.rows}
                columns={[
                  { title: t('roles.person'), dataIndex: 'personName', width: 180 },
                  { title: t('roles.department'), dataIndex: 'departmentName', width: 180 },
                  {
                    title: t('common.period'),
                    key: 'period',
                    width: 250,
                    render: (_, a) => `${formatDate(a.startsOn, calendar)} 〜 ${a.endsOn ? formatDate(a.endsOn, calendar) : ''}`,
                  },
                  { title: t('common.status'), key: 'status', width: 90, render: (_, a) => statusTag(a) },
                  { title: t('roles.note'), dataIndex: 'note', ellipsis: true },
                  ...(canManage
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'actions',
                          width: 250,
                          render: (_: unknown, a: RoleAssignment) => (
                            <Space size={4}>
                              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(a)}>
                                {t('common.edit')}
                              </Button>
                              {statusOf(a, today) !== 'ended' ? (
                                <Button size="small" icon={<StopOutlined />} onClick={() => setEnding(a)}>
                                  {t('roles.end')}
                                </Button>
                              ) : null}
                              <Popconfirm
                                title={t('common.deleteConfirm')}
                                okText={t('common.delete')}
                                cancelText={t('common.cancel')}
                                okButtonProps={{ danger: true }}
                                onConfirm={() => remove(a)}
                              >
                                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                              </Popconfirm>
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Card>
        ))}
      </Space>
      {editing ? <RoleForm assignment={editing} onClose={() => setEditing(null)} /> : null}
      {ending ? <EndModal assignment={ending} onClose={() => setEnding(null)} /> : null}
    </>
  );
}

/** 役割・体制図: role assignments grouped by role (with periods) and the organization chart. */
export default function RolesPage() {
  const t = useT();
  const assignments = useQuery({
    queryKey: queryKeys.roleAssignments,
    queryFn: async () => (await api.get<ResponseOf<typeof orgContract.roleAssignments>>(pathOf(orgContract.roleAssignments))).items,
  });
  return (
    <>
      <PageHeader title={t('roles.title')} />
      {assignments.isError ? <QueryError error={assignments.error} onRetry={() => assignments.refetch()} /> : null}
      <Tabs
        items={[
          { key: 'assignments', label: t('roles.tab.assignments'), children: <Assignments items={assignments.data ?? []} loading={assignments.isPending} /> },
          { key: 'chart', label: t('roles.tab.chart'), children: <OrgChart /> },
        ]}
      />
    </>
  );
}
