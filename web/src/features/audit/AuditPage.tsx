import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { auditContract } from '../../../../src/platform/audit/audit.contract.ts';
import type { QueryOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import { orgContract } from '../../../../src/platform/org/org.contract.ts';
import { api, download, withQuery } from '../../api/client.ts';
import { pathOf, queryKeys } from '../../api/queries.ts';
import { DateRangeInput, errorMessage } from '../../components/form.tsx';
import { FilterBar, PagedTable, usePagedList } from '../../components/ListPage.tsx';
import { PageHeader, RequirePermission } from '../../components/page.tsx';
import { isMessageKey, type MessageKey, type Translate, useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useAbility } from '../../session/session.tsx';

/** A page of the log (GET /api/audit-log), one event, and one column of its diff. */
type AuditPage = ResponseOf<typeof auditContract.log>;
type AuditEntry = AuditPage['items'][number];
type AuditChange = AuditEntry['changes'][number];
type VerifyResult = ResponseOf<typeof auditContract.verify>;

const KNOWN_ACTIONS = [
  'insert',
  'update',
  'delete',
  'login',
  'login_failed',
  'logout',
  'session_expired',
  'read',
  'export',
  'import',
  'approve',
  'return',
  'alert',
  'verify',
] as const;
const KNOWN_ENTITIES = [
  'organizations',
  'departments',
  'people',
  'role_assignments',
  'accounts',
  'sessions',
  'approval_chains',
  'approval_requests',
  'approval_actions',
  'approval_delegations',
  'role_requests',
  'tasks',
  'calendar_items',
  'notifications',
  'audit_log',
  'bulk_access',
] as const;

function label(t: Translate, prefix: 'audit.actions' | 'audit.entities', value: string | null | undefined): string {
  if (!value) return '';
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key as MessageKey) : value;
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

function asObject(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string') {
    try {
      return asObject(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Before/after of one audit row, column by column under the Japanese names the server gives
 * (`changes`, from the audit presenter; secrets arrive as （非表示）), changed columns first and
 * highlighted.
 */
function Diff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  if (entry.changes.length > 0) {
    return (
      <Table<AuditChange>
        size="small"
        rowKey="column"
        pagination={false}
        dataSource={entry.changes}
        rowClassName={(c) => (c.changed ? 'mm-diff-changed' : '')}
        data-testid="audit-diff"
        columns={[
          {
            title: t('audit.field'),
            dataIndex: 'label',
            width: 220,
            render: (label: string, c) => (
              <span title={c.column}>
                {label}
                {c.changed ? (
                  <Tag color="gold" style={{ marginInlineStart: 6 }}>
                    {t('audit.changed')}
                  </Tag>
                ) : null}
              </span>
            ),
          },
          { title: t('audit.before'), dataIndex: 'before', render: (v: unknown) => <pre className="mm-pre">{display(v)}</pre> },
          { title: t('audit.after'), dataIndex: 'after', render: (v: unknown) => <pre className="mm-pre">{display(v)}</pre> },
        ]}
      />
    );
  }
  // Rows without a row image as an object (login, export, alert …) are shown as they come.
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  if (!before && !after) {
    const meta = asObject(entry.meta);
    if (entry.before == null && entry.after == null) {
      if (!meta || Object.keys(meta).length === 0) return <Typography.Text type="secondary">{t('audit.noDiff')}</Typography.Text>;
      // Events without a row image (login, export, alert …) carry their details in `meta`.
      return (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={Object.entries(meta).map(([key, value]) => ({ key, value: display(value) }))}
          columns={[
            { title: t('audit.field'), dataIndex: 'key', width: 200, render: (k: string) => <code>{k}</code> },
            { title: t('common.details'), dataIndex: 'value', render: (v: string) => <pre className="mm-pre">{v}</pre> },
          ]}
        />
      );
    }
    return (
      <Space align="start" size={24}>
        <div>
          <strong>{t('audit.before')}</strong>
          <pre className="mm-pre">{display(entry.before)}</pre>
        </div>
        <div>
          <strong>{t('audit.after')}</strong>
          <pre className="mm-pre">{display(entry.after)}</pre>
        </div>
      </Space>
    );
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  // Changed fields first (the server also lists them in `changedColumns`).
  const rows = keys
    .map((key) => {
      const b = display(before?.[key]);
      const a = display(after?.[key]);
      return { key, before: b, after: a, changed: b !== a || entry.changedColumns.includes(key) };
    })
    .sort((x, y) => Number(y.changed) - Number(x.changed));
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed ? 'mm-diff-changed' : '')}
      columns={[
        { title: t('audit.field'), dataIndex: 'key', width: 200, render: (k: string) => <code>{k}</code> },
        { title: t('audit.before'), dataIndex: 'before', render: (v: string) => <pre className="mm-pre">{v}</pre> },
        { title: t('audit.after'), dataIndex: 'after', render: (v: string) => <pre className="mm-pre">{v}</pre> },
      ]}
    />
  );
}

type Filters = { actorAccountId: string | null; action: string; entityType: string; from: string | null; to: string | null };

function AuditScreen() {
  const t = useT();
  const { message } = App.useApp();
  const canListAccounts = useAbility('accounts.manage');
  // The bulk-access alert links here with `?actor=<account>`: the review starts filtered on that account.
  const [params] = useSearchParams();
  const list = usePagedList<Filters>(() => ({ actorAccountId: params.get('actor') || null, action: '', entityType: '', from: null, to: null }));
  const { filters, update, page, pageSize } = list;
  const [exporting, setExporting] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<{ ok: boolean; text: string; detail?: string } | null>(null);

  const accounts = useQuery({
    queryKey: queryKeys.accounts,
    queryFn: async () => (await api.get<ResponseOf<typeof orgContract.accounts>>(pathOf(orgContract.accounts))).items,
    enabled: canListAccounts,
  });
  const query: QueryOf<typeof auditContract.exportLog> = {
    actorAccountId: filters.actorAccountId,
    action: filters.action.trim(),
    entityType: filters.entityType.trim(),
    from: filters.from,
    to: filters.to,
  };
  // Reading the log adds an event to it: later pages use the first page's snapshot so they do not shift.
  const [snapshot, setSnapshot] = useState<number | null>(null);
  const log = useQuery({
    queryKey: queryKeys.audit({ ...query, page, pageSize, snapshot: page > 1 ? snapshot : null }),
    queryFn: async () => {
      const result = await api.get<AuditPage>(withQuery(pathOf(auditContract.log), { ...query, page, pageSize, snapshot: page > 1 ? snapshot : null }));
      if (page === 1) setSnapshot(result.snapshot);
      return result;
    },
    placeholderData: (previous) => previous,
  });

  const exportExcel = async () => {
    setExporting(true);
    try {
      await download(withQuery(pathOf(auditContract.exportLog), query), '監査証跡.xlsx');
    } catch (error) {
      message.error(`${t('common.downloadFailed')}: ${errorMessage(error, t)}`);
    } finally {
      setExporting(false);
    }
  };

  const runVerify = async () => {
    setVerifying(true);
    try {
      const result = await api.get<VerifyResult>(pathOf(auditContract.verify));
      setVerify(
        result.ok
          ? { ok: true, text: t('audit.verifyOk', { count: result.rows }) }
          : { ok: false, text: t('audit.verifyNg'), detail: result.firstBreak ? `#${result.firstBreak.chainSeq}: ${result.firstBreak.reason}` : undefined },
      );
    } catch (error) {
      setVerify({ ok: false, text: errorMessage(error, t) });
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        lead={t('audit.lead')}
        extra={
          <>
            <Button icon={<SafetyOutlined />} onClick={runVerify} loading={verifying} data-testid="audit-verify">
              {t('audit.verify')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={exportExcel} loading={exporting} data-testid="audit-export">
              {t('common.exportExcel')}
            </Button>
          </>
        }
      />
      {verify ? (
        <Alert
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => setVerify(null)}
          title={verify.text}
          description={verify.detail}
          style={{ marginBottom: 16 }}
          data-testid="audit-verify-result"
        />
      ) : null}
      <FilterBar>
        {canListAccounts ? (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.actor')}
            aria-label={t('audit.actor')}
            value={filters.actorAccountId ?? undefined}
            onChange={(v) => update({ actorAccountId: v ?? null })}
            options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.personName}（${a.loginId}）` }))}
            style={{ width: 260 }}
          />
        ) : filters.actorAccountId ? (
          <Tag closable onClose={() => update({ actorAccountId: null })}>
            {t('audit.actor')}: {filters.actorAccountId.slice(0, 8)}…
          </Tag>
        ) : null}
        <AutoComplete
          allowClear
          placeholder={t('audit.action')}
          aria-label={t('audit.action')}
          value={filters.action}
          onChange={(v) => update({ action: v ?? '' })}
          options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${label(t, 'audit.actions', a)}（${a}）` }))}
          style={{ width: 200 }}
        />
        <AutoComplete
          allowClear
          placeholder={t('audit.entityType')}
          aria-label={t('audit.entityType')}
          value={filters.entityType}
          onChange={(v) => update({ entityType: v ?? '' })}
          options={KNOWN_ENTITIES.map((e) => ({ value: e, label: `${label(t, 'audit.entities', e)}（${e}）` }))}
          style={{ width: 200 }}
        />
        <DateRangeInput label={t('audit.period')} from={filters.from} to={filters.to} onChange={(range) => update(range)} />
      </FilterBar>
      <PagedTable<AuditEntry>
        list={list}
        query={log}
        size="small"
        expandable={{ expandedRowRender: (entry) => <Diff entry={entry} />, rowExpandable: () => true }}
        columns={[
          { title: t('audit.seq'), dataIndex: 'chainSeq', width: 80, align: 'right' },
          { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: t('audit.actor'),
            dataIndex: 'actorName',
            width: 130,
            render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 130,
            render: (v: string) => (
              <Tag color={v === 'login_failed' || v === 'delete' || v === 'alert' ? 'red' : v === 'export' || v === 'read' ? 'orange' : 'default'}>
                {label(t, 'audit.actions', v)}
              </Tag>
            ),
          },
          {
            title: t('audit.entityType'),
            dataIndex: 'entityType',
            width: 140,
            render: (v: string | null, row) => (v && isMessageKey(`audit.entities.${v}`) ? label(t, 'audit.entities', v) : row.entityLabel),
          },
          { title: t('audit.rowCount'), dataIndex: 'rowCount', width: 70, align: 'right', render: (v: number | null) => (v ? v.toLocaleString() : '') },
          { title: t('audit.summary'), dataIndex: 'summary', ellipsis: true },
        ]}
      />
    </>
  );
}

/** 監査証跡: filters, before/after diff, Excel export and the hash-chain verification (Toshima 4-8-6 (3)). */
export default function AuditPage() {
  return (
    <RequirePermission permission="audit.read">
      <AuditScreen />
    </RequirePermission>
  );
}
