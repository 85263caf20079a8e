import { Card, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';

/** What every versioned record's history row has: its name (「第2版」「既定」) and the version it was changed from. */
export type VersionRow = { versionLabel: string; changesFrom: string | null };

/**
 * 版の履歴: a card with every version of a versioned rule set (委託先の選定・評価基準, 特記事項のひな型 …),
 * newest first. The first column is the version, the last what changed from the version before (the
 * page renders its own kind of change); a row expands to the version's whole content. The page adds
 * its own columns in between (状態, 保存した者 …).
 */
export function VersionHistory<V extends VersionRow>({
  title,
  versions,
  rowKey,
  columns,
  changesFromText,
  changes,
  expanded,
  testId,
}: {
  /** The card's heading (an h2: the page's h1 is the page title). */
  title: string;
  versions: readonly V[];
  rowKey: keyof V & string;
  /** The page's columns between 版 and 変更. */
  columns: TableColumnsType<V>;
  /** 「既定からの変更」: the line above a version's changes. */
  changesFromText: (versionLabel: string) => string;
  /** The changes of one version from the one before. */
  changes: (version: V) => ReactNode;
  /** The whole version, shown when its row is expanded. */
  expanded: (version: V) => ReactNode;
  testId: string;
}) {
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} data-testid={testId}>
      <Table<V>
        size="small"
        rowKey={rowKey}
        pagination={false}
        dataSource={[...versions]}
        expandable={{ expandedRowRender: expanded }}
        columns={[
          { title: '版', dataIndex: 'versionLabel', width: 80 },
          ...columns,
          {
            title: '変更',
            render: (_: unknown, v) => (
              <>
                {v.changesFrom ? <Typography.Text type="secondary">{changesFromText(v.changesFrom)}</Typography.Text> : null}
                {changes(v)}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
