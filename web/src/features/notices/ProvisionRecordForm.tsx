import { SaveOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Input, Radio, Row, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { createProvisionRecordBody } from '../../../../src/modules/notices/provision-records.schema.ts';
import {
  exemptionClause,
  exemptionGroundLabels,
  exemptionGroundsFor,
  overseasBases,
  overseasBasisLabels,
  provisionBases,
  relatedBasisLabel,
} from '../../../../src/rules/data/provisionRecordItems.ts';
import { checkProvisionRecordItems, counterpartyKinds } from '../../../../src/rules/requiredItems/provisionRecordItems.ts';
import { provisionRecordForms } from '../../../../src/rules/retention/index.ts';
import { applyServerErrors, DateInput, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { noticeKeys, type ProvisionRecord } from './api.ts';
import { basisLabels, counterpartyKindLabels, fieldLabels, formLabels, recordKindOptions } from './labels.ts';

export type FormIn = z.input<typeof createProvisionRecordBody>;
type FormOut = z.output<typeof createProvisionRecordBody>;
const FIELDS = Object.keys(fieldLabels('provision'));
type TextName =
  | 'counterpartyName'
  | 'counterpartyAddress'
  | 'counterpartyRepresentative'
  | 'subject'
  | 'dataItems'
  | 'acquisitionHistory'
  | 'overseasCountry'
  | 'overseasInfo'
  | 'overseasMeasures'
  | 'overseasSystemMethod'
  | 'overseasEquivalentMeasures'
  | 'overseasForeignSystem'
  | 'overseasObstacleSummary'
  | 'overseasObstacleAction'
  | 'note';
type DateName = 'recordedOn' | 'providedOn' | 'lastProvidedOn';

/** The longest text each field takes (createProvisionRecordBody): longer input is refused with a field error, never cut. */
const maxLength: Readonly<Record<TextName, number>> = {
  counterpartyName: 200,
  counterpartyAddress: 500,
  counterpartyRepresentative: 200,
  subject: 1000,
  dataItems: 2000,
  acquisitionHistory: 2000,
  overseasCountry: 200,
  overseasInfo: 4000,
  overseasMeasures: 2000,
  overseasSystemMethod: 2000,
  overseasEquivalentMeasures: 2000,
  overseasForeignSystem: 2000,
  overseasObstacleSummary: 2000,
  overseasObstacleAction: 2000,
  note: 2000,
};

/** A new record's starting values: a 第三者提供記録 on consent, made for one provision, nothing typed yet. */
export const emptyRecord: FormIn = {
  kind: 'provision',
  basis: 'consent',
  form: 'individual',
  recordedOn: '',
  providedOn: '',
  lastProvidedOn: '',
  counterpartyKind: 'corporation',
  counterpartyName: '',
  counterpartyAddress: '',
  counterpartyRepresentative: '',
  subject: '',
  dataItems: '',
  consentObtained: false,
  acquisitionHistory: '',
  ppcPublished: false,
  overseas: false,
  overseasBasis: null,
  overseasCountry: '',
  overseasInfo: '',
  overseasInfoConfirmed: false,
  overseasMeasures: '',
  overseasSystemMethod: '',
  overseasEquivalentMeasures: '',
  overseasForeignSystem: '',
  overseasObstacle: null,
  overseasObstacleSummary: '',
  overseasObstacleAction: '',
  exemptionGround: null,
  note: '',
};

/**
 * The form of a 第三者提供記録 (規則第20条第1項, J.8.8.2) / 確認記録 (規則第24条第1項, J.8.8.3) /
 * 個人関連情報の確認記録 (J.8.8.4 4 提供元 c)〜f)・提供先 g)〜j)), for making one and for correcting
 * one (prefilled with what is recorded): the 記録事項 the law asks for the chosen kind and ground, a
 * preview of the missing ones (the server's own checker), and the server's refusal under each field.
 * `save` sends the checked input; on success the form lets the page go and opens the saved record.
 */
export function ProvisionRecordForm({
  initial,
  save,
  savedMessage,
  notice,
}: {
  initial: FormIn;
  save: (input: FormOut) => Promise<ProvisionRecord>;
  savedMessage: string;
  /** Shown above the form (what a correction does). */
  notice?: ReactNode;
}) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(createProvisionRecordBody), defaultValues: initial });
  const values = useWatch({ control: form.control });
  const kind = values.kind ?? 'provision';
  const L = fieldLabels(kind);
  const receipt = kind === 'receipt';
  const related = kind === 'related';
  /** 個人関連情報の提供先 (J.8.8.4 4 g)〜j)): we received it as personal data; the counterparty is the 提供元. */
  const relatedReceipt = kind === 'related_receipt';
  const receivingSide = receipt || relatedReceipt;
  const check = checkProvisionRecordItems({
    kind,
    basis: values.basis ?? 'consent',
    providedOn: values.providedOn,
    counterpartyKind: values.counterpartyKind,
    counterpartyName: values.counterpartyName,
    counterpartyAddress: values.counterpartyAddress,
    counterpartyRepresentative: values.counterpartyRepresentative,
    subject: values.subject,
    dataItems: values.dataItems,
    consentObtained: values.consentObtained,
    acquisitionHistory: values.acquisitionHistory,
    ppcPublished: values.ppcPublished,
    overseas: values.overseas,
    overseasBasis: values.overseasBasis,
    overseasCountry: values.overseasCountry,
    overseasInfo: values.overseasInfo,
    overseasInfoConfirmed: values.overseasInfoConfirmed,
    overseasMeasures: values.overseasMeasures,
    overseasSystemMethod: values.overseasSystemMethod,
    overseasEquivalentMeasures: values.overseasEquivalentMeasures,
    overseasForeignSystem: values.overseasForeignSystem,
    overseasObstacle: values.overseasObstacle,
    overseasObstacleSummary: values.overseasObstacleSummary,
    overseasObstacleAction: values.overseasObstacleAction,
    exemptionGround: values.exemptionGround,
  });

  /** 個人関連情報 (J.8.8.4): only the consent ground, a named 提供先, the J.8.8 f)〜l) exemptions. */
  const changeKind = (next: typeof kind) => {
    form.setValue('kind', next);
    if (next === 'related' || next === 'related_receipt') {
      form.setValue('basis', 'consent');
      if (values.counterpartyKind === 'unspecified') form.setValue('counterpartyKind', 'corporation');
    }
    if (values.exemptionGround && !exemptionGroundsFor(next).includes(values.exemptionGround)) form.setValue('exemptionGround', null);
  };

  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(
    async (input) => {
      setFormError(null);
      try {
        const saved = await save(input);
        leave.release();
        message.success(savedMessage);
        await queryClient.invalidateQueries({ queryKey: noticeKeys.all });
        navigate(`/notices/provision-records/${saved.id}`);
      } catch (error) {
        setFormError(applyServerErrors(error, form.setError, FIELDS) ?? '記録事項が不足しています。各項目の下の説明を確認してください');
      }
    },
    () => setFormError('入力内容を確認してください。各項目の下に理由を示しています'),
  );

  const text = (name: TextName, rows = 1) => (
    <Field control={form.control} name={name} label={L[name]}>
      {(field) =>
        rows > 1 ? (
          <Input.TextArea
            id={field.id}
            value={field.value ?? ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            status={field.status}
            rows={rows}
            count={{ max: maxLength[name] }}
            data-testid={`pr-${name}`}
          />
        ) : (
          <Input
            id={field.id}
            value={field.value ?? ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            status={field.status}
            count={{ max: maxLength[name] }}
            data-testid={`pr-${name}`}
          />
        )
      }
    </Field>
  );
  const date = (name: DateName, required = false) => (
    <Field control={form.control} name={name} label={L[name]} required={required}>
      {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
    </Field>
  );

  return (
    <>
      {notice}
      <FormLayout id="provision-record" onSubmit={onSubmit}>
        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="pr-error" /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card title="記録の種類と根拠" size="small">
              <Field control={form.control} name="kind" label={L.kind} required>
                {(field) => <Radio.Group id={field.id} value={field.value} onChange={(e) => changeKind(e.target.value)} options={recordKindOptions} data-testid="pr-kind" />}
              </Field>
              <Field control={form.control} name="basis" label={L.basis} required>
                {(field) => (
                  <Select
                    id={field.id}
                    value={field.value}
                    onChange={field.onChange}
                    status={field.status}
                    options={
                      related || relatedReceipt
                        ? [{ value: 'consent', label: relatedBasisLabel }]
                        : provisionBases.filter((b) => receipt || b !== 'non_business').map((b) => ({ value: b, label: basisLabels[b] }))
                    }
                  />
                )}
              </Field>
              <Field control={form.control} name="form" label={L.form} required>
                {(field) => (
                  <Select
                    id={field.id}
                    value={field.value}
                    onChange={field.onChange}
                    status={field.status}
                    options={provisionRecordForms.map((f) => ({ value: f, label: formLabels[f] }))}
                  />
                )}
              </Field>
              <Field control={form.control} name="exemptionGround" label={L.exemptionGround}>
                {(field) => (
                  <Select
                    id={field.id}
                    value={field.value ?? undefined}
                    onChange={(v) => field.onChange(v ?? null)}
                    allowClear
                    placeholder="該当しない（記録を作成する）"
                    status={field.status}
                    options={exemptionGroundsFor(kind).map((g) => ({ value: g, label: `${exemptionClause(kind, g)} ${exemptionGroundLabels[g].slice(3)}` }))}
                  />
                )}
              </Field>
              {date('recordedOn', true)}
              {date('providedOn')}
              {values.form && values.form !== 'individual' ? date('lastProvidedOn', true) : null}
            </Card>
            <Card title={receivingSide ? '提供元（第三者）' : '提供先（第三者）'} size="small" style={{ marginTop: 16 }}>
              <Field control={form.control} name="counterpartyKind" label={L.counterpartyKind} required>
                {(field) => (
                  <Radio.Group
                    id={field.id}
                    value={field.value}
                    onChange={(e) => field.onChange(e.target.value)}
                    options={counterpartyKinds.filter((k) => kind === 'provision' || k !== 'unspecified').map((k) => ({ value: k, label: counterpartyKindLabels[k] }))}
                  />
                )}
              </Field>
              {values.counterpartyKind !== 'unspecified' ? (
                <>
                  {text('counterpartyName')}
                  {text('counterpartyAddress')}
                  {values.counterpartyKind === 'corporation' ? text('counterpartyRepresentative') : null}
                </>
              ) : null}
              {receipt ? text('acquisitionHistory', 2) : null}
              {receipt ? null : (
                <Field control={form.control} name="overseas" label={L.overseas}>
                  {(field) => (
                    <Checkbox id={field.id} checked={field.value ?? false} onChange={(e) => field.onChange(e.target.checked)} data-testid="pr-overseas">
                      {relatedReceipt ? '当組織（提供先）は外国にある個人情報取扱事業者である' : '提供先は外国にある第三者である'}
                    </Checkbox>
                  )}
                </Field>
              )}
              {relatedReceipt && values.overseas ? (
                <Field control={form.control} name="overseasInfoConfirmed" label={L.overseasInfoConfirmed}>
                  {(field) => (
                    <Checkbox id={field.id} checked={field.value ?? false} onChange={(e) => field.onChange(e.target.checked)} data-testid="pr-overseasInfoConfirmed">
                      同意を得る前に、本人に当該外国の名称・制度・講ずる措置の情報が提供されている
                    </Checkbox>
                  )}
                </Field>
              ) : null}
              {!receivingSide && values.overseas ? (
                <>
                  <Field control={form.control} name="overseasBasis" label={L.overseasBasis}>
                    {(field) => (
                      <Select
                        id={field.id}
                        value={field.value ?? undefined}
                        onChange={(v) => field.onChange(v ?? null)}
                        status={field.status}
                        options={overseasBases.map((b) => ({ value: b, label: overseasBasisLabels[b] }))}
                      />
                    )}
                  </Field>
                  {text('overseasCountry')}
                  {related && values.overseasBasis === 'a' ? (
                    <Field control={form.control} name="overseasInfoConfirmed" label={L.overseasInfoConfirmed}>
                      {(field) => (
                        <Checkbox id={field.id} checked={field.value ?? false} onChange={(e) => field.onChange(e.target.checked)} data-testid="pr-overseasInfoConfirmed">
                          同意を得る前に、本人に当該外国の名称・制度・提供先の措置の情報が提供されていることを確認した
                        </Checkbox>
                      )}
                    </Field>
                  ) : null}
                  {values.overseasBasis === 'a' ? text('overseasInfo', 3) : null}
                  {values.overseasBasis === 'b' ? text('overseasMeasures', 3) : null}
                  {values.overseasBasis === 'b' && kind === 'provision' ? (
                    // J.8.8.1 3 l): kept so that a person's request is answered 遅滞なく (法第28条第3項).
                    <>
                      <Typography.Text type="secondary">本人の求めに応じて提供する情報（J.8.8.1 3 l)。3) は上の j)、4) は当該外国の名称）</Typography.Text>
                      {text('overseasSystemMethod', 2)}
                      {text('overseasEquivalentMeasures', 2)}
                      {text('overseasForeignSystem', 2)}
                      <Field control={form.control} name="overseasObstacle" label={L.overseasObstacle}>
                        {(field) => (
                          <Radio.Group
                            id={field.id}
                            value={field.value === null || field.value === undefined ? undefined : field.value ? 'yes' : 'no'}
                            onChange={(e) => field.onChange(e.target.value === 'yes')}
                            data-testid="pr-overseasObstacle"
                          >
                            <Radio value="no">なし</Radio>
                            <Radio value="yes">あり</Radio>
                          </Radio.Group>
                        )}
                      </Field>
                      {values.overseasObstacle ? text('overseasObstacleSummary', 2) : null}
                      {values.overseasObstacle ? text('overseasObstacleAction', 2) : null}
                    </>
                  ) : null}
                </>
              ) : null}
            </Card>
            <Card title={related || relatedReceipt ? '本人の同意と個人関連情報' : '本人と個人データ'} size="small" style={{ marginTop: 16 }}>
              {related ? null : text('subject', 2)}
              {text('dataItems', 2)}
              <Field control={form.control} name="consentObtained" label={L.consentObtained}>
                {(field) => (
                  <Checkbox id={field.id} checked={field.value ?? false} onChange={(e) => field.onChange(e.target.checked)} data-testid="pr-consentObtained">
                    {related
                      ? '本人の同意が得られていることを確認した（提供先からの申告等による）'
                      : relatedReceipt
                        ? '本人の同意が得られている（個人データとして取得することを認める旨）'
                        : '本人の同意を得ている'}
                  </Checkbox>
                )}
              </Field>
              {receipt && values.basis === 'opt_out' ? (
                <Field control={form.control} name="ppcPublished" label={L.ppcPublished}>
                  {(field) => (
                    <Checkbox id={field.id} checked={field.value ?? false} onChange={(e) => field.onChange(e.target.checked)}>
                      個人情報保護委員会により公表されていることを確認した
                    </Checkbox>
                  )}
                </Field>
              ) : null}
              {text('note', 2)}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title="記録事項の確認" size="small">
              {check === null ? (
                <Alert type="warning" showIcon title="第三者提供記録では「個人情報取扱事業者でない者から」は選べません" />
              ) : values.exemptionGround ? (
                <Alert type="info" showIcon title="記録を要しない場合として、根拠だけを記録します（記録事項と保存期間はありません）" />
              ) : check.missing.length === 0 ? (
                <Alert type="success" showIcon title="法令が求める記録事項は揃っています" />
              ) : (
                <Alert
                  type="info"
                  showIcon
                  title={`記録事項があと${check.missing.length}件必要です`}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {check.missing.map((i) => (
                        <li key={i.code}>
                          {i.clause} {i.text}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
            </Card>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={form.formState.isSubmitting} style={{ marginTop: 16 }} data-testid="pr-save">
              保存する
            </Button>
          </Col>
        </Row>
      </FormLayout>
    </>
  );
}
