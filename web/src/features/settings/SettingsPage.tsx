import { SafetyCertificateOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Input, Radio, Row, Select, Skeleton, Switch, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { organizationProfiles } from '../../../../src/domain/roles.ts';
import { authContract } from '../../../../src/platform/auth/auth.contract.ts';
import { changePasswordBody } from '../../../../src/platform/auth/auth.schema.ts';
import type { BodyOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import { orgContract } from '../../../../src/platform/org/org.contract.ts';
import { dateStyles, organizationBody, organizationSettingsSchema, settingsNumberFields } from '../../../../src/platform/org/org.schema.ts';
import { api } from '../../api/client.ts';
import { type Organization, pathOf, queryKeys, useOrganization } from '../../api/queries.ts';
import { applyServerErrors, bound, DateInput, Field, FormLayout, NumberInput, WarekiHint } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { ApprovalChainsSettings, DelegationsSettings } from '../approvals/ApprovalSettings.tsx';
import { useApprovalT } from '../approvals/messages.ts';
import { type Locale, useI18n, useLabels, useT } from '../../i18n/index.tsx';
import { useAbility, useSession } from '../../session/session.tsx';

type OrgIn = z.input<typeof organizationBody>;
type OrgOut = z.output<typeof organizationBody>;

function OrganizationForm({ organization, canManage }: { organization: Organization; canManage: boolean }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { refresh } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OrgIn, unknown, OrgOut>({
    resolver: zodResolver(organizationBody),
    defaultValues: {
      name: organization.name,
      address: organization.address ?? '',
      representative: organization.representative ?? '',
      profile: organization.profile,
      privacyMarkNumber: organization.privacyMarkNumber ?? '',
      privacyMarkValidFrom: organization.privacyMarkValidFrom,
      privacyMarkValidTo: organization.privacyMarkValidTo,
    },
    disabled: !canManage,
  });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await api.put<ResponseOf<typeof orgContract.updateOrganization>>(pathOf(orgContract.updateOrganization), values);
      leave.saved();
      queryClient.setQueryData(queryKeys.organization, saved);
      message.success(t('common.saved'));
      void refresh();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['name', 'address', 'representative', 'profile', 'privacyMarkNumber', 'privacyMarkValidFrom', 'privacyMarkValidTo']));
    }
  });
  const text = (name: 'name' | 'address' | 'representative' | 'privacyMarkNumber', label: string, required = false) => (
    <Field control={form.control} name={name} label={label} required={required}>
      {(field) => <Input {...field} value={field.value ?? ''} />}
    </Field>
  );
  return (
    <Card>
      {!canManage ? <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} /> : null}
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <FormLayout onSubmit={onSubmit}>
        <Row gutter={16} style={{ maxWidth: 900 }}>
          <Col span={24}>{text('name', t('settings.org.name'), true)}</Col>
          <Col span={24}>{text('address', t('settings.org.address'))}</Col>
          <Col span={12}>{text('representative', t('settings.org.representative'))}</Col>
          <Col span={12}>
            <Field control={form.control} name="profile" label={t('settings.org.profile')} required>
              {(field) => <Select {...bound(field)} disabled={field.disabled} options={organizationProfiles.map((p) => ({ value: p, label: labels.profile(p) }))} />}
            </Field>
          </Col>
          <Col span={8}>{text('privacyMarkNumber', t('settings.org.pmark'))}</Col>
          <Col span={8}>
            <Field control={form.control} name="privacyMarkValidFrom" label={t('settings.org.pmarkFrom')} extra={<WarekiHint value={form.watch('privacyMarkValidFrom')} />}>
              {(field) => <DateInput {...bound(field)} disabled={field.disabled} />}
            </Field>
          </Col>
          <Col span={8}>
            <Field control={form.control} name="privacyMarkValidTo" label={t('settings.org.pmarkTo')} extra={<WarekiHint value={form.watch('privacyMarkValidTo')} />}>
              {(field) => <DateInput {...bound(field)} disabled={field.disabled} />}
            </Field>
          </Col>
        </Row>
        {canManage ? (
          <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        ) : null}
      </FormLayout>
    </Card>
  );
}

type SecIn = z.input<typeof organizationSettingsSchema>;
/** The number settings that may be left blank (null: 必要に応じて / the law's days). */
const blankable = new Set<keyof typeof settingsNumberFields>(['contractorInspectionMonths', 'requestPeriodDays', 'requestExtensionDays']);
type SecOut = z.output<typeof organizationSettingsSchema>;

function SecurityForm({ organization }: { organization: Organization }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { refresh } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SecIn, unknown, SecOut>({ resolver: zodResolver(organizationSettingsSchema), defaultValues: organization.settings });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await api.put<ResponseOf<typeof orgContract.updateSettings>>(pathOf(orgContract.updateSettings), values);
      leave.saved();
      queryClient.setQueryData(queryKeys.organization, saved);
      message.success(t('common.saved'));
      // The idle timeout of this very session follows the new setting.
      void refresh();
    } catch (error) {
      setFormError(
        applyServerErrors(error, form.setError, [
          'idleTimeoutMinutes',
          'requireTotpForAdmins',
          'bulkAccessThreshold',
          'bulkAccessWindowMinutes',
          'reminderDaysBefore',
          'dateStyle',
          'contractorInspectionMonths',
          'requestPeriodDays',
          'requestExtensionDays',
          'requestOrdinance',
          'requestTargetDays',
        ]),
      );
    }
  });
  /**
   * A number setting: 「１５」 typed with the IME or 「15分」 is read (and says so); what does not read
   * stays in the field with the reason, and the shared schema refuses it — never erased on blur.
   * Blank is null: required settings are refused, the blankable ones mean 必要に応じて / the law's days.
   */
  const num = (name: keyof typeof settingsNumberFields, label: string, extra?: string) => (
    <Field control={form.control} name={name} label={label} required={!blankable.has(name)} extra={extra}>
      {(field) => (
        <NumberInput
          id={field.id}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          status={field.status}
          {...settingsNumberFields[name]}
          style={{ width: 160 }}
          data-testid={`setting-${name}`}
        />
      )}
    </Field>
  );
  return (
    <Card>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <FormLayout onSubmit={onSubmit}>
        <div style={{ maxWidth: 720 }}>
          {num('idleTimeoutMinutes', t('settings.sec.idle'), t('settings.sec.idleHint'))}
          <Field control={form.control} name="requireTotpForAdmins" label={t('settings.sec.totp')}>
            {(field) => <Switch id={field.id} checked={field.value} onChange={field.onChange} />}
          </Field>
          <Row gutter={16}>
            <Col>{num('bulkAccessThreshold', t('settings.sec.bulkThreshold'))}</Col>
            <Col>{num('bulkAccessWindowMinutes', t('settings.sec.bulkWindow'))}</Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8, fontSize: 13 }}>
            {t('settings.sec.bulkHint')}
          </Typography.Paragraph>
          {num('reminderDaysBefore', t('settings.sec.reminder'))}
          {/* Issue 13: the 実地検査 interval for 委託先 without 要配慮・特定個人情報 (empty: 必要に応じて). */}
          {num('contractorInspectionMonths', t('settings.sec.inspection'), t('settings.sec.inspectionHint'))}
          {/* Issue #14: 開示等の請求の期限 — a municipality's 施行条例 may shorten the law's 30 + 30 days; a company's target for 遅滞なく. */}
          <Typography.Title level={5}>{t('settings.sec.requests')}</Typography.Title>
          <Row gutter={16}>
            <Col>{num('requestPeriodDays', t('settings.sec.requestPeriod'))}</Col>
            <Col>{num('requestExtensionDays', t('settings.sec.requestExtension'))}</Col>
          </Row>
          <Field control={form.control} name="requestOrdinance" label={t('settings.sec.requestOrdinance')} extra={t('settings.sec.requestHint')}>
            {(field) => (
              <Input
                id={field.id}
                value={field.value ?? ''}
                onChange={(e) => field.onChange(e.target.value === '' ? null : e.target.value)}
                onBlur={field.onBlur}
                status={field.status}
                style={{ maxWidth: 480 }}
              />
            )}
          </Field>
          {num('requestTargetDays', t('settings.sec.requestTarget'), t('settings.sec.requestTargetHint'))}
          <Field control={form.control} name="dateStyle" label={t('settings.sec.dateStyle')} extra={t('settings.sec.dateStyleHint')}>
            {(field) => (
              <Radio.Group
                id={field.id}
                value={field.value ?? 'wareki'}
                onChange={(e) => field.onChange(e.target.value)}
                options={dateStyles.map((style) => ({ value: style, label: t(`settings.sec.${style}`) }))}
                data-testid="setting-dateStyle"
              />
            )}
          </Field>
        </div>
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
          {t('common.save')}
        </Button>
      </FormLayout>
    </Card>
  );
}

function PasswordForm() {
  const t = useT();
  const { logout } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      changePasswordBody
        .extend({ confirmPassword: z.string() })
        .refine((v) => v.newPassword === v.confirmPassword, { error: t('settings.pw.mismatch'), path: ['confirmPassword'] }),
    [t],
  );
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setFormError(null);
    try {
      const body: BodyOf<typeof authContract.changePassword> = { currentPassword, newPassword };
      await api.post<ResponseOf<typeof authContract.changePassword>>(pathOf(authContract.changePassword), body);
      // The server ends every session of the account after a password change.
      await logout('password_changed');
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['currentPassword', 'newPassword']));
    }
  });
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('settings.pw.hint')}</Typography.Paragraph>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <FormLayout onSubmit={onSubmit}>
        <div style={{ maxWidth: 420 }}>
          <Field control={form.control} name="currentPassword" label={t('settings.pw.current')} required>
            {(field) => <Input.Password {...field} autoComplete="current-password" />}
          </Field>
          <Field control={form.control} name="newPassword" label={t('settings.pw.new')} required>
            {(field) => <Input.Password {...field} autoComplete="new-password" />}
          </Field>
          <Field control={form.control} name="confirmPassword" label={t('settings.pw.confirm')} required>
            {(field) => <Input.Password {...field} autoComplete="new-password" />}
          </Field>
        </div>
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting} data-testid="password-submit">
          {t('settings.pw.submit')}
        </Button>
      </FormLayout>
    </Card>
  );
}

function DisplaySettings() {
  const t = useT();
  const navigate = useNavigate();
  const { locale, setLocale, calendar, setCalendar } = useI18n();
  return (
    <Card>
      <div style={{ marginBottom: 20 }}>
        <Typography.Title level={5}>{t('settings.display.language')}</Typography.Title>
        <Radio.Group
          value={locale}
          onChange={(e) => setLocale(e.target.value as Locale)}
          optionType="button"
          buttonStyle="solid"
          options={[
            { label: '日本語', value: 'ja' },
            { label: 'English', value: 'en' },
          ]}
          data-testid="settings-language"
        />
      </div>
      <div style={{ marginBottom: 20 }}>
        <Typography.Title level={5}>{t('settings.display.calendar')}</Typography.Title>
        <Radio.Group
          value={calendar}
          onChange={(e) => setCalendar(e.target.value)}
          optionType="button"
          options={[
            { label: t('settings.display.gregorian'), value: 'gregorian' },
            { label: t('settings.display.japanese'), value: 'japanese' },
          ]}
        />
      </div>
      <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate('/settings/totp')}>
        {t('settings.totpLink')}
      </Button>
    </Card>
  );
}

/** 設定: organization profile, security settings, approval routes and delegation, password change, display language. */
export default function SettingsPage() {
  const t = useT();
  const approvalT = useApprovalT();
  const [params, setParams] = useSearchParams();
  const canManage = useAbility('org.manage');
  const canConfigureApprovals = useAbility('approvals.configure');
  const organization = useOrganization();
  const tabs = [
    {
      key: 'organization',
      label: t('settings.tab.organization'),
      children: organization.isError ? (
        <QueryError error={organization.error} />
      ) : organization.data ? (
        <OrganizationForm key={organization.data.id} organization={organization.data} canManage={canManage} />
      ) : (
        <Skeleton active />
      ),
    },
    ...(canManage
      ? [{ key: 'security', label: t('settings.tab.security'), children: organization.data ? <SecurityForm organization={organization.data} /> : <Skeleton active /> }]
      : []),
    ...(canConfigureApprovals ? [{ key: 'approvalChains', label: approvalT('chains.tab'), children: <ApprovalChainsSettings /> }] : []),
    // Anyone may hand their own approvals to someone while away (the API scopes the list).
    { key: 'delegations', label: approvalT('delegations.tab'), children: <DelegationsSettings /> },
    { key: 'password', label: t('settings.tab.password'), children: <PasswordForm /> },
    { key: 'display', label: t('settings.tab.display'), children: <DisplaySettings /> },
  ];
  const active = tabs.some((tab) => tab.key === params.get('tab')) ? (params.get('tab') as string) : 'organization';
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Tabs activeKey={active} onChange={(key) => setParams({ tab: key }, { replace: true })} items={tabs} />
    </>
  );
}
