import { z } from 'zod';

// Response shapes of 自社のひな型 (issue 13). Pure (zod only): the contract and the web import them.

export const templateVariantResponse = z.object({
  code: z.string(),
  /** 「禁止」「制限（甲の承認による）」; empty for an article without variants. */
  label: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
});

export const templateArticleResponse = z.object({
  key: z.string(),
  /** 「第4条（目的外利用）」. */
  name: z.string(),
  /** The J.9.4 3 items the article carries (「J.9.4 3 c)」). */
  clauses: z.array(z.string()),
  /** Composed only when 特定個人情報 is entrusted. */
  onlyWithSpecificPersonalInfo: z.boolean(),
  variants: z.array(templateVariantResponse),
});

/** One changed title or paragraph from the version before (jsdiff, character by character). */
export const templateChangeResponse = z.object({
  articleKey: z.string(),
  where: z.string(),
  field: z.enum(['title', 'paragraph']),
  paragraph: z.number().int().nullable(),
  previousText: z.string().nullable(),
  currentText: z.string().nullable(),
  parts: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
});

/** A J.9.4 3 item the version no longer covers (contract clause check, §5.5). */
export const templateMissingItemResponse = z.object({ code: z.string(), clause: z.string(), text: z.string() });

export const templateVersionResponse = z.object({
  id: z.uuid().nullable(),
  versionNo: z.number().int().nullable(),
  /** 第2版 / 既定. */
  versionLabel: z.string(),
  title: z.string(),
  note: z.string(),
  createdAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  articles: z.array(templateArticleResponse),
  /** Changes from the version before (null for 既定). */
  changesFrom: z.string().nullable(),
  changes: z.array(templateChangeResponse),
  /** J.9.4 3 items not covered (a warning: see docs/modules/contractors.md). */
  missingItems: z.array(templateMissingItemResponse),
});

/** 自社のひな型: the version in use (the newest), and every version newest first (既定 last). */
export const templateListResponse = z.object({
  current: templateVersionResponse,
  versions: z.array(templateVersionResponse),
  placeholders: z.array(z.string()),
  abilities: z.object({ edit: z.boolean() }),
});
