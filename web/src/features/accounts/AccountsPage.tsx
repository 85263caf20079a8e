import { CheckCircleOutlined, DownOutlined, KeyOutlined, PlusOutlined, SafetyCertificateOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Dropdown, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passwordSchema } from '../../../../src/platform/auth/auth.schema.ts';
import type { BodyOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import { orgContract } from '../../../../src/platform/org/org.contract.ts';
import { accountCreateBody } from '../../../../src/platform/org/org.schema.ts';
import { api } from '../../api/client.ts';
import { pathOf, queryKeys } from '../../api/queries.ts';
import { applyServerErrors, errorMessage, Field, FormLayout } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { PersonSelect } from '../../components/pickers.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDateTime, todayInJapan } from '../../lib/dates.ts';

/** An account in the list (GET /api/accounts). */
type Account = ResponseOf<typeof orgContract.accounts>['items'][number];
/** 無効化・ロック解除・二要素認証リセット・パスワード再設定 (PATCH /api/accounts/:id). */
type AccountUpdate = BodyOf<typeof orgContract.updateAccount>;

type CreateIn = z.input<typeof accountCreateBody>;
type CreateOut = z.output<typeof accountCreateBody>;
const resetBody = z.object({ newPassword: passwordSchema });

function CreateAccountModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateIn, unknown, CreateOut>({ resolver: zodResolver(accountCreateBody), defaultValues: { personId: '', loginId: '', password: '' } });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.post<ResponseOf<typeof orgContract.createAccount>>(pathOf(orgContract.createAccount), values);
      leave.release();
      message.success(t('accounts.created'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['personId', 'loginId', 'password']));
    }
  });
  return (
    <Modal
      open
      title={t('accounts.add')}
      onCancel={() => leave.confirmClose(onClose)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'account-form', loading: form.formState.isSubmitting }}
      destroyOnHidden
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <FormLayout id="account-form" onSubmit={onSubmit}>
        <Field control={form.control} name="personId" label={t('accounts.person')} required>
          {(field) => (
            <PersonSelect id={field.id} value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} status={field.status} filter={(p) => !p.hasAccount} />
          )}
        </Field>
        <Field control={form.control} name="loginId" label={t('accounts.loginId')} required>
          {(field) => <Input {...field} autoComplete="off" inputMode="email" />}
        </Field>
        <Field control={form.control} name="password" label={t('accounts.initialPassword')} required extra={t('accounts.passwordHint')}>
          {(field) => <Input.Password {...field} autoComplete="new-password" />}
        </Field>
      </FormLayout>
    </Modal>
  );
}

function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof resetBody>, unknown, z.output<typeof resetBody>>({ resolver: zodResolver(resetBody), defaultValues: { newPassword: '' } });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const body: AccountUpdate = { newPassword: values.newPassword };
      await api.patch(pathOf(orgContract.updateAccount, { id: account.id }), body);
      leave.release();
      message.success(t('accounts.updated'));
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['newPassword']));
    }
  });
  return (
    <Modal
      open
      title={t('accounts.resetPassword')}
      onCancel={() => leave.confirmClose(onClose)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'reset-form', loading: form.formState.isSubmitting }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('accounts.resetPasswordLead', { name: account.personName })}</Typography.Paragraph>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <FormLayout id="reset-form" onSubmit={onSubmit}>
        <Field control={form.control} name="newPassword" label={t('accounts.newPassword')} required extra={t('accounts.passwordHint')}>
          {(field) => <Input.Password {...field} autoComplete="new-password" />}
        </Field>
      </FormLayout>
    </Modal>
  );
}

function AccountsScreen() {
  const t = useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const accounts = useQuery({ queryKey: queryKeys.accounts, queryFn: async () => (await api.get<ResponseOf<typeof orgContract.accounts>>(pathOf(orgContract.accounts))).items });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Account | null>(null);
  const today = todayInJapan();
  const now = Date.now();

  const patch = (account: Account, body: AccountUpdate, confirmText: string) =>
    modal.confirm({
      title: t('common.confirm'),
      content: confirmText,
      okText: t('common.yes'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.patch(pathOf(orgContract.updateAccount, { id: account.id }), body);
          message.success(t('accounts.updated'));
          await queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
        } catch (error) {
          message.error(errorMessage(error, t));
        }
      },
    });

  const stateTags = (a: Account) => {
    const tags = [];
    if (a.leftOn && a.leftOn <= today) tags.push(<Tag key="left">{t('accounts.state.left')}</Tag>);
    if (a.disabledAt)
      tags.push(
        <Tag key="disabled" color="default">
          {t('accounts.state.disabled')}
        </Tag>,
      );
    if (a.lockedUntil && new Date(a.lockedUntil).getTime() > now)
      tags.push(
        <Tag key="locked" color="warning">
          {t('accounts.state.locked')}
        </Tag>,
      );
    if (tags.length === 0)
      tags.push(
        <Tag key="active" color="green">
          {t('accounts.state.active')}
        </Tag>,
      );
    return tags;
  };

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-add">
            {t('accounts.add')}
          </Button>
        }
      />
      {accounts.isError ? <QueryError error={accounts.error} onRetry={() => accounts.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Account>
          rowKey="id"
          size="middle"
          loading={accounts.isPending}
          dataSource={accounts.data ?? []}
          pagination={(accounts.data?.length ?? 0) > 50 ? { pageSize: 50 } : false}
          columns={[
            { title: t('accounts.person'), dataIndex: 'personName', width: 160 },
            { title: t('accounts.loginId'), dataIndex: 'loginId' },
            { title: t('common.status'), key: 'state', width: 150, render: (_, a) => stateTags(a) },
            {
              title: t('accounts.totp'),
              dataIndex: 'totpEnabled',
              width: 110,
              render: (v: boolean) => (v ? <Tag color="blue">{t('accounts.on')}</Tag> : <Typography.Text type="secondary">{t('accounts.off')}</Typography.Text>),
            },
            { title: t('accounts.lastLogin'), dataIndex: 'lastLoginAt', width: 160, render: (v: string | null) => formatDateTime(v) },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 130,
              render: (_, a) => {
                const locked = Boolean(a.lockedUntil && new Date(a.lockedUntil).getTime() > now);
                // Only what the server says the caller may do to this account (privilege ordering, issue 11 #2).
                const may = (action: Account['abilities'][number]) => a.abilities.includes(action);
                return (
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        !may('disable')
                          ? null
                          : a.disabledAt
                            ? {
                                key: 'enable',
                                icon: <CheckCircleOutlined />,
                                label: t('accounts.enable'),
                                onClick: () => patch(a, { disabled: false }, t('accounts.confirmEnable', { name: a.personName })),
                              }
                            : {
                                key: 'disable',
                                icon: <StopOutlined />,
                                danger: true,
                                label: t('accounts.disable'),
                                onClick: () => patch(a, { disabled: true }, t('accounts.confirmDisable', { name: a.personName })),
                              },
                        {
                          key: 'unlock',
                          icon: <UnlockOutlined />,
                          label: t('accounts.unlock'),
                          disabled: !locked,
                          onClick: () => patch(a, { unlock: true }, t('accounts.confirmUnlock', { name: a.personName })),
                        },
                        may('resetPassword') ? { key: 'password', icon: <KeyOutlined />, label: t('accounts.resetPassword'), onClick: () => setResetting(a) } : null,
                        may('resetTotp')
                          ? {
                              key: 'totp',
                              icon: <SafetyCertificateOutlined />,
                              label: t('accounts.resetTotp'),
                              disabled: !a.totpEnabled,
                              onClick: () => patch(a, { resetTotp: true }, t('accounts.confirmResetTotp', { name: a.personName })),
                            }
                          : null,
                      ].filter((item) => item !== null),
                    }}
                  >
                    <Button size="small" data-testid={`account-actions-${a.loginId}`}>
                      {t('common.actions')} <DownOutlined />
                    </Button>
                  </Dropdown>
                );
              },
            },
          ]}
        />
      </Card>
      {creating ? <CreateAccountModal onClose={() => setCreating(false)} /> : null}
      {resetting ? <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} /> : null}
    </>
  );
}

/** アカウント: list, create for a person, disable/enable, unlock, reset password, reset TOTP. */
export default function AccountsPage() {
  return (
    <RequirePermission permission="accounts.manage">
      <AccountsScreen />
    </RequirePermission>
  );
}
