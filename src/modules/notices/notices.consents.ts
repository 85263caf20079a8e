import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { todayInJapan } from '../../domain/time.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import type { consentResponse } from './notices.responses.ts';
import type { recordConsentBody, withdrawConsentBody } from './notices.schema.ts';
import { noticeConsents, noticeTemplates, noticeVersions } from './notices.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// 同意記録 (J.8.5 1: 書面によって本人の同意を得る): a consent always points to the exact published
// version the person saw; the person is stored encrypted; a withdrawal records its date and channel.

type ConsentView = z.output<typeof consentResponse>;

function present(row: typeof noticeConsents.$inferSelect, versionNo: number): ConsentView {
  return {
    id: row.id,
    versionId: row.versionId,
    versionNo,
    subject: row.subject,
    channel: row.channel,
    consentedOn: row.consentedOn,
    withdrawnOn: row.withdrawnOn,
    withdrawalChannel: row.withdrawalChannel,
  };
}

async function assertTemplate(tx: Tx, organizationId: string, id: string): Promise<void> {
  const [row] = await tx
    .select({ id: noticeTemplates.id })
    .from(noticeTemplates)
    .where(and(eq(noticeTemplates.organizationId, organizationId), eq(noticeTemplates.id, id)));
  if (!row) throw notFound('通知文');
}

/** 同意記録の一覧 of a notice, newest first. */
export async function listConsents(tx: Tx, actor: Actor, templateId: string): Promise<{ items: ConsentView[] }> {
  await assertTemplate(tx, actor.organizationId, templateId);
  const rows = await tx
    .select({ consent: noticeConsents, versionNo: noticeVersions.versionNo })
    .from(noticeConsents)
    .innerJoin(noticeVersions, eq(noticeVersions.id, noticeConsents.versionId))
    .where(and(eq(noticeConsents.organizationId, actor.organizationId), eq(noticeConsents.templateId, templateId)))
    .orderBy(desc(noticeConsents.consentedOn), desc(noticeConsents.createdAt));
  return { items: rows.map((r) => present(r.consent, r.versionNo)) };
}

/** 同意記録の登録: only against a published version of this notice (a draft was never shown to anyone). */
export async function recordConsent(tx: Tx, actor: Actor, templateId: string, input: z.output<typeof recordConsentBody>, now: Date): Promise<ConsentView> {
  await assertTemplate(tx, actor.organizationId, templateId);
  // A consent is a fact already obtained (J.8.5 1 本人の同意を得る): a day after today cannot be one.
  if (input.consentedOn > todayInJapan(now)) throw invalid('consentedOn', `同意日（${displayDate(input.consentedOn)}）が今日より後になっています`);
  const [version] = await tx
    .select()
    .from(noticeVersions)
    .where(and(eq(noticeVersions.organizationId, actor.organizationId), eq(noticeVersions.templateId, templateId), eq(noticeVersions.id, input.versionId)));
  if (!version) throw invalid('versionId', '同意した通知文の版が見つかりません');
  if (version.status !== 'published') throw invalid('versionId', '同意した通知文の版は公開済みの版を選んでください（下書きには同意できません）');
  const [row] = await tx
    .insert(noticeConsents)
    .values({ organizationId: actor.organizationId, templateId, ...input, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('consent insert returned nothing');
  return present(row, version.versionNo);
}

/** 同意の撤回: once, on or after the day of consent. */
export async function withdrawConsent(tx: Tx, actor: Actor, id: string, input: z.output<typeof withdrawConsentBody>, now: Date): Promise<ConsentView> {
  const [found] = await tx
    .select({ consent: noticeConsents, versionNo: noticeVersions.versionNo })
    .from(noticeConsents)
    .innerJoin(noticeVersions, eq(noticeVersions.id, noticeConsents.versionId))
    .where(and(eq(noticeConsents.organizationId, actor.organizationId), eq(noticeConsents.id, id)))
    .for('update');
  if (!found) throw notFound('同意記録');
  if (found.consent.withdrawnOn) throw conflict(`この同意は${displayDate(found.consent.withdrawnOn)}に撤回済みです`, 'already_withdrawn');
  if (input.withdrawnOn > todayInJapan(now)) throw invalid('withdrawnOn', `撤回日（${displayDate(input.withdrawnOn)}）が今日より後になっています`);
  if (input.withdrawnOn < found.consent.consentedOn) throw invalid('withdrawnOn', `撤回日が同意日（${displayDate(found.consent.consentedOn)}）より前になっています`);
  const [row] = await tx
    .update(noticeConsents)
    .set({ withdrawnOn: input.withdrawnOn, withdrawalChannel: input.channel, updatedAt: now })
    .where(eq(noticeConsents.id, id))
    .returning();
  if (!row) throw notFound('同意記録');
  return present(row, found.versionNo);
}
