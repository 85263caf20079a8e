import { Alert, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { sheetChoiceResponse, sheetPreviewResponse } from '../../../src/platform/imports/imports.schema.ts';
import { useT } from '../i18n/index.tsx';

type SheetPreview = z.output<typeof sheetPreviewResponse>;

/** What the picker needs of an import's inspection (the 台帳's and the 従業者's alike). */
export type InspectedSheets = { sheet: z.output<typeof sheetChoiceResponse>; sheets: SheetPreview[]; headerRow: number };

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The first rows of one sheet; the header row marked, every row clickable to become the header. */
function SheetRows({ sheet, headerRow, onHeaderRow }: { sheet: SheetPreview; headerRow: number | null; onHeaderRow: (row: number) => void }) {
  const tx = useT();
  const width = Math.max(0, ...sheet.rows.map((r) => r.cells.length));
  return (
    <Table
      size="small"
      rowKey="row"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={sheet.rows}
      data-testid={`import-sheet-preview-${sheet.index}`}
      onRow={(r) => ({
        onClick: () => onHeaderRow(r.row),
        style: { cursor: 'pointer', ...(r.row === headerRow ? { background: '#e6f4ff', fontWeight: 600 } : {}) },
        'data-testid': `import-preview-row-${sheet.index}-${r.row}`,
      })}
      columns={[
        {
          title: tx('import.row'),
          dataIndex: 'row',
          width: 72,
          align: 'right',
          render: (row: number) => (row === headerRow ? <Tag color="blue">{tx('import.headerMark')}</Tag> : row),
        },
        ...Array.from({ length: width }, (_, i) => ({
          title: columnLetters(i + 1),
          key: `c${i}`,
          render: (_: unknown, r: SheetPreview['rows'][number]) => <span style={{ whiteSpace: 'nowrap' }}>{r.cells[i] ?? ''}</span>,
        })),
      ]}
    />
  );
}

/**
 * シートの選択 (issue #12; every register's import: the 台帳's and the 従業者's): every sheet of the file with its first 20 rows; the sheet read is the
 * one chosen (or the one whose header matched best, as the server says why); clicking a row reads
 * the sheet again with that row as the header.
 */
export function ImportSheetPicker({
  inspected,
  onSheet,
  onHeaderRow,
}: {
  inspected: InspectedSheets;
  onSheet: (name: string) => void;
  onHeaderRow: (sheetName: string, row: number) => void;
}) {
  const tx = useT();
  // The tab shown: the sheet read, or one being looked at — a sheet without a header found is only
  // shown until the user clicks its header row (reading it at once would just fail).
  const [viewing, setViewing] = useState(inspected.sheet.index);
  useEffect(() => setViewing(inspected.sheet.index), [inspected]);
  return (
    <>
      <Alert type="info" showIcon title={inspected.sheet.message} style={{ marginBottom: 8 }} data-testid="import-sheet-choice" />
      <Typography.Paragraph type="secondary">{tx('import.sheetLead')}</Typography.Paragraph>
      <Tabs
        activeKey={String(viewing)}
        onChange={(key) => {
          const sheet = inspected.sheets.find((s) => String(s.index) === key);
          if (!sheet) return;
          setViewing(sheet.index);
          if (sheet.headerRow !== null) onSheet(sheet.name);
        }}
        data-testid="import-sheets"
        items={inspected.sheets.map((s) => ({
          key: String(s.index),
          label: (
            <span data-testid={`import-sheet-${s.index}`}>
              {s.name}{' '}
              <Tag color={s.headerRow === null ? 'default' : 'green'}>{s.headerRow === null ? tx('import.sheetNoHeader') : tx('import.sheetHeader', { row: s.headerRow })}</Tag>
              <Typography.Text type="secondary">{tx('import.sheetRows', { n: s.rowCount })}</Typography.Text>
            </span>
          ),
          children: <SheetRows sheet={s} headerRow={s.index === inspected.sheet.index ? inspected.headerRow : s.headerRow} onHeaderRow={(row) => onHeaderRow(s.name, row)} />,
        }))}
      />
    </>
  );
}
