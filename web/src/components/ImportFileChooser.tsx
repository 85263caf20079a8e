import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import type { RegisterImport } from './useRegisterImport.ts';

/**
 * The file of an import (issue #12: .xlsx or .csv), one at a time: choosing one drops every choice
 * made for the file before; `readAtOnce` reads it at once (the register dialog) — the 台帳's page
 * reads on its button, with the header row typed.
 */
export function ImportFileChooser({ session, label, readAtOnce }: { session: RegisterImport; label: string; readAtOnce: boolean }) {
  const { file } = session;
  return (
    <Upload
      accept=".xlsx,.csv"
      maxCount={1}
      beforeUpload={(f) => {
        session.chooseFile(f, readAtOnce);
        return false;
      }}
      onRemove={session.removeFile}
      fileList={file ? [{ uid: 'import', name: file.name, status: 'done' }] : []}
    >
      <Button icon={<UploadOutlined />} data-testid="import-choose">
        {label}
      </Button>
    </Upload>
  );
}
