import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tooltip, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ResponseOf } from '../../../src/platform/http/contract.ts';
import type { attachmentsContract } from '../../../src/platform/attachments/attachments.contract.ts';
import { ApiError, api, download } from '../api/client.ts';
import { useI18n, useT } from '../i18n/index.tsx';
import { formatDate, formatDateTime } from '../lib/dates.ts';

type AttachmentList = ResponseOf<typeof attachmentsContract.list>;
type Attachment = AttachmentList['items'][number];

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * 添付ファイル (SPEC §3) on a record: the list (removed files stay, with who removed them and
 * why), upload with the server's checks shown as its Japanese messages, download, removal with a
 * reason. Who sees and adds files is the record's rule, decided by the server. When the record
 * keeps some kinds until a 保存期限 (SPEC §5.3, e.g. a 委託先's 契約書, J.9.4 5), each such file
 * shows the day and its reason, and its removal button stays disabled, with the reason, until then.
 */
export function Attachments({ ownerType, ownerId, readOnly = false, title }: { ownerType: string; ownerId: string; readOnly?: boolean; title?: ReactNode }) {
  const t = useT();
  const { calendar } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['attachments', ownerType, ownerId];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<AttachmentList>(`/api/attachments/${ownerType}/${ownerId}`) });
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();

  // The 種別 is chosen, never preselected (a 委任状 must not be filed as the first kind, a 契約書,
  // unnoticed); a record with a single kind has nothing to choose.
  const onlyKind = list.data?.kinds.length === 1 ? list.data.kinds[0]?.code : undefined;
  const chosen = kind ?? onlyKind;

  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      if (chosen) form.append('kind', chosen);
      if (note.trim()) form.append('note', note);
      form.append('file', file, file.name);
      return api.upload<Attachment>(`/api/attachments/${ownerType}/${ownerId}`, form);
    },
    onSuccess: (row) => {
      setError(null);
      setNote('');
      setKind(undefined);
      message.success(t('attach.uploaded', { name: row.fileName }));
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : String(e)),
  });

  const remove = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.deleteWith<Attachment>(`/api/attachment-files/${id}`, { reason }),
    onSuccess: () => {
      setRemoving(null);
      reasonForm.resetFields();
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  const data = list.data;
  const canWrite = !readOnly && !!data?.canWrite;
  const retention = data?.retention ?? null;
  const kept = (item: Attachment) => (!item.deletedAt && retention?.kinds.includes(item.kind) ? retention : null);
  const untilText = retention?.until ? formatDate(retention.until, calendar) : t('attach.retentionPending');
  const keptText = retention?.until ? t('attach.keptUntil', { until: untilText }) : t('attach.keptPending');
  return (
    <Card
      size="small"
      title={
        <Space>
          <PaperClipOutlined />
          {title ?? t('attach.title')}
        </Space>
      }
      style={{ marginTop: 16 }}
    >
      {list.error ? <Alert type="error" showIcon message={(list.error as Error).message} /> : null}
      {retention ? (
        <Alert
          type={retention.removable ? 'warning' : 'info'}
          showIcon
          data-testid="attach-retention"
          message={t('attach.retention', { until: untilText, kinds: retention.kindLabels.join('・') })}
          description={retention.reason}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <List<Attachment>
        loading={list.isLoading}
        dataSource={data?.items ?? []}
        // The list's own empty text fails axe color contrast (#bfbfbf on white): antd's Empty reads.
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attach.empty')} /> }}
        renderItem={(item) => (
          <List.Item
            actions={
              item.deletedAt
                ? []
                : [
                    <Button
                      key="dl"
                      size="small"
                      icon={<DownloadOutlined />}
                      onClick={() => void download(`/api/attachment-files/${item.id}`, item.fileName)}
                      aria-label={`${item.fileName} をダウンロード`}
                    />,
                    ...(canWrite
                      ? [
                          kept(item) && !kept(item)?.removable ? (
                            // Kept until its 保存期限: the button stays, disabled, saying why (Tooltip needs a wrapper on a disabled button).
                            <Tooltip key="rm" title={keptText}>
                              <span>
                                <Button size="small" danger disabled icon={<DeleteOutlined />} aria-label={`${item.fileName} ${keptText}`}>
                                  {t('attach.remove')}
                                </Button>
                              </span>
                            </Tooltip>
                          ) : (
                            <Button key="rm" size="small" danger icon={<DeleteOutlined />} onClick={() => setRemoving(item)}>
                              {t('attach.remove')}
                            </Button>
                          ),
                        ]
                      : []),
                  ]
            }
          >
            <List.Item.Meta
              title={
                item.deletedAt ? (
                  <Typography.Text delete type="secondary">
                    {item.fileName}
                  </Typography.Text>
                ) : (
                  item.fileName
                )
              }
              description={
                <Space direction="vertical" size={0}>
                  <Typography.Text type="secondary">
                    {item.kindLabel}・{item.contentTypeLabel}・{sizeText(item.size)}・{t('attach.by', { name: item.uploadedByName, at: formatDateTime(item.uploadedAt) })}
                  </Typography.Text>
                  {item.note ? <Typography.Text>{item.note}</Typography.Text> : null}
                  {kept(item) ? <Typography.Text data-testid="attach-kept">{keptText}</Typography.Text> : null}
                  {item.deletedAt ? (
                    <Typography.Text type="warning">
                      {t('attach.removed', { name: item.deletedByName ?? '', at: formatDateTime(item.deletedAt), reason: item.deletedReason ?? '' })}
                    </Typography.Text>
                  ) : null}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {data && !canWrite ? <Typography.Text type="secondary">{t('attach.readOnly')}</Typography.Text> : null}
      {data && canWrite ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Space wrap>
            <Select
              aria-label={t('attach.kind')}
              style={{ minWidth: 160 }}
              placeholder={t('attach.kindPlaceholder')}
              value={chosen}
              onChange={setKind}
              options={data.kinds.map((k) => ({ value: k.code, label: k.label }))}
            />
            <Input
              aria-label={t('attach.note')}
              placeholder={t('attach.note')}
              value={note}
              count={{ max: 400 }}
              onChange={(e) => setNote(e.target.value)}
              style={{ width: 280 }}
            />
            <Upload
              disabled={!chosen}
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={!chosen}>
                {t('attach.add')}
              </Button>
            </Upload>
          </Space>
          {chosen ? null : <Typography.Text data-testid="attach-choose-kind">{t('attach.chooseKind')}</Typography.Text>}
          <Typography.Text type="secondary">{t('attach.limits', { size: data.maxBytes / 1024 / 1024, types: data.accepted.join('、') })}</Typography.Text>
          {error ? <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} /> : null}
        </Space>
      ) : null}
      <Modal
        open={!!removing}
        title={removing ? t('attach.removeTitle', { name: removing.fileName }) : ''}
        okText={t('attach.remove')}
        okButtonProps={{ danger: true, loading: remove.isPending }}
        onCancel={() => setRemoving(null)}
        onOk={() => void reasonForm.validateFields().then((v) => removing && remove.mutate({ id: removing.id, reason: v.reason }))}
      >
        <Typography.Paragraph type="secondary">{t('attach.removeHelp')}</Typography.Paragraph>
        <Form form={reasonForm} layout="vertical">
          <Form.Item name="reason" label={t('attach.removeReason')} rules={[{ required: true, whitespace: true, message: t('attach.removeReasonRequired') }]}>
            <Input.TextArea rows={2} count={{ max: 400 }} />
          </Form.Item>
        </Form>
        {remove.error ? <Alert type="error" showIcon message={(remove.error as Error).message} /> : null}
      </Modal>
    </Card>
  );
}
