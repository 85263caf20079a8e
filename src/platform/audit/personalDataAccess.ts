import { todayInJapan } from '../../domain/time.ts';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';

import { notifyRole } from '../notifications/notify.ts';
import { organizations } from '../org/org.tables.ts';
import { resolveSettings } from '../org/orgSettings.ts';
import type { Actor } from '../policies/actor.ts';
import { auditLog } from './audit.tables.ts';
import { recordAuditEvent } from './auditEvents.ts';

/**
 * Records a read or export of personal-data records (SPEC §3, Toshima 4-8-6 (3)) and raises
 * the bulk-access alert (Toshima 4-8-6 (5)) when the actor's reads and exports within the
 * organization's window exceed its threshold: the PMS manager is notified once per window.
 */
export async function recordPersonalDataAccess(
  tx: Tx,
  actor: Actor,
  access: { action: 'read' | 'export'; entityType: string; entityId?: string | null; rowCount: number; meta?: Record<string, unknown> },
  now: Date,
): Promise<{ alerted: boolean }> {
  await recordAuditEvent(tx, { organizationId: actor.organizationId, actorAccountId: actor.accountId, ...access });
  const [org] = await tx.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, actor.organizationId));
  const settings = resolveSettings(org?.settings);
  const windowStart = new Date(now.getTime() - settings.bulkAccessWindowMinutes * 60_000);
  const [total] = await tx
    .select({ rows: sql<number>`coalesce(sum(${auditLog.rowCount}), 0)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organizationId, actor.organizationId),
        eq(auditLog.actorAccountId, actor.accountId),
        inArray(auditLog.action, ['read', 'export']),
        gte(auditLog.createdAt, windowStart),
      ),
    );
  const rows = total?.rows ?? 0;
  if (rows <= settings.bulkAccessThreshold) return { alerted: false };
  // One alert per actor per window: the window bucket is part of the dedupe key.
  const bucket = Math.floor(now.getTime() / (settings.bulkAccessWindowMinutes * 60_000));
  const sent = await notifyRole(tx, actor.organizationId, 'pms_manager', todayInJapan(now), {
    kind: 'bulk_access_alert',
    title: `大量アクセスの警告: ${actor.personName} さんが${settings.bulkAccessWindowMinutes}分間に${rows}件の個人データを閲覧・出力しました`,
    body: `しきい値 ${settings.bulkAccessThreshold} 件を超えました（行政機関等ガイドライン 4-8-6 (5)「一定量以上の情報がダウンロードされた場合に警告」）。アクセス記録を確認してください。`,
    link: `/audit?actor=${actor.accountId}`,
    urgent: true,
    dedupeKey: `bulk:${actor.accountId}:${bucket}`,
  });
  if (sent > 0) {
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      action: 'alert',
      entityType: 'bulk_access',
      entityId: actor.accountId,
      actorAccountId: actor.accountId,
      meta: { rows, threshold: settings.bulkAccessThreshold },
    });
  }
  return { alerted: sent > 0 };
}
