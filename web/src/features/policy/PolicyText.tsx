import { Descriptions, Typography } from 'antd';
import { formatDate } from '../../lib/dates.ts';
import type { PolicyVersion } from './api.ts';

/** The published text of a version, as it is shown inside and on the public page. */
export function PolicyText({ version }: { version: Pick<PolicyVersion, 'body' | 'topManagementName' | 'establishedOn' | 'lastRevisedOn'> }) {
  return (
    <>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{version.body}</Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="制定年月日">{formatDate(version.establishedOn)}</Descriptions.Item>
        {version.lastRevisedOn ? <Descriptions.Item label="最終改正年月日">{formatDate(version.lastRevisedOn)}</Descriptions.Item> : null}
        <Descriptions.Item label="トップマネジメント">{version.topManagementName}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
