import { Button, Card, Select, Table, Tag, Typography } from 'antd';
import { useT } from '../i18n/index.tsx';
import { CREATE_NEW, type RegisterImport, type RegisterImportReport } from './useRegisterImport.ts';

/** A value to map: not found (no target), or read through the organization's remembered mapping (its target). */
type ValueRow = RegisterImportReport['unknownValues'][number] & { target?: string; create?: true };

const rowList = (rows: number[]) => rows.slice(0, 10).join('、') + (rows.length > 10 ? '…' : '');

/**
 * 見つからない値の対応付け of every register's import (issue #12; SPEC §3 Imports): the values of
 * reference fields (所属, 保管媒体, 取得方法, 台帳の項目 …) that match nothing registered, each once
 * with the rows that use it, and those read through the organization's earlier mapping (marked
 * 前回の対応付け, changeable). Each is mapped to an existing record or kind, or left unmapped —
 * its rows stay errors and nothing is imported (all or nothing) — or, for a 所属 when the caller
 * may create 所属 (the inspection's `creatable`), created as a new one (「新しい所属として作る」,
 * listed as 新規作成 by the next check). Nothing when there is nothing to map.
 */
export function ImportValueMapping({ session, onRecheck }: { session: RegisterImport /** 対応付けてもう一度確認: the screen's dry run. */; onRecheck: () => void }) {
  const t = useT();
  const { report, inspected, busy } = session;
  // The mapping chosen so far: field → the value as written → the record or kind.
  const values = session.choice.values;
  if (!report || !inspected) return null;
  const created = report.createdValues;
  if (report.unknownValues.length === 0 && report.rememberedValues.length === 0 && created.length === 0 && Object.keys(values).length === 0) return null;
  const optionsOf = (field: string) => [
    ...(inspected.creatable.includes(field) ? [{ value: CREATE_NEW, label: t('import.createDepartment') }] : []),
    ...(inspected.choices[field] ?? []),
  ];
  return (
    <Card size="small" type="inner" title={t('import.values')} style={{ marginTop: 16, marginBottom: 12 }} data-testid="import-values">
      <Typography.Paragraph type="secondary">
        {report.unknownValues.length > 0 ? t('import.unknownValues') : null}
        {report.rememberedValues.length > 0 ? ` ${t('import.rememberedLead')}` : ''}
      </Typography.Paragraph>
      {created.length > 0 ? (
        <div data-testid="import-created-values" style={{ marginBottom: 8 }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {report.dryRun ? t('import.createdLead') : t('import.createdDone')}
          </Typography.Paragraph>
          {created.map((c) => (
            <div key={`${c.field}:${c.value}`}>{t('import.willCreate', { value: c.value, rows: rowList(c.rows) })}</div>
          ))}
        </div>
      ) : null}
      <Table<ValueRow>
        size="small"
        rowKey={(u) => `${u.field}:${u.value}`}
        pagination={false}
        dataSource={[...report.unknownValues, ...created.map((c) => ({ ...c, target: CREATE_NEW, create: true as const })), ...report.rememberedValues]}
        columns={[
          { title: t('import.fileColumn'), dataIndex: 'column', width: 160 },
          {
            title: t('import.writtenValue'),
            dataIndex: 'value',
            width: 240,
            render: (v: string, u) =>
              u.create ? (
                <>
                  {v} <Tag color="green">{t('import.createdTag')}</Tag>
                </>
              ) : u.target ? (
                <>
                  {v} <Tag color="purple">{t('import.source.remembered')}</Tag>
                </>
              ) : (
                v
              ),
          },
          { title: t('import.rows'), dataIndex: 'rows', width: 140, render: rowList },
          {
            title: t('import.mapTo'),
            key: 'target',
            render: (_: unknown, u) => (
              <Select
                style={{ width: 280 }}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('import.leaveAsError')}
                value={values[u.field]?.[u.value] ?? u.target}
                disabled={busy !== null}
                aria-label={t('import.mapOf', { value: u.value })}
                data-testid={`import-map-${u.field}-${u.value}`}
                options={optionsOf(u.field)}
                onChange={(target?: string) => session.mapValue(u.field, u.value, target)}
              />
            ),
          },
        ]}
      />
      <Button style={{ marginTop: 8 }} loading={busy === 'dry'} disabled={busy !== null && busy !== 'dry'} onClick={onRecheck} data-testid="import-recheck">
        {t('import.recheck')}
      </Button>
    </Card>
  );
}
