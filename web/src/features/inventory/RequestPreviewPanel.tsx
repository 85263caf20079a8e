import { Card, Typography } from 'antd';
import { DutyList, FindingList } from './components.tsx';
import { useText } from './messages.ts';
import type { useRequestForm } from './useRequestForm.ts';

/** The rule engines' findings and duties for the proposed content, kept in view beside the form. */
export function RequestPreviewPanel({ preview }: { preview: ReturnType<typeof useRequestForm>['preview'] }) {
  const tx = useText();
  return (
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
  );
}
