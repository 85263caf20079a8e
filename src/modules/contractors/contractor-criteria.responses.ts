import { z } from 'zod';
import { criteriaStatuses } from './contractor-criteria.labels.ts';

// Response shapes of 委託先の選定・評価基準 (J.9.4 s)). Pure (zod only): the contract and the web import them.

/** One change between two versions (rules/contractors/criteriaDiff.ts). */
export const criteriaChangeResponse = z.object({
  kind: z.enum(['added', 'removed', 'reworded', 'coverage']),
  /** 評価項目の追加 / 評価項目の削除 / 文言の変更 / 他の項目を代替する扱いの変更. */
  label: z.string(),
  code: z.string(),
  previousText: z.string().nullable(),
  currentText: z.string().nullable(),
});

export const criteriaItemResponse = z.object({ code: z.string(), text: z.string(), coversOthers: z.boolean() });

/** A version of the criteria (the built-in 調査票 has no id and no number: 「既定」). */
export const criteriaVersionResponse = z.object({
  id: z.uuid().nullable(),
  /** The key evaluations and 調査票 record. */
  version: z.string(),
  versionNo: z.number().int().nullable(),
  /** 第2版 / 既定. */
  versionLabel: z.string(),
  name: z.string(),
  source: z.string(),
  items: z.array(criteriaItemResponse),
  status: z.enum(criteriaStatuses),
  statusLabel: z.string(),
  /** The version this one was started from. */
  basedOn: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** Changes from the version it was started from (J.9.4 s) 見直し). */
  changes: z.array(criteriaChangeResponse),
  /** That version's label (null for the built-in 調査票). */
  changesFrom: z.string().nullable(),
  /** How many connected 委託先 were sent 評価基準の改定のお知らせ when it was approved (null: not an approved own version). */
  publishedTo: z.number().int().nullable(),
});

/** 委託先の選定・評価基準: in force, the open draft or pending version, every version newest first. */
export const criteriaListResponse = z.object({
  current: criteriaVersionResponse,
  open: criteriaVersionResponse.nullable(),
  versions: z.array(criteriaVersionResponse),
  abilities: z.object({ edit: z.boolean() }),
});

export const criteriaSubmittedResponse = criteriaVersionResponse.extend({ approvalRequestId: z.uuid() });
