import { z } from 'zod';
import { defineContract, fileResponse, pageResponse } from '../http/contract.ts';
import { auditLogFilter, auditLogQuery } from './auditLog.schema.ts';

// 監査証跡ビューア (SPEC §3 Audit trail, Toshima 4-8-6 (3) アクセス記録の分析): every route with
// its response. Pure (zod only): the SPA and the test client take their types here.

/** One column of an event's before/after images, under its Japanese name; secrets arrive as （非表示）. */
export const auditChangeResponse = z.object({
  column: z.string(),
  label: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** Whether the value differs (always true for the columns of an insert or a delete). */
  changed: z.boolean(),
});

/** One audit event as the review screen shows it (auditLog.presenter.ts). */
export const auditLogItemResponse = z.object({
  id: z.number().int(),
  /** The event's number in the organization's hash chain (1, 2, 3 … without gaps). */
  chainSeq: z.number().int(),
  at: z.iso.datetime(),
  actorAccountId: z.uuid().nullable(),
  /** The actor's name; システム for an event without an actor. */
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  /** The record type in Japanese (the platform's or the owning module's `auditLabels`). */
  entityLabel: z.string(),
  entityId: z.string().nullable(),
  rowCount: z.number().int(),
  /** A short Japanese sentence, e.g. 従業者「佐藤 花子」を更新（氏名・所属）. */
  summary: z.string(),
  changedColumns: z.array(z.string()),
  /** Column by column with Japanese labels, changed first. */
  changes: z.array(auditChangeResponse),
  before: z.unknown(),
  after: z.unknown(),
  meta: z.unknown(),
});

/** A page of the log, with the keys for stable paging while new events keep arriving. */
export const auditLogPageResponse = pageResponse(auditLogItemResponse).extend({
  /** Pass as `cursor` to get the next page (null on the last page). */
  nextCursor: z.number().int().nullable(),
  /** The newest chainSeq when the first page was read; pass back as `snapshot` for stable pages. */
  snapshot: z.number().int(),
});

/** The verification of this organization's hash chain: where it first breaks, if anywhere. */
export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  chains: z.number().int(),
  firstBreak: z.object({ organizationId: z.uuid(), chainSeq: z.number().int(), id: z.number().int().nullable(), reason: z.string() }).nullable(),
});

export const auditContract = defineContract({
  log: {
    method: 'GET',
    path: '/api/audit-log',
    access: 'audit.read',
    summary: '監査証跡・アクセス記録の検索（閲覧は記録されます）',
    query: auditLogQuery,
    response: auditLogPageResponse,
  },
  exportLog: {
    method: 'GET',
    path: '/api/audit-log/export.xlsx',
    access: 'audit.read',
    summary: '監査証跡の出力（.xlsx・絞り込み条件どおり・出力は記録されます）',
    query: auditLogFilter,
    response: fileResponse,
  },
  verify: { method: 'GET', path: '/api/audit-log/verify', access: 'audit.read', summary: 'この組織の監査証跡のハッシュチェーンを検証', response: auditVerifyResponse },
});
