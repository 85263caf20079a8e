import { Button, Card, Select, Table, Tag, Typography } from 'antd';
import { useT } from '../i18n/index.tsx';
import type { RegisterImport, RegisterImportReport } from './useRegisterImport.ts';

/** A value to map: not found (no target), or read through the organization's remembered mapping (its target). */
type ValueRow = RegisterImportReport['unknownValues'][number] & { target?: string };

/**
 * 見つからない値の対応付け of every register's import (issue #12; SPEC §3 Imports): the values of
 * reference fields (所属, 保管媒体, 取得方法, 台帳の項目 …) that match nothing registered, each once
 * with the rows that use it, and those read through the organization's earlier mapping (marked
 * 前回の対応付け, changeable). Each is mapped to an existing record or kind, or left unmapped —
 * its rows stay errors and nothing is imported (all or nothing). Nothing when there is nothing to map.
 */
export function ImportValueMapping({ session, onRecheck }: { session: RegisterImport /** 対応付けてもう一度確認: the screen's dry run. */; onRecheck: () => void }) {
  const t = useT();
  const { report, inspected, busy } = session;
  // The mapping chosen so far: field → the value as written → the record or kind.
  const values = session.choice.values;
  if (!report || !inspected) return null;
  if (report.unknownValues.length === 0 && report.rememberedValues.length === 0 && Object.keys(values).length === 0) return null;
  return (
    <Card size="small" type="inner" title={t('import.values')} style={{ marginTop: 16, marginBottom: 12 }} data-testid="import-values">
      <Typography.Paragraph type="secondary">
        {report.unknownValues.length > 0 ? t('import.unknownValues') : null}
        {report.rememberedValues.length > 0 ? ` ${t('import.rememberedLead')}` : ''}
      </Typography.Paragraph>
      <Table<ValueRow>
        size="small"
        rowKey={(u) => `${u.field}:${u.value}`}
        pagination={false}
        dataSource={[...report.unknownValues, ...report.rememberedValues]}
        columns={[
          { title: t('import.fileColumn'), dataIndex: 'column', width: 160 },
          {
            title: t('import.writtenValue'),
            dataIndex: 'value',
            width: 240,
            render: (v: string, u) =>
              u.target ? (
                <>
                  {v} <Tag color="purple">{t('import.source.remembered')}</Tag>
                </>
              ) : (
                v
              ),
          },
          { title: t('import.rows'), dataIndex: 'rows', width: 140, render: (r: number[]) => r.slice(0, 10).join('、') + (r.length > 10 ? '…' : '') },
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
                options={inspected.choices[u.field] ?? []}
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
