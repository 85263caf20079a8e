import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { checkRelatedInfoNotice } from '../../rules/notices/relatedInfoNotice.ts';
import { checkNoticeItems } from '../../rules/requiredItems/checkers.ts';
import { entriesReferringToNoticeVersions } from '../inventory/inventory.api.ts';
import { planEdit, publicationBlockers } from '../../rules/notices/versions.ts';
import type { noticeListResponse, noticeResponse } from './notices.responses.ts';
import type { createNoticeBody, saveNoticeDraftBody } from './notices.schema.ts';
import { noticeKindLabels } from './notices.labels.ts';
import { noticeTemplates, noticeVersions } from './notices.tables.ts';

// M6 通知・同意 (J.8.5, J.8.8.4 1): the 通知文テンプレート and their versions. Each function runs in the
// request's tenant transaction; the audit triggers record the change with the actor.

type TemplateRow = typeof noticeTemplates.$inferSelect;
type VersionRow = typeof noticeVersions.$inferSelect;
type NoticeView = z.output<typeof noticeResponse>;

/**
 * The checker the template's kind calls for (SPEC §5.5): J.8.5 1 a)〜h) for a 取得時の通知・同意文書;
 * J.8.8.4 1 for a 個人関連情報 notice, 提供先 1)〜6) or 提供元 1)〜7) as chosen on the template.
 */
function checkOf(template: Pick<TemplateRow, 'kind' | 'relatedParty'>, v: Pick<VersionRow, 'ticked' | 'body' | 'conditions' | 'status'>) {
  const result =
    template.kind === 'related_info'
      ? checkRelatedInfoNotice({ party: template.relatedParty ?? 'recipient', ticked: v.ticked, text: v.body })
      : checkNoticeItems({ ticked: v.ticked, text: v.body, conditions: v.conditions });
  const item = (i: { code: string; clause: string; text: string }) => ({ code: i.code, clause: i.clause, text: i.text });
  return {
    version: result.version,
    missing: result.missing.map(item),
    present: result.present.map((p) => ({ ...item(p.item), by: p.by, keyword: p.keyword ?? null })),
    notApplicable: result.notApplicable.map(item),
    blockers: publicationBlockers(v.status, result),
  };
}

async function findTemplate(tx: Tx, organizationId: string, id: string, forUpdate = false): Promise<TemplateRow> {
  const query = tx
    .select()
    .from(noticeTemplates)
    .where(and(eq(noticeTemplates.organizationId, organizationId), eq(noticeTemplates.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('通知文');
  return row;
}

async function versionsOf(tx: Tx, organizationId: string, templateId: string): Promise<VersionRow[]> {
  return tx
    .select()
    .from(noticeVersions)
    .where(and(eq(noticeVersions.organizationId, organizationId), eq(noticeVersions.templateId, templateId)))
    .orderBy(desc(noticeVersions.versionNo));
}

/** 通知文の詳細: the versions newest first, each with its J.8.5 1 check. */
export async function getNotice(tx: Tx, actor: Actor, id: string): Promise<NoticeView> {
  const template = await findTemplate(tx, actor.organizationId, id);
  const versions = await versionsOf(tx, actor.organizationId, id);
  // 台帳 entries relying on a version (their noticeVersionIds), shown to those who read the 台帳.
  const refs = can(actor, 'inventory.read')
    ? await entriesReferringToNoticeVersions(
        tx,
        actor.organizationId,
        versions.map((v) => v.id),
      )
    : [];
  const versionNo = new Map(versions.map((v) => [v.id, v.versionNo]));
  // A published version stays valid for the consents and 台帳 entries that cite it, but only the newest one is 公開中.
  const current = Math.max(0, ...versions.filter((v) => v.status === 'published').map((v) => v.versionNo));
  return {
    id: template.id,
    title: template.title,
    kind: template.kind,
    kindLabel: noticeKindLabels[template.kind],
    relatedParty: template.kind === 'related_info' ? template.relatedParty : null,
    versions: versions.map((v) => ({
      id: v.id,
      versionNo: v.versionNo,
      status: v.status,
      stateLabel: v.status === 'draft' ? ('下書き' as const) : v.versionNo === current ? ('公開中' as const) : ('改訂済み' as const),
      body: v.body,
      ticked: v.ticked,
      conditions: v.conditions,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      check: checkOf(template, v),
    })),
    inventoryEntries: refs.map((r) => ({ id: r.entryId, name: r.name, versionId: r.versionId, versionNo: versionNo.get(r.versionId) ?? 0 })),
    abilities: { edit: can(actor, 'notices.manage') },
  };
}

/** 通知文テンプレートの一覧. */
export async function listNotices(tx: Tx, actor: Actor): Promise<z.output<typeof noticeListResponse>> {
  const templates = await tx.select().from(noticeTemplates).where(eq(noticeTemplates.organizationId, actor.organizationId)).orderBy(asc(noticeTemplates.title));
  const versions = await tx.select().from(noticeVersions).where(eq(noticeVersions.organizationId, actor.organizationId));
  const items = templates.map((t) => {
    const own = versions.filter((v) => v.templateId === t.id).sort((a, b) => b.versionNo - a.versionNo);
    const latest = own[0];
    const published = own.find((v) => v.status === 'published');
    return {
      id: t.id,
      title: t.title,
      kind: t.kind,
      kindLabel: noticeKindLabels[t.kind],
      latestVersionNo: latest?.versionNo ?? 0,
      publishedVersionNo: published?.versionNo ?? null,
      publishedVersions: own.filter((v) => v.status === 'published').map((v) => ({ id: v.id, versionNo: v.versionNo })),
      missingCount: latest ? checkOf(t, latest).missing.length : 0,
    };
  });
  return { items, canCreate: can(actor, 'notices.manage') };
}

type DraftInput = z.output<typeof saveNoticeDraftBody>;

/** 通知文テンプレートの作成: the template and its 第1版 draft. */
export async function createNotice(tx: Tx, actor: Actor, input: z.output<typeof createNoticeBody>, now: Date): Promise<string> {
  const [template] = await tx
    .insert(noticeTemplates)
    .values({
      organizationId: actor.organizationId,
      title: input.title,
      kind: input.kind,
      relatedParty: input.kind === 'related_info' ? input.relatedParty : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!template) throw new Error('notice template insert returned nothing');
  await tx.insert(noticeVersions).values({
    organizationId: actor.organizationId,
    templateId: template.id,
    versionNo: 1,
    body: input.body ?? '',
    ticked: input.ticked,
    conditions: input.conditions,
    createdAt: now,
    updatedAt: now,
  });
  return template.id;
}

/** 通知文の編集: the open draft changes; a published version never does — the edit opens the next draft. */
export async function saveNoticeDraft(tx: Tx, actor: Actor, id: string, input: DraftInput, now: Date): Promise<void> {
  const template = await findTemplate(tx, actor.organizationId, id, true);
  if (input.title !== undefined && input.title !== template.title) {
    await tx.update(noticeTemplates).set({ title: input.title, updatedAt: now }).where(eq(noticeTemplates.id, template.id));
  }
  // J.8.8.4 1: the party of a 個人関連情報 notice chooses its item list; a J.8.5 notice has none.
  if (input.relatedParty !== undefined && input.relatedParty !== template.relatedParty) {
    if (template.kind !== 'related_info') throw invalid('relatedParty', '同意を取得する主体は、個人関連情報の同意を求める通知（J.8.8.4 1）でだけ選べます');
    if (input.relatedParty === null) throw invalid('relatedParty', '同意を取得する主体（提供先か提供元か）を選んでください（J.8.8.4 1）');
    await tx.update(noticeTemplates).set({ relatedParty: input.relatedParty, updatedAt: now }).where(eq(noticeTemplates.id, template.id));
  }
  const versions = await versionsOf(tx, actor.organizationId, id);
  const plan = planEdit(versions);
  const content = { body: input.body ?? '', ticked: input.ticked, conditions: input.conditions };
  if (plan.kind === 'update_draft') {
    await tx
      .update(noticeVersions)
      .set({ ...content, updatedAt: now })
      .where(and(eq(noticeVersions.templateId, id), eq(noticeVersions.versionNo, plan.versionNo), eq(noticeVersions.status, 'draft')));
  } else {
    await tx.insert(noticeVersions).values({ organizationId: actor.organizationId, templateId: id, versionNo: plan.versionNo, ...content, createdAt: now, updatedAt: now });
  }
}

/** 通知文の公開: the latest draft, only when no J.8.5 1 (or J.8.8.4 1) item is missing (409 naming each one with its clause). */
export async function publishNotice(tx: Tx, actor: Actor, id: string, now: Date): Promise<void> {
  const template = await findTemplate(tx, actor.organizationId, id, true);
  const [latest] = await versionsOf(tx, actor.organizationId, id);
  if (!latest) throw notFound('通知文の版');
  const blockers = checkOf(template, latest).blockers;
  if (blockers.length > 0) throw conflict(`公開できません: ${blockers.join('、')}`, 'notice_incomplete');
  await tx.update(noticeVersions).set({ status: 'published', publishedAt: now, updatedAt: now }).where(eq(noticeVersions.id, latest.id));
}
