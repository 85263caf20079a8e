import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, List, Typography } from 'antd';
import { useId, useRef } from 'react';
import { PORTAL_FILE_MAX_BYTES, PORTAL_FILES_MAX, PORTAL_FILES_TOTAL_MAX_BYTES, type portalFileKinds } from '../../../../src/modules/portal/portal.files.schema.ts';
import { ApiError } from '../../api/client.ts';
import { type Translate, useT } from '../../i18n/index.tsx';

export type PortalFileKind = (typeof portalFileKinds)[number];
/** A file chosen on the public form, read as base64 (sent in the JSON body with the form). */
export type PortalFileDraft = { kind: PortalFileKind; fileName: string; contentBase64: string; size: number };

const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The server's messages about the files (`files`, `files.N`), to show under the file fields. */
export function fileErrorsOf(error: unknown): string[] {
  return error instanceof ApiError ? error.fields.filter((f) => f.path === 'files' || f.path.startsWith('files.')).map((f) => f.message) : [];
}

/** The limits, said before the person chooses (the server checks them again, and the type by the bytes). */
const fileLimitsText = (t: Translate) =>
  t('public.files.limits', { types: t('public.files.types'), max: mb(PORTAL_FILE_MAX_BYTES), count: PORTAL_FILES_MAX, total: mb(PORTAL_FILES_TOTAL_MAX_BYTES) });

/** J.10.2 h) 2): the warning shown wherever a 本人確認書類 is sent (本籍地は都道府県以外を、個人番号は全桁を黒塗り). */
export function IdentityDocumentWarning() {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="portal-identity-warning"
      title={t('public.identityWarning.title')}
      description={t('public.identityWarning.body')}
    />
  );
}

/**
 * A file field of the public form: choose one or more files of a kind (委任状, 本人確認書類, 補正の
 * 書類); they are listed with their size and can be taken off before sending.
 */
export function PortalFileField({
  kind,
  label,
  required = false,
  extra,
  files,
  onChange,
  onError,
}: {
  kind: PortalFileKind;
  label: string;
  required?: boolean;
  extra?: string;
  files: PortalFileDraft[];
  onChange: (files: PortalFileDraft[]) => void;
  onError: (message: string | null) => void;
}) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const mine = files.filter((f) => f.kind === kind);
  const choose = async (chosen: FileList | null) => {
    if (!chosen) return;
    const added: PortalFileDraft[] = [];
    for (const file of Array.from(chosen)) {
      if (file.size > PORTAL_FILE_MAX_BYTES) {
        onError(t('public.files.tooBig', { name: file.name, size: mb(file.size), max: mb(PORTAL_FILE_MAX_BYTES) }));
        continue;
      }
      added.push({ kind, fileName: file.name, contentBase64: await readBase64(file), size: file.size });
    }
    if (added.length === chosen.length) onError(null);
    onChange([...files, ...added]);
    if (input.current) input.current.value = '';
  };
  return (
    <div style={{ marginBottom: 16 }} data-testid={`portal-files-${kind}`}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {required ? <span style={{ color: '#cf1322', marginInlineEnd: 4 }}>*</span> : null}
        {label}
      </label>
      {/* The browser's own file button speaks the browser's language: hidden behind the page's own button. */}
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        onChange={(e) => void choose(e.target.files)}
        data-testid={`portal-file-input-${kind}`}
      />
      <Button id={id} icon={<UploadOutlined />} onClick={() => input.current?.click()}>
        {t('public.files.choose')}
      </Button>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {extra ? `${extra} ` : ''}
        {fileLimitsText(t)}
      </Typography.Text>
      {mine.length > 0 ? (
        <List
          size="small"
          dataSource={mine}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('public.files.removeLabel', { name: f.fileName })}
                  onClick={() => onChange(files.filter((x) => x !== f))}
                >
                  {t('public.files.remove')}
                </Button>,
              ]}
            >
              <PaperClipOutlined /> {f.fileName}（{mb(f.size)}）
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
