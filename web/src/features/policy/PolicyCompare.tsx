import { Col, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { diffLines } from '../../../../src/rules/notices/versions.ts';
import { LineDiff } from '../../components/LineDiff.tsx';
import { formatDate } from '../../lib/dates.ts';
import type { PolicyVersion } from './api.ts';

// 改訂の比較: two versions of one policy, line by line (the rules' diffLines, jsdiff), with the J.2.2 2 a)〜h) check
// of each — what a revision added or took away, for the 個人情報保護管理者 and トップマネジメント.

/** The fields a reader compares besides the text (J.2.2 2 f)・g)), as lines. */
function linesOf(v: PolicyVersion): string {
  return [
    v.body,
    '',
    `トップマネジメントの氏名: ${v.topManagementName ?? '（未記入）'}`,
    `制定年月日: ${formatDate(v.establishedOn) || '（未記入）'}`,
    `最終改正年月日: ${formatDate(v.lastRevisedOn) || '（未記入）'}`,
  ].join('\n');
}

function CheckOf({ version }: { version: PolicyVersion }) {
  return (
    <div data-testid={`policy-compare-check-${version.versionNo}`}>
      <Typography.Text strong>{`第${version.versionNo}版の J.2.2 2 の検査`}</Typography.Text>
      {version.check.missing.length === 0 ? (
        <div>
          <Tag color="green">a)〜h) すべて記載あり</Tag>
        </div>
      ) : (
        <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
          {version.check.missing.map((i) => (
            <li key={i.code}>{`${i.clause} ${i.text} が記載されていません`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PolicyCompare({ kind, versions }: { kind: string; versions: PolicyVersion[] }) {
  const [olderId, setOlderId] = useState<string | undefined>();
  const [newerId, setNewerId] = useState<string | undefined>();
  if (versions.length < 2) return null;
  const older = versions.find((v) => v.id === olderId) ?? versions[1];
  const newer = versions.find((v) => v.id === newerId) ?? versions[0];
  if (!older || !newer) return null;
  const lines = diffLines(linesOf(older), linesOf(newer));
  const options = versions.map((v) => ({ value: v.id, label: `第${v.versionNo}版（${v.statusLabel}）` }));
  const added = lines.filter((l) => l.op === 'added').length;
  const removed = lines.filter((l) => l.op === 'removed').length;
  return (
    <section style={{ marginTop: 24 }} data-testid={`policy-compare-${kind}`} aria-label="改訂の比較">
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        改訂の比較
      </Typography.Title>
      <Space wrap style={{ display: 'flex', marginBottom: 12 }}>
        <span>比較元</span>
        <Select aria-label="比較元の版" style={{ width: 180 }} value={older.id} onChange={setOlderId} options={options} id={`policy-compare-older-${kind}`} />
        <span>比較先</span>
        <Select aria-label="比較先の版" style={{ width: 180 }} value={newer.id} onChange={setNewerId} options={options} id={`policy-compare-newer-${kind}`} />
        <span>{`追加 ${added} 行・削除 ${removed} 行`}</span>
      </Space>
      <LineDiff lines={lines} testId={`policy-diff-${kind}`} />
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={12}>
          <CheckOf version={older} />
        </Col>
        <Col span={12}>
          <CheckOf version={newer} />
        </Col>
      </Row>
    </section>
  );
}
