import { DeleteOutlined, EditOutlined, FileWordOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { specialClauseTemplatesContract as P } from '../../../../src/modules/contractors/special-clause-templates.contract.ts';
import { templateFieldLabels as L } from '../../../../src/modules/contractors/special-clause-templates.labels.ts';
import { type SaveTemplateBody, saveTemplateBody } from '../../../../src/modules/contractors/special-clause-templates.schema.ts';
import { TEMPLATE_LIMITS } from '../../../../src/rules/contractors/specialClauseTemplate.ts';
import { ApiError, api, download } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDate } from '../../lib/dates.ts';
import { contractorKeys, pathOf, type TemplateVersion, templateKeys, useSpecialClauseTemplate } from './api.ts';
import { useTemplateText } from './templateMessages.ts';

/** The J.9.4 3 items a version no longer covers (a warning: the version is saved). */
function MissingItems({ version }: { version: TemplateVersion }) {
  const tp = useTemplateText();
  if (version.missingItems.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="tp-missing"
      title={tp('tp.missing')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {version.missingItems.map((i) => (
            <li key={i.code}>
              {i.clause} {i.text}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** What changed from the version before: each title or paragraph with the removed and added characters. */
function Changes({ version }: { version: TemplateVersion }) {
  const tp = useTemplateText();
  if (!version.changesFrom) return null;
  if (version.changes.length === 0) return <Typography.Text type="secondary">{tp('tp.noChanges')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`tp-changes-${version.versionLabel}`}>
      {version.changes.map((c) => (
        <li key={`${c.where}-${c.field}-${c.paragraph ?? 0}`}>
          <Typography.Text strong>
            {c.where} {c.field === 'title' ? tp('tp.heading') : tp('tp.paragraph', { n: c.paragraph ?? 0 })}
          </Typography.Text>
          <div>
            {c.parts.map((p, i) =>
              p.removed ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never reorder
                <del key={i} style={{ background: '#fff1f0' }}>
                  {p.value}
                </del>
              ) : p.added ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never reorder
                <ins key={i} style={{ background: '#f6ffed' }}>
                  {p.value}
                </ins>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never reorder
                <span key={i}>{p.value}</span>
              ),
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Every article with its variants, read-only. */
function Articles({ version, testId }: { version: TemplateVersion; testId: string }) {
  const tp = useTemplateText();
  return (
    <Collapse
      size="small"
      data-testid={testId}
      items={version.articles.map((a) => ({
        key: a.key,
        label: (
          <Space wrap>
            {a.name}
            {a.clauses.map((c) => (
              <Tag key={c}>{c}</Tag>
            ))}
            {a.onlyWithSpecificPersonalInfo ? <Tag color="purple">{tp('tp.onlySpecific')}</Tag> : null}
          </Space>
        ),
        children: a.variants.map((v) => (
          <div key={v.code} style={{ marginBottom: 8 }}>
            {v.label ? <Tag color="blue">{v.label}</Tag> : null}
            <Typography.Text strong>（{v.title}）</Typography.Text>
            {v.paragraphs.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are numbered by their place
              <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                {v.paragraphs.length > 1 ? `${i + 1}　` : ''}
                {p}
              </Typography.Paragraph>
            ))}
          </div>
        )),
      }))}
    />
  );
}

const bodyOf = (v: TemplateVersion): SaveTemplateBody => ({
  title: v.title,
  note: '',
  articles: v.articles.map((a) => ({ key: a.key, variants: a.variants.map((x) => ({ code: x.code, title: x.title, paragraphs: [...x.paragraphs] })) })),
});

/** The editor: every article's variants (heading and paragraphs); saving makes the next version. */
function TemplateEditor({ start, versionLabel, onClose }: { start: TemplateVersion; versionLabel: string; onClose: () => void }) {
  const tp = useTemplateText();
  const tc = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const form = useForm<SaveTemplateBody>({ defaultValues: bodyOf(start) });
  const leave = useFormLeaveGuard(form);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const articles = form.watch('articles');

  const showErrors = (fields: { path: string; message: string }[], fallback: string) => {
    setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
    setError(fields.length > 0 ? fields.map((f) => f.message).join(' / ') : fallback);
  };

  const save = async () => {
    setError(null);
    setErrors({});
    const body = form.getValues();
    const parsed = saveTemplateBody.safeParse(body);
    if (!parsed.success) {
      showErrors(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        tc('common.loadFailed'),
      );
      return;
    }
    setBusy(true);
    try {
      const saved = await api.put<TemplateVersion>(pathOf(P.save), body);
      leave.saved();
      if (saved.missingItems.length > 0) message.warning(tp('tp.savedWithWarning', { version: saved.versionLabel }));
      else message.success(tp('tp.saved', { version: saved.versionLabel }));
      await queryClient.invalidateQueries({ queryKey: templateKeys.all });
      await queryClient.invalidateQueries({ queryKey: contractorKeys.all });
      onClose();
    } catch (e) {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setError(errorMessage(e, tc));
    } finally {
      setBusy(false);
    }
  };

  const errorUnder = (prefix: string) =>
    Object.entries(errors)
      .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
      .map(([, m]) => m);

  return (
    <Card size="small" title={tp('tp.editorTitle', { version: versionLabel })} style={{ marginBottom: 16 }} data-testid="tp-editor">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="tp-error" /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <label htmlFor="tp-doc-title">{L.title}</label>
          <Controller
            control={form.control}
            name="title"
            render={({ field }) => (
              <Input id="tp-doc-title" {...field} count={{ max: TEMPLATE_LIMITS.title }} status={errors.title ? 'error' : undefined} data-testid="tp-doc-title" />
            )}
          />
        </div>
        <div>
          <label htmlFor="tp-note">{L.note}</label>
          <Controller
            control={form.control}
            name="note"
            render={({ field }) => <Input id="tp-note" {...field} value={field.value ?? ''} count={{ max: TEMPLATE_LIMITS.note }} data-testid="tp-note" />}
          />
        </div>
        {articles.map((article, ai) => {
          const name = start.articles[ai]?.name ?? article.key;
          return (
            <Card key={article.key} size="small" type="inner" title={name} data-testid={`tp-article-${article.key}`}>
              {article.variants.map((variant, vi) => {
                const base = `articles.${ai}.variants.${vi}` as const;
                const label = start.articles[ai]?.variants[vi]?.label ?? '';
                const messages = errorUnder(base);
                return (
                  <div key={variant.code} style={{ marginBottom: 12 }} data-testid={`tp-variant-${article.key}-${variant.code}`}>
                    {label ? <Tag color="blue">{label}</Tag> : null}
                    <Controller
                      control={form.control}
                      name={`${base}.title`}
                      render={({ field }) => (
                        <Input
                          {...field}
                          aria-label={`${name}${label ? `「${label}」` : ''}の${tp('tp.heading')}`}
                          addonBefore={tp('tp.heading')}
                          count={{ max: TEMPLATE_LIMITS.articleTitle }}
                          style={{ margin: '4px 0' }}
                        />
                      )}
                    />
                    {variant.paragraphs.map((_, pi) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are numbered by their place
                      <Space key={pi} align="start" style={{ width: '100%', marginBottom: 4 }}>
                        <Controller
                          control={form.control}
                          name={`${base}.paragraphs.${pi}`}
                          render={({ field }) => (
                            <Input.TextArea
                              {...field}
                              aria-label={`${name}${label ? `「${label}」` : ''}の${tp('tp.paragraph', { n: pi + 1 })}`}
                              autoSize={{ minRows: 2, maxRows: 10 }}
                              count={{ max: TEMPLATE_LIMITS.paragraph }}
                              status={errors[`${base}.paragraphs.${pi}`] ? 'error' : undefined}
                              style={{ width: 720, maxWidth: '70vw' }}
                              data-testid={`tp-p-${article.key}-${variant.code}-${pi + 1}`}
                            />
                          )}
                        />
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={tp('tp.removeParagraph', { n: pi + 1 })}
                          danger
                          onClick={() =>
                            form.setValue(
                              `${base}.paragraphs`,
                              form.getValues(`${base}.paragraphs`).filter((__, i) => i !== pi),
                              { shouldDirty: true },
                            )
                          }
                        />
                      </Space>
                    ))}
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      disabled={variant.paragraphs.length >= TEMPLATE_LIMITS.paragraphs}
                      onClick={() => form.setValue(`${base}.paragraphs`, [...form.getValues(`${base}.paragraphs`), ''], { shouldDirty: true })}
                    >
                      {tp('tp.addParagraph')}
                    </Button>
                    {messages.length > 0 ? (
                      <Typography.Text type="danger" style={{ display: 'block' }} data-testid={`tp-error-${article.key}-${variant.code}`}>
                        {messages.join(' / ')}
                      </Typography.Text>
                    ) : null}
                  </div>
                );
              })}
            </Card>
          );
        })}
      </Space>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={save} data-testid="tp-save">
          {tp('tp.save')}
        </Button>
        <Button
          onClick={() => {
            form.reset(bodyOf(start));
            onClose();
          }}
        >
          {tp('tp.cancel')}
        </Button>
      </Space>
    </Card>
  );
}

function Template() {
  const tp = useTemplateText();
  const tc = useT();
  const { message } = App.useApp();
  const query = useSpecialClauseTemplate();
  const [editing, setEditing] = useState(false);
  if (query.error) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  const nextNo = (data?.current.versionNo ?? 0) + 1;
  return (
    <>
      <PageHeader
        title={tp('tp.title')}
        lead={tp('tp.lead')}
        extra={
          <>
            <Link to="/contractors" style={{ textDecoration: 'underline', marginInlineEnd: 8 }}>
              {tp('tp.back')}
            </Link>
            <Button
              icon={<FileWordOutlined />}
              data-testid="tp-export"
              onClick={() =>
                download(pathOf(P.exportDocx), `特記事項のひな型_${data?.current.versionLabel ?? ''}.docx`).catch((error: unknown) => message.error(errorMessage(error, tc)))
              }
            >
              {tp('tp.export')}
            </Button>
            {data?.abilities.edit && !editing ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="tp-edit">
                {tp('tp.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      {data ? (
        <>
          <Typography.Paragraph type="secondary">{tp('tp.placeholders', { list: data.placeholders.join('') })}</Typography.Paragraph>
          {editing ? <TemplateEditor start={data.current} versionLabel={`第${nextNo}版`} onClose={() => setEditing(false)} /> : null}
          <Card
            size="small"
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{tp('tp.current', { version: data.current.versionLabel })}</h2>}
            style={{ marginBottom: 16 }}
            data-testid="tp-current"
          >
            <MissingItems version={data.current} />
            <Articles version={data.current} testId="tp-current-articles" />
          </Card>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{tp('tp.history')}</h2>} data-testid="tp-history">
            <Table<TemplateVersion>
              size="small"
              rowKey="versionLabel"
              pagination={false}
              dataSource={data.versions}
              expandable={{ expandedRowRender: (v) => <Articles version={v} testId={`tp-articles-${v.versionLabel}`} /> }}
              columns={[
                { title: '版', dataIndex: 'versionLabel', width: 80 },
                { title: tp('tp.savedAt'), dataIndex: 'createdAt', width: 110, render: (at: string | null) => formatDate(at) },
                { title: tp('tp.savedBy'), dataIndex: 'createdByName', width: 120, render: (n: string | null) => n ?? '' },
                { title: L.note, dataIndex: 'note' },
                {
                  title: tp('tp.items'),
                  width: 160,
                  render: (_: unknown, v) => (v.missingItems.length === 0 ? tp('tp.none') : v.missingItems.map((i) => i.clause).join('、')),
                },
                {
                  title: '変更',
                  render: (_: unknown, v) => (
                    <>
                      {v.changesFrom ? <Typography.Text type="secondary">{tp('tp.changesFrom', { version: v.changesFrom })}</Typography.Text> : null}
                      <Changes version={v} />
                    </>
                  ),
                },
              ]}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}

/** 特記事項のひな型 (自社のひな型, issue 13): the version in use, its history with diffs, the editor. */
export default function TemplatePage() {
  return (
    <RequirePermission permission="contractors.read">
      <Template />
    </RequirePermission>
  );
}
