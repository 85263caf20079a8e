import { eq, inArray } from 'drizzle-orm';
import { and } from 'drizzle-orm';
import { departmentChoiceLabel, listDepartmentChoices } from '../../platform/org/departmentNames.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { type CompanionReport, defineRegisterImport } from '../../platform/imports/register.ts';
import { ensureTask } from '../../platform/tasks/moduleTasks.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { acquisitionMethodLabels, acquisitionMethods, storageMedia, storageMediumLabels } from '../../rules/data/inventoryClauses.ts';
import { inventoryHeadings } from '../../rules/ledgerImport/index.ts';
import { type RiskSheet, writeImportedAssessments } from '../risk/risk.exports.ts';
import { namesFor } from './entry-references.ts';
import { ensureRiskAnalysisTask } from './entry-tasks.ts';
import { type ImportField, importValueMappingSchema, LEDGER_EXPORT_STATE_COLUMNS } from './inventory.import.schema.ts';
import { type PlannedEntry, planImport } from './plan-import.ts';
import { entryKey, type PlannedAssessment, planRiskImport, type RiskImportReport } from './plan-risk-import.ts';
import { findRiskSheet } from './read-ledger-sheet.ts';
import { createImportedEntries, type WrittenEntry } from './write-entries-batch.ts';

// 個人情報管理台帳の取込 (SPEC §3 Imports, M1) on the one import pipeline (platform/imports, issue
// #12): /api/imports/inventory/inspect and /api/imports/inventory. The platform reads the sheet,
// the header and the columns (the 台帳's dictionary: src/rules/ledgerImport/inventoryHeadings.ts),
// keeps the unmapped columns as 取込時の追加情報, maps and remembers reference values; this
// definition checks each row as a 申請書 is checked (plan-import.ts), writes the new entries batch
// by batch, gives each department one risk-analysis task, and imports the workbook's リスク分析
// sheet into M2 as its companion (plan-risk-import.ts). An entry already in the 台帳 is refused,
// not updated: a change of the 台帳 goes through the 個人情報取扱変更等申請書 (J.3.1.1), so this
// import only creates.

/** The label of the risk sheet in the report. */
const RISK_LABEL = 'リスク分析';

/** The risk report as the platform's companion report (its rows labelled by their リスク). */
function companionOf(report: RiskImportReport): CompanionReport {
  return { label: RISK_LABEL, ...report, rows: report.rows.map((r) => ({ ...r, label: r.risk })) };
}

/**
 * 台帳の取込 (register `inventory`, permission inventory.manage). Fields: the 台帳's import fields
 * with their synonyms; 個人情報の名称 and 所管部署 are required. Reference values: 所管部署 (a 所属
 * by name or code), 保管媒体 and 取得方法 (the words ledgers use, else mapped to a code).
 */
export const inventoryImport = defineRegisterImport<ImportField, PlannedEntry, WrittenEntry>({
  register: 'inventory',
  label: '個人情報管理台帳',
  permission: 'inventory.manage',
  departmentField: 'department',
  auditEntity: 'inventory_entries',
  keyLabel: '所管部署',
  nameLabel: '個人情報の名称',
  fields: inventoryHeadings.map((h) => ({ key: h.key, header: h.label, synonyms: h.synonyms, required: h.key === 'name' || h.key === 'department' })),
  // 取込時の追加情報 (issue #12): the 台帳 has no notes field, so 備考 and the other columns no field
  // took are kept on the entry; the export's state columns (廃棄日, 版 …) are not kept by default.
  extras: { derived: LEDGER_EXPORT_STATE_COLUMNS },
  values: importValueMappingSchema,

  async choices(tx, organizationId) {
    const all = await listDepartmentChoices(tx, organizationId);
    return {
      department: all.map((d) => ({ value: d.id, label: departmentChoiceLabel(d) })),
      storageMedia: storageMedia.map((m) => ({ value: m, label: storageMediumLabels[m] })),
      acquisitionMethods: acquisitionMethods.map((m) => ({ value: m, label: acquisitionMethodLabels[m] })),
    };
  },

  plan: (tx, actor, context) => planImport(tx, actor.organizationId, context),

  async write(tx, actor, batch, context) {
    // One multi-row INSERT of entries and one of their history rows per batch (issue #12 Scale).
    const names = await namesFor(
      tx,
      actor.organizationId,
      batch.map((p) => p.value.content),
    );
    return createImportedEntries(
      tx,
      batch.map((p) => ({
        content: p.value.content,
        names: names.of(p.value.content),
        summary: `Excel台帳の取込（${context.fileName} ${p.row}行目）`,
        extras: p.extras ?? null,
      })),
      {
        organizationId: actor.organizationId,
        actorPersonId: actor.personId,
        requestedByPersonId: actor.personId,
        importId: context.importId,
        today: context.today,
        now: context.now,
      },
    );
  },

  // The imported entries are 未分析: one risk-analysis task per department (J.3.1.3 e)・j)).
  async finish(tx, actor, run, context) {
    const perDepartment = new Map<string, { count: number; first: WrittenEntry }>();
    for (const entry of run.written) {
      const seen = perDepartment.get(entry.departmentId);
      if (seen) seen.count++;
      else perDepartment.set(entry.departmentId, { count: 1, first: entry });
    }
    const ids = [...perDepartment.keys()];
    const departmentNames = new Map(
      ids.length === 0
        ? []
        : (
            await tx
              .select({ id: departments.id, name: departments.name })
              .from(departments)
              .where(and(eq(departments.organizationId, actor.organizationId), inArray(departments.id, ids)))
          ).map((d) => [d.id, d.name]),
    );
    for (const [departmentId, { count, first }] of perDepartment) {
      if (count === 1) {
        await ensureRiskAnalysisTask(tx, { ...first, organizationId: actor.organizationId, departmentId }, 'imported', context.today);
        continue;
      }
      await ensureTask(
        tx,
        actor.organizationId,
        {
          generationKey: `risk-analysis-import:${context.importId}:${departmentId}`,
          title: `リスク分析: 取り込んだ台帳の${count}件（${departmentNames.get(departmentId) ?? ''}）`,
          description: `Excel台帳（${context.fileName}）から取り込んだ${count}件は「未分析」です。類型ごとにリスク分析対策表を作成し、承認を受けてください（J.3.1.3 e)・j)）。`,
          ownerRole: 'department_head',
          departmentId,
          startsOn: context.today,
          dueOn: addCalendarDays(context.today, 30),
          sourceType: 'risk_analysis_import',
          sourceId: context.importId,
        },
        context.today,
      );
    }
    return { entityId: context.importId };
  },

  // The リスク分析 sheet beside the 台帳 (issue #12): checked against this file's entries; written,
  // one draft 対策表 per 類型, only when every row of both sheets is right (all or nothing).
  companion: {
    find: (grids, maxRows) => findRiskSheet(grids, maxRows),
    async plan(tx, actor, sheet, main, today) {
      const risk = await planRiskImport(
        tx,
        actor.organizationId,
        sheet as RiskSheet,
        { plan: main.plan.map((p) => ({ row: p.row, content: p.value.content })), erroredNames: (main.carry as Set<string> | undefined) ?? new Set() },
        today,
      );
      return { report: companionOf(risk.report), planned: risk.assessments };
    },
    async write(tx, actor, sheet, planned, written, context) {
      const assessments = planned as PlannedAssessment[];
      if (assessments.length === 0) return;
      const idOf = new Map(written.map((e) => [entryKey(e.departmentId, e.name), e.id]));
      await writeImportedAssessments(
        tx,
        actor,
        assessments.map((a) => ({
          departmentId: a.departmentId,
          category: a.category,
          entryIds: a.entryKeys.map((key) => {
            const id = idOf.get(key);
            if (!id) throw new Error('an imported risk names an entry the import did not write');
            return id;
          }),
          records: a.records,
        })),
        { today: context.today, now: context.now },
        (sheet as RiskSheet).name,
      );
    },
    auditMeta: (report) => ({ riskSheet: report.sheet, riskAssessments: report.assessments, riskRecords: report.records }),
  },
});
