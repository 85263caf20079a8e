import { todayInJapan } from '../../domain/time.ts';
import { z } from 'zod';

import { inOrg, readInOrg } from '../../platform/db/tenancy.ts';
import { datedFilename, PDF_TYPE, sendDownload, XLSX_TYPE } from '../../platform/exports/download.ts';
import { readXlsxUpload } from '../../platform/exports/upload.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { optionalId } from '../../platform/validation/fields.ts';
import { exportLedgerPdf, exportLedgerXlsx } from './inventory.export.ts';
import {
  deleteMapping,
  getMapping,
  importLedger,
  importMappingBody,
  importMappingSchema,
  inspectLedger,
  listMappings,
  readLedgerSheet,
  saveMapping,
  suggestMapping,
} from './inventory.import.ts';
import {
  presentEntryDetail,
  presentEntryListRow,
  presentMapping,
  presentRequestDetail,
  presentRequestListRow,
  presentReview,
  presentReviewListRow,
} from './inventory.presenters.ts';
import { createRequest, getRequestDetail, listRequests, submitRequest, updateRequest } from './inventory.requests.ts';
import './inventory.review.ts';
import { entriesFilterQuery, entriesQuery, idParams, requestBody, requestsQuery, requestUpdateBody, reviewConfirmBody, reviewStartBody, reviewsQuery } from './inventory.schema.ts';
import { entrySummary, getEntryDetail, listEntries } from './inventory.service.ts';
import { confirmReviewItem, getReview, listReviews, startReview, submitReview } from './reviews.service.ts';

const ok = z.object({ ok: z.literal(true) });

const importQuery = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false'], { error: 'dryRun は 1（確認のみ）または 0（取込を実行）で指定してください' }).default('1'),
  headerRow: z.coerce
    .number({ error: '見出し行は数値で指定してください' })
    .int()
    .min(1, { error: '見出し行は1以上で指定してください' })
    .max(20, { error: '見出し行は20行目までです' })
    .default(1),
  /** The column mapping as JSON (`{"name":"名称","department":"部署",…}`), or a saved one by id. */
  mapping: z.string({ error: '対応付けは JSON 文字列で指定してください' }).max(10_000, { error: '対応付けが長すぎます' }).optional(),
  mappingId: optionalId('保存した対応付け'),
});

const inspectQuery = z.object({
  headerRow: z.coerce
    .number({ error: '見出し行は数値で指定してください' })
    .int()
    .min(1, { error: '見出し行は1以上で指定してください' })
    .max(20, { error: '見出し行は20行目までです' })
    .default(1),
});

/** The mapping of an import request: a saved one, the JSON given, or a guess from the headers. */
function mappingFrom(json: string | undefined): Record<string, string> | null {
  if (json === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new HttpError(400, '対応付け（mapping）は JSON で指定してください', 'validation', [{ path: 'mapping', message: '対応付け（mapping）は JSON で指定してください' }]);
  }
  const parsed = importMappingSchema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: ['mapping', ...i.path].join('.'), message: i.message }));
    throw new HttpError(400, fields.map((f) => f.message).join(' / '), 'validation', fields);
  }
  return parsed.data as Record<string, string>;
}

/**
 * 個人情報管理台帳 (SPEC M1): entries, 申請書, history, import/export, yearly review. Thin:
 * validate → authorize (config.access, then the department scope in the service) → one business
 * function in the tenant transaction → present.
 */
export function inventoryRoutes(app: App, deps: Deps): void {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };

  app.get(
    '/api/inventory/entries',
    {
      schema: { tags: ['inventory'], summary: '個人情報管理台帳の一覧（所属・区分・リスク分析の状態で絞り込み、日本語の全文検索、ページ）', querystring: entriesQuery },
      config: { access: 'inventory.read' },
    },
    async (request) => {
      const { today } = clock();
      const r = await readInOrg(deps.database, scopeOf(request), (tx) => listEntries(tx, actorOf(request).organizationId, request.query, today));
      return { ...r, items: r.items.map((row) => presentEntryListRow(row, today)) };
    },
  );

  app.get(
    '/api/inventory/summary',
    { schema: { tags: ['inventory'], summary: '台帳の件数（未分析・要見直し・要配慮・期限経過）' }, config: { access: 'inventory.read' } },
    async (request) => readInOrg(deps.database, scopeOf(request), (tx) => entrySummary(tx, actorOf(request).organizationId, clock().today)),
  );

  app.get(
    '/api/inventory/entries/export.xlsx',
    {
      schema: { tags: ['inventory'], summary: '個人情報管理台帳の出力（.xlsx、J.3.1.1 の項目・取込と同じ列）', querystring: entriesFilterQuery },
      config: { access: 'inventory.read' },
    },
    async (request, reply) => {
      const body = await inOrg(deps.database, scopeOf(request), (tx) => exportLedgerXlsx(tx, actorOf(request), request.query, clock().today));
      return sendDownload(reply, { body, filename: datedFilename('個人情報管理台帳', 'xlsx', deps.now()), contentType: XLSX_TYPE });
    },
  );

  app.get(
    '/api/inventory/entries/ledger.pdf',
    { schema: { tags: ['inventory'], summary: '個人情報管理台帳の PDF（A4 横）', querystring: entriesFilterQuery }, config: { access: 'inventory.read' } },
    async (request, reply) => {
      const c = clock();
      const body = await inOrg(deps.database, scopeOf(request), (tx) => exportLedgerPdf(tx, actorOf(request), request.query, c.today, c.now));
      return sendDownload(reply, { body, filename: datedFilename('個人情報管理台帳', 'pdf', deps.now()), contentType: PDF_TYPE });
    },
  );

  app.get(
    '/api/inventory/entries/:id',
    { schema: { tags: ['inventory'], summary: '台帳の項目の詳細（指摘事項・通知等の義務・廃棄・リスク分析・履歴）', params: idParams }, config: { access: 'inventory.read' } },
    async (request) =>
      presentEntryDetail(await inOrg(deps.database, scopeOf(request), (tx) => getEntryDetail(tx, actorOf(request).organizationId, request.params.id, clock().today))),
  );

  // ---- 申請書 ----

  app.get(
    '/api/inventory/requests',
    { schema: { tags: ['inventory'], summary: '新規取得・変更等申請書の一覧', querystring: requestsQuery }, config: { access: 'inventory.read' } },
    async (request) => ({
      items: (await inOrg(deps.database, scopeOf(request), (tx) => listRequests(tx, actorOf(request), request.query))).map(presentRequestListRow),
    }),
  );

  app.post(
    '/api/inventory/requests',
    {
      schema: { tags: ['inventory'], summary: '新規個人情報取得申請書・個人情報取扱変更等申請書の作成（submit=true で申請。台帳は承認後に登録・変更）', body: requestBody },
      config: { access: 'inventory.request' },
    },
    async (request, reply) => {
      const c = clock();
      const detail = await inOrg(deps.database, scopeOf(request), async (tx) => {
        const id = await createRequest(tx, actorOf(request), request.body, c);
        return getRequestDetail(tx, actorOf(request), id);
      });
      return reply.status(201).send(presentRequestDetail(detail));
    },
  );

  app.get(
    '/api/inventory/requests/:id',
    { schema: { tags: ['inventory'], summary: '申請書の詳細（差分・指摘事項・通知等の義務）', params: idParams }, config: { access: 'inventory.read' } },
    async (request) => presentRequestDetail(await inOrg(deps.database, scopeOf(request), (tx) => getRequestDetail(tx, actorOf(request), request.params.id))),
  );

  app.put(
    '/api/inventory/requests/:id',
    {
      schema: { tags: ['inventory'], summary: '下書き・差戻しの申請書の修正（submit=true で申請）', params: idParams, body: requestUpdateBody },
      config: { access: 'inventory.request' },
    },
    async (request) => {
      const c = clock();
      return presentRequestDetail(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await updateRequest(tx, actorOf(request), request.params.id, request.body, c);
          return getRequestDetail(tx, actorOf(request), request.params.id);
        }),
      );
    },
  );

  app.post(
    '/api/inventory/requests/:id/submit',
    { schema: { tags: ['inventory'], summary: '申請書の申請（所属長 → 個人情報保護管理者）', params: idParams }, config: { access: 'inventory.request' } },
    async (request) => {
      const c = clock();
      return presentRequestDetail(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await submitRequest(tx, actorOf(request), request.params.id, c);
          return getRequestDetail(tx, actorOf(request), request.params.id);
        }),
      );
    },
  );

  // ---- 取込 ----

  app.post(
    '/api/inventory/import/inspect',
    {
      schema: { tags: ['inventory'], summary: 'Excel台帳の読込（見出し・先頭行・対応付けの候補。何も登録しません）', querystring: inspectQuery },
      config: { access: 'inventory.manage' },
    },
    async (request) => {
      const upload = await readXlsxUpload(request);
      const sheet = await readLedgerSheet(upload.body, request.query.headerRow);
      const result = await inOrg(deps.database, scopeOf(request), (tx) => inspectLedger(tx, actorOf(request).organizationId, sheet));
      return { ...result, fileName: upload.filename, mappings: result.mappings.map(presentMapping) };
    },
  );

  app.post(
    '/api/inventory/import',
    {
      schema: {
        tags: ['inventory'],
        summary: 'Excel台帳の取込（multipart の file 欄）。dryRun=1 は全行のエラーを確認するだけ、dryRun=0 は全行が正しいときだけ登録',
        querystring: importQuery,
      },
      config: { access: 'inventory.manage' },
    },
    async (request, reply) => {
      const c = clock();
      const dryRun = request.query.dryRun === '1' || request.query.dryRun === 'true';
      const upload = await readXlsxUpload(request);
      const report = await inOrg(deps.database, scopeOf(request), async (tx) => {
        const saved = request.query.mappingId ? await getMapping(tx, actorOf(request).organizationId, request.query.mappingId) : null;
        const sheet = await readLedgerSheet(upload.body, saved?.headerRow ?? request.query.headerRow);
        const mapping = saved?.mapping ?? mappingFrom(request.query.mapping) ?? suggestMapping(sheet.headers);
        if (!mapping.name || !mapping.department) {
          throw new HttpError(400, '「個人情報の名称」と「所管部署」の列を対応付けてください', 'validation', [
            { path: 'mapping', message: '「個人情報の名称」と「所管部署」の列を対応付けてください' },
          ]);
        }
        return importLedger(tx, actorOf(request), sheet, mapping, { dryRun, today: c.today, now: c.now, fileName: upload.filename });
      });
      if (!dryRun && report.valid !== report.total) {
        const invalid = report.total - report.valid;
        return reply.status(422).send({
          ...report,
          error: { code: 'import_invalid', message: `${invalid}行にエラーがあるため、取り込みませんでした（1行も登録していません）。エラーを直して再度取り込んでください` },
        });
      }
      return report;
    },
  );

  app.get('/api/inventory/import/mappings', { schema: { tags: ['inventory'], summary: '保存した取込の対応付け' }, config: { access: 'inventory.manage' } }, async (request) => ({
    items: (await inOrg(deps.database, scopeOf(request), (tx) => listMappings(tx, actorOf(request).organizationId))).map(presentMapping),
  }));

  app.post(
    '/api/inventory/import/mappings',
    { schema: { tags: ['inventory'], summary: '取込の対応付けの保存（同じ名前は上書き）', body: importMappingBody }, config: { access: 'inventory.manage' } },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => saveMapping(tx, actorOf(request), request.body));
      return reply.status(201).send(presentMapping(row));
    },
  );

  app.put(
    '/api/inventory/import/mappings/:id',
    { schema: { tags: ['inventory'], summary: '取込の対応付けの変更', params: idParams, body: importMappingBody }, config: { access: 'inventory.manage' } },
    async (request) => presentMapping(await inOrg(deps.database, scopeOf(request), (tx) => saveMapping(tx, actorOf(request), request.body, request.params.id))),
  );

  app.delete(
    '/api/inventory/import/mappings/:id',
    { schema: { tags: ['inventory'], summary: '取込の対応付けの削除', params: idParams, response: { 200: ok } }, config: { access: 'inventory.manage' } },
    async (request) => {
      await inOrg(deps.database, scopeOf(request), (tx) => deleteMapping(tx, actorOf(request).organizationId, request.params.id));
      return { ok: true as const };
    },
  );

  // ---- 毎年12月の見直し ----

  app.get(
    '/api/inventory/reviews',
    { schema: { tags: ['inventory'], summary: '台帳の見直し（所属ごと、年を指定。既定は今年）', querystring: reviewsQuery }, config: { access: 'inventory.read' } },
    async (request) => {
      const year = request.query.year ?? Number(clock().today.slice(0, 4));
      return { year, items: (await inOrg(deps.database, scopeOf(request), (tx) => listReviews(tx, actorOf(request).organizationId, 'inventory', year))).map(presentReviewListRow) };
    },
  );

  app.post(
    '/api/inventory/reviews',
    { schema: { tags: ['inventory'], summary: '台帳の見直しの開始（所属・年。開始済みならそれを返す）', body: reviewStartBody }, config: { access: 'inventory.request' } },
    async (request, reply) => {
      const c = clock();
      const detail = await inOrg(deps.database, scopeOf(request), async (tx) => {
        const id = await startReview(tx, actorOf(request), 'inventory', request.body, c);
        return getReview(tx, actorOf(request), 'inventory', id);
      });
      return reply.status(201).send(presentReview(detail));
    },
  );

  app.get(
    '/api/inventory/reviews/:id',
    { schema: { tags: ['inventory'], summary: '台帳の見直しの詳細（項目ごとの確認・昨年との差分）', params: idParams }, config: { access: 'inventory.read' } },
    async (request) => presentReview(await inOrg(deps.database, scopeOf(request), (tx) => getReview(tx, actorOf(request), 'inventory', request.params.id))),
  );

  app.post(
    '/api/inventory/reviews/:id/confirm',
    { schema: { tags: ['inventory'], summary: '見直し: 項目を「変更なし」で確認（所属長）', params: idParams, body: reviewConfirmBody }, config: { access: 'inventory.request' } },
    async (request) => {
      const c = clock();
      return presentReview(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await confirmReviewItem(tx, actorOf(request), 'inventory', request.params.id, request.body, c);
          return getReview(tx, actorOf(request), 'inventory', request.params.id);
        }),
      );
    },
  );

  app.post(
    '/api/inventory/reviews/:id/submit',
    { schema: { tags: ['inventory'], summary: '見直しの申請（個人情報保護管理者の承認）', params: idParams }, config: { access: 'inventory.request' } },
    async (request) => {
      const c = clock();
      return presentReview(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await submitReview(tx, actorOf(request), 'inventory', request.params.id, c);
          return getReview(tx, actorOf(request), 'inventory', request.params.id);
        }),
      );
    },
  );
}
