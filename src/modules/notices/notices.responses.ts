import { z } from 'zod';

// Response schemas of M6 通知・同意 (J.8.5).

/** One required item, as the checker names it (clause and the seed's wording). */
export const requiredItemResponse = z.object({ code: z.string(), clause: z.string(), text: z.string() });

/** The check of a version: J.8.5 1 a)〜h), or J.8.8.4 1 for a 個人関連情報 notice. */
export const noticeCheckResponse = z.object({
  version: z.string(),
  missing: z.array(requiredItemResponse),
  present: z.array(requiredItemResponse.extend({ by: z.enum(['ticked', 'text']), keyword: z.string().nullable() })),
  notApplicable: z.array(requiredItemResponse),
  /** Why the version cannot be published, in Japanese (empty when it can). */
  blockers: z.array(z.string()),
});

export const noticeVersionResponse = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  status: z.enum(['draft', 'published']),
  /** As the screen names it: 下書き, 公開中 (the newest published version), 改訂済み (published, then replaced by a later one). */
  stateLabel: z.enum(['下書き', '公開中', '改訂済み']),
  body: z.string(),
  ticked: z.array(z.string()),
  conditions: z.record(z.string(), z.boolean()),
  publishedAt: z.string().nullable(),
  check: noticeCheckResponse,
});

export const noticeResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  /** 取得時の通知・同意文書 (J.8.5) or 個人関連情報の同意を求める通知 (J.8.8.4 1): it chooses the checker. */
  kind: z.enum(['acquisition', 'related_info']),
  kindLabel: z.string(),
  /** J.8.8.4 1: 提供先 (1)〜6)) or 提供元 (1)〜7)); null for a J.8.5 notice. */
  relatedParty: z.enum(['recipient', 'provider']).nullable(),
  /** The newest version first. */
  versions: z.array(noticeVersionResponse),
  /** 台帳 entries that rely on one of its versions (noticeVersionIds), for those who read the 台帳. */
  inventoryEntries: z.array(z.object({ id: z.uuid(), name: z.string(), versionId: z.uuid(), versionNo: z.number().int() })),
  abilities: z.object({ edit: z.boolean() }),
});

export const noticeListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      kind: z.enum(['acquisition', 'related_info']),
      kindLabel: z.string(),
      latestVersionNo: z.number().int(),
      publishedVersionNo: z.number().int().nullable(),
      /** Every published version, newest first (a 台帳 entry refers to one of them). */
      publishedVersions: z.array(z.object({ id: z.uuid(), versionNo: z.number().int() })),
      missingCount: z.number().int(),
    }),
  ),
  canCreate: z.boolean(),
});

export const consentResponse = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  versionNo: z.number().int(),
  subject: z.string(),
  channel: z.enum(['paper', 'web', 'oral']),
  consentedOn: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawalChannel: z.enum(['paper', 'web', 'oral']).nullable(),
});

export const consentListResponse = z.object({ items: z.array(consentResponse) });
