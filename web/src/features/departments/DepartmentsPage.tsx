import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { orgContract } from '../../../../src/platform/org/org.contract.ts';
import { departmentBody } from '../../../../src/platform/org/org.schema.ts';
import { api } from '../../api/client.ts';
import { type Department, type DepartmentNode, departmentTree, pathOf, queryKeys, useDepartments } from '../../api/queries.ts';
import { applyServerErrors, bound, errorMessage, Field, FormLayout, NumberInput } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { DepartmentSelect, PersonSelect } from '../../components/pickers.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useT } from '../../i18n/index.tsx';
import { useAbility } from '../../session/session.tsx';

type FormIn = z.input<typeof departmentBody>;
type FormOut = z.output<typeof departmentBody>;
const FIELDS = ['name', 'code', 'parentId', 'sortOrder', 'headPersonId'] as const;

function DepartmentForm({ department, onClose }: { department: Department | 'new'; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editing = department === 'new' ? null : department;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(departmentBody),
    defaultValues: {
      name: editing?.name ?? '',
      code: editing?.code ?? '',
      parentId: editing?.parentId ?? null,
      sortOrder: editing?.sortOrder ?? 0,
      headPersonId: editing?.heads[0]?.personId ?? null,
    },
  });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (editing) await api.put<ResponseOf<typeof orgContract.updateDepartment>>(pathOf(orgContract.updateDepartment, { id: editing.id }), values);
      else await api.post<ResponseOf<typeof orgContract.createDepartment>>(pathOf(orgContract.createDepartment), values);
      leave.release();
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.departments });
      void queryClient.invalidateQueries({ queryKey: queryKeys.roleAssignments });
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });
  return (
    <Modal
      open
      title={editing ? t('dept.edit') : t('dept.add')}
      onCancel={() => leave.confirmClose(onClose)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'department-form', loading: form.formState.isSubmitting }}
      destroyOnHidden
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <FormLayout id="department-form" onSubmit={onSubmit}>
        <Field control={form.control} name="name" label={t('dept.name')} required>
          {(field) => <Input {...field} value={field.value ?? ''} count={{ max: 100 }} />}
        </Field>
        <Field control={form.control} name="code" label={t('dept.code')}>
          {(field) => <Input {...field} value={field.value ?? ''} count={{ max: 40 }} style={{ maxWidth: 200 }} />}
        </Field>
        <Field control={form.control} name="parentId" label={t('dept.parent')}>
          {(field) => <DepartmentSelect {...bound(field)} exclude={editing?.id} placeholder={t('dept.noParent')} />}
        </Field>
        <Field control={form.control} name="headPersonId" label={t('dept.head')}>
          {(field) => <PersonSelect {...bound(field)} allowClear known={editing?.heads.map((h) => ({ value: h.personId, label: h.name }))} />}
        </Field>
        <Field control={form.control} name="sortOrder" label={t('dept.sortOrder')}>
          {(field) => (
            // Blank is the default order (0, sent as no value); 「１０」 is read as 10 and says so.
            <NumberInput
              id={field.id}
              value={field.value}
              onChange={(v) => field.onChange(v ?? undefined)}
              onBlur={field.onBlur}
              status={field.status}
              label="表示順"
              style={{ width: 120 }}
              data-testid="dept-sortOrder"
            />
          )}
        </Field>
      </FormLayout>
    </Modal>
  );
}

/** 所属: the department tree with heads (所属長); add, edit, delete. */
export default function DepartmentsPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = useAbility('departments.manage');
  const departments = useDepartments();
  const tree = useMemo(() => departmentTree(departments.data ?? []), [departments.data]);
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  // Expanded by default; the user may fold branches.
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const expandedKeys = useMemo(() => (departments.data ?? []).map((d) => d.id).filter((id) => !collapsed.has(id)), [departments.data, collapsed]);

  const remove = async (d: Department) => {
    try {
      await api.delete<ResponseOf<typeof orgContract.deleteDepartment>>(pathOf(orgContract.deleteDepartment, { id: d.id }));
      message.success(t('common.deleted'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.departments });
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  return (
    <>
      <PageHeader
        title={t('dept.title')}
        lead={t('dept.lead')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="dept-add">
              {t('dept.add')}
            </Button>
          ) : null
        }
      />
      {departments.isError ? <QueryError error={departments.error} onRetry={() => departments.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<DepartmentNode>
          rowKey="id"
          size="middle"
          loading={departments.isPending}
          dataSource={tree}
          pagination={false}
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpand: (expanded, record) =>
              setCollapsed((prev) => {
                const next = new Set(prev);
                if (expanded) next.delete(record.id);
                else next.add(record.id);
                return next;
              }),
          }}
          columns={[
            { title: t('dept.name'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
            { title: t('dept.code'), dataIndex: 'code', width: 120 },
            { title: t('dept.head'), dataIndex: 'heads', render: (heads: Department['heads']) => heads.map((h) => <Tag key={h.personId}>{h.name}</Tag>) },
            { title: t('dept.sortOrder'), dataIndex: 'sortOrder', width: 90, align: 'right' },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 200,
                    render: (_: unknown, d: DepartmentNode) => (
                      <Space>
                        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(d)}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={t('dept.deleteConfirm', { name: d.name })}
                          okText={t('common.delete')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => remove(d)}
                        >
                          <Button size="small" danger icon={<DeleteOutlined />}>
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing ? <DepartmentForm department={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
