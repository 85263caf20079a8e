import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, FileWordOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { specialClauseTemplatesContract as P } from '../../../../src/modules/contractors/special-clause-templates.contract.ts';
import { templateFieldLabels as L } from '../../../../src/modules/contractors/special-clause-templates.labels.ts';
import { type SaveTemplateBody, saveTemplateBody } from '../../../../src/modules/contractors/special-clause-templates.schema.ts';
import {
  articleClauseItems,
  articleNameAt,
  builtInArticleTitle,
  defaultEditableArticles,
  type EditableArticle,
  newCustomArticleKey,
  SINGLE_VARIANT,
  TEMPLATE_LIMITS,
  templateClauseCheck,
  templateSetOf,
  variantName,
} from '../../../../src/rules/contractors/specialClauseTemplate.ts';
import { templateReferenceWarnings } from '../../../../src/rules/contractors/specialClauseTemplateReferences.ts';
import { ApiError, api, download } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { VersionHistory } from '../../components/VersionHistory.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDate } from '../../lib/dates.ts';
import { contractorKeys, pathOf, type TemplateVersion, templateKeys, useSpecialClauseTemplate } from './api.ts';
import { handledInfoHint, useTemplateText } from './templateMessages.ts';

/** Warnings on a version (it is saved all the same): one alert, one line each. */
function WarningList({ title, lines, testId }: { title: string; lines: readonly { key: string; text: string }[]; testId: string }) {
  if (lines.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={testId}
      title={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {lines.map((l) => (
            <li key={l.key}>{l.text}</li>
          ))}
        </ul>
      }
    />
  );
}

/** The J.9.4 3 items a version no longer covers (a warning: the version is saved). */
function MissingItems({ items, testId = 'tp-missing' }: { items: readonly { code: string; clause: string; text: string }[]; testId?: string }) {
  const tp = useTemplateText();
  return <WarningList title={tp('tp.missing')} lines={items.map((i) => ({ key: i.code, text: `${i.clause} ${i.text}` }))} testId={testId} />;
}

/** 「第N条」 in the wording that no longer points where it did (a warning: the wording is never rewritten). */
function ReferenceWarnings({ warnings, testId = 'tp-references' }: { warnings: readonly { message: string }[]; testId?: string }) {
  const tp = useTemplateText();
  return <WarningList title={tp('tp.references')} lines={warnings.map((w) => ({ key: w.message, text: w.message }))} testId={testId} />;
}

const articleChangeColors = { added: 'blue', removed: 'red', moved: 'gold' } as const;

/** What changed from the version before: each title or paragraph with the removed and added characters. */
function Changes({ version }: { version: TemplateVersion }) {
  const tp = useTemplateText();
  if (!version.changesFrom) return null;
  if (version.changes.length === 0 && version.articleChanges.length === 0) return <Typography.Text type="secondary">{tp('tp.noChanges')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`tp-changes-${version.versionLabel}`}>
      {version.articleChanges.map((c) => (
        <li key={`${c.kind}-${c.articleKey}`} data-testid={`tp-article-change-${c.articleKey}`}>
          <Tag color={articleChangeColors[c.kind]}>{c.label}</Tag>
          <Typography.Text strong>{c.where}</Typography.Text>
          {c.kind === 'moved' ? <Typography.Text> {tp('tp.movedFrom', { from: c.previousNumber ?? 0, to: c.currentNumber ?? 0 })}</Typography.Text> : null}
          {c.kind === 'moved' ? null : (
            <div style={{ whiteSpace: 'pre-wrap' }}>
              {c.kind === 'removed' ? <del style={{ background: '#fff1f0' }}>{c.text}</del> : <ins style={{ background: '#f6ffed' }}>{c.text}</ins>}
            </div>
          )}
        </li>
      ))}
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
            {a.custom ? <Tag>{tp('tp.custom')}</Tag> : null}
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

/** The editor: every article's variants (heading and paragraphs), added articles, order; saving makes the next version. */
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
  const startArticles = bodyOf(start).articles;
  // Previewed as the server will judge the version: the J.9.4 3 check over the whole set, and 「第N条」
  // references whose article moved or went (the wording is never rewritten).
  const liveMissing = templateClauseCheck(templateSetOf(articles, { name: '', title: '', source: '' })).map((i) => ({ code: i.code, clause: i.clause, text: i.text }));
  const liveReferences = templateReferenceWarnings(startArticles, articles);
  const removedBuiltIn = defaultEditableArticles.filter((d) => !articles.some((a) => a.key === d.key));

  const showErrors = (fields: { path: string; message: string }[], fallback: string) => {
    setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
    setError(fields.length > 0 ? fields.map((f) => f.message).join(' / ') : fallback);
  };

  /** A change of the articles' order or set: errors name articles by their place, so they are cleared. */
  const restructure = (next: EditableArticle[], focusId?: string) => {
    form.setValue('articles', next, { shouldDirty: true });
    setErrors({});
    setError(null);
    if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...form.getValues('articles')];
    const [article] = next.splice(index, 1);
    if (!article) return;
    next.splice(index + by, 0, article);
    // Keyboard users keep their place: the focus follows the article (the other button at either end).
    const to = index + by;
    const atEnd = (by === -1 && to === 0) || (by === 1 && to === next.length - 1);
    restructure(next, `tp-${(by === -1) === !atEnd ? 'up' : 'down'}-${article.key}`);
  };
  const addArticle = () => {
    const all = form.getValues('articles');
    const key = newCustomArticleKey([...startArticles, ...all].map((a) => a.key));
    restructure([...all, { key, variants: [{ code: SINGLE_VARIANT, title: '', paragraphs: [''] }] }], `tp-title-${key}`);
  };
  /** A removed built-in article back, as the version being edited had it (else as the built-in set has it). */
  const restore = (article: EditableArticle) => {
    // Back where the built-in set has it: right after the last article that comes before it there.
    const all = form.getValues('articles');
    const order = defaultEditableArticles.map((a) => a.key);
    const own = order.indexOf(article.key);
    const after = all.findLastIndex((a) => order.indexOf(a.key) !== -1 && order.indexOf(a.key) < own);
    const next = [...all];
    next.splice(after + 1, 0, structuredClone(article) as EditableArticle);
    restructure(next, `tp-title-${article.key}`);
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
      if (saved.missingItems.length > 0 || saved.referenceWarnings.length > 0) message.warning(tp('tp.savedWithWarning', { version: saved.versionLabel }));
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
        <Typography.Text type="secondary">{tp('tp.structureHint', { max: TEMPLATE_LIMITS.articles })}</Typography.Text>
        {articles.map((article, ai) => {
          const name = articleNameAt(articles, ai);
          const custom = builtInArticleTitle(article.key) === undefined;
          const articleErrors = [...errorUnder(`articles.${ai}.key`), ...(errors[`articles.${ai}.variants`] ? [errors[`articles.${ai}.variants`] as string] : [])];
          return (
            <Card
              key={article.key}
              size="small"
              type="inner"
              title={
                <Space wrap>
                  <span>{name}</span>
                  {custom ? <Tag>{tp('tp.custom')}</Tag> : null}
                  {(articleClauseItems[article.key] ?? []).map((i) => (
                    <Tag key={i.code}>{i.clause}</Tag>
                  ))}
                </Space>
              }
              extra={
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={tp('tp.up', { name })}
                    disabled={ai === 0}
                    onClick={() => move(ai, -1)}
                    id={`tp-up-${article.key}`}
                    data-testid={`tp-up-${article.key}`}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={tp('tp.down', { name })}
                    disabled={ai === articles.length - 1}
                    onClick={() => move(ai, 1)}
                    id={`tp-down-${article.key}`}
                    data-testid={`tp-down-${article.key}`}
                  />
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={tp('tp.removeArticle', { name })}
                    disabled={articles.length <= 1}
                    onClick={() => restructure(form.getValues('articles').filter((a) => a.key !== article.key))}
                    data-testid={`tp-remove-${article.key}`}
                  />
                </Space>
              }
              data-testid={`tp-article-${article.key}`}
            >
              {articleErrors.length > 0 ? (
                <Typography.Text type="danger" style={{ display: 'block' }} data-testid={`tp-article-error-${article.key}`}>
                  {articleErrors.join(' / ')}
                </Typography.Text>
              ) : null}
              {article.variants.map((variant, vi) => {
                const base = `articles.${ai}.variants.${vi}` as const;
                const label = variantName(variant.code);
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
                          id={vi === 0 ? `tp-title-${article.key}` : undefined}
                          aria-label={`${name}${label ? `「${label}」` : ''}の${tp('tp.heading')}`}
                          addonBefore={tp('tp.heading')}
                          count={{ max: TEMPLATE_LIMITS.articleTitle }}
                          status={errors[`${base}.title`] ? 'error' : undefined}
                          style={{ margin: '4px 0' }}
                          data-testid={`tp-title-${article.key}-${variant.code}`}
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
                          aria-label={`${name}の${tp('tp.removeParagraph', { n: pi + 1 })}`}
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
                      aria-label={`${name}${label ? `「${label}」` : ''}に${tp('tp.addParagraph')}`}
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
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={addArticle} disabled={articles.length >= TEMPLATE_LIMITS.articles} data-testid="tp-add-article">
            {tp('tp.addArticle', { n: articles.length + 1 })}
          </Button>
          {removedBuiltIn.map((a) => (
            <Button key={a.key} icon={<UndoOutlined />} onClick={() => restore(startArticles.find((x) => x.key === a.key) ?? a)} data-testid={`tp-restore-${a.key}`}>
              {tp('tp.restore', { name: builtInArticleTitle(a.key) ?? a.key })}
            </Button>
          ))}
        </Space>
        <MissingItems items={liveMissing} testId="tp-live-missing" />
        <ReferenceWarnings warnings={liveReferences} testId="tp-live-references" />
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
          <Typography.Paragraph type="secondary">
            {tp('tp.placeholders', { list: data.placeholders.join('') })}
            <span data-testid="tp-handled-info">{handledInfoHint(tp, data.current.handledInfoArticle, data.current.versionLabel)}</span>
          </Typography.Paragraph>
          {editing ? <TemplateEditor start={data.current} versionLabel={`第${nextNo}版`} onClose={() => setEditing(false)} /> : null}
          <Card
            size="small"
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{tp('tp.current', { version: data.current.versionLabel })}</h2>}
            style={{ marginBottom: 16 }}
            data-testid="tp-current"
          >
            <MissingItems items={data.current.missingItems} />
            <ReferenceWarnings warnings={data.current.referenceWarnings} />
            <Articles version={data.current} testId="tp-current-articles" />
          </Card>
          <VersionHistory<TemplateVersion>
            title={tp('tp.history')}
            testId="tp-history"
            versions={data.versions}
            rowKey="versionLabel"
            expanded={(v) => <Articles version={v} testId={`tp-articles-${v.versionLabel}`} />}
            changesFromText={(version) => tp('tp.changesFrom', { version })}
            changes={(v) => <Changes version={v} />}
            columns={[
              { title: tp('tp.savedAt'), dataIndex: 'createdAt', width: 110, render: (at: string | null) => formatDate(at) },
              { title: tp('tp.savedBy'), dataIndex: 'createdByName', width: 120, render: (n: string | null) => n ?? '' },
              { title: L.note, dataIndex: 'note' },
              {
                title: tp('tp.items'),
                width: 160,
                render: (_: unknown, v) => (v.missingItems.length === 0 ? tp('tp.none') : v.missingItems.map((i) => i.clause).join('、')),
              },
            ]}
          />
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
