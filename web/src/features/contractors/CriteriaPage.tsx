import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, FileExcelOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { contractorCriteriaContract as K } from '../../../../src/modules/contractors/contractor-criteria.contract.ts';
import { CRITERIA_LIMITS, criteriaFieldLabels as L } from '../../../../src/modules/contractors/contractor-criteria.labels.ts';
import { saveCriteriaDraftBody } from '../../../../src/modules/contractors/contractor-criteria.schema.ts';
import { ApiError, api, download } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { VersionHistory } from '../../components/VersionHistory.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDate } from '../../lib/dates.ts';
import { type CriteriaSubmitted, type CriteriaVersion, contractorKeys, criteriaKeys, pathOf, useCriteria } from './api.ts';
import { useCriteriaText } from './criteriaMessages.ts';

const statusColors: Record<CriteriaVersion['status'], string> = { draft: 'default', pending: 'gold', approved: 'green', superseded: 'default' };

type EditedItem = { key: number; code: string; text: string; coversOthers: boolean };

/** The changes of a version from the one it was started from (評価項目の追加・削除・文言の変更). */
function Changes({ version }: { version: CriteriaVersion }) {
  const cr = useCriteriaText();
  if (!version.changesFrom) return null;
  if (version.changes.length === 0) return <Typography.Text type="secondary">{cr('cr.noChanges')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {version.changes.map((c) => (
        <li key={`${c.kind}-${c.code}`}>
          <Tag color={c.kind === 'added' ? 'blue' : c.kind === 'removed' ? 'red' : 'gold'}>{c.label}</Tag>
          {c.code}{' '}
          {c.kind === 'reworded' ? (
            <>
              <Typography.Text delete>{c.previousText}</Typography.Text> → {c.currentText}
            </>
          ) : (
            (c.currentText ?? c.previousText)
          )}
        </li>
      ))}
    </ul>
  );
}

/** The items of a version, in order. */
function ItemsTable({ version, testId }: { version: CriteriaVersion; testId: string }) {
  const cr = useCriteriaText();
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={version.items}
      data-testid={testId}
      columns={[
        { title: L.code, dataIndex: 'code', width: 70 },
        {
          title: L.text,
          dataIndex: 'text',
          render: (text: string, item) => (
            <>
              {text}
              {item.coversOthers ? (
                <Tag style={{ marginInlineStart: 8 }} color="blue">
                  {cr('cr.covers')}
                </Tag>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

/** The draft editor: name, source and the items (add, remove, reorder, reword), with each row's error beside it. */
function CriteriaEditor({ start, versionLabel, onClose }: { start: CriteriaVersion; versionLabel: string; onClose: () => void }) {
  const cr = useCriteriaText();
  const tc = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [name, setName] = useState(start.name);
  const [source, setSource] = useState(start.source);
  const [nextKey, setNextKey] = useState(start.items.length);
  const [items, setItems] = useState<EditedItem[]>(() => start.items.map((i, index) => ({ key: index, ...i })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (key: number, patch: Partial<EditedItem>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const move = (index: number, by: -1 | 1) =>
    setItems((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  const add = () => {
    // A new item gets the next free number; the person may change it.
    const numbers = items.map((i) => Number(i.code)).filter((n) => Number.isInteger(n));
    setItems((all) => [...all, { key: nextKey, code: String(numbers.length ? Math.max(...numbers) + 1 : all.length + 1), text: '', coversOthers: false }]);
    setNextKey((k) => k + 1);
  };

  const showErrors = (fields: { path: string; message: string }[], fallback: string) => {
    setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
    setError(fields.length > 0 ? fields.map((f) => f.message).join(' / ') : fallback);
  };

  const save = async (): Promise<boolean> => {
    setError(null);
    setErrors({});
    const body = { name, source, items: items.map(({ code, text, coversOthers }) => ({ code, text, coversOthers })) };
    const parsed = saveCriteriaDraftBody.safeParse(body);
    if (!parsed.success) {
      showErrors(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        tc('common.loadFailed'),
      );
      return false;
    }
    try {
      await api.put(pathOf(K.saveDraft), body);
      await queryClient.invalidateQueries({ queryKey: criteriaKeys.all });
      return true;
    } catch (e) {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setError(errorMessage(e, tc));
      return false;
    }
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={cr('cr.editorTitle', { version: versionLabel })} style={{ marginBottom: 16 }} data-testid="cr-editor">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="cr-error" /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <label htmlFor="cr-name">{L.name}</label>
          <Input id="cr-name" value={name} count={{ max: CRITERIA_LIMITS.name }} onChange={(e) => setName(e.target.value)} status={errors.name ? 'error' : undefined} />
        </div>
        <div>
          <label htmlFor="cr-source">{L.source}</label>
          <Input id="cr-source" value={source} count={{ max: CRITERIA_LIMITS.source }} onChange={(e) => setSource(e.target.value)} />
        </div>
        <Typography.Text strong>{L.items}</Typography.Text>
        {items.map((item, index) => {
          const n = index + 1;
          const codeError = errors[`items.${index}.code`];
          const textError = errors[`items.${index}.text`];
          return (
            <div key={item.key} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }} data-testid={`cr-item-${n}`}>
              <Space align="start" wrap style={{ width: '100%' }}>
                <Input
                  aria-label={`${cr('cr.item', { n })} ${L.code}`}
                  value={item.code}
                  onChange={(e) => change(item.key, { code: e.target.value })}
                  style={{ width: 72 }}
                  status={codeError ? 'error' : undefined}
                  data-testid={`cr-item-code-${n}`}
                />
                <Input.TextArea
                  aria-label={`${cr('cr.item', { n })} ${L.text}`}
                  value={item.text}
                  onChange={(e) => change(item.key, { text: e.target.value })}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  style={{ width: 560, maxWidth: '70vw' }}
                  status={textError ? 'error' : undefined}
                  data-testid={`cr-item-text-${n}`}
                />
                <Checkbox checked={item.coversOthers} onChange={(e) => change(item.key, { coversOthers: e.target.checked })} data-testid={`cr-item-covers-${n}`}>
                  {cr('cr.covers')}
                </Checkbox>
                <Button icon={<ArrowUpOutlined />} aria-label={cr('cr.up', { n })} disabled={index === 0} onClick={() => move(index, -1)} />
                <Button icon={<ArrowDownOutlined />} aria-label={cr('cr.down', { n })} disabled={index === items.length - 1} onClick={() => move(index, 1)} />
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={cr('cr.remove', { n })}
                  danger
                  onClick={() => setItems((all) => all.filter((i) => i.key !== item.key))}
                  data-testid={`cr-item-remove-${n}`}
                />
              </Space>
              {codeError || textError ? (
                <Typography.Text type="danger" style={{ display: 'block' }}>
                  {[codeError, textError].filter(Boolean).join(' / ')}
                </Typography.Text>
              ) : null}
            </div>
          );
        })}
        <Button icon={<PlusOutlined />} onClick={add} disabled={items.length >= CRITERIA_LIMITS.items} data-testid="cr-add-item">
          {cr('cr.addItem')}
        </Button>
      </Space>
      <Space style={{ marginTop: 16 }}>
        <Button
          icon={<SaveOutlined />}
          loading={busy}
          data-testid="cr-save"
          onClick={() =>
            run(async () => {
              if (await save()) message.success(cr('cr.saved'));
            })
          }
        >
          {cr('cr.save')}
        </Button>
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy}
          data-testid="cr-submit"
          onClick={() =>
            run(async () => {
              if (!(await save())) return;
              try {
                const r = await api.post<CriteriaSubmitted>(pathOf(K.submitDraft));
                message.success(cr('cr.submitted', { version: r.versionLabel }));
                await queryClient.invalidateQueries({ queryKey: criteriaKeys.all });
                await queryClient.invalidateQueries({ queryKey: contractorKeys.all });
                onClose();
              } catch (e) {
                setError(errorMessage(e, tc));
              }
            })
          }
        >
          {cr('cr.submit')}
        </Button>
        <Button onClick={onClose}>{cr('cr.cancel')}</Button>
      </Space>
    </Card>
  );
}

function Criteria() {
  const cr = useCriteriaText();
  const tc = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useCriteria();
  const [editing, setEditing] = useState(false);
  if (query.error) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  const open = data?.open ?? null;
  const latestNo = data?.versions.find((v) => v.versionNo !== null)?.versionNo ?? 0;
  const discard = async () => {
    try {
      await api.delete(pathOf(K.discardDraft));
      message.success(cr('cr.discarded'));
      await queryClient.invalidateQueries({ queryKey: criteriaKeys.all });
    } catch (e) {
      message.error(errorMessage(e, tc));
    }
  };
  return (
    <>
      <PageHeader
        title={cr('cr.title')}
        lead={cr('cr.lead')}
        extra={
          <>
            <Link to="/contractors" style={{ textDecoration: 'underline', marginInlineEnd: 8 }}>
              {cr('cr.back')}
            </Link>
            <Button
              icon={<FileExcelOutlined />}
              data-testid="cr-export"
              onClick={() => download(pathOf(K.exportXlsx), '委託先の選定・評価基準.xlsx').catch((error: unknown) => message.error(errorMessage(error, tc)))}
            >
              {cr('cr.export')}
            </Button>
            {data?.abilities.edit && open?.status !== 'pending' && !editing ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="cr-edit">
                {open ? cr('cr.editDraft') : cr('cr.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      {data ? (
        <>
          {open && !editing ? (
            <Alert
              type={open.status === 'pending' ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="cr-open"
              title={open.status === 'pending' ? cr('cr.pending', { version: open.versionLabel }) : cr('cr.draft', { version: open.versionLabel })}
              description={open.status === 'pending' ? cr('cr.approvalsHint') : <Changes version={open} />}
              action={
                open.status === 'draft' && data.abilities.edit ? (
                  <Button danger size="small" onClick={discard} data-testid="cr-discard">
                    {cr('cr.discard')}
                  </Button>
                ) : null
              }
            />
          ) : null}
          {editing ? <CriteriaEditor start={open ?? data.current} versionLabel={open?.versionLabel ?? `第${latestNo + 1}版`} onClose={() => setEditing(false)} /> : null}
          <Card
            size="small"
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{cr('cr.current', { name: data.current.name, version: data.current.versionLabel })}</h2>}
            style={{ marginBottom: 16 }}
            data-testid="cr-current"
          >
            {data.current.source ? <Typography.Paragraph type="secondary">{cr('cr.source', { source: data.current.source })}</Typography.Paragraph> : null}
            {data.current.publishedTo !== null ? (
              <Typography.Paragraph type="secondary" data-testid="cr-published-to">
                {cr('cr.publishedTo', { count: data.current.publishedTo })}
              </Typography.Paragraph>
            ) : null}
            <ItemsTable version={data.current} testId="cr-current-items" />
          </Card>
          <VersionHistory<CriteriaVersion>
            title={cr('cr.history')}
            testId="cr-history"
            versions={data.versions}
            rowKey="version"
            expanded={(v) => <ItemsTable version={v} testId={`cr-items-${v.version}`} />}
            changesFromText={(version) => cr('cr.changesFrom', { version })}
            changes={(v) => <Changes version={v} />}
            columns={[
              { title: '状態', dataIndex: 'statusLabel', width: 150, render: (label: string, v) => <Tag color={statusColors[v.status]}>{label}</Tag> },
              { title: L.name, dataIndex: 'name' },
              { title: L.items, width: 90, render: (_: unknown, v) => `${v.items.length}項目` },
              { title: cr('cr.approvedAt'), dataIndex: 'approvedAt', width: 110, render: (at: string | null) => formatDate(at) },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

/** 委託先の選定・評価基準 (J.9.4 s)): the version in force, its history, the draft editor. */
export default function CriteriaPage() {
  return (
    <RequirePermission permission="contractors.read">
      <Criteria />
    </RequirePermission>
  );
}
