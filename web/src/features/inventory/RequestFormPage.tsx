import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Input, InputNumber, Radio, Row, Select, Skeleton, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { type FieldPath, useForm, useWatch } from 'react-hook-form';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { entryDuties, entryFindings } from '../../../../src/modules/inventory/inventory.content.ts';
import { processedKindLabels } from '../../../../src/modules/inventory/inventory.labels.ts';
import { entryContentSchema, requestBody } from '../../../../src/modules/inventory/inventory.schema.ts';
import { acquisitionMethodLabels, acquisitionMethods, processedKinds, sensitiveConsentExceptions, specialCategories } from '../../../../src/rules/inventoryRules.ts';
import { ApiError, api } from '../../api/client.ts';
import { DateInput, Field, FormLayout, WarekiHint } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { DepartmentSelect, usePersonOptions } from '../../components/pickers.tsx';
import { useSession } from '../../session/session.tsx';
import { DutyList, FindingList } from './components.tsx';
import { useText } from './messages.ts';
import type { EntryContent, EntryDetail, RequestDetail } from './types.ts';

type FormIn = z.input<typeof requestBody>;
type FormOut = z.output<typeof requestBody>;

const KEEPER_ROLES = ['department_head', 'handling_manager', 'info_manager', 'protection_manager', 'protection_staff'];

/** Empty content for a new acquisition. */
function blank(departmentId: string | null): z.input<typeof entryContentSchema> {
  return {
    name: '',
    departmentId: departmentId ?? '',
    items: [],
    purpose: '',
    storageLocation: '',
    storageMethod: { media: null, description: '' },
    accessHolderIds: [],
    accessHolderNote: '',
    useUntil: { date: null, description: '' },
    retainUntil: { date: null, description: '' },
    recordCount: null,
    acquisitionMethods: [],
    sensitive: false,
    sensitiveBasis: null,
    specialCategories: [],
    myNumber: false,
    retainedPersonalData: false,
    processedKind: 'none',
    entrustedTo: [],
    thirdPartyProvision: false,
    thirdPartyDetails: '',
    jointUseDetails: '',
    overseasCountries: [],
    overseasBasis: null,
    contactsPersons: false,
    disposalMethod: '',
    disposedAt: null,
    noticeRefs: [],
    exemptions: [],
  };
}

/** Several people of the organization (アクセス権を有する者), searched on the server. */
function PeopleMultiSelect({
  value,
  onChange,
  id,
  status,
  known,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  id?: string;
  status?: 'error';
  known: { value: string; label: string }[];
}) {
  const [labels, setLabels] = useState(known);
  const people = usePersonOptions({ known: labels });
  const options = people.options;
  return (
    <Select
      id={id}
      mode="multiple"
      status={status}
      value={value}
      onChange={(v: string[]) => {
        setLabels((prev) => [...prev, ...options.filter((o) => v.includes(o.value) && !prev.some((p) => p.value === o.value))]);
        onChange(v);
      }}
      showSearch={{ filterOption: false, onSearch: people.onSearch }}
      options={options}
      loading={people.loading}
      style={{ width: '100%' }}
      notFoundContent={null}
      data-testid="access-holders"
    />
  );
}

/** A list of short texts typed freely (項目, 委託先 …). */
function TagsInput({ value, onChange, id, status, placeholder }: { value: string[]; onChange: (v: string[]) => void; id?: string; status?: 'error'; placeholder?: string }) {
  return (
    <Select
      id={id}
      mode="tags"
      status={status}
      value={value}
      onChange={onChange}
      tokenSeparators={['、', ',', '，']}
      open={false}
      suffixIcon={null}
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}

/** 利用期限・保管期限: a date and/or a description. */
function TermInput({
  value,
  onChange,
  id,
  status,
}: {
  value: { date?: string | null; description?: string | null } | undefined;
  onChange: (v: { date: string | null; description: string | null }) => void;
  id?: string;
  status?: 'error';
}) {
  const tx = useText();
  const v = { date: value?.date ?? null, description: value?.description ?? '' };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <div style={{ width: 190, flex: 'none' }}>
        <DateInput value={v.date} onChange={(date) => onChange({ ...v, date })} status={status} />
      </div>
      <Input id={id} status={status} value={v.description ?? ''} placeholder={tx('inv.description')} onChange={(e) => onChange({ ...v, description: e.target.value })} />
    </Space.Compact>
  );
}

/** The longest registered field that is the path or a prefix of it (server errors like `proposed.sensitiveBasis.reason`). */
function fieldFor(path: string, names: readonly string[]): string | null {
  const hits = names.filter((n) => path === n || path.startsWith(`${n}.`));
  return hits.sort((a, b) => b.length - a.length)[0] ?? null;
}

const FIELD_NAMES = [
  'proposed.name',
  'proposed.departmentId',
  'proposed.items',
  'proposed.purpose',
  'proposed.storageLocation',
  'proposed.storageMethod.media',
  'proposed.storageMethod.description',
  'proposed.accessHolderIds',
  'proposed.accessHolderNote',
  'proposed.useUntil',
  'proposed.retainUntil',
  'proposed.recordCount',
  'proposed.acquisitionMethods',
  'proposed.sensitive',
  'proposed.sensitiveBasis',
  'proposed.specialCategories',
  'proposed.myNumber',
  'proposed.retainedPersonalData',
  'proposed.processedKind',
  'proposed.entrustedTo',
  'proposed.thirdPartyProvision',
  'proposed.thirdPartyDetails',
  'proposed.jointUseDetails',
  'proposed.overseasCountries',
  'proposed.overseasBasis',
  'proposed.contactsPersons',
  'proposed.disposalMethod',
  'proposed.disposedAt',
  'proposed.noticeRefs',
  'reason',
  'noticeDraft',
] as const;

function RequestForm({
  initial,
  kind,
  entryId,
  reviewId,
  requestId,
  knownPeople,
  reason,
  noticeDraft,
}: {
  initial: z.input<typeof entryContentSchema>;
  kind: 'acquisition' | 'change';
  entryId: string | null;
  reviewId: string | null;
  requestId: string | null;
  knownPeople: { value: string; label: string }[];
  reason: string;
  noticeDraft: string;
}) {
  const tx = useText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState<'draft' | 'submit' | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(requestBody),
    defaultValues: { kind, entryId, reviewId, proposed: initial, reason, noticeDraft, submit: true },
  });
  const proposed = useWatch({ control: form.control, name: 'proposed' });
  const sensitiveBasis = useWatch({ control: form.control, name: 'proposed.sensitiveBasis' });
  const names = useMemo(() => new Map(knownPeople.map((p) => [p.value, p.label])), [knownPeople]);
  // The same engines as the server: a preview of the refusals before submitting.
  const preview = useMemo(() => {
    const parsed = entryContentSchema.safeParse(proposed);
    if (!parsed.success) return null;
    const people = new Map([...(parsed.data.accessHolderIds.map((id) => [id, names.get(id) ?? id]) as [string, string][])]);
    return { findings: entryFindings(parsed.data, { people }), duties: entryDuties(parsed.data, { people }) };
  }, [proposed, names]);

  const send = (submit: boolean) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      setSending(submit ? 'submit' : 'draft');
      try {
        const saved = requestId
          ? await api.put<RequestDetail>(`/api/inventory/requests/${requestId}`, { proposed: values.proposed, reason: values.reason, noticeDraft: values.noticeDraft, submit })
          : await api.post<RequestDetail>('/api/inventory/requests', { ...values, submit });
        message.success(submit ? tx('req.submitted') : tx('req.saved'));
        void queryClient.invalidateQueries({ queryKey: ['inventory'] });
        navigate(`/inventory/requests/${saved.id}`);
      } catch (error) {
        if (error instanceof ApiError && error.fields.length > 0) {
          const unmatched: string[] = [];
          let first = true;
          for (const f of error.fields) {
            const name = fieldFor(f.path, FIELD_NAMES);
            if (name) {
              form.setError(name as FieldPath<FormIn>, { type: 'server', message: f.message }, { shouldFocus: first });
              first = false;
            } else unmatched.push(f.message);
          }
          setFormError(unmatched.length ? unmatched.join(' / ') : error.message);
        } else setFormError(error instanceof Error ? error.message : String(error));
      } finally {
        setSending(null);
      }
    })();

  const c = form.control;
  return (
    <FormLayout onSubmit={async () => send(true)}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="request-error" /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={tx('req.section.basic')} style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col span={14}>
                <Field control={c} name="proposed.name" label={tx('inv.name')} required>
                  {(f) => <Input {...f} value={f.value ?? ''} maxLength={200} />}
                </Field>
              </Col>
              <Col span={10}>
                <Field control={c} name="proposed.departmentId" label={tx('inv.department')} required>
                  {(f) => <DepartmentSelect id={f.id} value={f.value} onChange={(v) => f.onChange(v ?? '')} status={f.status} allowClear={false} />}
                </Field>
              </Col>
            </Row>
            <Field control={c} name="proposed.items" label={tx('inv.items')} required extra="「、」または Enter で区切って入力">
              {(f) => <TagsInput id={f.id} status={f.status} value={(f.value as string[] | undefined) ?? []} onChange={f.onChange} placeholder="氏名、住所、電話番号" />}
            </Field>
            <Field control={c} name="proposed.purpose" label={tx('inv.purpose')} required>
              {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={2} />}
            </Field>
            <Row gutter={16}>
              <Col span={12}>
                <Field control={c} name="proposed.storageLocation" label={tx('inv.storageLocation')} required>
                  {(f) => <Input {...f} value={f.value ?? ''} />}
                </Field>
              </Col>
              <Col span={12}>
                <Field control={c} name="proposed.storageMethod.media" label={`${tx('inv.storageMethod')}（媒体）`} required>
                  {(f) => (
                    <Radio.Group id={f.id} value={f.value ?? null} onChange={(e) => f.onChange(e.target.value)}>
                      <Radio value="paper">紙</Radio>
                      <Radio value="electronic">電子</Radio>
                      <Radio value="both">紙・電子</Radio>
                    </Radio.Group>
                  )}
                </Field>
              </Col>
            </Row>
            <Field control={c} name="proposed.storageMethod.description" label={tx('inv.storageMethod')}>
              {(f) => <Input {...f} value={f.value ?? ''} placeholder="施錠キャビネット、アクセス制限付きフォルダ等" />}
            </Field>
            <Field control={c} name="proposed.accessHolderIds" label={tx('inv.accessHolders')} required>
              {(f) => <PeopleMultiSelect id={f.id} status={f.status} value={(f.value as string[] | undefined) ?? []} onChange={f.onChange} known={knownPeople} />}
            </Field>
            <Field control={c} name="proposed.accessHolderNote" label={tx('inv.accessHolderNote')}>
              {(f) => <Input {...f} value={f.value ?? ''} placeholder="例: 特定個人情報は事務取扱担当者に限る" />}
            </Field>
            <Row gutter={16}>
              <Col xs={24} xxl={12}>
                <Field control={c} name="proposed.useUntil" label={tx('inv.useUntil')} required extra={<WarekiHint value={proposed?.useUntil?.date ?? null} />}>
                  {(f) => <TermInput id={f.id} status={f.status} value={f.value} onChange={f.onChange} />}
                </Field>
              </Col>
              <Col xs={24} xxl={12}>
                <Field control={c} name="proposed.retainUntil" label={tx('inv.retainUntil')} required extra={<WarekiHint value={proposed?.retainUntil?.date ?? null} />}>
                  {(f) => <TermInput id={f.id} status={f.status} value={f.value} onChange={f.onChange} />}
                </Field>
              </Col>
            </Row>
            <Field control={c} name="proposed.recordCount" label={tx('inv.recordCount')} required>
              {(f) => (
                <Space>
                  <InputNumber
                    id={f.id}
                    status={f.status}
                    min={0}
                    value={f.value?.value ?? null}
                    onChange={(v) => f.onChange(v === null || v === undefined ? null : { value: Number(v), approximate: f.value?.approximate ?? false })}
                    style={{ width: 180 }}
                  />
                  <Checkbox checked={f.value?.approximate ?? false} disabled={!f.value} onChange={(e) => f.value && f.onChange({ ...f.value, approximate: e.target.checked })}>
                    {tx('inv.approximate')}
                  </Checkbox>
                </Space>
              )}
            </Field>
          </Card>
          <Card title={tx('req.section.class')} style={{ marginBottom: 16 }}>
            <Field control={c} name="proposed.acquisitionMethods" label={tx('inv.acquisitionMethods')}>
              {(f) => (
                <Checkbox.Group
                  value={(f.value as string[] | undefined) ?? []}
                  onChange={f.onChange}
                  options={acquisitionMethods.map((m) => ({ value: m, label: acquisitionMethodLabels[m] }))}
                />
              )}
            </Field>
            <Row gutter={16}>
              <Col span={8}>
                <Field control={c} name="proposed.sensitive" label={tx('inv.sensitive')}>
                  {(f) => <Switch id={f.id} checked={!!f.value} onChange={f.onChange} />}
                </Field>
              </Col>
              <Col span={8}>
                <Field control={c} name="proposed.myNumber" label={tx('inv.myNumber')}>
                  {(f) => <Switch id={f.id} checked={!!f.value} onChange={f.onChange} />}
                </Field>
              </Col>
              <Col span={8}>
                <Field control={c} name="proposed.retainedPersonalData" label={tx('inv.retainedPersonalData')}>
                  {(f) => <Switch id={f.id} checked={!!f.value} onChange={f.onChange} />}
                </Field>
              </Col>
            </Row>
            {proposed?.sensitive || (proposed?.specialCategories ?? []).length > 0 ? (
              <Field control={c} name="proposed.sensitiveBasis" label={tx('inv.sensitiveBasis')} extra="J.8.3 1: 書面による同意、又は J.8.3 2 a)〜k) の例外（理由つき）">
                {(f) => (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Radio.Group
                      id={f.id}
                      value={sensitiveBasis?.kind ?? 'none'}
                      onChange={(e) =>
                        f.onChange(
                          e.target.value === 'none'
                            ? null
                            : e.target.value === 'written_consent'
                              ? { kind: 'written_consent', noticeRef: '' }
                              : { kind: 'exception', letter: 'a', reason: '' },
                        )
                      }
                    >
                      <Radio value="none">未記録</Radio>
                      <Radio value="written_consent">書面による同意</Radio>
                      <Radio value="exception">J.8.3 2 の例外</Radio>
                    </Radio.Group>
                    {sensitiveBasis?.kind === 'written_consent' ? (
                      <Input
                        value={sensitiveBasis.noticeRef ?? ''}
                        placeholder="同意を得た文面（版）"
                        onChange={(e) => f.onChange({ ...sensitiveBasis, noticeRef: e.target.value })}
                      />
                    ) : null}
                    {sensitiveBasis?.kind === 'exception' ? (
                      <>
                        <Select
                          value={sensitiveBasis.letter}
                          onChange={(letter) => f.onChange({ ...sensitiveBasis, letter })}
                          options={sensitiveConsentExceptions.map((e) => ({ value: e.letter, label: `${e.letter}) ${e.text}` }))}
                          style={{ width: '100%' }}
                        />
                        <Input value={sensitiveBasis.reason ?? ''} placeholder="例外に当たる理由" onChange={(e) => f.onChange({ ...sensitiveBasis, reason: e.target.value })} />
                      </>
                    ) : null}
                  </Space>
                )}
              </Field>
            ) : null}
            <Field control={c} name="proposed.specialCategories" label={tx('inv.specialCategories')}>
              {(f) => (
                <Select
                  id={f.id}
                  mode="multiple"
                  allowClear
                  value={(f.value as string[] | undefined) ?? []}
                  onChange={f.onChange}
                  options={specialCategories.map((s) => ({ value: s.id, label: s.label }))}
                />
              )}
            </Field>
            <Row gutter={16}>
              <Col span={12}>
                <Field control={c} name="proposed.processedKind" label={tx('inv.processedKind')}>
                  {(f) => <Select id={f.id} value={f.value ?? 'none'} onChange={f.onChange} options={processedKinds.map((k) => ({ value: k, label: processedKindLabels[k] }))} />}
                </Field>
              </Col>
              <Col span={12}>
                <Field control={c} name="proposed.contactsPersons" label={tx('inv.contactsPersons')}>
                  {(f) => <Switch id={f.id} checked={!!f.value} onChange={f.onChange} />}
                </Field>
              </Col>
            </Row>
          </Card>
          <Card title={tx('req.section.provision')} style={{ marginBottom: 16 }}>
            <Field control={c} name="proposed.entrustedTo" label={tx('inv.entrustedTo')}>
              {(f) => <TagsInput id={f.id} value={(f.value as string[] | undefined) ?? []} onChange={f.onChange} />}
            </Field>
            <Row gutter={16}>
              <Col span={6}>
                <Field control={c} name="proposed.thirdPartyProvision" label={tx('inv.thirdPartyProvision')}>
                  {(f) => <Switch id={f.id} checked={!!f.value} onChange={f.onChange} />}
                </Field>
              </Col>
              <Col span={18}>
                <Field control={c} name="proposed.thirdPartyDetails" label={tx('inv.thirdPartyDetails')}>
                  {(f) => <Input {...f} value={f.value ?? ''} />}
                </Field>
              </Col>
            </Row>
            <Field control={c} name="proposed.jointUseDetails" label={tx('inv.jointUseDetails')}>
              {(f) => <Input {...f} value={f.value ?? ''} />}
            </Field>
            <Row gutter={16}>
              <Col span={14}>
                <Field control={c} name="proposed.overseasCountries" label={tx('inv.overseasCountries')}>
                  {(f) => <TagsInput id={f.id} value={(f.value as string[] | undefined) ?? []} onChange={f.onChange} />}
                </Field>
              </Col>
              <Col span={10}>
                <Field control={c} name="proposed.overseasBasis" label={tx('inv.overseasBasis')}>
                  {(f) => (
                    <Select
                      id={f.id}
                      allowClear
                      value={f.value ?? undefined}
                      onChange={(v) => f.onChange(v ?? null)}
                      options={[
                        { value: 'a', label: 'a) 本人の同意' },
                        { value: 'b', label: 'b) 体制整備' },
                        { value: 'c', label: 'c) 同等水準国' },
                      ]}
                    />
                  )}
                </Field>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col span={14}>
                <Field control={c} name="proposed.disposalMethod" label={tx('inv.disposalMethod')}>
                  {(f) => <Input {...f} value={f.value ?? ''} />}
                </Field>
              </Col>
              {kind === 'change' ? (
                <Col span={10}>
                  <Field control={c} name="proposed.disposedAt" label={tx('inv.disposedAt')}>
                    {(f) => <DateInput id={f.id} value={f.value ?? null} onChange={f.onChange} status={f.status} />}
                  </Field>
                </Col>
              ) : null}
            </Row>
            <Field control={c} name="proposed.noticeRefs" label={tx('inv.noticeRefs')}>
              {(f) => <TagsInput id={f.id} value={(f.value as string[] | undefined) ?? []} onChange={f.onChange} />}
            </Field>
          </Card>
          <Card style={{ marginBottom: 16 }}>
            <Field control={c} name="reason" label={tx('req.reason')} required>
              {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={2} />}
            </Field>
            {kind === 'acquisition' ? (
              <Field control={c} name="noticeDraft" label={tx('req.noticeDraft')} extra="J.8.5 1 a)〜h) の事項を含めてください（右の「通知・同意・記録の義務」を参照）">
                {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={4} />}
              </Field>
            ) : null}
            <Space>
              <Button type="primary" onClick={() => send(true)} loading={sending === 'submit'} data-testid="request-submit">
                {tx('req.submit')}
              </Button>
              <Button onClick={() => send(false)} loading={sending === 'draft'} data-testid="request-save-draft">
                {tx('req.saveDraft')}
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <div style={{ position: 'sticky', top: 80 }}>
            <Card title={tx('req.preview')} style={{ marginBottom: 16 }} data-testid="request-preview">
              {preview ? (
                <FindingList findings={preview.findings} emptyText={tx('inv.noFindings')} />
              ) : (
                <Typography.Text type="secondary">名称と所管部署を入力すると確認できます</Typography.Text>
              )}
            </Card>
            {preview ? (
              <Card title={tx('inv.duties')}>
                <DutyList duties={preview.duties} />
              </Card>
            ) : null}
          </div>
        </Col>
      </Row>
    </FormLayout>
  );
}

/** Content of an entry as a form value (the stored content is already the schema's output). */
function asFormContent(content: EntryContent): z.input<typeof entryContentSchema> {
  return { ...content, purpose: content.purpose ?? '', storageLocation: content.storageLocation ?? '' };
}

function RequestFormScreen() {
  const tx = useText();
  const { id } = useParams();
  const [params] = useSearchParams();
  const { session } = useSession();
  const entryId = params.get('entryId');
  const reviewId = params.get('reviewId');
  const existing = useQuery({ queryKey: ['inventory', 'request', id], queryFn: () => api.get<RequestDetail>(`/api/inventory/requests/${id}`), enabled: !!id });
  const entry = useQuery({ queryKey: ['inventory', 'entry', entryId], queryFn: () => api.get<EntryDetail>(`/api/inventory/entries/${entryId}`), enabled: !id && !!entryId });
  const kind: 'acquisition' | 'change' = id ? (existing.data?.kind ?? 'acquisition') : entryId ? 'change' : 'acquisition';
  const ownDepartment = session?.roles.find((r) => KEEPER_ROLES.includes(r.role) && r.departmentId)?.departmentId ?? null;
  const error = existing.error ?? entry.error;
  if (error) return <QueryError error={error} />;
  const loading = (id && !existing.data) || (!id && entryId && !entry.data);
  const initial = id && existing.data ? asFormContent(existing.data.proposed) : entry.data ? asFormContent(entry.data.content) : blank(ownDepartment);
  const known = id && existing.data ? existing.data.accessHolders : (entry.data?.accessHolders ?? []);
  return (
    <>
      <PageHeader title={kind === 'acquisition' ? tx('req.newTitle') : tx('req.changeTitle')} lead={kind === 'acquisition' ? tx('req.lead.acquisition') : tx('req.lead.change')} />
      {loading ? (
        <Skeleton active />
      ) : (
        <RequestForm
          initial={initial}
          kind={kind}
          entryId={id ? (existing.data?.entryId ?? null) : entryId}
          reviewId={reviewId}
          requestId={id ?? null}
          knownPeople={known.map((p) => ({ value: p.id, label: p.name }))}
          reason={existing.data?.reason ?? ''}
          noticeDraft={existing.data?.noticeDraft ?? ''}
        />
      )}
    </>
  );
}

/** 新規個人情報取得申請書 / 個人情報取扱変更等申請書: the form, with the rule engines' preview beside it. */
export default function RequestFormPage() {
  return (
    <RequirePermission permission="inventory.request">
      <RequestFormScreen />
    </RequirePermission>
  );
}
