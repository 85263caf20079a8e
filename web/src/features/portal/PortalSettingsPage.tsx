import { GlobalOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { NumberInput } from '../../components/form.tsx';
import { PageHeader, RequirePermission } from '../../components/page.tsx';
import { useUnsavedChangesGuard } from '../../components/unsavedChanges.tsx';
import type { NoticeList, PortalSettings } from './types.ts';

type Facts = PortalSettings['facts'];
type Values = { slug: string; published: boolean; facts: Facts };

/** A list setting (利用目的・安全管理措置) typed one item per line. */
const lines = {
  getValueProps: (v: string[] | undefined) => ({ value: (v ?? []).join('\n') }),
  normalize: (v: string) => v.split('\n'),
};
const purposeLines = {
  getValueProps: (v: { text: string }[] | undefined) => ({ value: (v ?? []).map((p) => p.text).join('\n') }),
  normalize: (v: string) => v.split('\n').map((text) => ({ text })),
};
/** Drops the blank lines of a list before sending (a blank line is not an item) and a fee left blank. */
const withoutBlankLines = (facts: Facts): Facts => ({
  ...facts,
  purposes: facts.purposes.filter((p) => p.text.trim() !== ''),
  safetyMeasures: facts.safetyMeasures.filter((m) => m.trim() !== ''),
  // A fee left blank is none (無料), not a fee of no amount.
  procedure: {
    ...facts.procedure,
    fees: {
      purposeNotice: facts.procedure.fees.purposeNotice?.amountYen == null ? null : facts.procedure.fees.purposeNotice,
      disclosure:
        facts.procedure.fees.disclosure?.amountYen == null
          ? null
          : { ...facts.procedure.fees.disclosure, collectionMethod: facts.procedure.fees.disclosure.collectionMethod ?? '' },
    },
  },
});

/**
 * 開示の手数料, bound by its Form.Item: 「１，０００」 typed with the IME is read as 1,000 円 (and says
 * so); what does not read stays, with the reason — a fee erased on blur was published as 無料.
 */
function PortalFeeInput(props: { id?: string; value?: number | string | null; onChange?: (v: number | string | null) => void }) {
  return (
    <NumberInput
      id={props.id}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      label="開示の手数料"
      unit="円"
      max={100_000}
      style={{ width: 200 }}
      data-testid="portal-fee"
    />
  );
}

/**
 * 公開窓口の設定 (issue #14 M5): the settings the 公表事項 (J.10.3 a)〜g)) are generated from, the
 * page's address, and publishing — refused, item by item under its field, while an item is missing.
 * The preview is what the public page shows.
 */
function PortalSettingsScreen() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  // Typed since the last save (the loaded settings set with setFieldsValue do not count): leaving asks first.
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesGuard(dirty);
  const settings = useQuery({ queryKey: ['portal', 'settings'], queryFn: () => api.get<PortalSettings>('/api/portal/settings') });
  // M6 通知文 with a published version: those the page can take consents to (J.8.5 j)).
  const notices = useQuery({ queryKey: ['notices', 'list'], queryFn: () => api.get<NoticeList>('/api/notices') });
  const noticeOptions = (notices.data?.items ?? []).filter((n) => n.publishedVersionNo !== null).map((n) => ({ value: n.id, label: `${n.title}（第${n.publishedVersionNo}版）` }));
  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({ slug: settings.data.slug ?? '', published: settings.data.published, facts: settings.data.facts, consentNoticeIds: settings.data.consentNoticeIds });
  }, [settings.data, form]);

  const save = async () => {
    setFormError(null);
    form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })));
    const values = form.getFieldsValue(true) as Values;
    try {
      const saved = await api.put<PortalSettings>('/api/portal/settings', { ...values, facts: withoutBlankLines(values.facts) });
      queryClient.setQueryData(['portal', 'settings'], saved);
      setDirty(false);
      message.success(saved.published ? '保存して公開しました' : '保存しました（公開していません）');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = error.fields.map((f) => ({ name: f.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), errors: [f.message] }));
      form.setFields(fields);
      setFormError(error.message);
    }
  };

  const preview = settings.data?.preview;
  return (
    <>
      <PageHeader
        title="公開窓口"
        lead="開示等の請求・苦情相談を受け付ける公開ページと、そこに載せる公表事項（JIS Q 15001 J.10.3 a〜g）。公表事項が揃うまで公開できません。"
        extra={
          settings.data?.published && settings.data.publicPath ? (
            <Button icon={<GlobalOutlined />} href={settings.data.publicPath} target="_blank" data-testid="portal-open">
              公開ページを開く
            </Button>
          ) : null
        }
      />
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="portal-settings-error" /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Form form={form} layout="vertical" onValuesChange={() => setDirty(true)} data-testid="portal-settings">
            <Card size="small" title="公開ページ" style={{ marginBottom: 12 }}>
              <Form.Item name="slug" label="公開ページのURL（/p/ の後ろ。英小文字・数字・ハイフン）" required>
                <Input addonBefore="/p/" count={{ max: 40 }} data-testid="portal-slug" />
              </Form.Item>
              <Form.Item name="published" label="公開する" valuePropName="checked">
                <Switch data-testid="portal-published" />
              </Form.Item>
            </Card>
            <Card size="small" title="a) 事業者" style={{ marginBottom: 12 }}>
              <Form.Item name={['facts', 'organization', 'name']} label="名称">
                <Input count={{ max: 200 }} />
              </Form.Item>
              <Form.Item name={['facts', 'organization', 'address']} label="住所">
                <Input count={{ max: 300 }} />
              </Form.Item>
              <Form.Item name={['facts', 'organization', 'representative']} label="代表者の氏名">
                <Input count={{ max: 100 }} />
              </Form.Item>
            </Card>
            <Card size="small" title="b) 個人情報保護管理者" style={{ marginBottom: 12 }}>
              <Form.Item name={['facts', 'manager', 'nameOrTitle']} label="氏名又は職名">
                <Input count={{ max: 100 }} data-testid="portal-manager-name" />
              </Form.Item>
              <Form.Item name={['facts', 'manager', 'department']} label="所属">
                <Input count={{ max: 100 }} data-testid="portal-manager-department" />
              </Form.Item>
              <Form.Item name={['facts', 'manager', 'contact']} label="連絡先">
                <Input count={{ max: 300 }} data-testid="portal-manager-contact" />
              </Form.Item>
            </Card>
            <Card size="small" title="c) 保有個人データの利用目的・d) 苦情の申出先" style={{ marginBottom: 12 }}>
              <Form.Item name={['facts', 'purposes']} label="利用目的（1行に1つ）" {...purposeLines}>
                <Input.TextArea rows={3} data-testid="portal-purposes" />
              </Form.Item>
              <Form.Item name={['facts', 'complaintDesk']} label="苦情の申出先">
                <Input count={{ max: 500 }} data-testid="portal-complaint-desk" />
              </Form.Item>
            </Card>
            <Card size="small" title="f) 開示等の請求等に応じる手続（J.10.2）" style={{ marginBottom: 12 }}>
              <Form.Item name={['facts', 'procedure', 'desk']} label="申出先">
                <Input count={{ max: 500 }} data-testid="portal-desk" />
              </Form.Item>
              <Form.Item name={['facts', 'procedure', 'method']} label="提出すべき書面の様式その他の方式">
                <Input.TextArea rows={2} count={{ max: 1000 }} data-testid="portal-method" />
              </Form.Item>
              <Form.Item name={['facts', 'procedure', 'identityCheck']} label="本人又は代理人であることの確認の方法">
                <Input.TextArea rows={2} count={{ max: 1000 }} data-testid="portal-identity" />
              </Form.Item>
              <Space wrap>
                <Form.Item name={['facts', 'procedure', 'fees', 'disclosure', 'amountYen']} label="開示の手数料（円、空欄は無料）">
                  <PortalFeeInput />
                </Form.Item>
                <Form.Item name={['facts', 'procedure', 'fees', 'disclosure', 'collectionMethod']} label="徴収方法">
                  <Input count={{ max: 200 }} data-testid="portal-fee-method" />
                </Form.Item>
              </Space>
            </Card>
            <Card size="small" title="g) 安全管理のために講じた措置" style={{ marginBottom: 12 }}>
              <Form.Item name={['facts', 'safetyMeasures']} label="措置（1行に1つ）" {...lines}>
                <Input.TextArea rows={3} data-testid="portal-safety" />
              </Form.Item>
            </Card>
            <Card size="small" title="同意を受け付ける通知文（J.8.5 j) Web のフォーム）" style={{ marginBottom: 12 }}>
              <Form.Item
                name="consentNoticeIds"
                label="公開ページに載せる通知文"
                extra="公開済みの最新の版を全文で表示し、氏名又は識別子と「同意する」で同意記録（取得方法 Web）を作ります。撤回用のURLを本人に渡します。"
              >
                <Select mode="multiple" allowClear options={noticeOptions} placeholder="選んでください（任意）" data-testid="portal-consent-notices" />
              </Form.Item>
            </Card>
            <Button type="primary" icon={<SaveOutlined />} onClick={save} data-testid="portal-save">
              保存
            </Button>
          </Form>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="公表事項のプレビュー（保存した内容）" data-testid="portal-preview">
            {preview?.missing.length ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title={`足りない公表事項が${preview.missing.length}件あります（公開できません）`}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {preview.missing.map((m) => (
                      <li key={m.field}>{m.message}</li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            {preview?.sections.map((s) => (
              <div key={s.code} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{s.heading}</Typography.Text>
                {s.lines.map((l) => (
                  <div key={l}>{l}</div>
                ))}
              </div>
            ))}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function PortalSettingsPage() {
  return (
    <RequirePermission permission="portal.manage">
      <PortalSettingsScreen />
    </RequirePermission>
  );
}
