import { Progress, Typography } from 'antd';
import type { ImportProgress } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';

/**
 * 取込の進み具合 of every register's import (issue #12 Scale): the rows read, checked and — on the
 * real run — written, as the import streams them (progress=1). The dry run fills the bar by the
 * rows checked; the real run by the rows checked and written, half each.
 */
export function ImportProgressBar({ progress, dryRun, style }: { progress: ImportProgress; dryRun: boolean; style?: React.CSSProperties }) {
  const t = useT();
  const total = progress.total ?? 0;
  const done = total === 0 ? 0 : dryRun ? progress.validated / total : (progress.validated + progress.written) / (2 * total);
  const n = (rows: number) => rows.toLocaleString('ja-JP');
  const label =
    progress.total === null
      ? t('import.progress.reading')
      : t(dryRun ? 'import.progress.dry' : 'import.progress.run', { parsed: n(progress.parsed), validated: n(progress.validated), written: n(progress.written), total: n(total) });
  return (
    <div style={{ marginBottom: 16, ...style }} data-testid="import-progress" role="status" aria-live="polite">
      <Progress percent={Math.floor(done * 100)} status="active" />
      <Typography.Text type="secondary">{label}</Typography.Text>
    </div>
  );
}
