import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Col, Descriptions, Input, Result, Row, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { authContract } from '../../../../src/platform/auth/auth.contract.ts';
import { totpCodeBody } from '../../../../src/platform/auth/auth.schema.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api } from '../../api/client.ts';
import { pathOf } from '../../api/queries.ts';
import { applyServerErrors, errorMessage, Field, FormLayout } from '../../components/form.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.tsx';

/** 二要素認証の設定: issue a secret (QR code + key), then confirm it with a code. */
export default function TotpSetupPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { session, refresh } = useSession();
  const [setup, setSetup] = useState<ResponseOf<typeof authContract.setupTotp> | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof totpCodeBody>, unknown, z.output<typeof totpCodeBody>>({ resolver: zodResolver(totpCodeBody), defaultValues: { code: '' } });

  useEffect(() => {
    if (!setup) return;
    let live = true;
    // Rendered in the browser: the secret never leaves for a third-party QR service.
    QRCode.toDataURL(setup.uri, { margin: 1, width: 200, errorCorrectionLevel: 'M' })
      .then((url) => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [setup]);

  const start = async () => {
    setStarting(true);
    setFormError(null);
    try {
      setSetup(await api.post<ResponseOf<typeof authContract.setupTotp>>(pathOf(authContract.setupTotp)));
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setStarting(false);
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.post<ResponseOf<typeof authContract.enableTotp>>(pathOf(authContract.enableTotp), values);
      message.success(t('totp.enabledNow'));
      await refresh();
      navigate('/', { replace: true });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['code']));
    }
  });

  return (
    <>
      <PageHeader title={t('totp.setupTitle')} lead={t('totp.setupLead')} />
      {session?.account.totpEnabled ? (
        <Card>
          <Result status="success" title={t('totp.enabled')} subTitle={t('totp.enabledHint')} />
        </Card>
      ) : !setup ? (
        <Card>
          <Button type="primary" onClick={start} loading={starting}>
            {t('totp.start')}
          </Button>
        </Card>
      ) : (
        <Card>
          <Row gutter={32}>
            <Col xs={24} md={10}>
              <Typography.Paragraph strong>{t('totp.step1')}</Typography.Paragraph>
              {qr ? <img src={qr} alt="QR" width={200} height={200} style={{ border: '1px solid #e5e8ec', padding: 8, background: '#fff' }} /> : null}
              <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
                <Descriptions.Item label={t('totp.secret')}>
                  <Typography.Text code copyable data-testid="totp-secret">
                    {setup.secret}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('totp.uri')}>
                  <Typography.Text copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {setup.uri}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            </Col>
            <Col xs={24} md={10}>
              <Typography.Paragraph strong>{t('totp.step2')}</Typography.Paragraph>
              {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
              <FormLayout onSubmit={onSubmit}>
                <Field control={form.control} name="code" label={t('totp.code')} required>
                  {(field) => <Input {...field} autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ letterSpacing: '0.3em', maxWidth: 200 }} />}
                </Field>
                <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
                  {t('totp.enable')}
                </Button>
              </FormLayout>
            </Col>
          </Row>
        </Card>
      )}
    </>
  );
}
