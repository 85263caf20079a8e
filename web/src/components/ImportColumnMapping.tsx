import { Alert, Button, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { type MessageKey, useT } from '../i18n/index.tsx';
import type { RegisterImport, RegisterInspection } from './useRegisterImport.ts';

type Column = RegisterInspection['columns'][number];

const confidenceKey: Record<NonNullable<Column['confidence']>, MessageKey> = {
  exact: 'import.confidence.exact',
  normalized: 'import.confidence.normalized',
  partial: 'import.confidence.partial',
};

/** The tag beside a column's field: where the choice came from, or how sure the dictionary is. */
function ColumnSource({ column }: { column: Column }) {
  const t = useT();
  if (column.source === 'chosen') return <Tag color="blue">{t('import.source.chosen')}</Tag>;
  // 取込の記憶 (issue #12): the heading was mapped so in an earlier import; still changeable.
  if (column.source === 'remembered')
    return (
      <Tag color="purple" data-testid={`import-remembered-${column.header}`}>
        {t('import.source.remembered')}
      </Tag>
    );
  if (column.field === null && column.suggested !== null && column.confidence === 'partial') return <Tag color="gold">{t('import.confidence.partialSuggested')}</Tag>;
  if (column.confidence) return <Tag color={column.confidence === 'exact' ? 'green' : 'cyan'}>{t(confidenceKey[column.confidence])}</Tag>;
  return <Tag>{t('import.confidence.none')}</Tag>;
}

/** The first data row's cell under each heading (the sheet's preview), shown beside the field. */
function samplesOf(inspected: RegisterInspection): Map<string, string> {
  const preview = inspected.sheets.find((s) => s.index === inspected.sheet.index);
  const first = preview?.rows.find((r) => r.row > inspected.headerRow);
  return new Map(inspected.headers.map((h, i) => [h, first?.cells[i] ?? '']));
}

/**
 * 列の対応付け of every register's import (issue #12; the 台帳's page and the other registers'
 * dialog): each heading of the file with the field it fills, how that was found (the dictionary's
 * exact or normalized match, the organization's earlier choice, this choice) and its first value;
 * another field is one click away, and a partial match — never applied unseen — is offered as one
 * button. Below: the required fields the header lacks, two columns on one field, and which unmapped
 * columns are kept on each record as 取込時の追加情報.
 */
export function ImportColumnMapping({ session }: { session: RegisterImport }) {
  const t = useT();
  const { inspected } = session;
  if (!inspected) return null;
  const disabled = session.busy !== null;
  // A heading's field chosen ('' = 取り込まない).
  const onColumn = session.chooseColumn;
  const fieldOptions = [
    { value: '', label: t('import.notImported') },
    ...inspected.fields.map((f) => ({ value: f.key, label: f.required ? `${f.header}（${t('import.required')}）` : f.header })),
  ];
  const fieldHeader = (key: string) => inspected.fields.find((f) => f.key === key)?.header ?? key;
  const samples = samplesOf(inspected);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('import.columnsLead')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="header"
        pagination={false}
        dataSource={inspected.columns}
        data-testid="import-columns"
        columns={[
          { title: t('import.fileHeading'), dataIndex: 'header', width: 220 },
          {
            title: t('import.field'),
            key: 'field',
            width: 300,
            render: (_: unknown, c: Column) => (
              <Select
                style={{ width: 280 }}
                value={c.field ?? ''}
                options={fieldOptions}
                disabled={disabled}
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('import.fieldOf', { heading: c.header })}
                data-testid={`import-column-${c.header}`}
                onChange={(field?: string) => onColumn(c.header, field ?? '')}
              />
            ),
          },
          {
            title: t('import.how'),
            key: 'how',
            width: 260,
            render: (_: unknown, c: Column) => (
              <Space size={4} wrap>
                <ColumnSource column={c} />
                {c.field === null && c.suggested ? (
                  <Button size="small" type="link" disabled={disabled} onClick={() => onColumn(c.header, c.suggested ?? '')} data-testid={`import-accept-${c.header}`}>
                    {t('import.acceptSuggestion', { field: fieldHeader(c.suggested) })}
                  </Button>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('import.sample'),
            key: 'sample',
            render: (_: unknown, c: Column) => <Typography.Text type="secondary">{samples.get(c.header) ?? ''}</Typography.Text>,
          },
        ]}
      />
      {inspected.missingColumns.length ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('import.missingColumns', { columns: inspected.missingColumns.join('・') })} data-testid="import-missing" />
      ) : null}
      {inspected.columnProblems.map((p) => (
        <Alert key={p} type="warning" showIcon style={{ marginTop: 8 }} title={p} data-testid="import-column-problem" />
      ))}
      {inspected.keepableColumns.length > 0 ? (
        // 取込時の追加情報 (issue #12): the unmapped columns kept on each record, as written.
        <div style={{ marginTop: 12 }} data-testid="import-keep">
          <Typography.Text strong>{t('import.keep')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('import.keepLead')}
          </Typography.Paragraph>
          <Checkbox.Group
            value={session.choice.keep ?? inspected.keptColumns}
            disabled={disabled}
            onChange={(v) => session.setKeep(v as string[])}
            options={inspected.keepableColumns.map((c) => ({ value: c, label: c }))}
          />
        </div>
      ) : null}
    </>
  );
}
