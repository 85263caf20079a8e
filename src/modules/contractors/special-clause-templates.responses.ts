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
  /** 「第4条（目的外利用）」, numbered by the article's place in the version. */
  name: z.string(),
  /** An article the organization added (plain: one text, no variants). */
  custom: z.boolean(),
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

/** An article added, removed or moved from the version before (条の追加・削除・移動). */
export const templateArticleChangeResponse = z.object({
  kind: z.enum(['added', 'removed', 'moved']),
  /** 「条の追加」「条の削除」「条の移動」. */
  label: z.string(),
  articleKey: z.string(),
  /** 「第16条（秘密保持）」: the newer version's number, the older's for a removed article. */
  where: z.string(),
  previousNumber: z.number().int().nullable(),
  currentNumber: z.number().int().nullable(),
  text: z.string(),
});

/** A 「第N条」「前条」 in the wording that no longer means the article it did (moved, removed) or means none. */
export const templateReferenceWarningResponse = z.object({ articleKey: z.string(), message: z.string() });

/** A J.9.4 3 item the version no longer covers (contract clause check, §5.5). */
export const templateMissingItemResponse = z.object({ code: z.string(), clause: z.string(), text: z.string() });

/** The article that lists 取り扱う個人情報 (第2条 of the built-in set). */
export const templateHandledInfoArticleResponse = z.object({
  title: z.string(),
  /** 第N条 in the version (and in a document when 特定個人情報 is entrusted). */
  number: z.number().int(),
  /** 第N条 in a document without 特定個人情報 (that article left out, a later one moves up). */
  numberWithoutSpecificPersonalInfo: z.number().int(),
});

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
  /** Articles added, removed or moved from the version before. */
  articleChanges: z.array(templateArticleChangeResponse),
  changes: z.array(templateChangeResponse),
  /** 「第N条」 references to check (a warning: the wording is never rewritten). */
  referenceWarnings: z.array(templateReferenceWarningResponse),
  /** J.9.4 3 items not covered (a warning: see docs/modules/contractors.md). */
  missingItems: z.array(templateMissingItemResponse),
  /**
   * Where 取り扱う個人情報 (filled from the 委託先's linked 台帳 entries) stands in the documents made from
   * the version: the article's heading and 第N条, with and without the 特定個人情報 article before it.
   * Null when the version removed the article: its documents then do not list 取り扱う個人情報.
   */
  handledInfoArticle: templateHandledInfoArticleResponse.nullable(),
});

/** 自社のひな型: the version in use (the newest), and every version newest first (既定 last). */
export const templateListResponse = z.object({
  current: templateVersionResponse,
  versions: z.array(templateVersionResponse),
  placeholders: z.array(z.string()),
  abilities: z.object({ edit: z.boolean() }),
});
