import { SaveOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Divider, Empty, Radio, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { type Control, Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { readDate } from '../../../../src/domain/dateInput.ts';
import { organizationFacts } from '../../../../src/domain/incidentFacts.ts';
import { incidentsContract } from '../../../../src/modules/incidents/incidents.contract.ts';
import { entrustmentLabels, eventLabels, factLabels } from '../../../../src/modules/incidents/incidents.labels.ts';
import {
  evaluateIncidentDuties,
  incidentRulesVersionLabel,
  type IncidentDutiesResult,
  type IncidentFacts,
  incidentEventKinds,
  incidentFactsSchema,
} from '../../../../src/rules/incidentDuties.ts';
import { ApiError, api } from '../../api/client.ts';
import { applyServerErrors, DateInput, Field, FormLayout, NumberInput } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useLabels } from '../../i18n/index.tsx';
import { todayInJapan } from '../../lib/dates.ts';
import { type FactsUpdated, type IncidentDetail, incidentKeys, pathOf } from './api.ts';
import { useIncidentT, useLocalized } from './messages.ts';
import { DutyBlock, MissingFactsAlert, WhyPanel } from './parts.tsx';

type FactsIn = IncidentFacts;
type FactsOut = z.output<typeof incidentFactsSchema>;
type FlagName =
  | 'possibleOnly'
  | 'recoveredBeforeViewed'
  | 'intentionalProvision'
  | 'rationalDeletion'
  | 'identicalCopyExists'
  | 'sensitive'
  | 'ordinanceSensitive'
  | 'financialDamageRisk'
  | 'improperPurpose'
  | 'plannedPersonalData'
  | 'myNumber'
  | 'myNumberSystem'
  | 'viewableByUnspecifiedMany'
  | 'pseudonymized'
  | 'highLevelEncryption'
  | 'municipalContract';

const FIELDS = ['knownOn', 'events', 'persons', 'personsMayExceed', 'entrustment', 'principalNotifiedAt'] as const;

/** Facts with the organization's own profile and Privacy-Mark status (what the server will use). */
function withOrganization(values: Partial<FactsIn>, org: IncidentDetail['organization']): FactsIn {
  const knownOn = values.knownOn || todayInJapan();
  return { ...values, knownOn, ...organizationFacts(org, knownDay(knownOn)) } as FactsIn;
}

/**
 * The day of a typed 知った日 (2026/11/28, 和暦, R8.11.28 — read as the schema reads it), for the
 * organization's Privacy-Mark status on that day. While the typed text is not a date yet, the
 * schema shows its error and the preview waits; today stands in only for that comparison.
 */
function knownDay(typed: string | null | undefined): string {
  const reading = typed ? readDate(typed) : null;
  return reading?.ok ? reading.iso : todayInJapan();
}

type Preview = { ok: true; result: IncidentDutiesResult } | { ok: false; messages: string[] };

/** The engine, run in the browser on the form's current values (the same code the server runs). */
function preview(values: Partial<FactsIn>, org: IncidentDetail['organization']): Preview {
  const facts = withOrganization(values, org);
  const parsed = incidentFactsSchema.safeParse(facts);
  if (!parsed.success) return { ok: false, messages: parsed.error.issues.map((i) => i.message) };
  try {
    return { ok: true, result: evaluateIncidentDuties(facts) };
  } catch (error) {
    return { ok: false, messages: [error instanceof Error ? error.message : String(error)] };
  }
}

function Flag({ control, name }: { control: Control<FactsIn>; name: FlagName }) {
  // A compact row (no Form.Item spacing): the facts form has sixteen of these.
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <div style={{ padding: '3px 0' }}>
          <Checkbox id={`field-${name}`} checked={field.value === true} onChange={(e) => field.onChange(e.target.checked)} onBlur={field.onBlur} data-testid={`fact-${name}`}>
            {factLabels[name]}
          </Checkbox>
        </div>
      )}
    />
  );
}

function PreviewPanel({ control, org }: { control: Control<FactsIn>; org: IncidentDetail['organization'] }) {
  const t = useIncidentT();
  const values = useWatch({ control });
  const result = useMemo(() => preview(values as Partial<FactsIn>, org), [values, org]);
  return (
    <Card title={t('preview.title')} size="small" data-testid="duty-preview" style={{ position: 'sticky', top: 80 }}>
      {!result.ok ? (
        <Alert type="error" showIcon title={t('preview.invalid')} description={result.messages.join(' / ')} />
      ) : (
        <>
          <MissingFactsAlert missing={result.result.missingFacts} hasDuties={result.result.duties.length > 0} />
          {/* 「当たりません」 only when every fact it depends on is given (issue #10). */}
          {!result.result.isIncident && result.result.missingFacts.length === 0 ? (
            <Alert type="success" showIcon title={t('preview.notIncident')} style={{ marginBottom: 12 }} />
          ) : null}
          {result.result.duties.length === 0 ? (
            result.result.missingFacts.length > 0 ? null : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('preview.noDuties')} />
            )
          ) : (
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              {result.result.duties.map((d) => (
                <DutyBlock key={d.kind} testId={`preview-${d.kind}`} duty={{ ...d, dueOn: d.due, targetFrom: d.targetRange?.from ?? null, targetTo: d.targetRange?.to ?? null }} />
              ))}
            </Space>
          )}
          <WhyPanel evaluation={result.result} />
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            {t('detail.rulesVersion')}: {incidentRulesVersionLabel(result.result.rulesVersion)}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

/**
 * 事実の入力 (SPEC §5.1 facts, the engine's own zod schema) with a live preview of the duties
 * computed in the browser by the same engine the server runs; saving fixes the duties.
 */
export function FactsPanel({ incident, readOnly }: { incident: IncidentDetail; readOnly: boolean }) {
  const t = useIncidentT();
  const label = useLocalized();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const org = incident.organization;
  const form = useForm<FactsIn, unknown, FactsOut>({
    // No maxLength or min on the inputs: antd cut pasted text to the limit and turned −5 into 0 without a word.
    // The shared schema refuses them under the field, naming the limit, and what was typed stays (issue 10).
    resolver: zodResolver(incidentFactsSchema),
    defaultValues: withOrganization(incident.facts, org),
  });
  const knownOn = useWatch({ control: form.control, name: 'knownOn' });
  const personsApproximate = useWatch({ control: form.control, name: 'personsApproximate' });
  const orgFacts = organizationFacts(org, knownDay(knownOn));

  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const r = await api.put<FactsUpdated>(pathOf(incidentsContract.updateFacts, { id: incident.id }), { facts: withOrganization(values, org) });
      leave.saved();
      message.success(t('facts.saved', { added: r.added.length, removed: r.removed.length }));
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    } catch (error) {
      // The API names fact fields `facts.<name>`; the form names them `<name>`.
      const local =
        error instanceof ApiError
          ? new ApiError(
              error.status,
              error.code,
              error.message,
              error.fields.map((f) => ({ ...f, path: f.path.replace(/^facts\./, '') })),
            )
          : error;
      setFormError(applyServerErrors(local, form.setError, FIELDS));
    }
  });

  const group = (title: string) => (
    <Divider titlePlacement="start" plain style={{ margin: '12px 0 4px' }}>
      <Typography.Text strong>{title}</Typography.Text>
    </Divider>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={13}>
        <Card size="small" title={t('facts.title')}>
          <Typography.Paragraph type="secondary">{t('facts.lead')}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('facts.org')}:</Typography.Text>
            <Tag>{labels.profile(orgFacts.profile)}</Tag>
            <Tag color={orgFacts.privacyMark ? 'green' : 'default'} data-testid="fact-privacyMark">
              {orgFacts.privacyMark ? `${t('facts.privacyMark')}（${org.privacyMarkNumber ?? ''}）` : t('facts.noPrivacyMark')}
            </Tag>
          </Space>
          {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
            <FormLayout id="incident-facts" onSubmit={onSubmit}>
              {group(t('facts.groupWhat'))}
              <Field control={form.control} name="knownOn" label={factLabels.knownOn} required>
                {(field) => (
                  <DateInput id={field.id} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} status={field.status} disabled={readOnly} />
                )}
              </Field>
              <Field control={form.control} name="events" label={factLabels.events}>
                {(field) => (
                  <Checkbox.Group
                    value={field.value ?? []}
                    onChange={(v) => field.onChange(v)}
                    options={incidentEventKinds.map((k) => ({ value: k, label: label(eventLabels[k]) }))}
                    data-testid="fact-events"
                  />
                )}
              </Field>
              <Flag control={form.control} name="possibleOnly" />
              {group(t('facts.groupNotLeak'))}
              <Row>
                {(['recoveredBeforeViewed', 'intentionalProvision', 'rationalDeletion', 'identicalCopyExists'] as const).map((name) => (
                  <Col xs={24} md={12} key={name}>
                    <Flag control={form.control} name={name} />
                  </Col>
                ))}
              </Row>
              {group(t('facts.groupContent'))}
              <Row>
                {(
                  [
                    'sensitive',
                    'financialDamageRisk',
                    'improperPurpose',
                    'plannedPersonalData',
                    'myNumber',
                    'myNumberSystem',
                    'viewableByUnspecifiedMany',
                    'ordinanceSensitive',
                  ] as const
                ).map((name) => (
                  <Col xs={24} md={12} key={name}>
                    <Flag control={form.control} name={name} />
                  </Col>
                ))}
              </Row>
              {group(t('facts.groupProtection'))}
              <Row>
                {(['highLevelEncryption', 'pseudonymized'] as const).map((name) => (
                  <Col xs={24} md={12} key={name}>
                    <Flag control={form.control} name={name} />
                  </Col>
                ))}
              </Row>
              {group(t('facts.groupPersons'))}
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Field control={form.control} name="persons" label={factLabels.persons} extra={t('facts.unknownHint')}>
                    {(field) => (
                      // 「約1,200人」 is read as 1,200 and kept as a 概数 (personsApproximate), never as an exact 1,200.
                      <NumberInput
                        id={field.id}
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        status={field.status}
                        disabled={readOnly}
                        label={factLabels.persons}
                        unit="人"
                        approximate={{ value: personsApproximate === true, onChange: (a) => form.setValue('personsApproximate', a, { shouldDirty: true }) }}
                        style={{ width: '100%' }}
                        data-testid="fact-persons"
                      />
                    )}
                  </Field>
                </Col>
                <Col xs={24} md={12}>
                  <Field control={form.control} name="personsMayExceed" label={factLabels.personsMayExceed}>
                    {(field) => (
                      <NumberInput
                        id={field.id}
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        status={field.status}
                        disabled={readOnly}
                        label={factLabels.personsMayExceed}
                        unit="人"
                        style={{ width: '100%' }}
                        data-testid="fact-personsMayExceed"
                      />
                    )}
                  </Field>
                </Col>
              </Row>
              {group(t('facts.groupEntrustment'))}
              <Field control={form.control} name="entrustment" label={factLabels.entrustment}>
                {(field) => (
                  <Radio.Group
                    value={field.value}
                    onChange={(e) => field.onChange(e.target.value)}
                    options={(['none', 'contractor', 'principal'] as const).map((v) => ({ value: v, label: label(entrustmentLabels[v]) }))}
                  />
                )}
              </Field>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Field control={form.control} name="principalNotifiedAt" label={factLabels.principalNotifiedAt}>
                    {(field) => (
                      <DateInput id={field.id} value={field.value ?? null} onChange={(v) => field.onChange(v)} onBlur={field.onBlur} status={field.status} disabled={readOnly} />
                    )}
                  </Field>
                </Col>
                <Col xs={24} md={12}>
                  <Flag control={form.control} name="municipalContract" />
                </Col>
              </Row>
              {readOnly ? null : (
                <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={form.formState.isSubmitting} data-testid="facts-save">
                  {t('facts.save')}
                </Button>
              )}
            </FormLayout>
          </fieldset>
        </Card>
      </Col>
      <Col xs={24} xl={11}>
        <PreviewPanel control={form.control} org={org} />
      </Col>
    </Row>
  );
}
