import { EditOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Descriptions, Drawer, Input, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { employmentTypes } from '../../../../src/domain/roles.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { orgContract } from '../../../../src/platform/org/org.contract.ts';
import { PERSON_NOTE_MAX, personBody } from '../../../../src/platform/org/org.schema.ts';
import { api } from '../../api/client.ts';
import { pathOf, queryKeys, useDepartments } from '../../api/queries.ts';
import { applyServerErrors, bound, DateInput, Field, FormLayout, WarekiHint } from '../../components/form.tsx';
import { ImportExtras } from '../../components/ImportExtras.tsx';
import { QueryError } from '../../components/page.tsx';
import { DepartmentSelect } from '../../components/pickers.tsx';
import { useConfirmDiscard, useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useI18n, useLabels, useT } from '../../i18n/index.tsx';
import { formatDate, todayInJapan } from '../../lib/dates.ts';
import { useAbility } from '../../session/session.tsx';

/** 従業者 (GET/POST/PUT /api/people…): contact details only when `contactVisible`. */
type Person = ResponseOf<typeof orgContract.person>;

type FormIn = z.input<typeof personBody>;
type FormOut = z.output<typeof personBody>;
const FIELDS = ['name', 'nameKana', 'employeeNumber', 'employmentType', 'departmentId', 'joinedOn', 'leftOn', 'email', 'phone', 'note'] as const;

function PersonForm({
  person,
  onDone,
  onCancel,
  onDirtyChange,
}: {
  person: Person | null;
  onDone: (saved: Person) => void;
  onCancel: () => void;
  /** Tells the drawer whether closing it would lose typed input. */
  onDirtyChange: (dirty: boolean) => void;
}) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(personBody),
    defaultValues: {
      name: person?.name ?? '',
      nameKana: person?.nameKana ?? '',
      employeeNumber: person?.employeeNumber ?? '',
      employmentType: person?.employmentType ?? 'employee',
      departmentId: person?.departmentId ?? null,
      joinedOn: person?.joinedOn ?? null,
      leftOn: person?.leftOn ?? null,
      email: person?.email ?? '',
      phone: person?.phone ?? '',
      note: person?.note ?? '',
    },
  });
  const leave = useFormLeaveGuard(form);
  const dirty = form.formState.isDirty;
  useEffect(() => onDirtyChange(dirty), [onDirtyChange, dirty]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = person
        ? await api.put<ResponseOf<typeof orgContract.updatePerson>>(pathOf(orgContract.updatePerson, { id: person.id }), values)
        : await api.post<ResponseOf<typeof orgContract.createPerson>>(pathOf(orgContract.createPerson), values);
      leave.release();
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      queryClient.setQueryData(queryKeys.person(saved.id), saved);
      onDone(saved);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });
  const text = (name: 'name' | 'nameKana' | 'employeeNumber' | 'email' | 'phone', label: string, required = false, max = 100) => (
    <Field control={form.control} name={name} label={label} required={required}>
      {(field) => <Input {...field} value={field.value ?? ''} count={{ max: max }} />}
    </Field>
  );
  return (
    <FormLayout id="person-form" onSubmit={onSubmit}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={16}>
        <Col span={12}>{text('name', t('people.name'), true)}</Col>
        <Col span={12}>{text('nameKana', t('people.nameKana'))}</Col>
        <Col span={12}>{text('employeeNumber', t('people.employeeNumber'), false, 40)}</Col>
        <Col span={12}>
          <Field control={form.control} name="employmentType" label={t('people.employmentType')} required>
            {(field) => <Select {...bound(field)} options={employmentTypes.map((v) => ({ value: v, label: labels.employmentType(v) }))} />}
          </Field>
        </Col>
        <Col span={24}>
          <Field control={form.control} name="departmentId" label={t('people.department')}>
            {(field) => <DepartmentSelect {...bound(field)} />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={form.control} name="joinedOn" label={t('people.joinedOn')} extra={<WarekiHint value={form.watch('joinedOn')} />}>
            {(field) => <DateInput {...bound(field)} />}
          </Field>
        </Col>
        <Col span={12}>
          <Field
            control={form.control}
            name="leftOn"
            label={t('people.leftOn')}
            extra={
              <>
                <WarekiHint value={form.watch('leftOn')} />
                <div>{t('people.leftOnHint')}</div>
              </>
            }
          >
            {(field) => <DateInput {...bound(field)} />}
          </Field>
        </Col>
        <Col span={12}>{text('email', t('people.email'), false, 254)}</Col>
        <Col span={12}>{text('phone', t('people.phone'), false, 40)}</Col>
        <Col span={24}>
          <Field control={form.control} name="note" label={t('import.note')}>
            {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={3} count={{ max: PERSON_NOTE_MAX }} data-testid="person-note" />}
          </Field>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting} data-testid="person-save">
          {t('common.save')}
        </Button>
        <Button onClick={() => leave.confirmClose(onCancel)}>{t('common.cancel')}</Button>
      </Space>
    </FormLayout>
  );
}

function PersonDetail({ person }: { person: Person }) {
  const t = useT();
  const labels = useLabels();
  const { calendar } = useI18n();
  const departments = useDepartments();
  const dept = departments.data?.find((d) => d.id === person.departmentId);
  const left = person.leftOn && person.leftOn <= todayInJapan();
  return (
    <>
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 150 } }}>
        <Descriptions.Item label={t('people.name')}>
          <Space>
            <strong>{person.name}</strong>
            {left ? <Tag>{t('people.status.left')}</Tag> : <Tag color="green">{t('people.status.active')}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('people.nameKana')}>{person.nameKana}</Descriptions.Item>
        <Descriptions.Item label={t('people.employeeNumber')}>{person.employeeNumber}</Descriptions.Item>
        <Descriptions.Item label={t('people.employmentType')}>{labels.employmentType(person.employmentType)}</Descriptions.Item>
        <Descriptions.Item label={t('people.department')}>{dept?.name ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('people.joinedOn')}>{formatDate(person.joinedOn, calendar)}</Descriptions.Item>
        <Descriptions.Item label={t('people.leftOn')}>{formatDate(person.leftOn, calendar)}</Descriptions.Item>
        {person.contactVisible ? (
          <>
            <Descriptions.Item label={t('people.email')}>{person.email}</Descriptions.Item>
            <Descriptions.Item label={t('people.phone')}>{person.phone}</Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
      <ImportExtras note={person.note} extras={person.importExtras} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {person.contactVisible ? t('people.contactLogged') : t('people.contactHidden')}
      </Typography.Paragraph>
    </>
  );
}

/** The drawer of one person: detail (contact only when the server returns it), edit, or a new person. */
export function PersonDrawer({ personId, onClose }: { personId: string | 'new'; onClose: () => void }) {
  const t = useT();
  const canManage = useAbility('people.manage');
  const [mode, setMode] = useState<'view' | 'edit'>(personId === 'new' ? 'edit' : 'view');
  const [currentId, setCurrentId] = useState(personId);
  const [formDirty, setFormDirty] = useState(false);
  const confirmDiscard = useConfirmDiscard();
  const person = useQuery({
    queryKey: queryKeys.person(String(currentId)),
    queryFn: () => api.get<Person>(pathOf(orgContract.person, { id: currentId })),
    enabled: currentId !== 'new',
    staleTime: 0,
  });
  const title = currentId === 'new' ? t('people.add') : mode === 'edit' ? t('people.edit') : t('people.detail');
  return (
    <Drawer
      open
      size={640}
      title={title}
      onClose={() => confirmDiscard(formDirty, onClose)}
      destroyOnHidden
      extra={
        // PUT replaces the whole record: without the contact fields an edit would erase them.
        mode === 'view' && canManage && person.data?.contactVisible ? (
          <Button icon={<EditOutlined />} onClick={() => setMode('edit')}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {person.isError ? <QueryError error={person.error} /> : null}
      {currentId !== 'new' && person.isPending ? <Skeleton active /> : null}
      {mode === 'view' && person.data ? <PersonDetail person={person.data} /> : null}
      {mode === 'edit' && (currentId === 'new' || person.data) ? (
        <PersonForm
          person={currentId === 'new' ? null : (person.data ?? null)}
          onDone={(saved) => {
            setCurrentId(saved.id);
            setMode('view');
          }}
          onCancel={() => (currentId === 'new' ? onClose() : setMode('view'))}
          onDirtyChange={setFormDirty}
        />
      ) : null}
    </Drawer>
  );
}
