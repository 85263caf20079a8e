import { Descriptions, Typography } from 'antd';
import { useT } from '../i18n/index.tsx';

/**
 * 備考 and 取込時の追加情報 of a record (issue #12): the note the import read, and the imported file's
 * columns no field took, heading and value as written. Nothing when the record has neither.
 */
export function ImportExtras({ note, extras, labelWidth = 150 }: { note?: string | null; extras: readonly { heading: string; value: string }[]; labelWidth?: number }) {
  const t = useT();
  if (!note && extras.length === 0) return null;
  return (
    <div style={{ marginTop: 16 }}>
      {note ? (
        <Descriptions column={1} bordered size="small" styles={{ label: { width: labelWidth } }} data-testid="record-note">
          <Descriptions.Item label={t('import.note')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{note}</span>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {extras.length > 0 ? (
        <section aria-label={t('import.extras')} data-testid="record-import-extras" style={{ marginTop: note ? 16 : 0 }}>
          <Typography.Title level={5}>{t('import.extras')}</Typography.Title>
          <Descriptions column={1} bordered size="small" styles={{ label: { width: labelWidth } }}>
            {extras.map((x) => (
              <Descriptions.Item key={`${x.heading}:${x.value}`} label={x.heading}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{x.value}</span>
              </Descriptions.Item>
            ))}
          </Descriptions>
        </section>
      ) : null}
    </div>
  );
}
