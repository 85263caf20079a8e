import { randomUUID } from 'node:crypto';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { recordAuditEvent } from '../../platform/audit/auditEvents.ts';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { noProgress, type ProgressReporter } from '../../platform/imports/progress.ts';
import type { ParsedUpload } from '../../platform/imports/run-register-import.ts';
import { keepColumnsSchema } from '../../platform/imports/imports.schema.ts';
import { jsonQueryParam } from '../../platform/imports/jsonQuery.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { ensureTask } from '../../platform/tasks/moduleTasks.ts';
import { namesFor } from './entry-references.ts';
import { ensureRiskAnalysisTask } from './entry-tasks.ts';
import { emptyImportMemory, type ImportMemory, loadImportMemory, rememberImportChoices } from '../../platform/imports/memory.ts';
import { getMapping, INVENTORY_REGISTER } from './import-mappings.ts';
import { type ImportQuery, type ImportValueMapping, importMappingSchema, importValueMappingSchema } from './inventory.import.schema.ts';
import type { ImportMapping } from './inventory.tables.ts';
import { type ImportReport, planImport } from './plan-import.ts';
import { columnChoices, type LedgerSheet, readLedgerSheet, suggestMapping } from './read-ledger-sheet.ts';
import { createImportedEntries } from './write-entries-batch.ts';
import { entryKey, planRiskImport } from './plan-risk-import.ts';
import { writeImportedAssessments } from '../risk/risk.exports.ts';

// 台帳の取込, step 4 (SPEC §3 Imports, M1): the dry run reports, the real run writes every row or none.

/** A refusal of the mapping, on the `mapping` field (400). */
const badMapping = (fields: { path: string; message: string }[]) => new HttpError(400, fields.map((f) => f.message).join(' / '), 'validation', fields);

/** The mapping given as JSON in the query (`{"name":"名称",…}`), checked; null when none was given. */
const mappingFrom = (json: string | undefined) => jsonQueryParam(json, importMappingSchema, 'mapping', '対応付け') as ImportMapping | null;

/** The value mapping given as JSON in the query (`values`), checked; null when none was given. */
const valuesFrom = (json: string | undefined): ImportValueMapping | null => jsonQueryParam(json, importValueMappingSchema, 'values', '値の対応付け');

/** The unmapped columns to keep as 取込時の追加情報 (`keep`, a JSON array of headings); null when not given. */
const keepFrom = (json: string | undefined): string[] | null => jsonQueryParam(json, keepColumnsSchema, 'keep', '残す列');

/** Whether every row of the 台帳 sheet and of the リスク分析 sheet (when there is one) can be imported. */
export const allRowsValid = (report: Pick<ImportReport, 'valid' | 'total' | 'risk'>) => report.valid === report.total && (!report.risk || report.risk.valid === report.risk.total);

/** Whether the import was asked to check only (dryRun=1, the default). */
export const isDryRun = (query: Pick<ImportQuery, 'dryRun'>) => query.dryRun === '1' || query.dryRun === 'true';

/**
 * 台帳の取込 of an uploaded file: the mapping is the saved one named (with its header row), the
 * JSON given, or what the organization chose for these headings before and a guess from the
 * headers for the rest; 「個人情報の名称」 and 「所管部署」 must be mapped. Then {@link importLedger}.
 * `progress` hears the rows read, checked and written (取込の進み具合).
 */
export async function importLedgerFile(
  tx: Tx,
  actor: Actor,
  file: ParsedUpload,
  query: ImportQuery,
  clock: Clock,
  maxRows?: number,
  progress: ProgressReporter = noProgress,
): Promise<ImportReport> {
  const saved = query.mappingId ? await getMapping(tx, actor.organizationId, query.mappingId) : null;
  const sheet = readLedgerSheet(file.grids, { sheet: query.sheet, headerRow: saved?.headerRow ?? query.headerRow, maxRows });
  progress.parsed(sheet.rows.length);
  const memory = await loadImportMemory(tx, actor.organizationId, INVENTORY_REGISTER);
  const mapping = saved?.mapping ?? mappingFrom(query.mapping) ?? suggestMapping(sheet.headers, memory);
  if (!mapping.name || !mapping.department) throw badMapping([{ path: 'mapping', message: '「個人情報の名称」と「所管部署」の列を対応付けてください' }]);
  const values = valuesFrom(query.values);
  const keep = keepFrom(query.keep);
  return importLedger(tx, actor, sheet, mapping, { dryRun: isDryRun(query), today: clock.today, now: clock.now, fileName: file.fileName, values, memory, keep, progress });
}

/**
 * 台帳の取込. Dry run: validates and reports, writes nothing. Real run: writes only when every
 * row is valid, all in the caller's transaction; each entry gets a history row naming the
 * import, each department one risk-analysis task for its imported entries (they are 未分析),
 * the import is recorded in the audit trail with its row count, and the organization's choices —
 * the columns mapped otherwise than the dictionary would, the values mapped — are remembered for
 * the next import (取込の記憶, issue #12).
 */
export async function importLedger(
  tx: Tx,
  actor: Actor,
  sheet: LedgerSheet,
  mapping: ImportMapping,
  options: {
    dryRun: boolean;
    today: string;
    now: Date;
    fileName: string;
    values?: ImportValueMapping | null;
    memory?: ImportMemory;
    keep?: string[] | null;
    progress?: ProgressReporter;
  },
): Promise<ImportReport> {
  const memory = options.memory ?? emptyImportMemory();
  const { report, plan, erroredNames, ignoredColumns, keptColumns, unknownValues, rememberedValues } = await planImport(
    tx,
    actor.organizationId,
    sheet,
    mapping,
    options.today,
    options.values ?? null,
    memory,
    options.keep ?? null,
    options.progress?.validated,
  );
  const valid = report.filter((r) => r.action !== 'error').length;
  // The リスク分析 sheet beside the 台帳 (issue #12): checked against this file's entries; written,
  // one draft 対策表 per 類型, only when every row of both sheets is right (all or nothing).
  const risk = sheet.risk ? await planRiskImport(tx, actor.organizationId, sheet.risk, { plan, erroredNames }, options.today) : null;
  const result: ImportReport = {
    dryRun: options.dryRun,
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    total: report.length,
    valid,
    created: plan.length,
    ignoredColumns,
    keptColumns,
    rows: report,
    unknownValues,
    rememberedValues,
    risk: risk?.report ?? null,
  };
  if (options.dryRun || !allRowsValid(result) || plan.length === 0) return result;
  const importId = randomUUID();
  const names = await namesFor(
    tx,
    actor.organizationId,
    plan.map((p) => p.content),
  );
  const perDepartment = new Map<string, { count: number; first: { id: string; name: string; revision: number } }>();
  // Batched writes (issue #12 Scale): one multi-row INSERT per batch, not two per row.
  const entries = await createImportedEntries(
    tx,
    plan.map((p) => ({ content: p.content, names: names.of(p.content), summary: `Excel台帳の取込（${options.fileName} ${p.row}行目）`, extras: p.extras ?? null })),
    {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      requestedByPersonId: actor.personId,
      importId,
      today: options.today,
      now: options.now,
    },
    options.progress?.written,
  );
  for (const entry of entries) {
    const seen = perDepartment.get(entry.departmentId);
    if (seen) seen.count++;
    else perDepartment.set(entry.departmentId, { count: 1, first: entry });
  }
  for (const [departmentId, { count, first }] of perDepartment) {
    if (count === 1) {
      await ensureRiskAnalysisTask(tx, { ...first, organizationId: actor.organizationId, departmentId }, 'imported', options.today);
      continue;
    }
    await ensureTask(
      tx,
      actor.organizationId,
      {
        generationKey: `risk-analysis-import:${importId}:${departmentId}`,
        title: `リスク分析: 取り込んだ台帳の${count}件（${names.departmentNames.get(departmentId) ?? ''}）`,
        description: `Excel台帳（${options.fileName}）から取り込んだ${count}件は「未分析」です。類型ごとにリスク分析対策表を作成し、承認を受けてください（J.3.1.3 e)・j)）。`,
        ownerRole: 'department_head',
        departmentId,
        startsOn: options.today,
        dueOn: addCalendarDays(options.today, 30),
        sourceType: 'risk_analysis_import',
        sourceId: importId,
      },
      options.today,
    );
  }
  if (risk && sheet.risk && risk.assessments.length > 0) {
    const idOf = new Map(entries.map((e) => [entryKey(e.departmentId, e.name), e.id]));
    await writeImportedAssessments(
      tx,
      actor,
      risk.assessments.map((a) => ({
        departmentId: a.departmentId,
        category: a.category,
        entryIds: a.entryKeys.map((key) => {
          const id = idOf.get(key);
          if (!id) throw new Error('an imported risk names an entry the import did not write');
          return id;
        }),
        records: a.records,
      })),
      { today: options.today, now: options.now },
      sheet.risk.name,
    );
  }
  await rememberImportChoices(tx, actor, INVENTORY_REGISTER, {
    columns: columnChoices(sheet.headers, mapping, memory),
    values: Object.entries(options.values ?? {}).flatMap(([field, chosen]) => Object.entries(chosen ?? {}).map(([value, target]) => ({ field, value, target }))),
  });
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorAccountId: actor.accountId,
    action: 'import',
    entityType: 'inventory_entries',
    entityId: importId,
    rowCount: plan.length,
    meta: {
      created: plan.length,
      fileName: options.fileName,
      sheet: sheet.sheetName,
      ...(risk ? { riskSheet: risk.report.sheet, riskAssessments: risk.report.assessments, riskRecords: risk.report.records } : {}),
      mapping,
      ...(options.values ? { values: options.values } : {}),
      ...(options.keep ? { keep: options.keep } : {}),
    },
  });
  return result;
}
