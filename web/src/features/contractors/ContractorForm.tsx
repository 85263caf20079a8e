import { SaveOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Input, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { contractorsContract } from '../../../../src/modules/contractors/contractors.contract.ts';
import { certificationStatuses, certificationStatusLabels, contractorFieldLabels as L } from '../../../../src/modules/contractors/contractors.labels.ts';
import { CONTRACTOR_NOTE_MAX, createContractorBody } from '../../../../src/modules/contractors/contractors.schema.ts';
import { requiredContractItems } from '../../../../src/rules/contractors/contractClauses.ts';
import { type ContractClauseSource, contractClauseSourceLabels } from '../../../../src/rules/data/contractorClauses.ts';
import { api, withQuery } from '../../api/client.ts';
import type { Paged } from '../../api/types.ts';
import { applyServerErrors, DateInput, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { DepartmentSelect } from '../../components/pickers.tsx';
import { useT } from '../../i18n/index.tsx';
import { useAbility } from '../../session/session.tsx';
import type { EntryListItem } from '../inventory/types.ts';
import { type ContractorDetail, contractorKeys, pathOf } from './api.ts';
import { useContractorText } from './messages.ts';

type FormIn = z.input<typeof createContractorBody>;
type FormOut = z.output<typeof createContractorBody>;
const FIELDS = Object.keys(L);
const clauseSources: ContractClauseSource[] = ['jisq', 'jisq_specific', 'toshima'];

function initialValues(d: ContractorDetail | undefined): FormIn {
  return {
    name: d?.name ?? '',
    corporateNumber: d?.corporateNumber ?? '',
    address: d?.address ?? '',
    departmentId: d?.departmentId ?? null,
    privacyMarkStatus: d?.privacyMarkStatus ?? 'unknown',
    privacyMarkExpiresOn: d?.privacyMarkExpiresOn ?? null,
    ismsStatus: d?.ismsStatus ?? 'unknown',
    ismsExpiresOn: d?.ismsExpiresOn ?? null,
    contactName: d?.contactName ?? '',
    contactPhone: d?.contactPhone ?? '',
    contactEmail: d?.contactEmail ?? '',
    entrustedWork: d?.entrustedWork ?? '',
    entryIds: d?.entries.map((e) => e.id) ?? [],
    contractStartsOn: d?.contractStartsOn ?? null,
    contractEndsOn: d?.contractEndsOn ?? null,
    specificPersonalInfo: d?.specificPersonalInfo ?? false,
    contractClauses: d?.contractClauses ?? [],
    contractText: d?.contractText ?? '',
    subcontractingClause: d?.subcontractingClause ?? 'prohibit',
    note: d?.note ?? '',
  };
}

/**
 * 委託先の登録・変更 form (J.9.4 4): the register's fields with the server's own schema (法人番号
 * checked by its check digit, dates read as typed), and the contract's clauses as ticks.
 */
export function ContractorForm({ detail, onSaved }: { detail?: ContractorDetail; onSaved: (id: string) => void }) {
  const ct = useContractorText();
  const tc = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const readsInventory = useAbility('inventory.read');
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(createContractorBody), defaultValues: initialValues(detail) });
  const specific = useWatch({ control: form.control, name: 'specificPersonalInfo' });
  const entries = useQuery({
    queryKey: ['inventory', 'entries', 'for-contractors'],
    queryFn: () => api.get<Paged<EntryListItem>>(withQuery('/api/inventory/entries', { pageSize: 200 })),
    enabled: readsInventory,
  });
  const entryOptions = new Map<string, string>((detail?.entries ?? []).map((e) => [e.id, e.name]));
  for (const e of entries.data?.items ?? []) entryOptions.set(e.id, e.name);
  const items = requiredContractItems(specific ?? false);

  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        const saved = detail
          ? await api.patch<ContractorDetail>(pathOf(contractorsContract.update, { id: detail.id }), values)
          : await api.post<ContractorDetail>(pathOf(contractorsContract.create), values);
        leave.saved();
        leave.release();
        message.success(tc('common.saved'));
        await queryClient.invalidateQueries({ queryKey: contractorKeys.all });
        onSaved(saved.id);
      } catch (error) {
        setFormError(applyServerErrors(error, form.setError, FIELDS) ?? ct('ct.errors'));
      }
    },
    () => setFormError(ct('ct.errors')),
  );

  const text = (name: 'name' | 'corporateNumber' | 'address' | 'contactName' | 'contactPhone' | 'contactEmail', max: number, required = false) => (
    <Field control={form.control} name={name} label={L[name]} required={required}>
      {(field) => (
        <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} count={{ max: max }} data-testid={`ct-${name}`} />
      )}
    </Field>
  );
  const date = (name: 'privacyMarkExpiresOn' | 'ismsExpiresOn' | 'contractStartsOn' | 'contractEndsOn') => (
    <Field control={form.control} name={name} label={L[name]}>
      {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
    </Field>
  );
  const certification = (name: 'privacyMarkStatus' | 'ismsStatus') => (
    <Field control={form.control} name={name} label={L[name]}>
      {(field) => (
        <Radio.Group
          id={field.id}
          value={field.value}
          onChange={(e) => field.onChange(e.target.value)}
          options={certificationStatuses.map((s) => ({ value: s, label: certificationStatusLabels[s] }))}
        />
      )}
    </Field>
  );

  return (
    <FormLayout id="contractor" onSubmit={onSubmit}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={ct('ct.basics')} style={{ marginBottom: 16 }}>
            {text('name', 200, true)}
            {text('corporateNumber', 20)}
            {text('address', 300)}
            <Field control={form.control} name="departmentId" label={L.departmentId}>
              {(field) => <DepartmentSelect id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
            </Field>
            <Field control={form.control} name="note" label={L.note}>
              {(field) => (
                <Input.TextArea
                  id={field.id}
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  status={field.status}
                  rows={3}
                  count={{ max: CONTRACTOR_NOTE_MAX }}
                  data-testid="ct-note"
                />
              )}
            </Field>
          </Card>
          <Card size="small" title={ct('ct.certifications')} style={{ marginBottom: 16 }}>
            {certification('privacyMarkStatus')}
            {date('privacyMarkExpiresOn')}
            {certification('ismsStatus')}
            {date('ismsExpiresOn')}
          </Card>
          <Card size="small" title={ct('ct.contact')}>
            {text('contactName', 100)}
            {text('contactPhone', 50)}
            {text('contactEmail', 254)}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={ct('ct.contract')} style={{ marginBottom: 16 }}>
            <Field control={form.control} name="entrustedWork" label={L.entrustedWork} required>
              {(field) => (
                <Input.TextArea
                  id={field.id}
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  status={field.status}
                  rows={3}
                  count={{ max: 2000 }}
                  data-testid="ct-entrustedWork"
                />
              )}
            </Field>
            <Field control={form.control} name="entryIds" label={L.entryIds} extra={ct('ct.entriesHint')}>
              {(field) => (
                <Select
                  id={field.id}
                  mode="multiple"
                  value={field.value ?? []}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  status={field.status}
                  loading={entries.isFetching}
                  optionFilterProp="label"
                  options={[...entryOptions].map(([value, label]) => ({ value, label }))}
                />
              )}
            </Field>
            {date('contractStartsOn')}
            {date('contractEndsOn')}
            <Field control={form.control} name="specificPersonalInfo" label={L.specificPersonalInfo}>
              {(field) => (
                <Radio.Group
                  id={field.id}
                  value={field.value ?? false}
                  onChange={(e) => field.onChange(e.target.value)}
                  options={[
                    { value: true, label: ct('ct.specificYes') },
                    { value: false, label: ct('ct.specificNo') },
                  ]}
                />
              )}
            </Field>
            {/* 個人情報特記事項 第6条（条例時代 第7条）: 再委託の禁止／再委託の制限（甲の承認） */}
            <Field control={form.control} name="subcontractingClause" label={L.subcontractingClause}>
              {(field) => (
                <Radio.Group
                  id={field.id}
                  value={field.value ?? 'prohibit'}
                  onChange={(e) => field.onChange(e.target.value)}
                  options={[
                    { value: 'prohibit', label: '再委託の禁止' },
                    { value: 'restrict', label: '再委託の制限（甲の承認）' },
                  ]}
                />
              )}
            </Field>
          </Card>
          <Card size="small" title={ct('ct.clauses')}>
            <Typography.Paragraph type="secondary">{ct('ct.clausesHint')}</Typography.Paragraph>
            <Field control={form.control} name="contractClauses" label={L.contractClauses}>
              {(field) => (
                <Checkbox.Group value={field.value ?? []} onChange={field.onChange} style={{ display: 'block' }} aria-label={L.contractClauses}>
                  {clauseSources.map((source) => {
                    const group = items.filter((i) => i.source === source);
                    if (group.length === 0) return null;
                    return (
                      <div key={source} style={{ marginBottom: 12 }}>
                        <Typography.Text strong>{contractClauseSourceLabels[source]}</Typography.Text>
                        {group.map((item) => (
                          <div key={item.code}>
                            <Checkbox value={item.code} data-testid={`ct-clause-${item.code}`}>
                              {`${item.clause} ${item.text}`}
                            </Checkbox>
                          </div>
                        ))}
                      </div>
                    );
                  })}
                </Checkbox.Group>
              )}
            </Field>
            <Field control={form.control} name="contractText" label={L.contractText}>
              {(field) => (
                <Input.TextArea id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} rows={5} count={{ max: 50_000 }} />
              )}
            </Field>
          </Card>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} style={{ marginTop: 16 }} loading={form.formState.isSubmitting} data-testid="ct-save">
        {tc('common.save')}
      </Button>
    </FormLayout>
  );
}
